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
        NpgsqlException { IsTransient: true } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        _ => Is(exception.InnerException),
    };

    /// <summary>The status the exception handler answers for an unhandled exception.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        Dispatch.Identity.CallerRefusedException => StatusCodes.Status403Forbidden,
        _ when Is(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
