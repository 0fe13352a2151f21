namespace Dispatch.Calendar;

/// <summary>
/// The working calendar of one county as it stood over time: each era is the calendar in force from its start until the
/// next era begins (a year published, a closure added or withdrawn). Time is measured with the calendar in force when
/// it was lived, so a change at T leaves the working time counted before T as it was and recounts only what follows.
/// The last era also counts everything after it. Every era shares the time zone and working hours.
/// </summary>
public sealed class CalendarTimeline
{
    private readonly DateTimeOffset[] starts;
    private readonly WorkingCalendar[] calendars;

    /// <param name="eras">The eras in order of their start; the first one's start is ignored (it reaches back forever).</param>
    public CalendarTimeline(IReadOnlyList<(DateTimeOffset From, WorkingCalendar Calendar)> eras)
    {
        ArgumentOutOfRangeException.ThrowIfZero(eras.Count);
        starts = [.. eras.Select(e => e.From)];
        starts[0] = DateTimeOffset.MinValue;
        for (var i = 1; i < starts.Length; i++)
        {
            if (starts[i] < starts[i - 1])
            {
                throw new ArgumentException($"Calendar era {i} starts ({starts[i]:O}) before the one before it.", nameof(eras));
            }
        }
        calendars = [.. eras.Select(e => e.Calendar)];
    }

    /// <summary>One calendar for all time (no changes recorded).</summary>
    public static CalendarTimeline Of(WorkingCalendar calendar) => new([(DateTimeOffset.MinValue, calendar)]);

    /// <summary>The calendar in force now and from now on.</summary>
    public WorkingCalendar Latest => calendars[^1];

    public int Eras => calendars.Length;

    /// <summary>The calendar in force at an instant.</summary>
    public WorkingCalendar At(DateTimeOffset instant) => calendars[EraAt(instant)];

    /// <summary>Working time between two instants, each stretch measured with the calendar in force while it was lived.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var era = EraAt(from); era < calendars.Length && from < to; era++)
        {
            var until = era + 1 < starts.Length && starts[era + 1] < to ? starts[era + 1] : to;
            total += calendars[era].WorkingTimeBetween(from, until);
            from = until > from ? until : from;
        }
        return total;
    }

    /// <summary>The earliest instant by which <paramref name="workingTime"/> has passed since <paramref name="start"/>, era by era.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        var cursor = start;
        for (var era = EraAt(start); ; era++)
        {
            var calendar = calendars[era];
            if (era + 1 == calendars.Length)
            {
                return calendar.AddWorkingTime(cursor, workingTime);
            }
            var next = starts[era + 1];
            var here = calendar.WorkingTimeBetween(cursor, next);
            if (here >= workingTime)
            {
                return calendar.AddWorkingTime(cursor, workingTime);
            }
            workingTime -= here;
            cursor = next > cursor ? next : cursor;
        }
    }

    private int EraAt(DateTimeOffset instant)
    {
        var i = Array.BinarySearch(starts, instant);
        if (i < 0)
        {
            return Math.Max(0, ~i - 1);
        }
        // Several eras may start at the same instant: the last of them is in force.
        while (i + 1 < starts.Length && starts[i + 1] == instant)
        {
            i++;
        }
        return i;
    }
}
