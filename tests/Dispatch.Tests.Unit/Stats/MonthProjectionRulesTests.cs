using Dispatch.Stats;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>The month-end on-time rate from the month so far and each open ticket's chance of closing on time.</summary>
public sealed class MonthProjectionRulesTests
{
    [Fact]
    public void Nothing_counted_and_nothing_open_projects_no_rate()
    {
        MonthProjectionRules.Project(0, 0, [], 0.95m).Should().Be(new ProjectedRate(null, null, null, null, null, null));
    }

    [Fact]
    public void With_nothing_open_the_projection_is_the_month_so_far_for_certain()
    {
        var projected = MonthProjectionRules.Project(19, 20, [], 0.95m);

        projected.Should().Be(new ProjectedRate(0.95, 0.95, 0.95, 1, 0.95, 0.95));
        MonthProjectionRules.Project(18, 20, [], 0.95m).Likelihood.Should().Be(0, "18 of 20 is 90% and nothing can change it");
    }

    [Fact]
    public void The_expected_rate_adds_the_chances_to_the_on_time_so_far()
    {
        // (37 + 0.5 + 0.25 + 1) / (38 + 3) = 38.75 / 41.
        var projected = MonthProjectionRules.Project(37, 38, [0.5, 0.25, 1], 0.95m);

        projected.Expected.Should().Be(Math.Round(38.75 / 41, 4));
        projected.IfAll.Should().Be(Math.Round(40 / 41.0, 4));
        projected.IfNone.Should().Be(Math.Round(37 / 41.0, 4));
    }

    [Fact]
    public void The_likelihood_is_the_chance_that_enough_of_the_open_tickets_close_on_time()
    {
        // 17 of 18 so far, 2 open: the target needs ceil(0.95 * 20) - 17 = 2 more, both: 0.9 * 0.8.
        var projected = MonthProjectionRules.Project(17, 18, [0.9, 0.8], 0.95m);

        projected.Likelihood.Should().Be(0.72);
        projected.Low.Should().Be(Math.Round(18 / 20.0, 4), "the 10th percentile of the count is 1 (P(0) = 0.02, P(<=1) = 0.28)");
        projected.High.Should().Be(Math.Round(19 / 20.0, 4));
    }

    [Fact]
    public void A_target_out_of_reach_even_if_all_close_has_likelihood_zero_and_one_reached_already_has_one()
    {
        MonthProjectionRules.Project(10, 20, [0.99, 0.99], 0.95m).Likelihood.Should().Be(0);
        MonthProjectionRules.Project(100, 100, [0.01, 0.01], 0.95m).Likelihood.Should().Be(1, "even two late ones leave 100 of 102, above 95%");
    }
}
