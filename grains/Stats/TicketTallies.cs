using Dispatch.Sla;

namespace Dispatch.Stats;

/// <summary>
/// Which counters one ticket adds 1 to, read from its read-model row alone. Each ticket counts in the city, in its
/// county (the county of the caller's address) and in the unit that holds it now, if any. Days are local days in
/// Asia/Shanghai; a dated counter also counts in that day's month and year.
/// </summary>
/// <remarks>
/// Gauges ('current'): open = not resolved (no resolved_at); at_risk / overdue = the worst running clock was in
/// warning / overdue when the row was last written; suspended:&lt;reason&gt; = suspended now (only open tickets can be).
/// By the day received: received; received_resolved (resolved by now: closure rate); on_spot (answered on the
/// spot: first-contact resolution); dispatched and returned (dispatched at least once / and returned at least once:
/// return rate); reworked (reopened at least once); repeat_call (earlier calls of the same person on the same topic
/// within 30 days); signed and signed_on_time (the current dispatch was signed for / by its sign-for deadline).
/// By the day resolved: resolved; called_back (the caller was reached about the current reply); satisfied
/// (satisfied or basically satisfied); handling_h:&lt;edge&gt; (time from first dispatch to resolution, for
/// dispatched tickets: the median). By the day closed: closed.
/// On-time closure, for tickets with a handling deadline (dispatched at least once): on_time_counted in each period
/// holding the day resolved, or the day of the handling deadline once the ticket is resolved or that deadline had
/// passed when the row was last written (handling_due_at &lt;= updated_at, both as stored, to the microsecond; the
/// deadline watcher writes the row just after the deadline) - once per period even when both days fall in it; on_time in the same periods when the
/// ticket was resolved no later than its handling deadline. open_due: not resolved and the deadline not yet passed,
/// on the day of the deadline (the forecast). A few of these are also kept per kind, topic, channel and town
/// (<see cref="BreakdownTallies"/>). The handling times by kind and topic behind breach risk: <see cref="HandlingHistory"/>.
/// </remarks>
public static class TicketTallies
{
    public const string Open = "open";
    public const string AtRisk = "at_risk";
    public const string Overdue = "overdue";
    public const string SuspendedPrefix = "suspended:";
    public const string Received = "received";
    public const string ReceivedResolved = "received_resolved";
    public const string OnSpot = "on_spot";
    public const string Dispatched = "dispatched";
    public const string Returned = "returned";
    public const string Reworked = "reworked";
    public const string RepeatCall = "repeat_call";
    public const string Signed = "signed";
    public const string SignedOnTime = "signed_on_time";
    public const string Resolved = "resolved";
    public const string CalledBack = "called_back";

    /// <summary>Resolved tickets whose caller left no way to be reached: no callback is owed, so the callback rate leaves them out.</summary>
    public const string ResolvedNoContact = "resolved_no_contact";
    public const string Satisfied = "satisfied";
    public const string Closed = "closed";
    public const string OnTimeCounted = "on_time_counted";
    public const string OnTime = "on_time";
    public const string OpenDue = "open_due";

    public static IEnumerable<CounterCell> Of(TicketStatsRow t)
    {
        List<CounterCell> cells = [.. Gauges(t), .. ByReceivedDay(t), .. ByResolvedDay(t), .. OnTimeClosure(t)];
        return [.. cells, .. BreakdownTallies.Of(t, cells), .. PetitionTallies.Of(t), .. HandlingHistory.Of(t)];
    }

    private static IEnumerable<CounterCell> Gauges(TicketStatsRow t)
    {
        if (t.ResolvedAt is null)
        {
            yield return CounterCell.Current(Open);
        }
        if (t.ClockState == "warning")
        {
            yield return CounterCell.Current(AtRisk);
        }
        if (t.ClockState == "overdue")
        {
            yield return CounterCell.Current(Overdue);
        }
        if (t.Suspended)
        {
            yield return CounterCell.Current(SuspendedPrefix + (t.SuspendReason ?? "unknown"));
        }
    }

    private static IEnumerable<CounterCell> ByReceivedDay(TicketStatsRow t)
    {
        var day = StatsPeriod.LocalDate(t.ReceivedAt);
        var dispatched = t.FirstDispatchedAt is not null;
        return new (bool Counts, string Measure)[]
        {
            (true, Received),
            (t.ResolvedAt is not null, ReceivedResolved),
            (t.AnsweredOnSpot, OnSpot),
            (dispatched, Dispatched),
            (dispatched && t.ReturnCount > 0, Returned),
            (t.ReworkCount > 0, Reworked),
            (t.RepeatCount > 0, RepeatCall),
            (t.SignedAt is not null, Signed),
            (t.SignedAt is { } signed && t.SignDueAt is { } due && signed <= due, SignedOnTime),
        }.Where(m => m.Counts).SelectMany(m => CounterCell.Dated(day, m.Measure));
    }

    private static List<CounterCell> ByResolvedDay(TicketStatsRow t)
    {
        var cells = new List<CounterCell>();
        if (t.ResolvedAt is { } resolved)
        {
            var day = StatsPeriod.LocalDate(resolved);
            cells.AddRange(CounterCell.Dated(day, Resolved));
            if (t.NoContact)
            {
                cells.AddRange(CounterCell.Dated(day, ResolvedNoContact));
            }
            if (t.Satisfaction is not null)
            {
                cells.AddRange(CounterCell.Dated(day, CalledBack));
            }
            if (t.Satisfaction is SatisfactionAnswers.Satisfied or SatisfactionAnswers.BasicallySatisfied)
            {
                cells.AddRange(CounterCell.Dated(day, Satisfied));
            }
            if (t.FirstDispatchedAt is { } dispatched)
            {
                cells.AddRange(CounterCell.Dated(day, HandlingTimeBuckets.Measure(resolved - dispatched)));
            }
        }
        if (t.ClosedAt is { } closed)
        {
            cells.AddRange(CounterCell.Dated(StatsPeriod.LocalDate(closed), Closed));
        }
        return cells;
    }

    private static IEnumerable<CounterCell> OnTimeClosure(TicketStatsRow t) =>
        t.FirstDispatchedAt is null ? [] : OnTimeBy(t.HandlingDueAt, t.ResolvedAt, t.UpdatedAt, OnTimeCounted, OnTime, OpenDue);

    /// <summary>
    /// An on-time rate's cells for one deadline: counted in each period holding the day done, or the due day once done or
    /// past (once per period), on time in the same periods when done by the deadline; open and not yet due counts as
    /// <paramref name="openDue"/> on the due day, when given.
    /// </summary>
    internal static IEnumerable<CounterCell> OnTimeBy(
        DateTimeOffset? deadline, DateTimeOffset? doneAt, DateTimeOffset updatedAt, string counted, string onTime, string? openDue = null)
    {
        if (deadline is not { } due)
        {
            return [];
        }
        var dueDay = StatsPeriod.LocalDate(due);
        if (doneAt is not { } done)
        {
            return due <= updatedAt ? CounterCell.Dated(dueDay, counted)
                : openDue is null ? [] : CounterCell.Dated(dueDay, openDue);
        }
        var periods = CounterCell.Dated(StatsPeriod.LocalDate(done), counted)
            .Union(CounterCell.Dated(dueDay, counted))
            .ToList();
        return done <= due ? [.. periods, .. periods.Select(c => c with { Measure = onTime })] : periods;
    }
}

/// <summary>The satisfaction answers that count as satisfied.</summary>
internal static class SatisfactionAnswers
{
    public const string Satisfied = "satisfied";
    public const string BasicallySatisfied = "basically_satisfied";
}
