using System.Diagnostics;
using System.Net;
using Dispatch.Stats;
using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.Resilience;

/// <summary>
/// A stats rebuild does not block item writes (issue 13, item 5). The test holds the rebuild in the middle of its
/// computation (it holds a lock on rehab_visits, the last read model the rebuild reads), registers and acts on tickets
/// meanwhile, lets the rebuild finish, and compares the swapped counters with a rebuild from scratch. The hold stays well
/// under the cluster's 30 s response timeout for the rebuild call.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class StatsRebuildDuringWritesTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private static readonly TimeSpan WriteBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Writes_during_a_rebuild_complete_promptly_and_the_swapped_counters_equal_a_count_from_scratch()
    {
        using var operatorClient = await system.SignInAsync("operator@jx12385.test");
        using var admin = await system.SignInAsync("admin@jx12385.test");
        for (var i = 0; i < 20; i++)
        {
            await TicketApi.RegisteredAsync(operatorClient);
        }

        await using var owner = new NpgsqlConnection(system.SchemaConnectionString);
        await owner.OpenAsync();
        await using var holding = await owner.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("lock table rehab_visits in access exclusive mode", owner, holding))
        {
            await hold.ExecuteNonQueryAsync();
        }
        var rebuilding = Stopwatch.StartNew();
        var rebuild = admin.PostAsync("/api/stats/rebuild", null);
        await using var watcher = NpgsqlDataSource.Create(system.SchemaConnectionString);
        await Eventually.Get(() => RebuildWaitingAsync(watcher), waiting => waiting, TimeSpan.FromSeconds(30), "the rebuild waiting in its computation");

        var latencies = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            latencies.Add(await TimedAsync(() => TicketApi.RegisteredAsync(operatorClient)));
        }
        var ticket = await TicketApi.RegisteredAsync(operatorClient);
        latencies.Add(await TimedAsync(() => TicketApi.ActOkAsync(operatorClient, ticket, "dispatch", new { unitCode = "330402-CENTRE" })));
        rebuild.IsCompleted.Should().BeFalse("the writes ran while the rebuild was computing");
        output.WriteLine($"[figure] 10 registrations and 1 dispatch during the rebuild: slowest {latencies.Max().TotalMilliseconds:0} ms, "
            + $"rebuild running for {rebuilding.Elapsed.TotalSeconds:0.0} s");
        latencies.Should().OnlyContain(l => l < WriteBound);

        await holding.RollbackAsync();
        using var rebuilt = await rebuild;
        rebuilt.StatusCode.Should().Be(HttpStatusCode.OK);
        output.WriteLine($"[figure] rebuild answered {(int)rebuilt.StatusCode} after {rebuilding.Elapsed.TotalSeconds:0.0} s: {await rebuilt.Content.ReadAsStringAsync()}");

        var swapped = await TotalsAsync(watcher);
        await using var application = NpgsqlDataSource.Create(system.ConnectionString);
        var scratch = await new StatsRebuild(application, NullLogger<StatsRebuild>.Instance).RunAsync();
        var fromScratch = await TotalsAsync(watcher);
        output.WriteLine($"[figure] totals after the swap: {swapped.Count} non-zero counters; from scratch: {fromScratch.Count} "
            + $"({scratch.Items} items); city tickets received today: {swapped.GetValueOrDefault("ticket|city|current|received")}");
        swapped.Should().BeEquivalentTo(fromScratch);
        swapped.Should().NotBeEmpty();
    }

    private static async Task<TimeSpan> TimedAsync(Func<Task> write)
    {
        var clock = Stopwatch.StartNew();
        await write().WaitAsync(TimeSpan.FromSeconds(30));
        return clock.Elapsed;
    }

    private static async Task<bool> RebuildWaitingAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand(
            "select exists (select 1 from pg_locks where not granted and relation = 'rehab_visits'::regclass)");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<string, long>> TotalsAsync(NpgsqlDataSource data)
    {
        var totals = new Dictionary<string, long>();
        await using var command = data.CreateCommand("""
            select item_type || '|' || scope || '|' || period || '|' || period_start || '|' || measure, value
            from stats_counter_totals where value <> 0
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            totals[reader.GetString(0)] = reader.GetInt64(1);
        }
        return totals;
    }
}
