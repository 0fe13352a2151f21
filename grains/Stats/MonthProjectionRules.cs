namespace Dispatch.Stats;

/// <summary>A projected month-end on-time rate: null figures when nothing is counted.</summary>
public readonly record struct ProjectedRate(double? Expected, double? Low, double? High, double? Likelihood, double? IfAll, double? IfNone);

/// <summary>
/// The month-end on-time closure rate of a scope from the month so far (N on time of D counted, known) and the n open
/// tickets due later this month, each resolved on time with its own chance p_i, independently: the rate is
/// (N + X) / (D + n) with X Poisson-binomial (<see cref="PoissonBinomial"/>, exact). Expected = (N + Σp_i) / (D + n);
/// the interval is the <see cref="LowQuantile"/> and <see cref="HighQuantile"/> quantiles of X so mapped; the likelihood
/// is P(X &gt;= k) with k the least number on time that reaches the target (<see cref="CloseTodayRules.Needed"/>): 1 when
/// reached whatever happens, 0 when out of reach. Tickets not yet dispatched, or due next month and resolved early, are
/// not known now and are left out.
/// </summary>
public static class MonthProjectionRules
{
    public const double LowQuantile = 0.1;
    public const double HighQuantile = 0.9;

    public static ProjectedRate Project(long onTime, long counted, IReadOnlyList<double> chances, decimal target)
    {
        var n = chances.Count;
        if (counted + n == 0)
        {
            return new ProjectedRate(null, null, null, null, null, null);
        }
        var distribution = PoissonBinomial.Distribution(chances);
        var needed = CloseTodayRules.Needed(onTime, counted, n, target);
        double Rate(double onTimeAtEnd) => Math.Round((onTime + onTimeAtEnd) / (counted + n), 4, MidpointRounding.AwayFromZero);
        return new ProjectedRate(
            Rate(chances.Sum(p => Math.Clamp(p, 0, 1))),
            Rate(PoissonBinomial.Quantile(distribution, LowQuantile)),
            Rate(PoissonBinomial.Quantile(distribution, HighQuantile)),
            Math.Round(needed > n ? 0 : PoissonBinomial.AtLeast(distribution, needed), 4, MidpointRounding.AwayFromZero),
            Rate(n),
            Rate(0));
    }
}
