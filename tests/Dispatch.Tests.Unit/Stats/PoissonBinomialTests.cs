using Dispatch.Stats;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>The exact distribution of the number of tickets closed on time, checked by hand on small cases.</summary>
public sealed class PoissonBinomialTests
{
    [Fact]
    public void No_trial_gives_certainly_zero_successes()
    {
        PoissonBinomial.Distribution([]).Should().Equal(1.0);
    }

    [Fact]
    public void Two_trials_of_one_half_and_one_quarter_give_the_hand_computed_probabilities()
    {
        // P(0) = 0.5 * 0.75, P(1) = 0.5 * 0.75 + 0.5 * 0.25, P(2) = 0.5 * 0.25.
        var p = PoissonBinomial.Distribution([0.5, 0.25]);

        p.Should().HaveCount(3);
        p[0].Should().BeApproximately(0.375, 1e-12);
        p[1].Should().BeApproximately(0.5, 1e-12);
        p[2].Should().BeApproximately(0.125, 1e-12);
    }

    [Fact]
    public void Three_trials_of_a_third_equal_the_binomial()
    {
        var p = PoissonBinomial.Distribution([1 / 3.0, 1 / 3.0, 1 / 3.0]);

        p.Should().Equal(new[] { 8 / 27.0, 12 / 27.0, 6 / 27.0, 1 / 27.0 }, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Certain_and_impossible_trials_shift_the_distribution_without_spreading_it()
    {
        var p = PoissonBinomial.Distribution([1, 0, 1, 0]);

        p.Should().Equal(new[] { 0.0, 0, 1, 0, 0 }, (a, b) => Math.Abs(a - b) < 1e-12);
        PoissonBinomial.AtLeast(p, 2).Should().BeApproximately(1, 1e-12);
        PoissonBinomial.AtLeast(p, 3).Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void The_probabilities_of_many_uneven_trials_sum_to_one()
    {
        var chances = Enumerable.Range(0, 300).Select(i => (i * 37 % 101) / 100.0).ToList();

        var p = PoissonBinomial.Distribution(chances);

        p.Sum().Should().BeApproximately(1, 1e-9);
        p.Should().OnlyContain(x => x >= 0);
        p.Select((x, k) => x * k).Sum().Should().BeApproximately(chances.Sum(), 1e-6, "the mean is the sum of the chances");
    }

    [Fact]
    public void At_least_zero_is_certain_and_at_least_more_than_all_is_impossible()
    {
        var p = PoissonBinomial.Distribution([0.9, 0.8]);

        PoissonBinomial.AtLeast(p, 0).Should().Be(1);
        PoissonBinomial.AtLeast(p, -3).Should().Be(1);
        PoissonBinomial.AtLeast(p, 2).Should().BeApproximately(0.72, 1e-12);
        PoissonBinomial.AtLeast(p, 3).Should().Be(0);
    }

    [Fact]
    public void A_quantile_is_the_least_count_whose_cumulative_probability_reaches_it()
    {
        var p = PoissonBinomial.Distribution([0.5, 0.25]); // cumulative 0.375, 0.875, 1

        PoissonBinomial.Quantile(p, 0.1).Should().Be(0);
        PoissonBinomial.Quantile(p, 0.375).Should().Be(0);
        PoissonBinomial.Quantile(p, 0.5).Should().Be(1);
        PoissonBinomial.Quantile(p, 0.9).Should().Be(2);
    }
}
