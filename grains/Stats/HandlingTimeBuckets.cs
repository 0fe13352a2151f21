namespace Dispatch.Stats;

/// <summary>
/// Handling times kept as a histogram of fixed buckets, so the median costs constant work per event and a SQL query
/// over the read model finds exactly the same value. A handling time in whole hours (rounded down) falls into the
/// bucket named by its lower edge: 1-hour steps below 72 h, 6-hour steps below 720 h (30 days), 24-hour steps
/// below 4320 h (180 days), and one last bucket from 4320 h on.
/// </summary>
public static class HandlingTimeBuckets
{
    public const string MeasurePrefix = "handling_h:";

    public static long EdgeOf(long wholeHours) => wholeHours switch
    {
        < 0 => 0,
        < 72 => wholeHours,
        < 720 => 72 + ((wholeHours - 72) / 6 * 6),
        < 4320 => 720 + ((wholeHours - 720) / 24 * 24),
        _ => 4320,
    };

    public static string Measure(TimeSpan handlingTime) => MeasurePrefix + EdgeOf(handlingTime.Ticks / TimeSpan.TicksPerHour);

    /// <summary>
    /// The lower median: the bucket edge of the ceil(n/2)-th smallest handling time. Null when there is none.
    /// </summary>
    public static double? Median(IEnumerable<(long Edge, long Count)> buckets)
    {
        var sorted = buckets.Where(b => b.Count > 0).OrderBy(b => b.Edge).ToList();
        var total = sorted.Sum(b => b.Count);
        if (total == 0)
        {
            return null;
        }
        var rank = (total + 1) / 2;
        var seen = 0L;
        foreach (var (edge, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
            {
                return edge;
            }
        }
        return sorted[^1].Edge;
    }

    public static bool TryReadEdge(string measure, out long edge)
    {
        edge = 0;
        return measure.StartsWith(MeasurePrefix, StringComparison.Ordinal)
            && long.TryParse(measure.AsSpan(MeasurePrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out edge);
    }
}
