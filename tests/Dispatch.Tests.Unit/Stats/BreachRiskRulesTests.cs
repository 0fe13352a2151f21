using Dispatch.Stats;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>Breach risk from past handling times: the conditional share, the minimum history and the fall-back order.</summary>
public sealed class BreachRiskRulesTests
{
    /// <summary>20 past tickets: 5 took 2 h, 5 took 30 h, 5 took 100 h, 5 took 300 h.</summary>
    private static readonly HandlingSample Unit = new("unit", [(2, 5), (30, 5), (100, 5), (300, 5)]);

    [Fact]
    public void A_fresh_ticket_with_50_hours_left_is_at_risk_from_the_half_of_past_tickets_that_took_longer()
    {
        var estimate = BreachRiskRules.Estimate([Unit], ageHours: 0, remainingHours: 50);

        estimate.Should().Be(new BreachEstimate(0.5, "unit", 20, 10));
        BreachRiskRules.Flags(estimate).Should().BeTrue("half of its peers took longer: the flag threshold");
    }

    [Fact]
    public void Past_tickets_resolved_before_the_open_tickets_age_are_left_out_of_the_comparison()
    {
        var estimate = BreachRiskRules.Estimate([new HandlingSample("unit", [(2, 30), (30, 10), (100, 10)])], ageHours: 10, remainingHours: 50);

        estimate.Should().Be(new BreachEstimate(0.5, "unit", 20, 10), "the 30 resolved within 2 h were no longer open at 10 h");
    }

    [Fact]
    public void A_ticket_with_more_time_left_than_every_past_ticket_took_has_no_risk()
    {
        var estimate = BreachRiskRules.Estimate([Unit], ageHours: 1, remainingHours: 400);

        estimate!.Value.Risk.Should().Be(0);
        BreachRiskRules.Flags(estimate).Should().BeFalse();
    }

    [Fact]
    public void A_past_ticket_that_took_exactly_the_time_left_is_not_counted_as_longer()
    {
        BreachRiskRules.Estimate([Unit], ageHours: 0, remainingHours: 100)!.Value.Longer.Should().Be(5, "only the 300 h ones took longer than 100 h");
    }

    [Fact]
    public void Too_few_comparable_unit_tickets_fall_back_to_the_county_then_the_city()
    {
        var fewAtUnit = new HandlingSample("unit", [(30, 19)]);
        var fewAtCounty = new HandlingSample("county", [(2, 50), (30, 10)]);
        var city = new HandlingSample("city", [(30, 30), (100, 10)]);

        var estimate = BreachRiskRules.Estimate([fewAtUnit, fewAtCounty, city], ageHours: 5, remainingHours: 40);

        estimate.Should().Be(new BreachEstimate(0.25, "city", 40, 10),
            $"the unit has 19 and the county 10 comparable tickets, under the minimum of {BreachRiskRules.MinimumHistory}");
    }

    [Fact]
    public void The_county_is_used_when_the_unit_has_too_few_and_the_county_enough()
    {
        var estimate = BreachRiskRules.Estimate([new HandlingSample("unit", []), new HandlingSample("county", [(30, 15), (72, 5)])], 0, 48);

        estimate.Should().Be(new BreachEstimate(0.25, "county", 20, 5));
    }

    [Fact]
    public void No_level_with_enough_history_gives_no_estimate_and_no_flag()
    {
        var estimate = BreachRiskRules.Estimate([new HandlingSample("unit", [(30, 3)]), new HandlingSample("city", [(30, 19)])], 0, 10);

        estimate.Should().BeNull();
        BreachRiskRules.Flags(estimate).Should().BeFalse();
    }

    [Fact]
    public void A_share_just_under_the_threshold_is_not_flagged()
    {
        var estimate = BreachRiskRules.Estimate([new HandlingSample("unit", [(2, 11), (300, 9)])], 0, 50);

        estimate!.Value.Risk.Should().Be(0.45);
        BreachRiskRules.Flags(estimate).Should().BeFalse();
    }
}
