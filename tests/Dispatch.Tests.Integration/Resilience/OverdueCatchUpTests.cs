using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Bench.Seeding;
using Dispatch.Sla;
using Dispatch.Tickets;
using Dispatch.Tests.Integration.Tickets;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.Resilience;

/// <summary>
/// Start after a full outage with many deadlines overdue (issue 13, item 5): tickets registered and dispatched, then
/// silo and web app stopped while their clocks run out (the silo's FakeTimeProvider jumps 60 days), then a silo started
/// again. Start-up must not wait for the catch-up, and every deadline must fire exactly once.
/// A few hundred tickets go through the normal path (the API); the rest are written by the scale benchmark's bulk path
/// (bench/Dispatch.Bench.Seeding: the grains' own rules replayed, the rows written with COPY), which
/// <see cref="Bench.BulkPathTests"/> proves stores what the API stores. The API would take minutes for 20,000.
/// RESILIENCE_OVERDUE_ITEMS sets how many tickets (20,000 unless given).
/// </summary>
[Trait("Category", "Resilience")]
public sealed class OverdueCatchUpTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private const int ThroughTheApi = 200;

    private static int Items => int.TryParse(Environment.GetEnvironmentVariable("RESILIENCE_OVERDUE_ITEMS"), out var n) ? n : 20_000;

    [Fact]
    public async Task After_a_full_outage_start_up_does_not_wait_and_every_overdue_deadline_fires_once()
    {
        var database = new PostgresFixture();
        await database.InitializeAsync();
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var clusterId = "catch-up-" + Guid.NewGuid().ToString("N")[..8];
        var clock = new FakeTimeProvider(Start);

        await using (var silo = await LocalSilo.StartAsync(connectionString, clusterId, time: clock))
        await using (var web = await LocalWebApp.StartAsync(connectionString, clusterId))
        {
            await RegisterAsync(web, Math.Min(ThroughTheApi, Items));
        }
        await BulkSeedAsync(database.AsOwner(connectionString), Items - Math.Min(ThroughTheApi, Items));
        await using var data = NpgsqlDataSource.Create(database.AsOwner(connectionString));
        (await CountAsync(data, "select count(*) from clock_watch")).Should().Be(Items, "every registered ticket has a running clock");
        (await CountAsync(data, Overdue)).Should().Be(0);

        clock.Advance(TimeSpan.FromDays(60));
        var starting = Stopwatch.StartNew();
        await using var restarted = await LocalSilo.StartAsync(connectionString, clusterId, time: clock);
        var startUp = starting.Elapsed;
        output.WriteLine($"[figure] silo start-up with {Items} deadlines overdue: {startUp.TotalSeconds:0.00} s");
        var overdueAtStart = await CountAsync(data, OverdueItems);
        output.WriteLine($"[figure] items already overdue when start-up finished: {overdueAtStart} of {Items}");

        await Eventually.Get(() => CountAsync(data, OverdueItems), n => n == Items, TimeSpan.FromMinutes(20), $"all {Items} items overdue");
        var catchUp = starting.Elapsed;
        output.WriteLine($"[figure] catch-up: {Items} items overdue {catchUp.TotalSeconds:0.0} s after the silo began to start ({Items / catchUp.TotalSeconds:0} items/s)");
        overdueAtStart.Should().BeLessThan(Items, "start-up returned before the catch-up was done");

        await using var web2 = await LocalWebApp.StartAsync(connectionString, clusterId);
        var probe = web2.Services.GetRequiredService<IGrainFactory>().GetGrain<IWatchProbeGrain>(0);
        var bounds = await probe.Bounds();
        var progress = await probe.Progress();
        var firedAgain = await probe.TickAll();
        var perClock = await PerClockAsync(data);
        output.WriteLine($"[figure] bounds: pages of {bounds[0]} index rows, {bounds[1]} evaluations at once per shard, {DeadlineWatch.Shards} shards");
        output.WriteLine($"[figure] watchers: {progress.Sum(p => p.Pages)} pages read, {progress.Sum(p => p.Fired)} evaluations, "
            + $"{progress.Sum(p => p.Failed)} failed, peak {progress.Max(p => p.PeakInFlight)} at once in one shard");
        output.WriteLine($"[figure] overdue events: {perClock.Events} for {perClock.Clocks} clocks of {perClock.Items} items; most per clock {perClock.MostPerClock}; "
            + $"a further tick of every shard evaluated {firedAgain}");

        perClock.Items.Should().Be(Items);
        perClock.MostPerClock.Should().Be(1, "each deadline fires exactly once");
        perClock.Events.Should().Be(perClock.Clocks);
        progress.Max(p => p.PeakInFlight).Should().BeLessThanOrEqualTo(bounds[1]);
        progress.Sum(p => p.Pages).Should().BeGreaterThanOrEqualTo(Items / bounds[0], "the index is read in bounded pages");
        (await CountAsync(data, Overdue)).Should().Be(perClock.Events, "a further tick fires nothing twice");
    }

    private const string Overdue = "select count(*) from domain_events where event_type = 'clock_overdue'";

    private const string OverdueItems = "select count(distinct stream_id) from domain_events where event_type = 'clock_overdue'";

    private async Task RegisterAsync(LocalWebApp web, int items)
    {
        using var operatorClient = await web.SignInAsync("operator@jx12385.test");
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, items), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var intake = TicketApi.Intake(phone: "139" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
            using var response = await TicketApi.RegisterAsync(operatorClient, intake);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
                return;
            }
            // Dispatching starts the ticket's clocks (a registered ticket's first clock runs from dispatch).
            var ticket = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
            using var dispatched = await TicketApi.ActAsync(operatorClient, ticket, "dispatch", new { unitCode = "330402-CENTRE" });
            if (!dispatched.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        failures.Should().Be(0);
        output.WriteLine($"[figure] registered and dispatched {items} tickets through the API in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Open tickets received in the four hours before <see cref="Start"/>, dispatched and mostly signed for, in chunks of one COPY each.</summary>
    private async Task BulkSeedAsync(string ownerConnectionString, int items)
    {
        const int Chunk = 2_000;
        var clock = Stopwatch.StartNew();
        await using var database = NpgsqlDataSource.Create(ownerConnectionString);
        var context = await SeedingContext.LoadAsync(database);
        await using var connection = await database.OpenConnectionAsync();
        var types = await ColumnTypes.ReadAsync(connection);
        for (var from = 0; from < items; from += Chunk)
        {
            var plans = Enumerable.Range(from, Math.Min(Chunk, items - from))
                .Select(n => TicketSeeds.Plan(80_000_000 + n, Start, TimeSpan.FromHours(4), context.Units)).ToList();
            var numbers = await TicketSeeds.NumbersAsync(context, plans);
            var rows = new BulkRows();
            for (var i = 0; i < plans.Count; i++)
            {
                rows.Add(TicketSeeds.Replay(context, Guid.NewGuid(), plans[i], numbers[i], Start), TicketGrain.Stream);
            }
            await rows.WriteAsync(connection, types);
        }
        output.WriteLine($"[figure] wrote {items} more tickets by the bulk path in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<long> CountAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long Items, long Clocks, long Events, long MostPerClock)> PerClockAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("""
            with per_clock as (
                select stream_id, payload, count(*) as events from domain_events where event_type = 'clock_overdue' group by stream_id, payload)
            select count(distinct stream_id), count(*), coalesce(sum(events), 0)::bigint, coalesce(max(events), 0) from per_clock
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
