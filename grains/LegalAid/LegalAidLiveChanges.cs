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

    private const string KindZh = "法律援助案件";
    private const string KindEn = "legal-aid case";

    /// <summary>A clock that ran out, and every supervision order (manual or automatic).</summary>
    public static ImmutableArray<LiveAlert> Alerts(LegalAidStatsRow row, IReadOnlyList<LegalAidEvent> events)
    {
        var alerts = ImmutableArray.CreateBuilder<LiveAlert>();
        foreach (var e in events)
        {
            switch (e)
            {
                case CaseClockOverdue overdue:
                    alerts.Add(ItemLiveChanges.Overdue(KindZh, KindEn, row.Number, row.ApplicantName, ClockZh(overdue.Clock), ClockEn(overdue.Clock)));
                    break;
                case CaseSupervisionOrdered order:
                    alerts.Add(ItemLiveChanges.SupervisionOrdered(KindZh, KindEn, row.Number, row.ApplicantName, order.Cause, order.Note));
                    break;
            }
        }
        return alerts.ToImmutable();
    }

    private static string ClockZh(string clock) => clock switch
    {
        LegalAidClockNames.Decision => "审查决定",
        LegalAidClockNames.Assignment => "指派承办人",
        LegalAidClockNames.Agreement => "签订委托协议",
        LegalAidClockNames.ObjectionReview => "异议审查",
        _ => clock,
    };

    private static string ClockEn(string clock) => clock switch
    {
        LegalAidClockNames.Decision => "decision",
        LegalAidClockNames.Assignment => "assignment",
        LegalAidClockNames.Agreement => "agreement",
        LegalAidClockNames.ObjectionReview => "objection review",
        _ => clock,
    };
}
