using System.Text.Json;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Rehab;
using Dispatch.Tests.Integration.Web;
using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// A silo on a fake clock and a web app with the visit history breach risk reads, all rehabilitation training, made
/// through the API by the staff of 330402-REHAB-1. On Monday 2 November 2026 at 09:00 (Jiaxing) 24 visits are requested
/// with the window 10:00-12:00 (each its own worker); ten are checked in at 10:00 and completed at 10:45 with notes (first
/// visit 60 minutes, window 45, record 0), fourteen checked in at 11:30 and completed at 13:00 without notes, their
/// records filed on Tuesday at 10:00 (first visit 150 minutes, window 180, record 5.5 working hours = 330 minutes).
/// A 25th visit requested then is never visited (<see cref="Owed"/>). On Tuesday at 09:00 four more are requested with
/// the window 10:00-12:00, or 10:00-10:45 for <see cref="Recording"/>: <see cref="InWindow"/> checked in at 10:00,
/// <see cref="Recording"/> checked in at 10:00 and completed at 10:30 without notes, <see cref="Cancelled"/> cancelled,
/// and <see cref="Elsewhere"/> at 330411-REHAB-1 (no history of its own nor in its county) checked in at 10:00. The clock
/// then stays at Tuesday 10:30.
/// </summary>
public sealed class RehabBreachRiskSystem() : FakeClockSystem(Monday, "rehab-risk")
{
    public const string Provider = "330402-REHAB-1";
    public const string OtherProvider = "330411-REHAB-1";
    public const string ServiceType = "rehabilitation_training";

    private static readonly TimeSpan Jiaxing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new DateTimeOffset(2026, 11, 2, 9, 0, 0, Jiaxing).ToUniversalTime();
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    public static readonly DateTimeOffset Now = Tuesday.AddHours(1.5);

    /// <summary>Requested on Monday and not visited by Tuesday 10:30: 9 working hours into its first visit, longer than any past one.</summary>
    public string Owed { get; private set; } = "";

    /// <summary>Checked in at 10:00: 30 minutes into its two-hour window.</summary>
    public string InWindow { get; private set; } = "";

    /// <summary>Completed at 10:30 without notes: its record clock has just started.</summary>
    public string Recording { get; private set; } = "";

    public string Cancelled { get; private set; } = "";

    /// <summary>30 minutes into its window at a provider whose county has no history: the city's is used.</summary>
    public string Elsewhere { get; private set; } = "";

    private int phone;
    private int worker;

    protected override async Task SeedAsync()
    {
        using var staff = await SignInAsync($"staff.{Provider.ToLowerInvariant()}@jx12385.test");
        using var other = await SignInAsync($"staff.{OtherProvider.ToLowerInvariant()}@jx12385.test");
        var past = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => BookedAsync(staff, "330402", Monday.AddHours(1), 120)));
        Owed = VisitApi.Id(await RequestedAsync(staff, "330402", Monday.AddDays(4).AddHours(1), 120));
        var (quick, slow) = (past[..10], past[10..]);
        await AtAsync(Monday.AddHours(1), () => ActAllAsync(staff, quick, "check-in", new { }));
        await AtAsync(Monday.AddHours(1.75), () => ActAllAsync(staff, quick, "complete", new { notes = "已完成康复训练。" }));
        await AtAsync(Monday.AddHours(2.5), () => ActAllAsync(staff, slow, "check-in", new { }));
        await AtAsync(Monday.AddHours(4), () => ActAllAsync(staff, slow, "complete", new { }));

        await AtAsync(Tuesday, async () =>
        {
            var inWindow = await BookedAsync(staff, "330402", Tuesday.AddHours(1), 120);
            var recording = await BookedAsync(staff, "330402", Tuesday.AddHours(1), 45);
            var cancelled = await RequestedAsync(staff, "330402", Tuesday.AddHours(1), 120);
            var elsewhere = await BookedAsync(other, "330411", Tuesday.AddHours(1), 120);
            await VisitApi.ActOkAsync(staff, cancelled, "cancel", new { reason = "本人住院。" });
            (InWindow, Recording, Cancelled, Elsewhere) = (VisitApi.Id(inWindow), VisitApi.Id(recording), VisitApi.Id(cancelled), VisitApi.Id(elsewhere));
            await AtAsync(Tuesday.AddHours(1), async () =>
            {
                await ActAllAsync(staff, slow, "record", new { notes = "补记服务记录。" });
                await ActAllAsync(staff, [inWindow, recording], "check-in", new { });
                await VisitApi.ActOkAsync(other, elsewhere, "check-in", new { });
            });
            await AtAsync(Now, () => VisitApi.ActOkAsync(staff, recording, "complete", new { }));
        });
    }

    /// <summary>A visit the provider's staff request with a window (accepted and scheduled at once), given a worker of its own.</summary>
    private async Task<JsonElement> BookedAsync(HttpClient staff, string county, DateTimeOffset windowStart, int minutes)
    {
        var visit = await RequestedAsync(staff, county, windowStart, minutes);
        var n = Interlocked.Increment(ref worker);
        return await VisitApi.ActOkAsync(staff, visit, "assign", new { workerId = $"W-RISK-{n:D2}", workerName = $"康复员{n:D2}" });
    }

    private Task<JsonElement> RequestedAsync(HttpClient staff, string county, DateTimeOffset windowStart, int minutes)
    {
        var n = Interlocked.Increment(ref phone);
        return VisitApi.RequestedAsync(staff, new
        {
            person = new { name = "王芳", phone = $"1361234{n:D4}", countyCode = county, address = "东栅街道 8 号" },
            serviceType = ServiceType, windowStart, windowMinutes = minutes,
        });
    }

    private static async Task ActAllAsync(HttpClient staff, IEnumerable<JsonElement> visits, string action, object body) =>
        await Task.WhenAll(visits.Select(v => VisitApi.ActOkAsync(staff, v, action, body)));

    private async Task AtAsync(DateTimeOffset at, Func<Task> act)
    {
        Clock.SetUtcNow(at);
        await WatcherCaughtUpAsync();
        await act();
        await WatcherCaughtUpAsync();
    }

    /// <summary>Waits until the deadline watcher has written every clock change due by now, so no figure moves under a test.</summary>
    private async Task WatcherCaughtUpAsync()
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await Eventually.Get(async () =>
        {
            await using var command = source.CreateCommand(
                "select coalesce(string_agg(item_type || ' ' || item_id || ' ' || next_change, '; '), '') from clock_watch where next_change <= $1");
            command.Parameters.Add(new NpgsqlParameter { Value = Clock.GetUtcNow() });
            return (string)(await command.ExecuteScalarAsync())!;
        }, due => due.Length == 0, TimeSpan.FromSeconds(120), "the deadline watcher to catch up with the clock");
    }
}

[CollectionDefinition(Name)]
public sealed class RehabBreachRiskCollection : ICollectionFixture<RehabBreachRiskSystem>
{
    public const string Name = "rehab-breach-risk";
}
