using System.Text.Json;
using Dispatch.Tests.Integration.Live;
using Dispatch.Tests.Integration.Tickets;

namespace Dispatch.Tests.Integration.Telemetry;

/// <summary>
/// What the metrics tests run once on the shared <see cref="TelemetrySystem"/>: in county 330402 four tickets received, two
/// of them answered on the spot (resolved) and one urgent ticket dispatched and left unsigned past its one working hour
/// (overdue); in county 330411 two received, one answered on the spot. A county supervisor watches the county's feed.
/// </summary>
public static class TelemetryScenario
{
    public const string Own = "330402";
    public const string Other = "330411";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task? ran;

    /// <summary>Runs the scenario on the first call; later calls wait for that run.</summary>
    public static async Task RunOnceAsync(TelemetrySystem system)
    {
        await Gate.WaitAsync();
        try
        {
            ran ??= RunAsync(system);
        }
        finally
        {
            Gate.Release();
        }
        await ran;
    }

    private static async Task RunAsync(TelemetrySystem system)
    {
        system.CountyFeed = await LiveListener.ConnectAsync(system.Web, "supervisor.330402@jx12385.test");
        await system.CountyFeed.JoinAsync("county:" + Own);
        using var op = await system.Web.SignInAsync("operator@jx12385.test");

        var first = await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: Own));
        // The live feed gathers changes for a moment of the silo's clock before it sends them.
        await Eventually.Get(() =>
        {
            system.Clock.Advance(TimeSpan.FromMilliseconds(100));
            return Task.FromResult(system.CountyFeed.Received.Any(m => m.Name == "itemChanged" && m.Payload.ItemId() == TicketApi.Id(first)));
        }, heard => heard, TimeSpan.FromSeconds(20), "the first ticket on the county feed");
        await AnsweredOnTheSpotAsync(op, Own);
        await AnsweredOnTheSpotAsync(op, Own);
        var urgent = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "complaint", topic: "accessibility", urgency: "urgent", county: Own));
        await TicketApi.ActOkAsync(op, urgent, "dispatch", new { unitCode = Own + "-CENTRE" });
        await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: Other));
        await AnsweredOnTheSpotAsync(op, Other);

        // Past the urgent ticket's one working hour to sign for it (dispatched at 09:00).
        await system.WatcherRunsAtAsync(10, 5, Guid.Parse(TicketApi.Id(urgent)));
        await Eventually.Get(() => TelemetrySystem.ScrapeAsync(system.SiloMetricsPort),
            s => s.Value("dispatch_items_overdue_total", ("county", Own), ("kind", "ticket")) is not null, TimeSpan.FromSeconds(20), "the overdue counter");
    }

    private static async Task<JsonElement> AnsweredOnTheSpotAsync(HttpClient op, string county)
    {
        var ticket = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "inquiry", county: county));
        return await TicketApi.ActOkAsync(op, ticket, "answer", new { reply = "已告知办理残疾人证所需材料。" });
    }
}
