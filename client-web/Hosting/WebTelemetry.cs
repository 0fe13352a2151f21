using Dispatch.Schema.Telemetry;
using Dispatch.Web.Auth;
using Dispatch.Web.Live;
using Orleans.Dashboard;

namespace Dispatch.Web.Hosting;

/// <summary>
/// The web app's telemetry (section Telemetry: metrics, traces, the Prometheus listener) and the Orleans dashboard, which
/// this app serves to administrators only.
/// </summary>
public static class WebTelemetry
{
    public const string ServiceName = "dispatch-web";

    /// <summary>Where the Orleans dashboard is served (role admin only).</summary>
    public const string DashboardPath = Security.SecurityHeaders.DashboardPath;

    public static WebApplicationBuilder AddDispatchWebTelemetry(this WebApplicationBuilder builder)
    {
        DispatchLogging.Configure(builder.Logging);
        builder.Services.AddDispatchTelemetry(builder.Configuration, ServiceName, [LiveMetrics.MeterName, FailoverMetrics.MeterName], serveHttp: true);
        return builder;
    }

    /// <summary>
    /// The dashboard's page and its JSON reads, behind the administrator policy; it is not part of the API, so the
    /// OpenAPI document leaves it out.
    /// </summary>
    public static WebApplication MapOrleansDashboardForAdmins(this WebApplication app)
    {
        app.MapOrleansDashboard(DashboardPath).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        return app;
    }
}
