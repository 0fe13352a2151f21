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

    private const string KindZh = "上门康复服务";
    private const string KindEn = "rehab visit";

    /// <summary>A clock that ran out, and every supervision order (manual or automatic).</summary>
    public static ImmutableArray<LiveAlert> Alerts(RehabStatsRow row, IReadOnlyList<RehabEvent> events)
    {
        var alerts = ImmutableArray.CreateBuilder<LiveAlert>();
        foreach (var e in events)
        {
            switch (e)
            {
                case VisitClockOverdue overdue:
                    alerts.Add(ItemLiveChanges.Overdue(KindZh, KindEn, row.Number, row.PersonName, ClockZh(overdue.Clock), ClockEn(overdue.Clock)));
                    break;
                case VisitSupervisionOrdered order:
                    alerts.Add(ItemLiveChanges.SupervisionOrdered(KindZh, KindEn, row.Number, row.PersonName, order.Cause, order.Note));
                    break;
            }
        }
        return alerts.ToImmutable();
    }

    private static string ClockZh(string clock) => clock switch
    {
        RehabClockNames.FirstVisit => "首次上门",
        RehabClockNames.Window => "服务时段",
        RehabClockNames.Record => "服务记录",
        _ => clock,
    };

    private static string ClockEn(string clock) => clock switch
    {
        RehabClockNames.FirstVisit => "first-visit",
        RehabClockNames.Window => "visit window",
        RehabClockNames.Record => "visit record",
        _ => clock,
    };
}
