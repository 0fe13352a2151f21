using Dispatch.Scopes;
using Dispatch.People;
using System.Collections.Immutable;
using Dispatch.Stats;
using Dispatch.Tickets;
using Dispatch.Items;
using Dispatch.Live;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>
/// What browsers should hear about one committed ticket write, from the stored row before and after it and the events
/// it recorded. Pure: the grain announces the result after its transaction.
/// </summary>
public static class TicketLiveChanges
{
    public static LiveChange? From(
        TicketStatsRow? before, TicketStatsRow after, IReadOnlyList<TicketEvent> events, IReadOnlyList<CounterChange> counters, DateTimeOffset at)
    {
        var change = Kind(before, after, events);
        var alerts = Alerts(after, events);
        var statsScopes = CounterDelta.ScopesOf(counters);
        if (change is null && alerts.IsEmpty && statsScopes.Count == 0)
        {
            return null;
        }
        return new LiveChange(Item(after), change, Scopes(before, after), alerts, [.. statsScopes], at);
    }

    /// <summary>The ticket as pushed: its title screened of the caller's name and every personal number.</summary>
    public static LiveItem Item(TicketStatsRow row) => ItemLiveChanges.Screened(new(
        ItemTypes.Ticket, row.Id, row.Number, row.Title, row.UnitCode, row.CountyCode, row.Status, row.ClockState, row.ClockDueAt), row.CallerName);

    /// <summary>
    /// The most telling change, or null when nothing a list shows has changed. A return sends the ticket back to the
    /// dispatch queue, reported as registered (its status again); a transfer is a dispatch to the new unit.
    /// </summary>
    public static string? Kind(TicketStatsRow? before, TicketStatsRow after, IReadOnlyList<TicketEvent> events)
    {
        if (before is null)
        {
            return LiveChangeKinds.Registered;
        }
        if (after.ClosedAt is not null && before.ClosedAt is null)
        {
            return LiveChangeKinds.Closed;
        }
        if (after.ResolvedAt is not null && before.ResolvedAt is null)
        {
            return LiveChangeKinds.Resolved;
        }
        if (events.Any(e => e is TicketReopened))
        {
            return LiveChangeKinds.Reopened;
        }
        if (after.UnitCode != before.UnitCode || events.Any(e => e is TicketDispatched))
        {
            return after.UnitCode is null ? LiveChangeKinds.Registered : LiveChangeKinds.Dispatched;
        }
        if (after.SignedAt is not null && before.SignedAt is null)
        {
            return LiveChangeKinds.Signed;
        }
        return ItemLiveChanges.ClockKind(before.ClockState, after.ClockState);
    }

    /// <summary>
    /// A clock that ran out, every supervision order (manual or automatic) and its escalations alert the supervisors; a
    /// reminder (催办) reaches the unit's worklist.
    /// </summary>
    public static ImmutableArray<LiveAlert> Alerts(TicketStatsRow row, IReadOnlyList<TicketEvent> events) =>
        ItemLiveChanges.Alerts(TicketRules.Words, row.Number, row.Title, row.CallerName, events.Select(e => e switch
        {
            ClockOverdue overdue => ItemAlarm.Overdue(overdue.Clock),
            SupervisionOrderIssued order => ItemAlarm.Order(order.Cause, order.Note),
            SupervisionEscalated escalated => ItemAlarm.Escalation(escalated.Cause, escalated.Level),
            TicketReminded reminded => ItemAlarm.Reminded(reminded.Note),
            _ => null,
        }).OfType<ItemAlarm>());

    /// <summary>The city, the county, the unit holding the ticket, and the unit that just lost it (so its list drops it).</summary>
    private static ImmutableArray<string> Scopes(TicketStatsRow? before, TicketStatsRow after)
    {
        var scopes = StatsScope.KeysOf(after.CountyCode, after.UnitCode).ToList();
        if (before?.UnitCode is { } previous && previous != after.UnitCode)
        {
            scopes.Add(StatsScope.Unit(previous).Key);
        }
        return [.. scopes];
    }
}
