using System.Globalization;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Scopes;

namespace Dispatch.Stats;

/// <summary>
/// The history that breach risk compares an open visit's running clock with: per scope, per service type and clock
/// (<see cref="RehabClockNames"/>), how many past visits' same clock was stopped by its work after how long, in the
/// clock's own terms (working time for the first visit and the record, elapsed time for the window; visit clocks never
/// pause), bucketed in minutes (<see cref="RehabHandlingTimeBuckets"/>). Kept as 'current' counters
/// <c>by:risk:&lt;service type&gt;:&lt;clock&gt;:&lt;edge in minutes&gt;</c> (item type rehab_visit) in the visit's scopes
/// (the city, the person's county, the provider), from the read-model row alone, so a write and a rebuild give the same
/// cells. A clock stopped otherwise (a cancelled visit, a missed window) is no handling time and leaves no cell.
/// </summary>
public static class RehabHandlingHistory
{
    public const string Prefix = HandlingHistory.Prefix;

    public static string Measure(string serviceType, string clock, long edgeMinutes) => $"{Prefix}{serviceType}:{clock}:{edgeMinutes}";

    public static string PrefixOf(string serviceType, string clock) => $"{Prefix}{serviceType}:{clock}:";

    /// <summary>One cell per clock whose work stopped it: the bucket of the hours it counted then. None on rows written before they were kept.</summary>
    public static IEnumerable<CounterCell> Of(RehabStatsRow v) =>
        new[] { (RehabClockNames.FirstVisit, v.FirstVisitUsedHours), (RehabClockNames.Window, v.WindowUsedHours), (RehabClockNames.Record, v.RecordUsedHours) }
            .Where(c => c.Item2 is not null)
            .Select(c => CounterCell.Current(Measure(v.ServiceType, c.Item1, RehabHandlingTimeBuckets.EdgeOfHours(c.Item2!.Value))));

    /// <summary>One scope's past counted times of a service type's clock (edges in minutes), from a set that holds its history cells.</summary>
    public static IReadOnlyCollection<(long Edge, long Count)> Buckets(CounterSet set, string scope, string serviceType, string clock)
    {
        var prefix = PrefixOf(serviceType, clock);
        return [.. set.WithPrefix(scope, StatsPeriod.Current, StatsPeriod.CurrentStart, prefix)
            .Select(m => (long.TryParse(m.Measure.AsSpan(prefix.Length), CultureInfo.InvariantCulture, out var edge) ? edge : -1, m.Value))
            .Where(b => b.Item1 >= 0 && b.Value > 0)];
    }

    /// <summary>One read of the visit history cells of some providers, their counties and the city.</summary>
    public static CounterQuery Query(IEnumerable<string> providers, IEnumerable<string> counties) => new(ItemTypes.RehabVisit,
        [StatsScope.City.Key, .. providers.Distinct().Select(u => StatsScope.Unit(u).Key), .. counties.Distinct().Select(c => StatsScope.County(c).Key)],
        [(StatsPeriod.Current, StatsPeriod.CurrentStart)], Breakdown: Prefix);

    /// <summary>The provider, its county, the city: the order an estimate falls back in. Edges are in minutes.</summary>
    public static IEnumerable<HandlingSample> Levels(CounterSet history, string serviceType, string clock, string provider, string county)
    {
        HandlingSample Sample(string level, string scope) => new(level, Buckets(history, scope, serviceType, clock));
        yield return Sample("unit", StatsScope.Unit(provider).Key);
        yield return Sample("county", StatsScope.County(county).Key);
        yield return Sample("city", StatsScope.City.Key);
    }
}
