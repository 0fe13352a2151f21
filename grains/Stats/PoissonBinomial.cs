namespace Dispatch.Stats;

/// <summary>
/// The exact distribution of the number of successes among independent trials with their own probabilities
/// (Poisson-binomial), by dynamic programming over the trials: after trial i, <c>P[k]</c> is the probability of k
/// successes among the first i. O(n²) work, no sampling, so the same inputs always give the same figures.
/// </summary>
public static class PoissonBinomial
{
    /// <summary>P[k] for k = 0..n. Probabilities outside 0..1 are clamped.</summary>
    public static double[] Distribution(IReadOnlyList<double> chances)
    {
        var p = new double[chances.Count + 1];
        p[0] = 1;
        for (var i = 0; i < chances.Count; i++)
        {
            var chance = Math.Clamp(chances[i], 0, 1);
            // Downwards, so each P[k - 1] read is still the value before this trial.
            for (var k = i + 1; k > 0; k--)
            {
                p[k] = (p[k] * (1 - chance)) + (p[k - 1] * chance);
            }
            p[0] *= 1 - chance;
        }
        return p;
    }

    /// <summary>The probability of at least <paramref name="k"/> successes (1 for k &lt;= 0, 0 beyond n).</summary>
    public static double AtLeast(IReadOnlyList<double> distribution, long k)
    {
        if (k <= 0)
        {
            return 1;
        }
        var sum = 0.0;
        for (var j = (int)Math.Min(k, distribution.Count); j < distribution.Count; j++)
        {
            sum += distribution[j];
        }
        return Math.Min(sum, 1);
    }

    /// <summary>The q-quantile: the least k whose cumulative probability reaches q (a small tolerance absorbs rounding).</summary>
    public static int Quantile(IReadOnlyList<double> distribution, double q)
    {
        var cumulative = 0.0;
        for (var k = 0; k < distribution.Count; k++)
        {
            cumulative += distribution[k];
            if (cumulative >= q - 1e-12)
            {
                return k;
            }
        }
        return distribution.Count - 1;
    }
}
