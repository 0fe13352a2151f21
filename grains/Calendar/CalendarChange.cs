namespace Dispatch.Calendar;

/// <summary>
/// One administered change of the working calendar, as the append-only calendar_changes log keeps it: who made it, when,
/// why, and what: a year's State Council notice published, or a county closure added or withdrawn. It is in force
/// from <see cref="At"/> on.
/// </summary>
public sealed record CalendarChange(long Sequence, DateTimeOffset At, string ActorId, string ActorRole, string Reason)
{
    public PublishedYear? Year { get; init; }

    public CountyClosure? Closure { get; init; }

    /// <summary>The closure this change withdraws.</summary>
    public Guid? Withdrawn { get; init; }

    public string Kind => Year is not null ? YearPublished : Closure is not null ? ClosureAdded : ClosureWithdrawn;

    public const string YearPublished = "year_published";
    public const string ClosureAdded = "closure_added";
    public const string ClosureWithdrawn = "closure_withdrawn";
}

/// <summary>A State Council notice for one year: its holiday blocks and make-up working days (调休上班), with the notice text.</summary>
public sealed record PublishedYear(int Year, IReadOnlyList<HolidayBlock> Blocks, IReadOnlyList<CalendarDay> MakeUpWorkingDays, string Source)
{
    /// <summary>Every day off of the year, each named after its block.</summary>
    public IReadOnlyList<CalendarDay> DaysOff => [.. Blocks.SelectMany(b => b.Days())];

    /// <summary>The year as a calendar file in the time zone and working hours of the shipped files.</summary>
    public CalendarFile ToFile(TimeZoneInfo timeZone, WorkingHours hours) => new(Year, Source, timeZone, DaysOff, MakeUpWorkingDays, hours);
}

/// <summary>A run of days off under one name, for example 国庆节 1-7 October.</summary>
public sealed record HolidayBlock(string Name, string? NameEn, DateOnly From, DateOnly To)
{
    public IEnumerable<CalendarDay> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return new CalendarDay(day, Name, NameEn);
        }
    }
}

/// <summary>A day off for one county's units only (for example a typhoon day), by decision of the county.</summary>
public sealed record CountyClosure(Guid Id, string CountyCode, DateOnly Date, string ReasonZh);
