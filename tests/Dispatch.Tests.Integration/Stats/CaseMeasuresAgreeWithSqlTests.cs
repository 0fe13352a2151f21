using Dispatch.Scopes;
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
/// Hundreds of legal-aid cases and visits written concurrently the way their grains write them; the counters kept write by
/// write must equal, exactly, every measure computed afresh in SQL over legal_aid_cases and rehab_visits - and so must the
/// counters rebuilt from them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseMeasuresAgreeWithSqlTests(PostgresFixture database)
{
    private const int Cases = 300;
    private const int Visits = 300;

    [Fact]
    public async Task Case_and_visit_counters_kept_write_by_write_equal_the_measures_computed_in_SQL_and_a_rebuild_changes_nothing()
    {
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connectionString);
        var sla = DispatchSiloExtensions.LoadSla(DatabaseSetup.DefaultReferenceDataFolder);

        await new CaseSimulation(new EventStore(source), sla).RunAsync(Cases, Visits, workers: 4);

        var expectedCases = await MeasuresSql.ReadAsync(connectionString, CaseMeasuresSql.LegalAidExpected);
        var expectedVisits = await MeasuresSql.ReadAsync(connectionString, CaseMeasuresSql.RehabExpected);
        MeasuresSql.Differences(await MeasuresSql.ReadAsync(connectionString, CaseMeasuresSql.Kept("legal_aid_case")), expectedCases).Should().BeEmpty();
        MeasuresSql.Differences(await MeasuresSql.ReadAsync(connectionString, CaseMeasuresSql.Kept("rehab_visit")), expectedVisits).Should().BeEmpty();
        Measures(expectedCases).Should().Contain(
            ["open", "at_risk", "overdue", "received", "decided", "granted", "refused", "decision_counted", "decision_on_time", "assigned",
             "assigned_on_time", "concluded"], "the simulation must exercise every legal-aid measure");
        Measures(expectedCases).Should().Contain(m => m.StartsWith("by:risk:", StringComparison.Ordinal), "decided cases give breach-risk history");
        Measures(expectedVisits).Should().Contain(
            ["open", "overdue", "requested", "requested_active", "requested_completed", "completed", "record_counted", "record_on_time",
             "missed", "cancelled", "first_visit_counted", "first_visit_on_time"], "the simulation must exercise every visit measure");
        expectedVisits.Should().Contain(k => k.Key.Measure.StartsWith("by:risk:", StringComparison.Ordinal), "done visits give the breach-risk history");
        expectedCases.Single(k => k.Key is { Scope: "city", Period: "year", Measure: "received" }).Value.Should().Be(Cases);
        expectedVisits.Single(k => k.Key is { Scope: "city", Period: "year", Measure: "requested" }).Value.Should().Be(Visits);

        var rebuilt = await new StatsRebuild(source, NullLogger<StatsRebuild>.Instance).RunAsync();

        rebuilt.Items.Should().Be(Cases + Visits);
        MeasuresSql.Differences(await MeasuresSql.ReadAsync(connectionString, CaseMeasuresSql.Kept("legal_aid_case")), expectedCases).Should().BeEmpty();
        MeasuresSql.Differences(await MeasuresSql.ReadAsync(connectionString, CaseMeasuresSql.Kept("rehab_visit")), expectedVisits).Should().BeEmpty();
    }

    [Fact]
    public async Task The_overdue_and_at_risk_lists_hold_cases_and_visits_of_the_scope_only()
    {
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connectionString);
        var sla = DispatchSiloExtensions.LoadSla(DatabaseSetup.DefaultReferenceDataFolder);
        await new CaseSimulation(new EventStore(source), sla).RunAsync(80, 80, workers: 2);
        var lists = new AttentionLists(source);

        var overdue = await lists.ReadAsync(StatsScope.City, "overdue");
        var atRisk = await lists.ReadAsync(StatsScope.City, "warning");
        var nanhu = await lists.ReadAsync(StatsScope.County("330402"), "overdue");
        var station = await lists.ReadAsync(StatsScope.Unit("330402-LEGAL"), "overdue");

        overdue.Select(i => i.ItemType).Distinct().Should().BeEquivalentTo(["legal_aid_case", "rehab_visit"]);
        overdue.Should().OnlyContain(i => i.Clock != null && i.DueAt != null && i.ClockState == "overdue");
        overdue.Select(i => i.DueAt).Should().BeInAscendingOrder();
        atRisk.Should().Contain(i => i.ItemType == "legal_aid_case" && i.Clock == "decision");
        nanhu.Should().NotBeEmpty().And.OnlyContain(i => i.CountyCode == "330402");
        station.Should().NotBeEmpty().And.OnlyContain(i => i.ItemType == "legal_aid_case" && i.UnitCode == "330402-LEGAL");
    }

    private static List<string> Measures(Dictionary<(string Scope, string Period, DateOnly Start, string Measure), long> values) =>
        [.. values.Keys.Select(k => k.Measure).Distinct()];
}
