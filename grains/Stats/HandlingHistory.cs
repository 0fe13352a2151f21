using Dispatch.People;
using Dispatch.Scopes;

namespace Dispatch.Stats;

/// <summary>
/// The handling-time history that breach risk compares an open ticket with: per scope, per kind and topic, how many
/// dispatched tickets were resolved after how long (the <see cref="HandlingTimeBuckets"/> edge of the time their
/// handling clock counted: working time for a limit in working days or hours, suspensions left out). Kept as 'current' counters <c>by:risk:&lt;kind&gt;:&lt;topic&gt;:&lt;edge&gt;</c> in the
/// ticket's scopes, so it moves write by write with the other counters (constant work per write, one cell per scope)
/// and no request scans the tickets. It covers every resolved ticket so far (no rolling window).
/// </summary>
public static class HandlingHistory
{
    public const string Prefix = BreakdownTallies.Prefix + "risk:";

    public static string Measure(string kind, string topic, long edge) => $"{Prefix}{kind}:{topic}:{edge}";

    /// <summary>The prefix of one kind and topic's cells.</summary>
    public static string PrefixOf(string kind, string topic) => $"{Prefix}{kind}:{topic}:";

    /// <summary>
    /// The history cell of a dispatched, resolved ticket: its handling clock's counted time (<see cref="TicketStatsRow.HandlingUsedHours"/>),
    /// or, on a row written before that was kept, the wall-clock hours from first dispatch to resolution; none otherwise.
    /// </summary>
    public static IEnumerable<CounterCell> Of(TicketStatsRow t) =>
        t is { ResolvedAt: { } resolved, FirstDispatchedAt: { } dispatched }
            ? [CounterCell.Current(Measure(t.Kind, t.Topic, HandlingTimeBuckets.EdgeOf(
                t.HandlingUsedHours is { } used ? (long)Math.Floor(used) : (resolved - dispatched).Ticks / TimeSpan.TicksPerHour)))]
            : [];

    /// <summary>One scope's past handling times of a kind and topic, read from a set that holds its history cells.</summary>
    public static IReadOnlyCollection<(long Edge, long Count)> Buckets(CounterSet set, string scope, string kind, string topic)
    {
        var prefix = PrefixOf(kind, topic);
        return [.. set.WithPrefix(scope, StatsPeriod.Current, StatsPeriod.CurrentStart, prefix)
            .Select(m => (long.TryParse(m.Measure.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var edge) ? edge : -1, m.Value))
            .Where(b => b.Item1 >= 0 && b.Value > 0)];
    }

    /// <summary>One read of the history cells of some units, their counties and the city, of tickets or another item type.</summary>
    public static CounterQuery Query(IEnumerable<string> units, IEnumerable<string> counties, string itemType = ItemTypes.Ticket) => new(itemType,
        [StatsScope.City.Key, .. units.Distinct().Select(u => StatsScope.Unit(u).Key), .. counties.Distinct().Select(c => StatsScope.County(c).Key)],
        [(StatsPeriod.Current, StatsPeriod.CurrentStart)], Breakdown: Prefix);

    /// <summary>A ticket's unit (when it has one), that unit's county, the city: the order an estimate falls back in.</summary>
    public static IEnumerable<HandlingSample> Levels(CounterSet history, string kind, string topic, string? unit, string county)
    {
        HandlingSample Sample(string level, string scope) => new(level, Buckets(history, scope, kind, topic));
        if (unit is not null)
        {
            yield return Sample("unit", StatsScope.Unit(unit).Key);
        }
        yield return Sample("county", StatsScope.County(county).Key);
        yield return Sample("city", StatsScope.City.Key);
    }
}
