using Dispatch.Calendar;

namespace Dispatch.Sla;

/// <summary>
/// One deadline clock (sign-for, handling, callback, a legal-aid decision...) as plain data, evaluated at any
/// instant. Pauses do not count, extensions add to the limit, and everything is counted in the limit's own terms:
/// working time for working_hours and working_days, elapsed time for calendar_days and hours. calendar_days are the
/// statutory days (日) of procedure law: counting begins at the next local midnight and the period ends at 24:00 of its
/// last day, moved to the next working day when that is a day off (<see cref="StatutoryPeriod"/>).
/// </summary>
public sealed record SlaClock
{
    public SlaClock(SlaDuration limit, DateTimeOffset startedAt, int warningAtPercent)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(warningAtPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warningAtPercent, 100);
        Limit = limit;
        StartedAt = startedAt;
        WarningAtPercent = warningAtPercent;
    }

    /// <summary>The time limit from the rule the clock was started under.</summary>
    public SlaDuration Limit { get; }

    public DateTimeOffset StartedAt { get; }

    public int WarningAtPercent { get; }

    /// <summary>Stretches the clock stood still; one without an end is still going.</summary>
    public IReadOnlyList<ClockPause> Pauses
    {
        get;
        init => field = [.. value];
    } = [];

    /// <summary>Extensions granted; each must count time the way <see cref="Limit"/> does.</summary>
    public IReadOnlyList<SlaDuration> Extensions
    {
        get;
        init
        {
            if (value.FirstOrDefault(e => e.CountsWorkingTime != Limit.CountsWorkingTime) is { } odd)
            {
                throw new ArgumentException($"An extension of {odd} cannot extend a clock of {Limit}: they count time differently.", nameof(value));
            }
            field = [.. value];
        }
    } = [];

    /// <summary>When the clock's work was done (signed for, resolved...); null while it runs.</summary>
    public DateTimeOffset? StoppedAt
    {
        get;
        init => field = value < StartedAt
            ? throw new ArgumentException($"A clock cannot stop ({value:O}) before it starts ({StartedAt:O}).", nameof(value))
            : value;
    }

    public bool IsPaused => Pauses.Count > 0 && Pauses[^1].IsOpen;

    public SlaClock Pause(DateTimeOffset at)
    {
        if (IsPaused)
        {
            throw new InvalidOperationException($"The clock is already paused since {Pauses[^1].Start:O}.");
        }
        var earliest = Pauses.Count > 0 ? Pauses[^1].End!.Value : StartedAt;
        if (at < earliest)
        {
            throw new ArgumentException($"A pause cannot start ({at:O}) before the clock starts or its previous pause ends ({earliest:O}).", nameof(at));
        }
        return this with { Pauses = [.. Pauses, new ClockPause(at)] };
    }

    public SlaClock Resume(DateTimeOffset at) => IsPaused
        ? this with { Pauses = [.. Pauses.Take(Pauses.Count - 1), new ClockPause(Pauses[^1].Start, at)] }
        : throw new InvalidOperationException("The clock is not paused.");

    public SlaClock Extend(SlaDuration by) => this with { Extensions = [.. Extensions, by] };

    public SlaClock Stop(DateTimeOffset at) => StoppedAt is { } stopped
        ? throw new InvalidOperationException($"The clock already stopped at {stopped:O}.")
        : this with { StoppedAt = at };

    /// <summary>The limit plus every extension, in the clock's terms.</summary>
    public TimeSpan Allowed(WorkingCalendar calendar) =>
        Extensions.Aggregate(Limit.Length(calendar), (total, extension) => total + extension.Length(calendar));

    /// <summary>
    /// The clock as known at <paramref name="now"/>: pauses, extensions and a stop are taken into account only as far
    /// as they happened by then (a stop after now is ignored; a pause still going at now counts as open).
    /// </summary>
    public ClockView Evaluate(DateTimeOffset now, WorkingCalendar calendar) => Evaluate(now, CalendarTimeline.Of(calendar));

    /// <summary>
    /// The clock as known at <paramref name="now"/>, each stretch of it counted with the calendar in force while it was
    /// lived: a calendar change leaves the time already used as it was counted and recounts only what remains.
    /// </summary>
    public ClockView Evaluate(DateTimeOffset now, CalendarTimeline calendars)
    {
        var calendar = calendars.Latest;
        var ruler = Limit.Ruler(calendars);
        var stopped = StoppedAt is { } stop && stop <= now;
        var end = stopped ? StoppedAt!.Value : now;
        var statutory = Limit.Unit == SlaUnit.CalendarDays;
        var countsFrom = statutory ? StatutoryPeriod.CountingStart(StartedAt, calendar) : StartedAt;
        var timeline = new ClockTimeline(countsFrom, end, Pauses);
        var allowed = Allowed(calendar);
        var warnAfter = TimeSpan.FromTicks(allowed.Ticks * WarningAtPercent / 100);
        var used = timeline.Counted(ruler);
        var countedOut = timeline.InstantWhenCounted(allowed, ruler);
        var dueAt = statutory ? StatutoryPeriod.End(countedOut, calendars.At(countedOut)) : countedOut;
        var warnAt = timeline.InstantWhenCounted(warnAfter, ruler);
        var pausedNow = !stopped && Pauses.Any(p => p.Covers(now));
        var state = StateOf(stopped, pausedNow, end, dueAt, warnAt);
        var remaining = allowed > used ? allowed - used : TimeSpan.Zero;
        return new ClockView(state, dueAt, warnAt, allowed, used, remaining, timeline.Paused(ruler), NextChange(state, dueAt, warnAt));
    }

    private static ClockState StateOf(bool stopped, bool pausedNow, DateTimeOffset at, DateTimeOffset dueAt, DateTimeOffset warnAt)
    {
        if (stopped)
        {
            return at <= dueAt ? ClockState.Met : ClockState.Missed;
        }
        if (at > dueAt)
        {
            return ClockState.Overdue;
        }
        if (pausedNow)
        {
            return ClockState.Paused;
        }
        return at >= warnAt ? ClockState.Warning : ClockState.Running;
    }

    // Overdue begins strictly after the due time, so the change happens one tick later; a timer set exactly at
    // DueAt would see the same state again.
    private static DateTimeOffset? NextChange(ClockState state, DateTimeOffset dueAt, DateTimeOffset warnAt) => state switch
    {
        ClockState.Running => warnAt,
        ClockState.Warning => dueAt.AddTicks(1),
        _ => null,
    };
}
