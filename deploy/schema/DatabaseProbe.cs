using Npgsql;

namespace Dispatch.Schema;

/// <summary>The readiness probe's database check, shared by the silo's and the web app's health endpoints.</summary>
public static class DatabaseProbe
{
    /// <summary>Null when PostgreSQL answers a trivial query within <paramref name="timeout"/>, else what went wrong.</summary>
    public static async Task<string?> ProblemAsync(NpgsqlDataSource database, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await using var command = database.CreateCommand("select 1");
            await command.ExecuteScalarAsync(ct).WaitAsync(timeout, ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return "database: " + ex.Message;
        }
    }
}
