using Dispatch.Sla;

namespace Dispatch.Stats;

/// <summary>
/// Which counters one legal-aid case adds 1 to (item_type legal_aid_case), read from its read-model row alone. A case
/// counts in the city, its county (the applicant's) and its station's unit. Days are local days in Asia/Shanghai; a
/// dated counter also counts in that day's month and year.
/// </summary>
/// <remarks>
/// Gauges ('current'): open = status applied, under_review, granted, assigned or in_progress, or refused with an
/// objection pending; at_risk / overdue = the worst running clock was in warning / overdue when the row was last written.
/// By the day applied: received. By the day of the (first) decision, decided_at: decided; granted (aid stands granted
/// now, first or on objection: the assignment clock was started) or refused (the others); decision_counted (decided
/// cases with a decision clock, i.e. accepted first) and decision_on_time (decided_at &lt;= decision_due_at, the
/// clock's due time with its pauses for missing documents). By the day of the first assignment: assigned (first
/// assignment of granted aid) and assigned_on_time (first_assigned_at &lt;= assignment_due_at). By the day concluded:
/// concluded. Rates: onTimeDecisionRate = decision_on_time / decision_counted; grantRate = granted / decided;
/// onTimeAssignmentRate = assigned_on_time / assigned. The stage-clock times by case type behind breach risk:
/// <see cref="LegalAidHandlingHistory"/>.
/// </remarks>
public static class LegalAidTallies
{
    public const string Open = "open";
    public const string AtRisk = "at_risk";
    public const string Overdue = "overdue";
    public const string Received = "received";
    public const string Decided = "decided";
    public const string Granted = "granted";
    public const string Refused = "refused";
    public const string DecisionCounted = "decision_counted";
    public const string DecisionOnTime = "decision_on_time";
    public const string Assigned = "assigned";
    public const string AssignedOnTime = "assigned_on_time";
    public const string Concluded = "concluded";

    private static readonly HashSet<string> OpenStatuses = ["applied", "under_review", "granted", "assigned", "in_progress"];

    public static IEnumerable<CounterCell> Of(LegalAidStatsRow c) =>
        [.. Gauges(c), .. CounterCell.Dated(StatsPeriod.LocalDate(c.AppliedAt), Received), .. Decision(c), .. Assignment(c), .. Conclusion(c),
         .. LegalAidHandlingHistory.Of(c)];

    private static IEnumerable<CounterCell> Gauges(LegalAidStatsRow c)
    {
        if (OpenStatuses.Contains(c.Status) || (c.Status == "refused" && c.ObjectionPending))
        {
            yield return CounterCell.Current(Open);
        }
        if (c.ClockState == "warning")
        {
            yield return CounterCell.Current(AtRisk);
        }
        if (c.ClockState == "overdue")
        {
            yield return CounterCell.Current(Overdue);
        }
    }

    private static IEnumerable<CounterCell> Decision(LegalAidStatsRow c)
    {
        if (c.DecidedAt is not { } decided)
        {
            return [];
        }
        return new (bool Counts, string Measure)[]
        {
            (true, Decided),
            (c.AssignmentDueAt is not null, Granted),
            (c.AssignmentDueAt is null, Refused),
            (c.DecisionDueAt is not null, DecisionCounted),
            (c.DecisionDueAt is { } due && decided <= due, DecisionOnTime),
        }.Where(m => m.Counts).SelectMany(m => CounterCell.Dated(StatsPeriod.LocalDate(decided), m.Measure));
    }

    private static IEnumerable<CounterCell> Assignment(LegalAidStatsRow c)
    {
        if (c.FirstAssignedAt is not { } assigned || c.AssignmentDueAt is not { } due)
        {
            return [];
        }
        var day = StatsPeriod.LocalDate(assigned);
        return assigned <= due ? [.. CounterCell.Dated(day, Assigned), .. CounterCell.Dated(day, AssignedOnTime)] : CounterCell.Dated(day, Assigned);
    }

    private static IEnumerable<CounterCell> Conclusion(LegalAidStatsRow c) =>
        c.ConcludedAt is { } concluded ? CounterCell.Dated(StatsPeriod.LocalDate(concluded), Concluded) : [];
}
