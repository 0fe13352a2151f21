namespace Dispatch.Calendar;

/// <summary>
/// How Chinese procedure law counts a period in days (日), as 《信访工作条例》 and the Legal Aid Law use it: the day on
/// which the period starts is not counted, so counting begins at the next local midnight; the period ends at 24:00 of
/// its last day; a last day that is a day off (weekend, holiday, closure) moves the end to 24:00 of the next working day.
/// </summary>
public static class StatutoryPeriod
{
    /// <summary>The next local midnight after <paramref name="start"/>; a start at 00:00 still does not count its day.</summary>
    public static DateTimeOffset CountingStart(DateTimeOffset start, WorkingCalendar calendar) =>
        calendar.StartOfLocalDay(calendar.LocalDate(start).AddDays(1));

    /// <summary>
    /// The end of a period whose counted time runs out at <paramref name="countedUntil"/>: 24:00 of the day that holds its
    /// last moment (a period cut by a pause ends with that day too), moved to 24:00 of the next working day when that
    /// day is a day off. Applied once, after every extension is added.
    /// </summary>
    public static DateTimeOffset End(DateTimeOffset countedUntil, WorkingCalendar calendar)
    {
        var lastDay = calendar.LocalDate(countedUntil.AddTicks(-1));
        while (!calendar.IsWorkingDay(lastDay))
        {
            lastDay = lastDay.AddDays(1);
        }
        return calendar.StartOfLocalDay(lastDay.AddDays(1));
    }
}
