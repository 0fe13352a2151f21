using System.Net.Sockets;
using Npgsql;

namespace Dispatch.Schema;

/// <summary>Turns the failures a host can meet at start into one line for the operator, instead of a stack trace.</summary>
public static class StartupProblem
{
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StartupConfigurationException config:
                    return "Configuration error: " + config.Message;
                case SchemaMismatchException schema:
                    return "Database schema error: " + schema.Message;
                case ReferenceDataException data:
                    return "Reference data error: " + data.Message;
                case PostgresException pg:
                    return $"Database error: {pg.MessageText} (SQLSTATE {pg.SqlState}).";
                case NpgsqlException npgsql when npgsql.InnerException is SocketException or TimeoutException or IOException:
                    return "Database unreachable: " + npgsql.InnerException!.Message + ". Check ConnectionStrings__Dispatch / DATABASE_URL and that PostgreSQL is running.";
                case NpgsqlException npgsql:
                    return "Database error: " + npgsql.Message;
            }
        }
        return null;
    }

    /// <summary>Runs a host; a known start-up failure is logged as one line and ends the process with exit code 2.</summary>
    public static async Task<int> RunAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (Exception ex) when (Describe(ex) is { } line)
        {
            await Console.Error.WriteLineAsync("FATAL " + line);
            return 2;
        }
    }
}
