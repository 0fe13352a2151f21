using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Input;

/// <summary>Registers the edge's input limits: body size, JSON depth, bind failures as problem details, the hub filter.</summary>
public static class InputSetup
{
    public static IServiceCollection AddInputLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = InputLimits.MaxBodyBytes);
        services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = InputLimits.MaxDepth + 4);
        // Bind failures throw in every environment, so MalformedRequestHandler answers them with field errors.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<MalformedRequestHandler>();
        services.Configure<HubOptions>(o => o.AddFilter<InputHubFilter>());
        return services;
    }
}
