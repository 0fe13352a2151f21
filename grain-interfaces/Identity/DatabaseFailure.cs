namespace Dispatch.Identity;

/// <summary>
/// A database failure inside a grain call, as the caller sees it: Npgsql's exceptions cannot travel back through Orleans
/// (they have no codec), so the silo hands this over instead. <see cref="Transient"/> says whether trying again later can
/// succeed (the server restarting, the connection lost, too many connections): the web app answers 503 then, 500 else.
/// The message names the SQL state only; no statement, parameter or row detail crosses.
/// </summary>
[GenerateSerializer, Alias("Dispatch.DatabaseFailure")]
public sealed class DatabaseFailureException : Exception
{
    public DatabaseFailureException() { }

    public DatabaseFailureException(string message) : base(message) { }

    public DatabaseFailureException(string message, Exception inner) : base(message, inner) { }

    public DatabaseFailureException(string message, bool transient, string? sqlState) : base(message) =>
        (Transient, SqlState) = (transient, sqlState);

    [Id(0)]
    public bool Transient { get; init; }

    [Id(1)]
    public string? SqlState { get; init; }
}
