using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Live;

/// <summary>
/// The supervision hub's services: SignalR with its call logging, the connections by session, the live-feed observer
/// and its subscription, the measures refresh.
/// </summary>
public static class LiveSetup
{
    public const string HubPath = "/hubs/supervision";

    /// <summary>The hub's transport buffer and send timeout (Live:TransportBufferSize, Live:TransportSendTimeout).</summary>
    public static void ConfigureConnections(HttpConnectionDispatcherOptions options, LiveOutboxSettings settings)
    {
        options.TransportMaxBufferSize = settings.TransportBufferSize;
        options.TransportSendTimeout = settings.TransportSendTimeout;
    }

    public static IServiceCollection AddSupervisionHub(this IServiceCollection services)
    {
        // Added before any other hub filter (this runs before AddInputLimits), so it is the outermost and sees their refusals.
        services.AddSignalR(o => o.AddFilter<HubCallLogging>());
        services.AddSingleton<HubCallLogging>();
        // SignalR's default lifetime manager for this hub, keeping the connections so a pushed message is serialised once.
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<HubLifetimeManager<SupervisionHub>>(sp => sp.GetRequiredService<LiveConnections>());
        services.AddLogging(logging => logging.AddFilter(HubCallLogging.DispatcherCategory, LogLevel.None));
        services.AddSingleton<LiveGroups>();
        services.AddSingleton<HubSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        services.AddSingleton<LiveMetrics>();
        services.AddOptions<LiveOutboxSettings>().BindConfiguration(LiveOutboxSettings.Section)
            .Validate(o => o.QueueCapacity > 0 && o.SendDeadline > TimeSpan.Zero && o.TransportBufferSize > 0 && o.TransportSendTimeout > TimeSpan.Zero
                    && o.StatsInterval > TimeSpan.Zero,
                "Live:QueueCapacity, Live:SendDeadline, Live:TransportBufferSize, Live:TransportSendTimeout and Live:StatsInterval must be positive.")
            .ValidateOnStart();
        services.AddKeyedSingleton(LiveOutboxes.ClockKey, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.AddSingleton<LiveOutboxes>();
        services.AddSingleton<LivePush>();
        services.AddSingleton<LiveStatsPublisher>();
        services.AddSingleton<LiveFeedSubscription>();
        services.AddHostedService(sp => sp.GetRequiredService<LivePush>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveStatsPublisher>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeedSubscription>());
        // Browsers cannot set headers on a WebSocket: for the hubs the bearer token may come as ?access_token=.
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = context =>
        {
            if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is { Count: > 0 } token)
            {
                context.Token = token.ToString();
            }
            return Task.CompletedTask;
        });
        return services;
    }
}
