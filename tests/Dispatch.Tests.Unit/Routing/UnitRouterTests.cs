using Dispatch.Routing;
using Dispatch.Units;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Unit.Routing;

/// <summary>Routing answers from the units and rules the silo holds: the chosen kind, then the county's active unit of it.</summary>
public sealed class UnitRouterTests
{
    private const string City = "330400";
    private const string Nanhu = "330402";

    private static readonly RoutingSubject Rights = new(Nanhu, null, "complaint", "rights_protection");

    private static UnitRouter Router(IEnumerable<UnitInfo> units, params RoutingRule[] rules)
    {
        var directory = new UnitDirectory();
        directory.Apply(new UnitSet(units));
        var active = new ActiveRoutingRules();
        active.Apply(rules);
        // No test here has two units of a kind in one county, so the open-work table is never asked.
        return new UnitRouter(directory, active, new UnitPicker(directory, new OpenWorkTable(NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused"))));
    }

    private static readonly UnitInfo[] Shipped =
    [
        new("330400-CENTRE", UnitKinds.Centre, City, true),
        new("330400-REVIEW", UnitKinds.PetitionReview, City, true),
        new("330402-CENTRE", UnitKinds.Centre, Nanhu, true),
        new("330402-LEGAL", UnitKinds.LegalAid, Nanhu, true),
    ];

    private static readonly RoutingRule Default = new(1, null, null, null, null, UnitKinds.Centre);
    private static readonly RoutingRule RightsToLegalAid = new(2, null, null, null, "rights_protection", UnitKinds.LegalAid);

    [Fact]
    public async Task The_most_specific_rule_picks_the_kind_and_the_county_supplies_the_unit() =>
        (await Router(Shipped, Default, RightsToLegalAid).RouteAsync(Rights))!.Code.Should().Be("330402-LEGAL");

    [Fact]
    public async Task No_route_when_the_chosen_kind_has_no_active_unit_in_the_county() =>
        (await Router([.. Shipped.Where(u => u.Code != "330402-LEGAL"), new("330402-LEGAL", UnitKinds.LegalAid, Nanhu, false)], Default, RightsToLegalAid)
            .RouteAsync(Rights)).Should().BeNull();

    [Fact]
    public async Task No_route_without_a_matching_rule() =>
        (await Router(Shipped, RightsToLegalAid).RouteAsync(Rights with { Topic = "care_services" })).Should().BeNull();

    [Fact]
    public async Task A_county_answer_is_reviewed_by_the_city_centre() =>
        (await Router(Shipped).ReviewBodyAsync("330402-LEGAL", "review"))!.Code.Should().Be("330400-CENTRE");

    [Fact]
    public async Task A_city_answer_and_every_re_review_go_to_the_review_body()
    {
        var router = Router(Shipped);
        (await router.ReviewBodyAsync("330400-CENTRE", "review"))!.Code.Should().Be("330400-REVIEW");
        (await router.ReviewBodyAsync("330402-CENTRE", "re_review"))!.Code.Should().Be("330400-REVIEW");
    }

    [Fact]
    public async Task An_unknown_answering_unit_has_no_review_body() =>
        (await Router(Shipped).ReviewBodyAsync("330499-NONE", "review")).Should().BeNull();

    [Fact]
    public async Task A_unit_is_found_by_code_even_when_inactive_so_dispatch_can_refuse_it_by_name() =>
        (await Router([new("330402-LEGAL", UnitKinds.LegalAid, Nanhu, false)]).FindUnitAsync("330402-LEGAL"))
            .Should().Be(new UnitTarget("330402-LEGAL", Nanhu, false));

    [Fact]
    public void Rules_that_equal_the_held_ones_change_nothing()
    {
        var active = new ActiveRoutingRules();
        active.Apply([RightsToLegalAid, Default]).Should().BeTrue();
        active.Apply([Default, RightsToLegalAid]).Should().BeFalse();
        active.Apply([Default]).Should().BeTrue();
        active.Rules.Should().Equal(Default);
    }
}
