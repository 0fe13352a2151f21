using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>Turns breakdown counters into rows, one per value. Pure; the counters are <see cref="BreakdownTallies"/>'.</summary>
public static class BreakdownFigures
{
    public static ImmutableArray<BreakdownRow> Rows(CounterSet c, string scope, string period, DateOnly start, string dimension)
    {
        var prefix = BreakdownTallies.PrefixOf(dimension);
        var values = new SortedDictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (cellPeriod, cellStart) in new[] { (period, start), (StatsPeriod.Current, StatsPeriod.CurrentStart) })
        {
            foreach (var (counter, value) in c.WithPrefix(scope, cellPeriod, cellStart, prefix))
            {
                if (BreakdownTallies.TryRead(dimension, counter, out var key, out var measure))
                {
                    if (!values.TryGetValue(key, out var measures))
                    {
                        measures = new Dictionary<string, long>(StringComparer.Ordinal);
                        values[key] = measures;
                    }
                    measures[measure] = value;
                }
            }
        }
        return [.. values.Select(v => Row(v.Key, v.Value)).OrderByDescending(r => r.Received)];
    }

    private static BreakdownRow Row(string value, Dictionary<string, long> m)
    {
        long Of(string measure) => m.GetValueOrDefault(measure);
        return new BreakdownRow
        {
            Value = value,
            Received = Of(TicketTallies.Received),
            Resolved = Of(TicketTallies.Resolved),
            OnTime = Of(TicketTallies.OnTime),
            OnTimeCounted = Of(TicketTallies.OnTimeCounted),
            OnTimeClosureRate = TicketFigures.Rate(Of(TicketTallies.OnTime), Of(TicketTallies.OnTimeCounted)),
            Open = Of(TicketTallies.Open),
            Overdue = Of(TicketTallies.Overdue),
        };
    }
}
