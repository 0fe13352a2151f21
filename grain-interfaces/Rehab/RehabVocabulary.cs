using Dispatch.Items;
using Dispatch.People;

namespace Dispatch.Rehab;

/// <summary>Statuses of a home-rehabilitation visit (上门康复服务).</summary>
public static class RehabVisitStatus
{
    /// <summary>待受理: requested through the hotline (or a ticket); the provider has not accepted it yet, no clock runs.</summary>
    public const string Requested = "requested";
    /// <summary>已受理: the provider accepted the request (受理); the first-visit clock runs, no time window yet.</summary>
    public const string Accepted = "accepted";
    /// <summary>已排期: a time window, no worker yet.</summary>
    public const string Scheduled = "scheduled";
    /// <summary>已派人: a worker is booked for the window.</summary>
    public const string Assigned = "assigned";
    /// <summary>已到达: the worker checked in at the person's home.</summary>
    public const string CheckedIn = "checked_in";
    public const string Completed = "completed";
    /// <summary>未上门: the visit did not happen in its window; it may be rescheduled.</summary>
    public const string Missed = "missed";
    public const string Cancelled = "cancelled";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Requested, Accepted, Scheduled, Assigned, CheckedIn, Completed, Missed, Cancelled,
    };
}

/// <summary>The action names of the visit API: POST /api/rehab-visits/{id}/{action}.</summary>
public static class RehabActions
{
    /// <summary>受理: the provider accepts a request; the first-visit clock starts.</summary>
    public const string Accept = "accept";
    public const string Schedule = "schedule";
    public const string Assign = "assign";
    public const string Reschedule = "reschedule";
    public const string CheckIn = "check-in";
    public const string Complete = "complete";
    public const string Record = "record";
    public const string Miss = "miss";
    public const string Cancel = "cancel";
    public const string Supervise = "supervise";

    /// <summary>督办回复: the unit's written reply to an open supervision order.</summary>
    public const string SupervisionReply = "supervision-reply";
}

public static class RehabVocabulary
{
    /// <summary>康复训练, 辅具适配, 心理支持, 康复评估.</summary>
    public static readonly IReadOnlySet<string> ServiceTypes = Set(
        "rehabilitation_training", "assistive_device_fitting", "psychological_support", "assessment");

    /// <summary>How often a plan's visits recur.</summary>
    public static readonly IReadOnlyDictionary<string, int> FrequencyDays = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["weekly"] = 7,
        ["fortnightly"] = 14,
    };

    /// <summary>上门康复服务: its statuses, actions and clocks in Chinese and English.</summary>
    public static readonly ItemVocabulary Item = new(ItemTypes.RehabVisit, new("rehabVisit", "上门康复服务", "rehabilitation visit"),
    [
        new(RehabVisitStatus.Requested, "待受理", "Awaiting acceptance"),
        new(RehabVisitStatus.Accepted, "已受理", "Accepted"),
        new(RehabVisitStatus.Scheduled, "已排期", "Scheduled"),
        new(RehabVisitStatus.Assigned, "已派人", "Worker assigned"),
        new(RehabVisitStatus.CheckedIn, "已到达", "Checked in"),
        new(RehabVisitStatus.Completed, "已完成", "Completed"),
        new(RehabVisitStatus.Missed, "未上门", "Missed"),
        new(RehabVisitStatus.Cancelled, "已取消", "Cancelled"),
    ],
    [
        new(RehabActions.Accept, "受理", "Accept request"),
        new(RehabActions.Schedule, "排期", "Schedule"),
        new(RehabActions.Assign, "派人", "Assign worker"),
        new(RehabActions.Reschedule, "改期", "Reschedule"),
        new(RehabActions.CheckIn, "到达签到", "Check in"),
        new(RehabActions.Complete, "完成服务", "Complete"),
        new(RehabActions.Record, "填写服务记录", "File record"),
        new(RehabActions.Miss, "登记未上门", "Record missed"),
        new(RehabActions.Cancel, "取消上门", "Cancel visit"),
        new(RehabActions.Supervise, "督办", "Supervise"),
        new(RehabActions.SupervisionReply, "督办回复", "Reply to supervision order"),
    ],
    [
        new(RehabClockNames.FirstVisit, "首次上门时限", "First visit"),
        new(RehabClockNames.Window, "上门时段", "Visit window"),
        new(RehabClockNames.Record, "服务记录时限", "Visit record"),
    ]);

    /// <summary>Statuses in which a visit is on its provider's worklist (a completed visit also while its record is pending).</summary>
    public static readonly IReadOnlyList<string> WorklistStatuses =
        [RehabVisitStatus.Requested, RehabVisitStatus.Accepted, RehabVisitStatus.Scheduled, RehabVisitStatus.Assigned, RehabVisitStatus.CheckedIn, RehabVisitStatus.Missed];

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}

/// <summary>The clocks of a visit as the API names them in "deadlines".</summary>
public static class RehabClockNames
{
    /// <summary>First visit within 5 working days of the provider's acceptance (only the first visit of a request or plan).</summary>
    public const string FirstVisit = "firstVisit";
    /// <summary>The visit done inside its scheduled window.</summary>
    public const string Window = "window";
    /// <summary>The visit record completed within 1 working day of the visit.</summary>
    public const string Record = "record";
}
