using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Routing;
using Dispatch.Tests.Fixtures;
using Dispatch.Units;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Routing;

/// <summary>
/// Every silo routes from the units and routing rules it holds in memory, and they stay equal to the database: a change
/// an administrator makes through one silo is used there at once and reaches the other silo by the table's NOTIFY; a
/// change made by plain SQL reaches both the same way. Each test works in counties of its own, on one shared cluster.
/// </summary>
public sealed class CachedDirectoryTests(TwoSiloCluster system) : IClassFixture<TwoSiloCluster>
{
    private static readonly Actor Admin = new("admin-cache-test", Roles.Admin, null, null);

    /// <summary>Far inside the feeds' 30 s poll: only the notification can bring a change this fast.</summary>
    private static readonly TimeSpan NoticeDeadline = TimeSpan.FromSeconds(10);

    private static RoutingSubject Subject(string county, string topic) => new(county, null, "complaint", topic);

    private static async Task<string?> RoutedToAsync(UnitRouter router, RoutingSubject subject) => (await router.RouteAsync(subject))?.Code;

    private static Task<string?> EventuallyRoutedAsync(UnitRouter router, RoutingSubject subject, string? expected) =>
        Eventually.Get(() => RoutedToAsync(router, subject), code => code == expected, NoticeDeadline, $"routing of {subject} to give {expected ?? "no unit"}");

    [Fact]
    public async Task A_unit_an_admin_deactivates_through_one_silo_is_used_there_at_once_and_reaches_the_other_silo()
    {
        var rights = Subject("330421", "rights_protection");
        var registry = system.Cluster.Client.GetGrain<IUnitRegistryGrain>(UnitRegistry.Key);
        foreach (var router in system.OnEverySilo<UnitRouter>())
        {
            (await RoutedToAsync(router, rights)).Should().Be("330421-LEGAL");
        }

        var outcome = await registry.Change(
            new UnitDefinition("330421-LEGAL", "嘉善县残疾人法律救助站", "Jiashan County Legal Aid Station", UnitKinds.LegalAid, "330421", null, null, Active: false), Admin);

        outcome.Error.Should().BeNull();
        var (host, other) = await system.HostAndOtherAsync<UnitRouter>(registry);
        (await host.FindUnitAsync("330421-LEGAL"))!.Active.Should().BeFalse("the silo that wrote the change holds it at once");
        (await RoutedToAsync(host, rights)).Should().BeNull();
        await EventuallyRoutedAsync(other, rights, null);
        (await other.FindUnitAsync("330421-LEGAL"))!.Active.Should().BeFalse();
    }

    [Fact]
    public async Task A_rule_an_admin_adds_through_one_silo_routes_there_at_once_and_on_the_other_silo_soon()
    {
        var employment = Subject("330424", "employment");
        var rules = system.Cluster.Client.GetGrain<IRoutingRulesGrain>("jiaxing");
        foreach (var router in system.OnEverySilo<UnitRouter>())
        {
            (await RoutedToAsync(router, employment)).Should().Be("330424-CENTRE");
        }

        var outcome = await rules.Add(new RoutingRuleDefinition("330424", null, null, "employment", UnitKinds.LegalAid, Note: "海盐县就业类试点"), Admin);

        outcome.Error.Should().BeNull();
        var (host, other) = await system.HostAndOtherAsync<UnitRouter>(rules);
        (await RoutedToAsync(host, employment)).Should().Be("330424-LEGAL", "the silo that wrote the rule routes by it at once");
        await EventuallyRoutedAsync(other, employment, "330424-LEGAL");

        var deactivated = await rules.Change(outcome.Value!.Id, new RoutingRuleDefinition("330424", null, null, "employment", UnitKinds.LegalAid, Active: false), Admin);

        deactivated.Error.Should().BeNull();
        (await RoutedToAsync(host, employment)).Should().Be("330424-CENTRE");
        await EventuallyRoutedAsync(other, employment, "330424-CENTRE");
    }

    [Fact]
    public async Task A_unit_and_a_rule_changed_by_plain_sql_reach_every_silo()
    {
        var rights = Subject("330481", "rights_protection");
        var employment = Subject("330482", "employment");
        var routers = system.OnEverySilo<UnitRouter>();
        foreach (var router in routers)
        {
            (await RoutedToAsync(router, rights)).Should().Be("330481-LEGAL");
            (await RoutedToAsync(router, employment)).Should().Be("330482-CENTRE");
        }

        // As another tool would: the schema owner's own connection, no grain, no notice of its own.
        await using (var tool = NpgsqlDataSource.Create(system.OwnerConnectionString))
        {
            await using var unit = tool.CreateCommand("update units set active = false where code = '330481-LEGAL'");
            await unit.ExecuteNonQueryAsync();
            await using var rule = tool.CreateCommand(
                "insert into routing_rules (county_code, topic, unit_kind, updated_by) values ('330482', 'employment', 'rehab', 'sql-tool')");
            await rule.ExecuteNonQueryAsync();
        }

        foreach (var router in routers)
        {
            await EventuallyRoutedAsync(router, rights, null);
            await EventuallyRoutedAsync(router, employment, "330482-REHAB-1");
        }
    }
}

/// <summary>Once the silos hold units and rules, routing sends no statement about them to the database.</summary>
public sealed class CachedDirectoryStatementTests(TwoSiloCluster system) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task Routing_after_the_load_reads_neither_units_nor_routing_rules_from_the_database()
    {
        var database = new NpgsqlConnectionStringBuilder(system.ConnectionString).Database!;
        using var log = new StatementLog(database);
        var routers = system.OnEverySilo<UnitRouter>();
        var directories = system.OnEverySilo<UnitDirectory>();
        var suggestions = system.Cluster.Client.GetGrain<IRouteSuggestionGrain>(0);

        foreach (var county in new[] { "330402", "330411", "330421", "330424", "330481", "330482", "330483" })
        {
            foreach (var topic in new[] { "care_services", "rights_protection", "rehabilitation", "employment" })
            {
                foreach (var router in routers)
                {
                    (await router.RouteAsync(new RoutingSubject(county, null, "complaint", topic))).Should().NotBeNull();
                    (await router.FindUnitAsync($"{county}-CENTRE"))!.Active.Should().BeTrue();
                    (await router.ReviewBodyAsync($"{county}-CENTRE", "review"))!.Code.Should().Be("330400-CENTRE");
                }
                foreach (var directory in directories)
                {
                    (await directory.ServingAsync(county, UnitKinds.Rehab))!.Code.Should().Be($"{county}-REHAB-1");
                }
                (await suggestions.Suggest(new RouteQuestion(county, null, "complaint", topic))).Error.Should().BeNull();
            }
        }

        log.OfReferenceTables.Should().BeEmpty();
        // The log does see this database's statements, those about units included: the emptiness above is not blindness.
        await using (var direct = NpgsqlDataSource.Create(system.ConnectionString))
        await using (var count = direct.CreateCommand("select count(*) from units"))
        {
            await count.ExecuteScalarAsync();
        }
        log.OfReferenceTables.Should().ContainSingle();
    }
}
