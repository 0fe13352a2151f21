using System.Collections.Immutable;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Stats;
using Dispatch.Live;
using Dispatch.Sla;

namespace Dispatch.Rehab;

/// <summary>What browsers should hear about one committed visit write. Pure: the grain announces it after its transaction.</summary>
public static class RehabLiveChanges
{
    public static LiveChange? From(
        RehabStatsRow? before, RehabStatsRow after, IReadOnlyList<RehabEvent> events, IReadOnlyList<CounterChange> counters, DateTimeOffset at) =>
        ItemLiveChanges.From(before is null ? null : Item(before), Item(after), Milestone(events), Alerts(after, events), counters, at);

    public static LiveItem Item(RehabStatsRow row) => new(
        ItemTypes.RehabVisit, row.Id, row.Number, row.Title, row.ProviderCode, row.CountyCode, row.Status, row.ClockState, row.ClockDueAt);

    private static string? Milestone(IReadOnlyList<RehabEvent> events) =>
        events.Any(e => e is VisitCompleted) ? LiveChangeKinds.Completed
        : events.Any(e => e is VisitMissed) ? LiveChangeKinds.Missed
        : events.Any(e => e is VisitCancelled) ? LiveChangeKinds.Cancelled
        : null;

    /// <summary>A clock that ran out, and every supervision order (manual or automatic).</summary>
    public static ImmutableArray<LiveAlert> Alerts(RehabStatsRow row, IReadOnlyList<RehabEvent> events) =>
        ItemLiveChanges.Alerts(RehabRules.Words, row.Number, row.PersonName, events.Select(e => e switch
        {
            VisitClockOverdue overdue => ItemAlarm.Overdue(overdue.Clock),
            VisitSupervisionOrdered order => ItemAlarm.Order(order.Cause, order.Note),
            _ => null,
        }).OfType<ItemAlarm>());
}
