using Dispatch.Live;
using Dispatch.People;
using Dispatch.Stats;

namespace Dispatch.Rehab;

/// <summary>How a visit shows in the live feed: completed, missed and cancelled are its milestones.</summary>
public static class RehabLiveChanges
{
    public static readonly ItemLiveMapper<RehabStatsRow, RehabEvent> Mapper = new(
        RehabRules.Words,
        row => new(ItemTypes.RehabVisit, row.Id, row.Number, row.Title, row.ProviderCode, row.CountyCode, row.Status, row.ClockState, row.ClockDueAt),
        row => row.ServiceType,
        events => events.Any(e => e is VisitCompleted) ? LiveChangeKinds.Completed
            : events.Any(e => e is VisitMissed) ? LiveChangeKinds.Missed
            : events.Any(e => e is VisitCancelled) ? LiveChangeKinds.Cancelled
            : null,
        e => e switch
        {
            VisitClockOverdue overdue => ItemAlarm.Overdue(overdue.Clock),
            VisitSupervisionOrdered order => ItemAlarm.Order(order.Cause, order.Note),
            VisitSupervisionEscalated escalated => ItemAlarm.Escalation(escalated.Cause, escalated.Level),
            _ => null,
        });
}
