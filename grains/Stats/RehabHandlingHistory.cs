using Dispatch.People;
using Dispatch.Rehab;

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
    public static string Measure(string serviceType, string clock, long edgeMinutes) => HandlingHistory.Measure(serviceType, clock, edgeMinutes);

    /// <summary>One cell per clock whose work stopped it: the bucket of the hours it counted then. None on rows written before they were kept.</summary>
    public static IEnumerable<CounterCell> Of(RehabStatsRow v) =>
        new[] { (RehabClockNames.FirstVisit, v.FirstVisitUsedHours), (RehabClockNames.Window, v.WindowUsedHours), (RehabClockNames.Record, v.RecordUsedHours) }
            .Where(c => c.Item2 is not null)
            .Select(c => CounterCell.Current(Measure(v.ServiceType, c.Item1, RehabHandlingTimeBuckets.EdgeOfHours(c.Item2!.Value))));

    /// <summary>One read of the visit history cells of some providers, their counties and the city.</summary>
    public static CounterQuery Query(IEnumerable<string> providers, IEnumerable<string> counties) =>
        HandlingHistory.Query(providers, counties, ItemTypes.RehabVisit);
}
