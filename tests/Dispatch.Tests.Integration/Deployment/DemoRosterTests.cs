using Dispatch.Demo;
using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Tests.Fixtures;
using Dispatch.Units;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>The demo's rosters (Demo:Rosters, set by deploy/run.sh in demo mode) on a fresh database: seeded once, with their history.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DemoRosterTests(PostgresFixture database)
{
    [Fact]
    public async Task Every_station_and_provider_gets_a_roster_once_with_its_history_and_a_second_start_adds_nothing()
    {
        await using var data = NpgsqlDataSource.Create(await database.CreateIsolatedDatabaseAsync());
        var seeding = new DemoRosters(data, new LegalAidRosterTable(data), new RehabRosterStore(data), new ReferenceChangeLog(TimeProvider.System), TimeProvider.System,
            NullLogger<DemoRosters>.Instance);

        var first = await seeding.SeedAsync(CancellationToken.None);
        var second = await seeding.SeedAsync(CancellationToken.None);

        // Eight legal-aid stations with three members each; fourteen county providers with three workers each (the
        // city's provider has no towns of its own to cover).
        first.Should().Be((24, 42));
        second.Should().Be((0, 0));
        (await ScalarAsync(data, "select count(distinct station_code) from legal_aid_roster where kind = 'lawyer'")).Should().Be(8);
        (await ScalarAsync(data, "select count(distinct station_code) from legal_aid_roster where kind = 'legal_worker'")).Should().Be(8);
        (await ScalarAsync(data, "select count(*) from legal_aid_roster")).Should().Be(24);
        (await ScalarAsync(data, "select count(*) from reference_changes where table_name = 'legal_aid_roster' and changed_by = 'system' and action = 'added'"))
            .Should().Be(24);
        (await ScalarAsync(data, "select count(distinct provider_code) from rehab_workers")).Should().Be(14);
        (await ScalarAsync(data, """
            select count(*) from rehab_workers w
            where w.working_days = '{1,2,3,4,5}' and w.day_start = '08:30' and w.day_end = '17:30' and w.active
              and not exists (select from unnest(w.towns) t where t not in (select code from towns where county_code =
                  (select area_code from units where code = w.provider_code)))
            """)).Should().Be(42);
        (await ScalarAsync(data, "select count(*) from rehab_worker_changes where changed_by = 'system' and action = 'added'")).Should().Be(42);
    }

    [Fact]
    public void Only_a_configuration_that_asks_for_them_gets_the_demo_rosters()
    {
        DemoRosters.Enabled(new ConfigurationBuilder().Build()).Should().BeFalse("the test systems and production never set Demo:Rosters");
        DemoRosters.Enabled(new ConfigurationBuilder().AddInMemoryCollection([new(DemoRosters.Section, "true")]).Build()).Should().BeTrue();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
