using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dispatch.People;
using Dispatch.Stats;

namespace Dispatch.Items;

/// <summary>
/// The items' domain figures (meter <c>Dispatch.Items</c>), read from the counter changes each committed write already
/// carries, so they move exactly as the statistics do: received (the received / requested day counter went up), resolved
/// (the item left the open set: a ticket resolved, a case concluded or refused, a visit completed or cancelled) and gone
/// overdue (its worst clock became overdue). Tagged by county and kind only: a handful of series, no personal data.
/// </summary>
public sealed class ItemMetrics
{
    public const string MeterName = "Dispatch.Items";

    private const string CountyScope = "county:";

    private readonly Counter<long> received;
    private readonly Counter<long> resolved;
    private readonly Counter<long> overdue;

    public ItemMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        received = meter.CreateCounter<long>("dispatch.items.received", "{item}", "Items received (tickets registered, cases applied for, visits requested)");
        resolved = meter.CreateCounter<long>("dispatch.items.resolved", "{item}", "Items that left the open set (resolved, concluded, completed, refused or cancelled)");
        overdue = meter.CreateCounter<long>("dispatch.items.overdue", "{item}", "Items whose worst running clock went overdue");
    }

    /// <summary>Records what one committed write changed (constant work per write: its counter changes in its county).</summary>
    public void Committed(IReadOnlyList<CounterChange> changes)
    {
        foreach (var change in changes)
        {
            if (!change.Scope.StartsWith(CountyScope, StringComparison.Ordinal))
            {
                continue;
            }
            if (Instrument(change) is not { } counter)
            {
                continue;
            }
            var tags = new TagList
            {
                { "county", change.Scope[CountyScope.Length..] },
                { "kind", change.ItemType },
            };
            counter.Add(1, tags);
        }
    }

    private Counter<long>? Instrument(CounterChange change) => (change.Period, change.Measure, change.Delta) switch
    {
        (StatsPeriod.Day, TicketTallies.Received or RehabTallies.Requested, > 0) when change.ItemType is ItemTypes.Ticket or ItemTypes.LegalAidCase or ItemTypes.RehabVisit => received,
        (StatsPeriod.Current, TicketTallies.Open, < 0) => resolved,
        (StatsPeriod.Current, TicketTallies.Overdue, > 0) => overdue,
        _ => null,
    };
}
