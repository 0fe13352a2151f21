using System.Text.Json;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.LegalAid;
using Dispatch.Tests.Integration.Web;
using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// A silo on a <see cref="FakeTimeProvider"/> and a web app, with legal-aid cases of rule version 1 (received before
/// 1 December 2026) worked through the API at the Nanhu station. The history, from Monday 7 September 2026 09:00: 20
/// labour-dispute applications accepted at once and decided (7 working days allowed, 52.5 working hours): 6 granted
/// after 2 working hours, 4 refused after 9.5, 10 refused after 73; three of the granted ones assigned on Tuesday 10:00
/// (10 hours of the 3 statutory days, counted from Tuesday 00:00). Then, on Tuesday 10 November 2026 09:30, the open cases
/// (<see cref="Open"/>): 'fresh' accepted now; 'older' accepted the day before at 09:00; 'waiting' accepted and waiting
/// for documents; 'elsewhere' at the Xiuzhou station (its county has no history); 'granted' a personal-injury case granted
/// now (its assignment clock runs; its decision adds no labour-dispute history); 'other_type' a marriage case; 'applied' not yet accepted (no clock under version 1).
/// </summary>
public sealed class LegalAidBreachRiskSystem() : FakeClockSystem(HistoryStart, "legal-aid-risk")
{
    public const string Station = "330402-LEGAL";
    public const string OtherStation = "330411-LEGAL";

    /// <summary>Monday 7 September 2026, 09:00 in Jiaxing.</summary>
    public static readonly DateTimeOffset HistoryStart = new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>Tuesday 10 November 2026, 09:30 in Jiaxing: the silo's now once seeded.</summary>
    public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 10, 9, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>The open cases by their part in the scenario, as ids.</summary>
    public Dictionary<string, string> Open { get; } = [];

    protected override async Task SeedAsync()
    {
        using var op = await SignInAsync("operator@jx12385.test");
        using var staff = await SignInAsync($"staff.{Station.ToLowerInvariant()}@jx12385.test");
        using var head = await SignInAsync($"head.{Station.ToLowerInvariant()}@jx12385.test");
        await HistoryAsync(op, staff, head);

        Clock.SetUtcNow(Now.AddHours(-24.5));
        await WatcherCaughtUpAsync();
        Open["older"] = CaseApi.Id(await AcceptedAsync(op, staff, Phone(0)));

        Clock.SetUtcNow(Now);
        await WatcherCaughtUpAsync();
        Open["fresh"] = CaseApi.Id(await AcceptedAsync(op, staff, Phone(1)));
        var waiting = await AcceptedAsync(op, staff, Phone(2));
        await CaseApi.ActOkAsync(staff, waiting, "request-documents", new { documents = "劳动合同复印件" });
        Open["waiting"] = CaseApi.Id(waiting);
        using (var xiuzhou = await SignInAsync($"staff.{OtherStation.ToLowerInvariant()}@jx12385.test"))
        {
            Open["elsewhere"] = CaseApi.Id(await AcceptedAsync(op, xiuzhou, Phone(3), county: "330411"));
        }
        var granted = await AcceptedAsync(op, staff, Phone(4), caseType: "personal_injury");
        await CaseApi.ActOkAsync(staff, granted, "eligibility", CaseApi.CompleteChecklist);
        await CaseApi.ActOkAsync(staff, granted, "grant");
        Open["granted"] = CaseApi.Id(granted);
        Open["other_type"] = CaseApi.Id(await AcceptedAsync(op, staff, Phone(5), caseType: "marriage_family"));
        Open["applied"] = CaseApi.Id(await CaseApi.OpenedAsync(op, CaseApi.Application(phone: Phone(6))));
        await WatcherCaughtUpAsync();
    }

    /// <summary>The 20 decided labour disputes and the three assignments.</summary>
    private async Task HistoryAsync(HttpClient op, HttpClient staff, HttpClient head)
    {
        var cases = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => AcceptedAsync(op, staff, $"139123421{i:D2}")));
        await Task.WhenAll(cases[..6].Select(c => CaseApi.ActOkAsync(staff, c, "eligibility", CaseApi.CompleteChecklist)));
        await AtAsync(HistoryStart.AddHours(2), () => Task.WhenAll(cases[..6].Select(c => CaseApi.ActOkAsync(staff, c, "grant"))));
        var handler = await CaseApi.HandlerAsync(head, Station);
        // Tuesday 10:00: the assignment clocks of Monday 11:00 count from Tuesday 00:00.
        await AtAsync(HistoryStart.AddHours(25), async () =>
        {
            foreach (var c in cases[..3])
            {
                await CaseApi.ActOkAsync(staff, c, "assign", CaseApi.AssignTo(handler));
            }
        });
        // Tuesday 11:00: 7 working hours on Monday and 2.5 on Tuesday.
        await AtAsync(HistoryStart.AddHours(26), () => Task.WhenAll(cases[6..10].Select(c => CaseApi.ActOkAsync(staff, c, "refuse", Refusal))));
        // Friday 18 September 16:00: 7 + 4 x 7.5 in the first week, 4 x 7.5 + 6 in the second = 73 working hours.
        await AtAsync(HistoryStart.AddDays(11).AddHours(7), () => Task.WhenAll(cases[10..].Select(c => CaseApi.ActOkAsync(staff, c, "refuse", Refusal))));
    }

    private static readonly object Refusal = new { reasons = "经济状况不符合援助条件。" };

    private static string Phone(int i) => $"139123430{i:D2}";

    private static async Task<JsonElement> AcceptedAsync(HttpClient op, HttpClient station, string phone, string county = "330402", string caseType = "labour_dispute")
    {
        var opened = await CaseApi.OpenedAsync(op, CaseApi.Application(county: county, caseType: caseType, phone: phone));
        return await CaseApi.ActOkAsync(station, opened, "accept");
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
            await using var command = source.CreateCommand("select count(*) from clock_watch where next_change <= $1");
            command.Parameters.Add(new NpgsqlParameter { Value = Clock.GetUtcNow() });
            return (long)(await command.ExecuteScalarAsync())!;
        }, n => n == 0, TimeSpan.FromSeconds(60), "the deadline watcher to catch up with the clock");
    }
}

[CollectionDefinition(Name)]
public sealed class LegalAidBreachRiskCollection : ICollectionFixture<LegalAidBreachRiskSystem>
{
    public const string Name = "legal-aid-breach-risk";
}
