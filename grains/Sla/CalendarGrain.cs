using System.Collections.Immutable;
using Dispatch.Calendar;
using Dispatch.Errors;
using Orleans.Concurrency;

namespace Dispatch.Sla;

/// <summary>Answers from the calendar loaded in this silo; any silo can answer.</summary>
[StatelessWorker, GrainType("calendar")]
public sealed class CalendarGrain(SlaSettings sla, TimeProvider time) : Grain, ICalendarGrain
{
    public Task<ImmutableArray<CalendarYearOutlook>> YearsNotOfficial(int days) =>
        Task.FromResult(Outlook(sla.Calendar, sla.LocalDate(time.GetUtcNow()), days));

    public Task<ImmutableArray<CalendarYearOutlook>> Years() =>
        Task.FromResult<ImmutableArray<CalendarYearOutlook>>([.. sla.Calendar.KnownYears.Select(y => new CalendarYearOutlook(y.Year, Name(y.Status)))]);

    public Task<Outcome<CalendarYearView>> Year(int year) => Task.FromResult(View(sla.Calendar, year));

    public Task<Outcome<ImmutableArray<CalendarChangeView>>> History(int year)
    {
        if (View(sla.Calendar, year).Error is { } error)
        {
            return Task.FromResult<Outcome<ImmutableArray<CalendarChangeView>>>(error);
        }
        var history = sla.Calendars;
        return Task.FromResult(Outcome<ImmutableArray<CalendarChangeView>>.Success(
            [.. history.Changes.Where(c => c.Year?.Year == year).Select(c => CalendarViews.ChangeView(c, history))]));
    }

    public Task<ImmutableArray<CountyClosureView>> Closures(bool includeWithdrawn) =>
        Task.FromResult(CalendarViews.Closures(sla.Calendars, includeWithdrawn));

    /// <summary>The years between today and <paramref name="days"/> later whose calendar is provisional or missing.</summary>
    public static ImmutableArray<CalendarYearOutlook> Outlook(WorkingCalendar calendar, DateOnly today, int days)
    {
        var last = today.AddDays(Math.Max(0, days));
        return [.. Enumerable.Range(today.Year, last.Year - today.Year + 1)
            .Select(year => (Year: year, Status: calendar.Status(year)))
            .Where(y => y.Status != CalendarYearStatus.Official)
            .Select(y => new CalendarYearOutlook(y.Year, Name(y.Status)))];
    }

    /// <summary>One year as the API shows it; a year outside 2000-2100 is a field error.</summary>
    public static Outcome<CalendarYearView> View(WorkingCalendar calendar, int year)
    {
        if (year is < 2000 or > 2100)
        {
            return DomainError.Validation(new FieldError("year", "out_of_range", "年份须在 2000 至 2100 之间。", "The year must be between 2000 and 2100."));
        }
        var known = calendar.Year(year);
        return Outcome<CalendarYearView>.Success(new CalendarYearView(year, Name(known.Status), known.Source,
            [.. known.DaysOff.Select(Day)], [.. known.MakeUpWorkingDays.Select(Day)]));
    }

    public static string Name(CalendarYearStatus status) => status switch
    {
        CalendarYearStatus.Official => "official",
        CalendarYearStatus.Provisional => "provisional",
        _ => "missing",
    };

    private static CalendarDayView Day(CalendarDay day) => new(day.Date, day.Name, day.NameEn);
}
