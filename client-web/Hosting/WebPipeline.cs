using Dispatch.Schema;
using Dispatch.Web.Health;
using Dispatch.Web.Input;
using Dispatch.Web.LegalAid;
using Dispatch.Web.People;
using Dispatch.Web.Rehab;
using Dispatch.Web.Live;
using Dispatch.Web.Open311;
using Dispatch.Web.Reference;
using Dispatch.Web.Reports;
using Dispatch.Web.Routing;
using Dispatch.Web.Stats;
using Dispatch.Web.Tickets;
using Dispatch.Web.Units;
using Dispatch.Web.Users;
using Scalar.AspNetCore;
using Dispatch.Web.Calendar;
using Dispatch.Web.Sla;
using Dispatch.Web.Security;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Hosting;

/// <summary>Start-up work and the request pipeline: problem details, authentication, endpoint groups per capability.</summary>
public static class WebPipeline
{
    /// <summary>Brings the schema up to date (the same step the silo runs) and seeds roles and accounts.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await DatabaseSetup.PrepareAsync(app.Configuration, app.Services.GetRequiredService<ILoggerFactory>(), app.Services.GetRequiredService<TimeProvider>());
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().RunAsync(CancellationToken.None);
    }

    public static WebApplication MapDispatchWeb(this WebApplication app)
    {
        app.UseDispatchEdge();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseDispatchRequestGuards();
        app.UseAuthorization();
        app.UseFailoverRetry();

        app.MapStaticUi();
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        // No fonts from the internet: the page policy allows none, and an installation may have no way out.
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("12385 Dispatch API").DisableDefaultFonts()).AllowAnonymous();

        var api = app.MapGroup("/api").GuardInput();
        api.MapAuthApi();
        api.MapUserAdministrationApi();
        api.MapOpen311KeysApi();
        api.MapAntiforgeryApi();
        api.MapReferenceApi();
        api.MapUnitsApi();
        api.MapTownsApi();
        api.MapUnitMembersApi();
        api.MapCalendarsApi();
        api.MapSlaRulesApi();
        api.MapTicketsApi();
        api.MapTicketListsApi();
        Dispatch.Web.Supervision.SupervisionEndpoints.MapSupervisionApi(api);
        api.MapLegalAidApi();
        api.MapLegalAidListsApi();
        api.MapLegalAidRosterApi();
        api.MapRehabVisitsApi();
        api.MapRehabPlansApi();
        api.MapRehabListsApi();
        api.MapRehabWorkersApi();
        api.MapPersonApi();
        Dispatch.Web.Audit.AuditEndpoints.MapAuditApi(api);
        Dispatch.Web.Notifications.NotificationEndpoints.MapNotificationsApi(api);
        api.MapRoutingApi();
        api.MapStatsApi();
        api.MapStatsOutlookApi();
        Dispatch.Web.Stats.ClockGamingEndpoints.MapClockGamingApi(api);
        api.MapReportsApi();
        app.MapOpen311();
        app.MapOrleansDashboardForAdmins();
        var live = app.Services.GetRequiredService<IOptions<LiveOutboxSettings>>().Value;
        app.MapHub<SupervisionHub>(LiveSetup.HubPath, o => LiveSetup.ConfigureConnections(o, live));
        return app;
    }
}
