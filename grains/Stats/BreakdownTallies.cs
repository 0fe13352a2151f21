namespace Dispatch.Stats;

/// <summary>
/// The few ticket counters also kept per kind, topic, channel and town, so a breakdown reads counters and never scans
/// tickets. A breakdown counter's measure is <c>by:&lt;dimension&gt;:&lt;value&gt;:&lt;measure&gt;</c>, in the same scopes as
/// the ticket's other counters: received (by the day received), resolved (by the day resolved), on_time_counted and
/// on_time (the on-time closure cells), open and overdue (gauges). Dated breakdowns are kept by month and year only
/// (not by day), which keeps the extra cells of a registration at three per dimension and scope.
/// </summary>
public static class BreakdownTallies
{
    public const string Prefix = "by:";
    public const string Kind = "kind";
    public const string Topic = "topic";
    public const string Channel = "channel";
    public const string Town = "town";

    /// <summary>The value a ticket without a town counts under (an address at county level).</summary>
    public const string NoTown = "none";

    public static IReadOnlyList<string> Dimensions { get; } = [Kind, Topic, Channel, Town];

    /// <summary>The measures kept per value of a dimension.</summary>
    public static IReadOnlyList<string> Measures { get; } =
        [TicketTallies.Received, TicketTallies.Resolved, TicketTallies.OnTimeCounted, TicketTallies.OnTime, TicketTallies.Open, TicketTallies.Overdue];

    public static bool IsDimension(string? text) => text is Kind or Topic or Channel or Town;

    /// <summary>The periods a breakdown is kept for: month and year.</summary>
    public static bool IsKeptFor(string period) => period is StatsPeriod.Month or StatsPeriod.Year;

    /// <summary>The prefix of one dimension's counters.</summary>
    public static string PrefixOf(string dimension) => $"{Prefix}{dimension}:";

    public static string Measure(string dimension, string value, string measure) => $"{PrefixOf(dimension)}{value}:{measure}";

    /// <summary>Splits a counter of <paramref name="dimension"/> into its value and measure.</summary>
    public static bool TryRead(string dimension, string counter, out string value, out string measure)
    {
        value = measure = "";
        var prefix = PrefixOf(dimension);
        var last = counter.LastIndexOf(':');
        if (!counter.StartsWith(prefix, StringComparison.Ordinal) || last < prefix.Length)
        {
            return false;
        }
        value = counter[prefix.Length..last];
        measure = counter[(last + 1)..];
        return value.Length > 0;
    }

    /// <summary>Every breakdown cell of a ticket, derived from the cells it adds to the headline measures.</summary>
    public static IEnumerable<CounterCell> Of(TicketStatsRow t, IReadOnlyCollection<CounterCell> cells)
    {
        var kept = cells.Where(c => Measures.Contains(c.Measure) && (c.Period == StatsPeriod.Current || IsKeptFor(c.Period))).ToList();
        foreach (var (dimension, value) in ValuesOf(t))
        {
            foreach (var cell in kept)
            {
                yield return cell with { Measure = Measure(dimension, value, cell.Measure) };
            }
        }
    }

    private static IEnumerable<(string Dimension, string Value)> ValuesOf(TicketStatsRow t) =>
    [
        (Kind, t.Kind),
        (Topic, t.Topic),
        (Channel, t.Channel),
        (Town, string.IsNullOrEmpty(t.TownCode) ? NoTown : t.TownCode),
    ];
}
