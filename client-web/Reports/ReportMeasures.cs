using Dispatch.Stats;

namespace Dispatch.Web.Reports;

/// <summary>How a figure reads: a count, a rate (0..1, shown as a percentage) or a number of hours.</summary>
public static class FigureKinds
{
    public const string Count = "count";
    public const string Rate = "rate";
    public const string Hours = "hours";
}

/// <summary>
/// One measure of a report. <see cref="Key"/> is the measure's path in the GET /api/stats answer (tickets.received), so a
/// report figure and the stats figure it copies are the same field. Measures marked "now" are gauges of today, whatever
/// the period.
/// </summary>
public sealed record ReportMeasure(string Key, string Category, string NameZh, string NameEn, string Kind, Func<StatsSnapshot, double?> Read)
{
    /// <summary>Only the on-time closure rate has a target (the snapshot's, 95%).</summary>
    public bool HasTarget => Key.EndsWith("onTimeClosureRate", StringComparison.Ordinal);
}

/// <summary>The measures of product.md a supervisor hands in, in the order of the report, read from one <see cref="StatsSnapshot"/>.</summary>
public static class ReportMeasures
{
    public const string Tickets = "tickets";
    public const string Petitions = "petitions";
    public const string LegalAid = "legalAid";
    public const string Rehab = "rehab";

    /// <summary>Category names as the report prints them.</summary>
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Categories = new Dictionary<string, (string, string)>
    {
        [Tickets] = ("热线工单", "Hotline tickets"),
        [Petitions] = ("信访", "Petitions"),
        [LegalAid] = ("法律援助", "Legal aid"),
        [Rehab] = ("居家康复", "Home rehabilitation"),
    };

    /// <summary>Suspension reasons (挂起原因) as the pause-share rows name them; another code is printed as it is.</summary>
    private static readonly Dictionary<string, (string Zh, string En)> PauseReasons = new()
    {
        ["awaiting_citizen_documents"] = ("等待群众补充材料", "waiting for the citizen's documents"),
        ["awaiting_citizen_contact"] = ("无法联系群众", "citizen cannot be reached"),
        ["awaiting_other_agency"] = ("等待其他部门", "waiting for another agency"),
        ["legal_proceedings"] = ("进入法律程序", "legal proceedings"),
        ["force_majeure"] = ("不可抗力", "force majeure"),
        ["other"] = ("其他", "other"),
    };

    private static readonly IReadOnlyList<ReportMeasure> Fixed =
    [
        Count(Tickets, "received", "受理量", "Received", s => s.Tickets.Received),
        Count(Tickets, "resolved", "办结量", "Resolved", s => s.Tickets.Resolved),
        Count(Tickets, "closed", "归档量", "Closed", s => s.Tickets.Closed),
        Rate(Tickets, "onTimeClosureRate", "按时办结率", "On-time closure rate", s => s.Tickets.OnTimeClosureRate),
        Rate(Tickets, "closureRate", "办结率", "Closure rate", s => s.Tickets.ClosureRate),
        Rate(Tickets, "timelySignForRate", "及时签收率", "Timely sign-for rate", s => s.Tickets.TimelySignForRate),
        Rate(Tickets, "callbackRate", "回访率", "Callback rate", s => s.Tickets.CallbackRate),
        Rate(Tickets, "satisfactionRate", "满意率", "Satisfaction rate", s => s.Tickets.SatisfactionRate),
        Rate(Tickets, "firstContactResolutionRate", "直接办结率", "First-contact resolution rate", s => s.Tickets.FirstContactResolutionRate),
        Rate(Tickets, "returnRate", "退单率", "Return rate", s => s.Tickets.ReturnRate),
        Rate(Tickets, "reworkRate", "重办率", "Rework rate", s => s.Tickets.ReworkRate),
        Rate(Tickets, "repeatCallRate", "重复来电率", "Repeat-call rate", s => s.Tickets.RepeatCallRate),
        new($"{Tickets}.medianHandlingHours", Tickets, "办理时长中位数（小时）", "Median handling time (hours)", FigureKinds.Hours,
            s => s.Tickets.MedianHandlingHours),
        Count(Tickets, "open", "在办（当前）", "Open (now)", s => s.Tickets.Open),
        Count(Tickets, "atRisk", "预警（当前）", "At risk (now)", s => s.Tickets.AtRisk),
        Count(Tickets, "overdue", "超期（当前）", "Overdue (now)", s => s.Tickets.Overdue),

        Count(Petitions, "received", "信访受理量", "Petitions received", s => s.Petitions.Received),
        Rate(Petitions, "acceptanceOnTimeRate", "按期受理告知率", "Acceptance on-time rate", s => s.Petitions.AcceptanceOnTimeRate),
        Rate(Petitions, "replyOnTimeRate", "按期答复率", "Reply on-time rate", s => s.Petitions.ReplyOnTimeRate),
        Count(Petitions, "answered", "书面答复量", "Answered in writing", s => s.Petitions.Answered),
        Count(Petitions, "reviewsRequested", "复查申请", "Reviews requested", s => s.Petitions.ReviewsRequested),
        Rate(Petitions, "reviewRate", "复查率", "Review rate", s => s.Petitions.ReviewRate),
        Count(Petitions, "reviewsUpheld", "复查维持", "Reviews upheld", s => s.Petitions.ReviewsUpheld),
        Count(Petitions, "reviewsChanged", "复查撤销或变更", "Reviews revoked or changed", s => s.Petitions.ReviewsChanged),
        Count(Petitions, "reReviewsRequested", "复核申请", "Re-reviews requested", s => s.Petitions.ReReviewsRequested),
        Rate(Petitions, "reReviewRate", "复核率", "Re-review rate", s => s.Petitions.ReReviewRate),
        Count(Petitions, "reReviewsUpheld", "复核维持", "Re-reviews upheld", s => s.Petitions.ReReviewsUpheld),
        Count(Petitions, "reReviewsChanged", "复核撤销或变更", "Re-reviews revoked or changed", s => s.Petitions.ReReviewsChanged),

        Count(LegalAid, "received", "援助申请", "Applications received", s => s.LegalAid?.Received),
        Count(LegalAid, "decided", "审查决定", "Decided", s => s.LegalAid?.Decided),
        Count(LegalAid, "granted", "给予援助", "Granted", s => s.LegalAid?.Granted),
        Count(LegalAid, "refused", "不予援助", "Refused", s => s.LegalAid?.Refused),
        Count(LegalAid, "concluded", "结案", "Concluded", s => s.LegalAid?.Concluded),
        Rate(LegalAid, "onTimeDecisionRate", "按期审查率", "On-time decision rate", s => s.LegalAid?.OnTimeDecisionRate),
        Rate(LegalAid, "grantRate", "援助率", "Grant rate", s => s.LegalAid?.GrantRate),
        Rate(LegalAid, "onTimeAssignmentRate", "按期指派率", "On-time assignment rate", s => s.LegalAid?.OnTimeAssignmentRate),
        Count(LegalAid, "open", "在办（当前）", "Open (now)", s => s.LegalAid?.Open),
        Count(LegalAid, "atRisk", "预警（当前）", "At risk (now)", s => s.LegalAid?.AtRisk),
        Count(LegalAid, "overdue", "超期（当前）", "Overdue (now)", s => s.LegalAid?.Overdue),

        Count(Rehab, "requested", "服务申请", "Visits requested", s => s.Rehab?.Requested),
        Count(Rehab, "completed", "完成服务", "Completed", s => s.Rehab?.Completed),
        Count(Rehab, "missed", "未能上门", "Missed", s => s.Rehab?.Missed),
        Count(Rehab, "cancelled", "取消", "Cancelled", s => s.Rehab?.Cancelled),
        Rate(Rehab, "onTimeFirstVisitRate", "首次上门及时率", "On-time first visit rate", s => s.Rehab?.OnTimeFirstVisitRate),
        Rate(Rehab, "completionRate", "完成率", "Completion rate", s => s.Rehab?.CompletionRate),
        Rate(Rehab, "onTimeRecordRate", "按期建档率", "On-time record rate", s => s.Rehab?.OnTimeRecordRate),
        Count(Rehab, "open", "在办（当前）", "Open (now)", s => s.Rehab?.Open),
        Count(Rehab, "atRisk", "预警（当前）", "At risk (now)", s => s.Rehab?.AtRisk),
        Count(Rehab, "overdue", "超期（当前）", "Overdue (now)", s => s.Rehab?.Overdue),
    ];

    /// <summary>
    /// The headline figures each child scope (a county of the city, a unit of a county) has in <see cref="StatsSnapshot.Children"/>;
    /// keys are paths inside one child of the stats answer.
    /// </summary>
    public static readonly IReadOnlyList<(string Key, string NameZh, string NameEn, string Kind, Func<ScopeFigures, double?> Read)> ChildMeasures =
    [
        ("received", "工单受理量", "Tickets received", FigureKinds.Count, c => c.Received),
        ("onTimeClosureRate", "按时办结率", "On-time closure rate", FigureKinds.Rate, c => c.OnTimeClosureRate),
        ("open", "在办（当前）", "Open (now)", FigureKinds.Count, c => c.Open),
        ("atRisk", "预警（当前）", "At risk (now)", FigureKinds.Count, c => c.AtRisk),
        ("overdue", "超期（当前）", "Overdue (now)", FigureKinds.Count, c => c.Overdue),
    ];

    /// <summary>
    /// The measures of a snapshot: the fixed ones (a category the snapshot lacks is left out) and one pause-share row per
    /// suspension reason it holds, after the tickets' rows.
    /// </summary>
    public static IReadOnlyList<ReportMeasure> Of(StatsSnapshot snapshot)
    {
        var pauses = snapshot.Tickets.PauseShareByReason.Keys.Select(code =>
        {
            var (zh, en) = PauseReasons.TryGetValue(code, out var name) ? name : (code, code);
            return new ReportMeasure($"{Tickets}.pauseShareByReason.{code}", Tickets, $"挂起占比（当前）：{zh}", $"Pause share (now): {en}",
                FigureKinds.Rate, s => s.Tickets.PauseShareByReason.TryGetValue(code, out var share) ? share : null);
        });
        var present = Fixed.Where(m => m.Category switch
        {
            LegalAid => snapshot.LegalAid is not null,
            Rehab => snapshot.Rehab is not null,
            _ => true,
        });
        return [.. present.Where(m => m.Category == Tickets), .. pauses, .. present.Where(m => m.Category != Tickets)];
    }

    private static ReportMeasure Count(string category, string name, string zh, string en, Func<StatsSnapshot, long?> read) =>
        new($"{category}.{name}", category, zh, en, FigureKinds.Count, s => read(s));

    private static ReportMeasure Rate(string category, string name, string zh, string en, Func<StatsSnapshot, double?> read) =>
        new($"{category}.{name}", category, zh, en, FigureKinds.Rate, read);
}
