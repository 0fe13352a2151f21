using Dispatch.Calendar;

namespace Dispatch.Rehab;

/// <summary>
/// Lays out a plan's windows: every <c>intervalDays</c> from the first, at the same local time. A visit that would fall on
/// a day off moves to the nearest earlier working day, or the next one when the earlier day is not after the previous
/// visit. A plan whose first visit is itself on a day off (a weekend service) is kept as given.
/// </summary>
public static class PlanSchedule
{
    public static IReadOnlyList<VisitWindow> Expand(VisitWindow first, int intervalDays, int count, WorkingCalendar calendar)
    {
        var length = first.End - first.Start;
        var keepAsGiven = !calendar.IsWorkingDay(calendar.LocalDate(first.Start));
        var windows = new List<VisitWindow>(count) { first };
        for (var i = 1; i < count; i++)
        {
            var planned = first.Start.AddDays(intervalDays * i);
            var start = keepAsGiven ? planned : OnWorkingDay(planned, windows[^1].Start, calendar);
            windows.Add(new VisitWindow(start, start + length));
        }
        return windows;
    }

    private static DateTimeOffset OnWorkingDay(DateTimeOffset planned, DateTimeOffset previous, WorkingCalendar calendar)
    {
        if (calendar.IsWorkingDay(calendar.LocalDate(planned)))
        {
            return planned;
        }
        var earlier = planned;
        do
        {
            earlier = earlier.AddDays(-1);
        }
        while (!calendar.IsWorkingDay(calendar.LocalDate(earlier)));
        if (calendar.LocalDate(earlier) > calendar.LocalDate(previous))
        {
            return earlier;
        }
        var later = planned;
        do
        {
            later = later.AddDays(1);
        }
        while (!calendar.IsWorkingDay(calendar.LocalDate(later)));
        return later;
    }
}
