using Dispatch.EventSourcing;
using Dispatch.Items;
using Dispatch.Schema.Telemetry;
using Orleans.Dashboard;

namespace Dispatch.Silo.Hosting;

/// <summary>The silo's telemetry (section Telemetry) and its part of the Orleans dashboard.</summary>
public static class SiloTelemetry
{
    public const string ServiceName = "dispatch-silo";

    /// <summary>Metrics (Orleans, Npgsql, runtime, the items' and the group commit's), traces and JSON logs with trace ids.</summary>
    public static IHostApplicationBuilder AddDispatchSiloTelemetry(this IHostApplicationBuilder builder)
    {
        DispatchLogging.Configure(builder.Logging);
        builder.Services.AddDispatchTelemetry(builder.Configuration, ServiceName, [ItemMetrics.MeterName, GroupCommitMetrics.MeterName, Dispatch.Notifications.NotificationMetrics.MeterName], serveHttp: false);
        return builder;
    }

    /// <summary>
    /// Trace context across grain calls, and the dashboard's grain service and grains, which the web app's dashboard page
    /// reads (the silo serves no page of its own). Its live log stream stays off: the page is for the cluster's figures.
    /// </summary>
    public static ISiloBuilder AddDispatchDiagnostics(this ISiloBuilder silo) => silo
        .AddActivityPropagation()
        .AddDashboard(o => o.HideTrace = true);
}
