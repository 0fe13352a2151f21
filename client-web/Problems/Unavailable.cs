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
        // A database exception thrown in a grain cannot be serialized back (no codec for Npgsql's types): the web app sees
        // this instead of the NpgsqlException. The silo does not translate them yet.
        Orleans.Serialization.CodecNotFoundException codec when codec.Message.Contains("Npgsql.Npgsql", StringComparison.Ordinal) => true,
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
        NpgsqlException => false,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(MeansSiloLost),
        _ => MeansSiloLost(exception.InnerException),
    };

    /// <summary>The status the exception handler answers for an unhandled exception.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        Dispatch.Identity.CallerRefusedException => StatusCodes.Status403Forbidden,
        _ when Is(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
