using Dispatch.EventSourcing;
using Dispatch.Schema;
using Dispatch.Silo.Hosting;
using Dispatch.Stats;
using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Thousands of tickets written concurrently the way the grain writes them; the counters kept write by write must equal,
/// exactly, every measure computed afresh in SQL over the read model - and so must the counters rebuilt from it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MeasuresAgreeWithSqlTests(PostgresFixture database)
{
    private const int Tickets = 3000;

    [Fact]
    public async Task Counters_kept_write_by_write_equal_the_measures_computed_in_SQL_and_a_rebuild_changes_nothing()
    {
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connectionString);
        var sla = DispatchSiloExtensions.LoadSla(DatabaseSetup.DefaultReferenceDataFolder);

        var fold = new StatsCounterFold(source);
        var simulation = new TicketSimulation(new EventStore(source), sla).RunAsync(Tickets, workers: 4);
        // Fold while the writers run, as the silo does, so changes are folded while others are being committed.
        var foldedMeanwhile = 0;
        while (!simulation.IsCompleted)
        {
            foldedMeanwhile += await fold.FoldOnceAsync(wait: true);
        }
        await simulation;
        foldedMeanwhile.Should().BeGreaterThan(0, "the folder must have had changes to fold while the simulation ran");

        var kept = await MeasuresSql.ReadAsync(connectionString, MeasuresSql.Kept);
        var expected = await MeasuresSql.ReadAsync(connectionString, MeasuresSql.Expected);
        MeasuresSql.Differences(kept, expected).Should().BeEmpty();
        await fold.FoldAllAsync();
        (await PendingChangesAsync(source)).Should().Be(0);
        MeasuresSql.Differences(await MeasuresSql.ReadAsync(connectionString, MeasuresSql.FoldedOnly), expected).Should().BeEmpty(
            "once everything is folded the counters table alone holds every measure");
        kept.Where(k => k.Key is { Scope: "city", Period: "current", Measure: "open" }).Sum(k => k.Value).Should().BeGreaterThan(0);
        kept.Keys.Select(k => k.Measure.Split(':')[0] + (k.Measure.Contains(':') ? ":" : "")).Distinct().Should().Contain(
        [
            "open", "at_risk", "overdue", "suspended:", "received", "received_resolved", "on_spot", "dispatched", "returned", "reworked",
            "repeat_call", "signed", "signed_on_time", "resolved", "called_back", "resolved_no_contact", "satisfied", "handling_h:", "closed", "on_time_counted",
            "on_time", "open_due", "petition_received", "acceptance_counted", "acceptance_on_time", "reply_counted", "reply_on_time",
            "petition_answered", "review_requested", "re_review_requested", "review_upheld", "review_changed", "re_review_upheld",
            "re_review_changed",
        ], "the simulation must exercise every measure");
        foreach (var dimension in BreakdownTallies.Dimensions)
        {
            kept.Keys.Where(k => k.Scope == "city" && k.Period == "year" && k.Measure.StartsWith(BreakdownTallies.PrefixOf(dimension), StringComparison.Ordinal))
                .Select(k => k.Measure).Distinct().Should().HaveCountGreaterThan(6, $"the simulation must spread over several {dimension} values");
        }
        kept.Keys.Where(k => k.Scope == "city" && k.Period == "current" && k.Measure.StartsWith(HandlingHistory.Prefix, StringComparison.Ordinal))
            .Select(k => k.Measure).Distinct().Should().HaveCountGreaterThan(20, "the breach-risk history must spread over kinds, topics and handling times");
        var reviews = kept.Where(k => k.Key is { Scope: "city", Period: "year" } && k.Key.Measure.EndsWith("review_requested", StringComparison.Ordinal)).Sum(k => k.Value);
        kept.Where(k => k.Key is { Scope: "city", Period: "year" } && k.Key.Measure == "received").Sum(k => k.Value).Should().Be(Tickets + reviews,
            "every simulated ticket and every review it led to is received once");

        var rebuilt = await new StatsRebuild(source, NullLogger<StatsRebuild>.Instance).RunAsync();

        rebuilt.Items.Should().Be(Tickets + (int)reviews);
        MeasuresSql.Differences(await MeasuresSql.ReadAsync(connectionString, MeasuresSql.Kept), expected).Should().BeEmpty();
    }

    private static async Task<long> PendingChangesAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("select count(*) from stats_counter_changes");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
