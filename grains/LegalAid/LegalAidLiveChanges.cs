using Dispatch.Live;
using Dispatch.People;
using Dispatch.Stats;

namespace Dispatch.LegalAid;

/// <summary>How a legal-aid case shows in the live feed: concluded and archived are its milestones.</summary>
public static class LegalAidLiveChanges
{
    public static readonly ItemLiveMapper<LegalAidStatsRow, LegalAidEvent> Mapper = new(
        LegalAidRules.Words,
        row => new(ItemTypes.LegalAidCase, row.Id, row.Number, row.Title, row.StationCode, row.CountyCode, row.Status, row.ClockState, row.ClockDueAt),
        row => row.CaseType,
        events => events.Any(e => e is CaseConcluded) ? LiveChangeKinds.Concluded
            : events.Any(e => e is CaseArchived) ? LiveChangeKinds.Closed
            : null,
        e => e switch
        {
            CaseClockOverdue overdue => ItemAlarm.Overdue(overdue.Clock),
            CaseSupervisionOrdered order => ItemAlarm.Order(order.Cause, order.Note),
            CaseSupervisionEscalated escalated => ItemAlarm.Escalation(escalated.Cause, escalated.Level),
            _ => null,
        });
}
