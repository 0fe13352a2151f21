using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Live;

/// <summary>
/// How a failed hub call is logged, in place of SignalR's own "Failed to invoke hub method" (an Error for every
/// exception, refusals included): a refusal (a <see cref="HubException"/>: a forbidden or malformed scope, a refused
/// argument) is the caller's doing and logs at Information; anything else is a server error and logs at Error. Neither
/// names the arguments, which may carry personal data. The caller still gets the refusal's message.
/// </summary>
public sealed class HubCallLogging(ILogger<HubCallLogging> logger) : IHubFilter
{
    /// <summary>SignalR's dispatcher category: its error entry is replaced by this filter's, its debug entries show arguments.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            logger.LogInformation("Hub method {Hub}.{Method} refused a call on connection {ConnectionId}",
                invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Hub method {Hub}.{Method} failed on connection {ConnectionId}",
                invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }
}
