using System.Collections.Immutable;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.Stats;
using Dispatch.Live;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>What browsers should hear about one committed legal-aid case write. Pure: the grain announces it after its transaction.</summary>
public static class LegalAidLiveChanges
{
    public static LiveChange? From(
        LegalAidStatsRow? before, LegalAidStatsRow after, IReadOnlyList<LegalAidEvent> events, IReadOnlyList<CounterChange> counters, DateTimeOffset at) =>
        ItemLiveChanges.From(before is null ? null : Item(before), Item(after), Milestone(events), Alerts(after, events), counters, at);

    public static LiveItem Item(LegalAidStatsRow row) => new(
        ItemTypes.LegalAidCase, row.Id, row.Number, row.Title, row.StationCode, row.CountyCode, row.Status, row.ClockState, row.ClockDueAt);

    private static string? Milestone(IReadOnlyList<LegalAidEvent> events) =>
        events.Any(e => e is CaseConcluded) ? LiveChangeKinds.Concluded
        : events.Any(e => e is CaseArchived) ? LiveChangeKinds.Closed
        : null;

    /// <summary>A clock that ran out, and every supervision order (manual or automatic).</summary>
    public static ImmutableArray<LiveAlert> Alerts(LegalAidStatsRow row, IReadOnlyList<LegalAidEvent> events) =>
        ItemLiveChanges.Alerts(LegalAidRules.Words, row.Number, row.ApplicantName, events.Select(e => e switch
        {
            CaseClockOverdue overdue => ItemAlarm.Overdue(overdue.Clock),
            CaseSupervisionOrdered order => ItemAlarm.Order(order.Cause, order.Note),
            _ => null,
        }).OfType<ItemAlarm>());
}
