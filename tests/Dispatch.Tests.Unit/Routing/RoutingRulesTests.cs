using Dispatch.Routing;
using Dispatch.Units;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Routing;

/// <summary>Of the routing rules that match a ticket, the most specific chooses the kind of unit.</summary>
public sealed class RoutingRulesTests
{
    private const string Nanhu = "330402";
    private const string Xiuzhou = "330411";
    private const string Jianshe = "330402007";
    private const string Xincheng = "330402008";

    /// <summary>A complaint about rehabilitation from 建设街道, 南湖区.</summary>
    private static readonly RoutingSubject Complaint = new(Nanhu, Jianshe, "complaint", "rehabilitation");

    private static RoutingRule Rule(int id, string unitKind, string? county = null, string? town = null, string? kind = null, string? topic = null) =>
        new(id, county, town, kind, topic, unitKind);

    [Fact]
    public void Rule_for_any_ticket_applies_when_nothing_more_specific_does() =>
        RoutingRules.Choose([Rule(1, UnitKinds.Centre)], Complaint).Should().Be(UnitKinds.Centre);

    [Fact]
    public void County_rule_beats_a_rule_for_any_county() =>
        RoutingRules.Choose([Rule(1, UnitKinds.Centre), Rule(2, UnitKinds.LegalAid, county: Nanhu)], Complaint)
            .Should().Be(UnitKinds.LegalAid);

    [Fact]
    public void Town_rule_beats_a_county_rule() =>
        RoutingRules.Choose([Rule(1, UnitKinds.Centre, county: Nanhu), Rule(2, UnitKinds.Rehab, town: Jianshe)], Complaint)
            .Should().Be(UnitKinds.Rehab);

    [Fact]
    public void Town_rule_beats_a_county_rule_that_also_names_kind_and_topic() =>
        RoutingRules.Choose(
                [Rule(1, UnitKinds.Centre, county: Nanhu, kind: "complaint", topic: "rehabilitation"), Rule(2, UnitKinds.Rehab, town: Jianshe)],
                Complaint)
            .Should().Be(UnitKinds.Rehab);

    [Fact]
    public void County_rule_beats_a_rule_for_any_county_that_names_kind_and_topic() =>
        RoutingRules.Choose(
                [Rule(1, UnitKinds.Rehab, kind: "complaint", topic: "rehabilitation"), Rule(2, UnitKinds.Centre, county: Nanhu)],
                Complaint)
            .Should().Be(UnitKinds.Centre);

    [Fact]
    public void Kind_rule_beats_a_topic_rule() =>
        RoutingRules.Choose([Rule(1, UnitKinds.Rehab, topic: "rehabilitation"), Rule(2, UnitKinds.Centre, kind: "complaint")], Complaint)
            .Should().Be(UnitKinds.Centre);

    [Fact]
    public void Topic_rule_beats_a_rule_for_any_topic() =>
        RoutingRules.Choose([Rule(1, UnitKinds.Centre), Rule(2, UnitKinds.Rehab, topic: "rehabilitation")], Complaint)
            .Should().Be(UnitKinds.Rehab);

    [Fact]
    public void Rule_for_kind_and_topic_beats_a_rule_for_the_kind_alone() =>
        RoutingRules.Choose([Rule(1, UnitKinds.Centre, kind: "complaint"), Rule(2, UnitKinds.LegalAid, kind: "complaint", topic: "rehabilitation")], Complaint)
            .Should().Be(UnitKinds.LegalAid);

    [Fact]
    public void A_more_specific_rule_that_does_not_match_is_ignored() =>
        RoutingRules.Choose(
                [Rule(1, UnitKinds.Centre, county: Nanhu), Rule(2, UnitKinds.Rehab, town: Xincheng), Rule(3, UnitKinds.LegalAid, county: Nanhu, kind: "petition")],
                Complaint)
            .Should().Be(UnitKinds.Centre);

    [Fact]
    public void Town_rule_does_not_apply_to_a_ticket_without_a_town() =>
        RoutingRules.Choose([Rule(1, UnitKinds.Centre, county: Nanhu), Rule(2, UnitKinds.Rehab, town: Jianshe)], Complaint with { TownCode = null })
            .Should().Be(UnitKinds.Centre);

    [Fact]
    public void No_matching_rule_chooses_nothing() =>
        RoutingRules.Choose([Rule(1, UnitKinds.Centre, county: Xiuzhou), Rule(2, UnitKinds.LegalAid, topic: "education")], Complaint)
            .Should().BeNull();

    [Fact]
    public void No_rules_choose_nothing() =>
        RoutingRules.Choose([], Complaint).Should().BeNull();

    [Fact]
    public void Equally_specific_rules_are_decided_by_the_lower_id() =>
        RoutingRules.Choose([Rule(7, UnitKinds.Rehab, county: Nanhu), Rule(3, UnitKinds.LegalAid, county: Nanhu), Rule(5, UnitKinds.Centre, county: Nanhu)], Complaint)
            .Should().Be(UnitKinds.LegalAid);
}
