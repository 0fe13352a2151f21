using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Routing;
using Dispatch.Sla;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Dispatch.Units;
using FluentAssertions;
using Npgsql;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.Security;

/// <summary>
/// A client of the cluster (the web app's role) calling grains directly: it cannot act as the platform, cannot call what
/// only the silo calls, and the registry grains check the actor's role themselves.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutsideCallerTests(PostgresFixture database) : OwnClusterTests(database)
{
    private static readonly Actor Admin = new("admin-1", Roles.Admin, null, null);
    private static readonly Actor Operator = new("operator-1", Roles.Operator, null, null);
    private static readonly Actor Supervisor = new("supervisor-1", Roles.Supervisor, null, "330400");

    [Fact]
    public async Task A_client_acting_as_the_platform_is_refused_and_nothing_changes()
    {
        var unit = NewUnit();

        var act = () => Units.Add(unit, Actor.Platform);

        await act.Should().ThrowAsync<CallerRefusedException>();
        (await UnitExistsAsync(unit.Code!)).Should().BeFalse();
    }

    [Fact]
    public async Task A_client_acting_with_an_unknown_role_is_refused()
    {
        var act = () => Units.Add(NewUnit(), new Actor("x", "root", null, null));

        await act.Should().ThrowAsync<CallerRefusedException>();
    }

    [Fact]
    public async Task A_client_may_not_call_the_deadline_watcher()
    {
        var act = () => Cluster.Client.GetGrain<IDeadlineWatchGrain>(0).Tick();

        await act.Should().ThrowAsync<CallerRefusedException>();
    }

    [Fact]
    public async Task An_administrator_adds_a_unit()
    {
        var unit = NewUnit();

        var outcome = await Units.Add(unit, Admin);

        outcome.Error.Should().BeNull();
        (await UnitExistsAsync(unit.Code!)).Should().BeTrue();
    }

    [Fact]
    public async Task An_operator_may_not_add_a_unit()
    {
        var unit = NewUnit();

        var outcome = await Units.Add(unit, Operator);

        outcome.Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        (await UnitExistsAsync(unit.Code!)).Should().BeFalse();
    }

    [Fact]
    public async Task A_supervisor_may_not_change_a_unit()
    {
        var outcome = await Units.Change(NewUnit() with { Code = "330402-CENTRE", Name = "改名" }, Supervisor);

        outcome.Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        (await ScalarAsync("select name from units where code = '330402-CENTRE'")).Should().NotBe("改名");
    }

    [Fact]
    public async Task A_supervisor_may_not_add_or_change_a_routing_rule()
    {
        var before = await ScalarAsync("select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from routing_rules");
        var rules = Cluster.Client.GetGrain<IRoutingRulesGrain>("jiaxing");
        var rule = new RoutingRuleDefinition("330402", null, "complaint", null, "centre", Note: "不应写入");

        var added = await rules.Add(rule, Supervisor);
        var changed = await rules.Change(1, rule, Operator);

        added.Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        changed.Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        (await ScalarAsync("select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from routing_rules")).Should().Be(before);
    }

    [Fact]
    public async Task An_administrator_adds_a_routing_rule()
    {
        var outcome = await Cluster.Client.GetGrain<IRoutingRulesGrain>("jiaxing")
            .Add(new RoutingRuleDefinition("330402", null, "complaint", "accessibility", "centre", Note: "管理员新增"), Admin);

        outcome.Error.Should().BeNull();
    }

    private IUnitRegistryGrain Units => Cluster.Client.GetGrain<IUnitRegistryGrain>(UnitRegistry.Key);

    private static UnitDefinition NewUnit() =>
        new("330402-T" + Random.Shared.Next(1000, 9999), "测试单位", "Test unit", "centre", "330402", null, null);

    private async Task<bool> UnitExistsAsync(string code) =>
        await ScalarAsync($"select exists (select 1 from units where code = '{code}')::text") == "true";

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var command = source.CreateCommand(sql);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
