using Dispatch.Routing;
using Dispatch.Units;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Routing;

/// <summary>The choice among several units of a kind: least load per share, ties by code, and the reason recorded.</summary>
public sealed class FairRoutingTests
{
    private static UnitInfo Provider(string code, int share = 1) => new(code, UnitKinds.Rehab, "330402", true, share);

    private static Dictionary<string, OpenWork> Work(params (string Code, OpenWork Work)[] units) => units.ToDictionary(u => u.Code, u => u.Work);

    [Fact]
    public void The_least_loaded_unit_is_chosen_and_every_candidate_is_recorded_with_its_load()
    {
        var (unit, why) = FairRouting.Choose([Provider("A"), Provider("B")], Work(("A", new OpenWork(0, 2, 1, 0)), ("B", new OpenWork(0, 1, 1, 0))));

        unit.Code.Should().Be("B");
        why.Rule.Should().Be(FairRouting.LeastLoaded);
        why.Candidates.Should().Equal(new RoutingCandidate("A", 1, 3), new RoutingCandidate("B", 1, 2));
    }

    [Fact]
    public void An_urgent_ticket_weighs_three_normal_items() =>
        new OpenWork(UrgentTickets: 1, OtherTickets: 1, Visits: 1, Cases: 1).Load.Should().Be(6);

    [Fact]
    public void Equal_loads_go_to_the_first_by_code_and_a_unit_without_open_work_counts_zero() =>
        FairRouting.Choose([Provider("A"), Provider("B")], Work()).Unit.Code.Should().Be("A");

    [Fact]
    public void Shares_keep_the_loads_in_proportion()
    {
        var units = new[] { Provider("A", share: 3), Provider("B", share: 1) };
        var loads = new Dictionary<string, int> { ["A"] = 0, ["B"] = 0 };
        for (var i = 0; i < 40; i++)
        {
            var (unit, why) = FairRouting.Choose(units, loads.ToDictionary(l => l.Key, l => new OpenWork(0, l.Value, 0, 0)));
            why.Rule.Should().Be(FairRouting.ByShare);
            loads[unit.Code]++;
        }
        loads.Should().Equal(new Dictionary<string, int> { ["A"] = 30, ["B"] = 10 });
    }

    [Fact]
    public void The_candidates_of_an_area_are_its_active_units_of_the_kind_by_code() =>
        new UnitSet([Provider("330402-REHAB-2"), Provider("330402-REHAB-1"), Provider("330402-REHAB-3") with { Active = false }])
            .Candidates("330402", UnitKinds.Rehab).Select(u => u.Code).Should().Equal("330402-REHAB-1", "330402-REHAB-2");
}
