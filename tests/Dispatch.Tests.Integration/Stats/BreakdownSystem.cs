using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// A silo on a <see cref="FakeTimeProvider"/> and a web app, with tickets of two months registered and worked through
/// the API in several kinds, topics, channels and towns: October 2026 (resolved on time, answered on the spot, left open
/// with its unit, one in another county) and November 2026 (resolved, left open, a suspended one). The silo's clock then
/// stays in November, so October is a past month and November the current one. Before them, in September, 20 complaints
/// on rehabilitation worked by the centre (6 resolved after 2 hours, 4 after 30, 10 after 400: the breach-risk history)
/// and, in November, one more such complaint left open (<see cref="OpenComplaint"/>).
/// </summary>
public sealed class BreakdownSystem() : FakeClockSystem(September, "breakdown")
{
    public const string County = "330402";
    public const string OtherCounty = "330411";
    public const string Centre = "330402-CENTRE";

    private static readonly DateTimeOffset September = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
    private static readonly DateTimeOffset October = new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
    private static readonly DateTimeOffset November = new DateTimeOffset(2026, 11, 10, 9, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>The open complaint on rehabilitation registered and dispatched to the centre in November.</summary>
    public string OpenComplaint { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        using var op = await SignInAsync("operator@jx12385.test");
        using var staff = await SignInAsync($"staff.{Centre.ToLowerInvariant()}@jx12385.test");
        await HandlingHistoryAsync(op, staff);
        await ClockGamingAsync(op, staff);
        Clock.SetUtcNow(October);
        await WatcherCaughtUpAsync();

        var resolved = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "complaint", topic: "social_security", town: "330402007", phone: "13912340001"));
        await TicketApi.ActOkAsync(op, resolved, "dispatch", new { unitCode = Centre });
        await TicketApi.ActOkAsync(staff, resolved, "sign");
        await TicketApi.ActOkAsync(staff, resolved, "resolve", new { reply = "已协调发放。" });
        var answered = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "inquiry", topic: "certificates", channel: "online", phone: "13912340002"));
        await TicketApi.ActOkAsync(op, answered, "answer", new { reply = "已告知办证材料。" });
        var open = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "help", topic: "care_services", channel: "app", town: "330402008", phone: "13912340003"));
        await TicketApi.ActOkAsync(op, open, "dispatch", new { unitCode = Centre });
        await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "complaint", topic: "employment", channel: "letter", county: OtherCounty, phone: "13912340004"));

        Clock.SetUtcNow(November);
        await WatcherCaughtUpAsync();
        var later = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "complaint", topic: "social_security", town: "330402007", phone: "13912340005"));
        await TicketApi.ActOkAsync(op, later, "dispatch", new { unitCode = Centre });
        await TicketApi.ActOkAsync(staff, later, "sign");
        await TicketApi.ActOkAsync(staff, later, "resolve", new { reply = "已答复。" });
        await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "suggestion", topic: "accessibility", channel: "online", town: "330402009", phone: "13912340006"));
        var suspended = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "help", topic: "rehabilitation", channel: "visit", town: "330402008", phone: "13912340007"));
        await TicketApi.ActOkAsync(op, suspended, "dispatch", new { unitCode = Centre });
        await TicketApi.ActOkAsync(staff, suspended, "sign");
        await TicketApi.ActOkAsync(staff, suspended, "suspend", new { reasonCode = "awaiting_citizen_documents" });
        var complaint = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "complaint", topic: "rehabilitation", phone: "13912340008"));
        await TicketApi.ActOkAsync(op, complaint, "dispatch", new { unitCode = Centre });
        OpenComplaint = TicketApi.Id(complaint);
        await WatcherCaughtUpAsync();
    }

    /// <summary>20 complaints on rehabilitation dispatched to the centre at once and resolved 2, 30 and 400 hours later.</summary>
    private async Task HandlingHistoryAsync(HttpClient op, HttpClient staff)
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var id = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "complaint", topic: "rehabilitation", phone: $"139123411{i:D2}"));
            await TicketApi.ActOkAsync(op, id, "dispatch", new { unitCode = Centre });
            await TicketApi.ActOkAsync(staff, id, "sign");
            return id;
        }));
        foreach (var (hours, batch) in new[] { (2, tickets[..6]), (30, tickets[6..10]), (400, tickets[10..]) })
        {
            Clock.SetUtcNow(September.AddHours(hours));
            await Task.WhenAll(batch.Select(id => TicketApi.ActOkAsync(staff, id, "resolve", new { reply = "已处理。" })));
        }
    }

    /// <summary>The tickets of the clock-gaming scenario by their part in it: late, extended, merged, repeated, reopened, bounced.</summary>
    public Dictionary<string, string> Gaming { get; } = [];

    /// <summary>Monday 21 September 2026, 09:00: inquiries (handling 3 working days = 22.5 working hours) at the centre.</summary>
    public static readonly DateTimeOffset GamingStart = new DateTimeOffset(2026, 9, 21, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>
    /// The clock-gaming scenario, in September after the handling history: on Monday 21 September at 09:00 six inquiries
    /// are dispatched to the centre and signed. 'repeated' is suspended at 10:00, resumed at 11:00 and suspended again at
    /// 14:00; 'reopened' is resolved and reopened twice; 'bounced' goes centre -> legal-aid station -> centre by two
    /// returns. On Wednesday at 16:00 (20.5 of 22.5 working hours used: 91.1%) 'late' is suspended and 'merged' merged into
    /// 'late' (the oldest); at 17:15 (21.75 of 22.5: 96.7%) 'extended' asks for an extension.
    /// </summary>
    private async Task ClockGamingAsync(HttpClient op, HttpClient staff)
    {
        using var legal = await SignInAsync("staff.330402-legal@jx12385.test");
        Clock.SetUtcNow(GamingStart);
        await WatcherCaughtUpAsync();
        var tickets = new Dictionary<string, System.Text.Json.JsonElement>();
        var phone = 0;
        foreach (var part in new[] { "late", "extended", "merged", "repeated", "reopened", "bounced" })
        {
            var ticket = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "inquiry", topic: "education", phone: $"1391235{phone++:D4}"));
            await TicketApi.ActOkAsync(op, ticket, "dispatch", new { unitCode = Centre });
            if (part != "bounced")
            {
                await TicketApi.ActOkAsync(staff, ticket, "sign");
            }
            tickets[part] = ticket;
            Gaming[part] = TicketApi.Id(ticket);
        }
        await AtAsync(GamingStart.AddHours(1), () => TicketApi.ActOkAsync(staff, tickets["repeated"], "suspend", new { reasonCode = "awaiting_citizen_documents" }));
        await AtAsync(GamingStart.AddHours(2), () => TicketApi.ActOkAsync(staff, tickets["repeated"], "resume", new { }));
        await AtAsync(GamingStart.AddHours(5), () => TicketApi.ActOkAsync(staff, tickets["repeated"], "suspend", new { reasonCode = "awaiting_citizen_documents" }));
        for (var round = 1; round <= 2; round++)
        {
            if (round == 2)
            {
                await TicketApi.ActOkAsync(staff, tickets["reopened"], "sign");
            }
            await TicketApi.ActOkAsync(staff, tickets["reopened"], "resolve", new { reply = $"第 {round} 次答复。" });
            await TicketApi.ActOkAsync(op, tickets["reopened"], "callback", new { reached = true, satisfaction = "unsatisfied" });
            await TicketApi.ActOkAsync(op, tickets["reopened"], "reopen", new { note = "来电人不满意" });
        }
        await TicketApi.ActOkAsync(staff, tickets["bounced"], "return", new { reasonCode = "not_our_responsibility" });
        await TicketApi.ActOkAsync(op, tickets["bounced"], "dispatch", new { unitCode = "330402-LEGAL" });
        await TicketApi.ActOkAsync(legal, tickets["bounced"], "return", new { reasonCode = "not_our_responsibility" });
        await TicketApi.ActOkAsync(op, tickets["bounced"], "dispatch", new { unitCode = Centre, note = "审定：由矛调中心办理" });
        var wednesday = GamingStart.AddDays(2);
        await AtAsync(wednesday.AddHours(7), () => TicketApi.ActOkAsync(staff, tickets["late"], "suspend", new { reasonCode = "awaiting_citizen_documents" }));
        await TicketApi.ActOkAsync(op, tickets["merged"], "merge", new { intoTicketId = Gaming["late"] });
        await AtAsync(wednesday.AddHours(8.25), () => TicketApi.ActOkAsync(staff, tickets["extended"], "extension-requests",
            new { amount = 2, unit = "working_days", reason = "需等待教育部门答复" }));
    }

    private async Task AtAsync(DateTimeOffset at, Func<Task> act)
    {
        Clock.SetUtcNow(at);
        await WatcherCaughtUpAsync();
        await act();
    }

    /// <summary>Waits until the deadline watcher has written every clock change due by now, so no figure moves under a test.</summary>
    private async Task WatcherCaughtUpAsync()
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await Eventually.Get(async () =>
        {
            await using var command = source.CreateCommand("select count(*) from tickets where next_clock_change <= $1");
            command.Parameters.Add(new NpgsqlParameter { Value = Clock.GetUtcNow() });
            return (long)(await command.ExecuteScalarAsync())!;
        }, n => n == 0, TimeSpan.FromSeconds(60), "the deadline watcher to catch up with the clock");
    }

}

[CollectionDefinition(Name)]
public sealed class BreakdownCollection : ICollectionFixture<BreakdownSystem>
{
    public const string Name = "breakdown";
}
