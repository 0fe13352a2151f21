using Dispatch.Sla;

namespace Dispatch.Stats;

/// <summary>
/// Which counters one home-rehabilitation visit adds 1 to (item_type rehab_visit), read from its read-model row alone.
/// A visit counts in the city, its county (the person's) and its provider's unit. Days are local days in
/// Asia/Shanghai; a dated counter also counts in that day's month and year.
/// </summary>
/// <remarks>
/// Gauges ('current'): open = status requested, accepted, scheduled, assigned, checked_in or missed (awaiting a new window);
/// at_risk / overdue = the worst running clock was in warning / overdue when the row was last written.
/// By the day requested: requested; requested_active (not cancelled) and requested_completed (completed by now).
/// By the day completed: completed; record_counted (every completed visit) and record_on_time (its record filed no
/// later than record_due_at; notes given at completion file it at once). By the day of the last missed window:
/// missed. By the day cancelled: cancelled. By the day checked in: first_visit_counted (visits with a first-visit
/// clock, checked in) and first_visit_on_time (checked_in_at &lt;= first_visit_due_at).
/// Rates: onTimeFirstVisitRate = first_visit_on_time / first_visit_counted; completionRate = requested_completed /
/// requested_active; onTimeRecordRate = record_on_time / record_counted.
/// The counted times of the clocks behind breach risk: <see cref="RehabHandlingHistory"/>.
/// </remarks>
public static class RehabTallies
{
    public const string Open = "open";
    public const string AtRisk = "at_risk";
    public const string Overdue = "overdue";
    public const string Requested = "requested";
    public const string RequestedActive = "requested_active";
    public const string RequestedCompleted = "requested_completed";
    public const string Completed = "completed";
    public const string RecordCounted = "record_counted";
    public const string RecordOnTime = "record_on_time";
    public const string Missed = "missed";
    public const string Cancelled = "cancelled";
    public const string FirstVisitCounted = "first_visit_counted";
    public const string FirstVisitOnTime = "first_visit_on_time";

    private static readonly HashSet<string> OpenStatuses = ["requested", "accepted", "scheduled", "assigned", "checked_in", "missed"];

    public static IEnumerable<CounterCell> Of(RehabStatsRow v) =>
        [.. Gauges(v), .. ByRequestedDay(v), .. ByCompletedDay(v), .. On(v.MissedAt, Missed), .. On(v.CancelledAt, Cancelled), .. FirstVisit(v),
            .. RehabHandlingHistory.Of(v)];

    private static IEnumerable<CounterCell> Gauges(RehabStatsRow v)
    {
        if (OpenStatuses.Contains(v.Status))
        {
            yield return CounterCell.Current(Open);
        }
        if (v.ClockState == "warning")
        {
            yield return CounterCell.Current(AtRisk);
        }
        if (v.ClockState == "overdue")
        {
            yield return CounterCell.Current(Overdue);
        }
    }

    private static IEnumerable<CounterCell> ByRequestedDay(RehabStatsRow v) => new (bool Counts, string Measure)[]
    {
        (true, Requested),
        (v.CancelledAt is null, RequestedActive),
        (v.CompletedAt is not null, RequestedCompleted),
    }.Where(m => m.Counts).SelectMany(m => CounterCell.Dated(StatsPeriod.LocalDate(v.RequestedAt), m.Measure));

    private static IEnumerable<CounterCell> ByCompletedDay(RehabStatsRow v)
    {
        if (v.CompletedAt is not { } completed)
        {
            return [];
        }
        var onTime = v.RecordedAt is { } recorded && v.RecordDueAt is { } due && recorded <= due;
        return new (bool Counts, string Measure)[] { (true, Completed), (true, RecordCounted), (onTime, RecordOnTime) }
            .Where(m => m.Counts).SelectMany(m => CounterCell.Dated(StatsPeriod.LocalDate(completed), m.Measure));
    }

    private static IEnumerable<CounterCell> FirstVisit(RehabStatsRow v)
    {
        if (v.CheckedInAt is not { } checkedIn || v.FirstVisitDueAt is not { } due)
        {
            return [];
        }
        var day = StatsPeriod.LocalDate(checkedIn);
        return checkedIn <= due
            ? [.. CounterCell.Dated(day, FirstVisitCounted), .. CounterCell.Dated(day, FirstVisitOnTime)]
            : CounterCell.Dated(day, FirstVisitCounted);
    }

    private static IEnumerable<CounterCell> On(DateTimeOffset? at, string measure) =>
        at is { } value ? CounterCell.Dated(StatsPeriod.LocalDate(value), measure) : [];
}
