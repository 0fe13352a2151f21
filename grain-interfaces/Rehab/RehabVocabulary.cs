namespace Dispatch.Rehab;

/// <summary>Statuses of a home-rehabilitation visit (上门康复服务).</summary>
public static class RehabVisitStatus
{
    /// <summary>待安排: requested, no time window yet.</summary>
    public const string Requested = "requested";
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
        Requested, Scheduled, Assigned, CheckedIn, Completed, Missed, Cancelled,
    };
}

/// <summary>The action names of the visit API: POST /api/rehab-visits/{id}/{action}.</summary>
public static class RehabActions
{
    public const string Schedule = "schedule";
    public const string Assign = "assign";
    public const string Reschedule = "reschedule";
    public const string CheckIn = "check-in";
    public const string Complete = "complete";
    public const string Record = "record";
    public const string Miss = "miss";
    public const string Cancel = "cancel";
    public const string Supervise = "supervise";
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

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}

/// <summary>The clocks of a visit as the API names them in "deadlines".</summary>
public static class RehabClockNames
{
    /// <summary>First visit within 5 working days of the request (only the first visit of a request or plan).</summary>
    public const string FirstVisit = "firstVisit";
    /// <summary>The visit done inside its scheduled window.</summary>
    public const string Window = "window";
    /// <summary>The visit record completed within 1 working day of the visit.</summary>
    public const string Record = "record";
}
