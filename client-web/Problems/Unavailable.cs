using Npgsql;

namespace Dispatch.Web.Problems;

/// <summary>
/// Failures that say the service cannot serve the request just now, not that the request or the code is wrong: no silo
/// or gateway answers (a silo died, the cluster is restarting), a grain call timed out, the database cannot be reached.
/// They answer 503 problem details with Retry-After, so a client waits and tries again instead of seeing a server fault.
/// </summary>
public static class Unavailable
{
    /// <summary>Seconds a client should wait before trying again: about one membership probe round.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or GatewayTooBusyException or OrleansMessageRejectionException
            or Orleans.Networking.Shared.SocketConnectionException => true,
        TimeoutException => true,
        OperationCanceledException cancelled when ExpiredInCluster(cancelled) => true,
        NpgsqlException { IsTransient: true } => true,
        // The server starting up or shutting down (57P01-57P03), a lost connection (08), no resources or slots (53).
        PostgresException postgres when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("53", StringComparison.Ordinal) => true,
        // A database failure inside a grain, as the silo hands it over (DatabaseFailureFilter).
        Dispatch.Identity.DatabaseFailureException { Transient: true } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        _ => Is(exception.InnerException),
    };

    /// <summary>
    /// The part of <see cref="Is"/> that says the silo or the connection that held the call went away (a silo died, its
    /// gateway closed, the call's answer never came): another silo can serve the same request once the cluster has
    /// noticed, so an idempotent request may be tried again (FailoverRetry). A database that cannot answer is not
    /// among them: it answers 503 at once.
    /// </summary>
    public static bool MeansSiloLost(Exception? exception) => exception switch
    {
        null => false,
        SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or GatewayTooBusyException or OrleansMessageRejectionException
            or Orleans.Networking.Shared.SocketConnectionException => true,
        // Orleans' response timeout: the silo that held the call stopped answering.
        TimeoutException => true,
        OperationCanceledException cancelled when ExpiredInCluster(cancelled) => true,
        NpgsqlException or Dispatch.Identity.DatabaseFailureException => false,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(MeansSiloLost),
        _ => MeansSiloLost(exception.InnerException),
    };

    /// <summary>
    /// A call that expired inside the cluster before it reached a grain, e.g. "Message expired before placement could
    /// complete" while the directory still pointed at a silo that had just died: Orleans throws it as a cancellation, but
    /// nobody cancelled the request.
    /// </summary>
    private static bool ExpiredInCluster(OperationCanceledException cancelled) =>
        cancelled.Message.Contains("expired", StringComparison.OrdinalIgnoreCase)
        || (cancelled.Source?.StartsWith("Orleans", StringComparison.Ordinal) ?? false);

    /// <summary>The status the exception handler answers for an unhandled exception.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        Dispatch.Identity.CallerRefusedException => StatusCodes.Status403Forbidden,
        _ when Is(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
