using Dispatch.Calendar;

namespace Dispatch.Sla;

/// <summary>
/// Measures and advances time the way one clock counts it: working time against the calendar in force while the time
/// was lived, or every elapsed moment. Keeping both operations together keeps a clock's arithmetic in its own terms.
/// </summary>
internal readonly struct ClockRuler(bool countsWorkingTime, CalendarTimeline calendar)
{
    public TimeSpan Measure(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        return countsWorkingTime ? calendar.WorkingTimeBetween(from, to) : to - from;
    }

    /// <summary>The earliest instant by which <paramref name="amount"/> has been counted since <paramref name="from"/>.</summary>
    public DateTimeOffset Advance(DateTimeOffset from, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return from.ToUniversalTime();
        }
        return countsWorkingTime ? calendar.AddWorkingTime(from, amount) : (from + amount).ToUniversalTime();
    }
}
