using System.Collections.Immutable;
using Dispatch.Calendar;
using Orleans.Concurrency;

namespace Dispatch.Sla;

/// <summary>Answers readiness from the calendar loaded in this silo; any silo can answer.</summary>
[StatelessWorker, GrainType("calendar-outlook")]
public sealed class CalendarOutlookGrain(SlaSettings sla, TimeProvider time) : Grain, ICalendarOutlookGrain
{
    public Task<ImmutableArray<CalendarYearOutlook>> YearsNotOfficial(int days) =>
        Task.FromResult(Outlook(sla.Calendar, sla.LocalDate(time.GetUtcNow()), days));

    /// <summary>The years between today and <paramref name="days"/> later whose calendar is provisional or missing.</summary>
    public static ImmutableArray<CalendarYearOutlook> Outlook(WorkingCalendar calendar, DateOnly today, int days)
    {
        var last = today.AddDays(Math.Max(0, days));
        return [.. Enumerable.Range(today.Year, last.Year - today.Year + 1)
            .Select(year => (Year: year, Status: calendar.Status(year)))
            .Where(y => y.Status != CalendarYearStatus.Official)
            .Select(y => new CalendarYearOutlook(y.Year, y.Status == CalendarYearStatus.Provisional ? "provisional" : "missing"))];
    }
}
