namespace Dispatch.Calendar;

/// <summary>
/// The working-day calendar: which local dates are working days and how much working time lies between instants.
/// A working day is a make-up working day, or Monday-Friday and not a holiday, and never a closure. A year without a
/// published notice (no file) up to five years after the last file is provisional: its days off are derived from the
/// statute (<see cref="StatutoryHolidays"/>). Any other year is missing and counts Monday-Friday;
/// <see cref="Status"/> tells which, so readiness and the administration view can warn.
/// All instants go in and come out as UTC; working hours are local time in <see cref="TimeZone"/>.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly IReadOnlyDictionary<DateOnly, bool> fileDays;
    private readonly SortedSet<int> years;
    private readonly SortedSet<int> provisional;
    private readonly IReadOnlyDictionary<int, CalendarYear> named;
    private readonly SortedSet<DateOnly> closures;
    private readonly WorkingDayIndex index;

    private WorkingCalendar(
        TimeZoneInfo timeZone, WorkingHours hours, IReadOnlyDictionary<DateOnly, bool> fileDays,
        SortedSet<int> years, SortedSet<int> provisional, IReadOnlyDictionary<int, CalendarYear> named, SortedSet<DateOnly> closures)
    {
        this.named = named;
        TimeZone = timeZone;
        Hours = hours;
        this.fileDays = fileDays;
        this.years = years;
        this.provisional = provisional;
        this.closures = closures;
        var days = new Dictionary<DateOnly, bool>(fileDays);
        foreach (var closure in closures)
        {
            days[closure] = false;
        }
        index = new WorkingDayIndex(days);
    }

    public TimeZoneInfo TimeZone { get; }
    public WorkingHours Hours { get; }

    /// <summary>Working time in one whole working day (7.5 h with the shipped hours).</summary>
    public TimeSpan WorkingDayLength => Hours.DayLength;

    /// <summary>The years that have a calendar file (official: a State Council notice).</summary>
    public IReadOnlyCollection<int> Years => years;

    /// <summary>The years whose days off are derived from the statute until their notice is published.</summary>
    public IReadOnlyCollection<int> ProvisionalYears => provisional;

    /// <summary>How many years after the last published one are derived from the statute.</summary>
    public const int ProvisionalYearsAhead = 5;

    /// <summary>Extra days off such as county-level closures.</summary>
    public IReadOnlyCollection<DateOnly> Closures => closures;

    public static WorkingCalendar FromFiles(IEnumerable<string> paths) => FromCalendarFiles(paths.Select(CalendarFile.Load));

    /// <summary>Loads every *.json year file of a folder such as reference-data/calendar.</summary>
    public static WorkingCalendar FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CalendarDataException($"Calendar folder not found: {directory}");
        }
        return FromFiles(Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal));
    }

    public static WorkingCalendar FromCalendarFiles(IEnumerable<CalendarFile> files)
    {
        var list = files.ToList();
        if (list.Count == 0)
        {
            throw new CalendarDataException("A working calendar needs at least one year file: it sets the working hours and the time zone.");
        }
        var first = list[0];
        var years = new SortedSet<int>();
        var days = new Dictionary<DateOnly, bool>();
        var named = new Dictionary<int, CalendarYear>();
        foreach (var file in list)
        {
            CheckAgrees(first, file);
            if (!years.Add(file.Year))
            {
                throw new CalendarDataException($"Calendar year {file.Year} is given by more than one file.");
            }
            foreach (var holiday in file.Holidays)
            {
                days[holiday.Date] = false;
            }
            foreach (var makeUp in file.MakeUpWorkingDays)
            {
                days[makeUp.Date] = true;
            }
            named[file.Year] = new CalendarYear(file.Year, CalendarYearStatus.Official, file.Source, file.Holidays, file.MakeUpWorkingDays);
        }
        var provisional = new SortedSet<int>();
        for (var year = years.Min + 1; year <= years.Max + ProvisionalYearsAhead; year++)
        {
            if (years.Contains(year) || !StatutoryHolidays.Derivable(year))
            {
                continue;
            }
            provisional.Add(year);
            var daysOff = StatutoryHolidays.DaysOff(year);
            foreach (var dayOff in daysOff)
            {
                days[dayOff.Date] = false;
            }
            named[year] = new CalendarYear(year, CalendarYearStatus.Provisional, StatutoryHolidays.Source, daysOff, []);
        }
        return new WorkingCalendar(first.TimeZone, first.WorkingHours, days, years, provisional, named, []);
    }

    /// <summary>A calendar with these extra days off (for example a county-level closure) added to the existing ones.</summary>
    public WorkingCalendar WithClosures(IEnumerable<DateOnly> closures) =>
        new(TimeZone, Hours, fileDays, years, provisional, named, [.. this.closures, .. closures]);

    public bool HasYear(int year) => years.Contains(year);

    public CalendarYearStatus Status(int year) =>
        years.Contains(year) ? CalendarYearStatus.Official
        : provisional.Contains(year) ? CalendarYearStatus.Provisional
        : CalendarYearStatus.Missing;

    /// <summary>A year's named days off and make-up working days; a missing year has none.</summary>
    public CalendarYear Year(int year) =>
        named.TryGetValue(year, out var known) ? known : new CalendarYear(year, CalendarYearStatus.Missing, null, [], []);

    /// <summary>The official and provisional years, in order.</summary>
    public IEnumerable<CalendarYear> KnownYears => named.Values.OrderBy(y => y.Year);

    /// <summary>Years between the two dates (inclusive) that have neither a file nor a derived calendar: Monday-Friday only.</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to) => YearsIn(from, to, CalendarYearStatus.Missing);

    /// <summary>Years between the two dates (inclusive) whose days off are only derived from the statute so far.</summary>
    public IReadOnlyList<int> ProvisionalYearsIn(DateOnly from, DateOnly to) => YearsIn(from, to, CalendarYearStatus.Provisional);

    private List<int> YearsIn(DateOnly from, DateOnly to, CalendarYearStatus status) =>
        [.. Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year + 1)).Where(year => Status(year) == status)];

    public bool IsWorkingDay(DateOnly localDate) => index.IsWorkingDay(localDate);

    /// <summary>The local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => ToLocal(instant).Date;

    /// <summary>The instant (UTC) at which a local date begins: its 00:00, which is 24:00 of the day before.</summary>
    public DateTimeOffset StartOfLocalDay(DateOnly date) => ToInstant(date, TimeSpan.Zero);

    /// <summary>
    /// The earliest instant by which <paramref name="workingTime"/> of working time has passed since
    /// <paramref name="start"/>: time outside working hours, in the lunch break and on days off is skipped. Work that
    /// finishes exactly at the end of a period is due at that end (17:30, not 08:30 next day). Zero returns the start.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        if (workingTime == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }
        var (date, timeOfDay) = ToLocal(start);
        var dayLength = Hours.DayLength;
        var workedToday = IsWorkingDay(date) ? Hours.WorkedBefore(timeOfDay) : dayLength;
        if (workingTime <= dayLength - workedToday)
        {
            return ToInstant(date, Hours.TimeWhenWorked(workedToday + workingTime));
        }
        var beyondToday = workingTime - (dayLength - workedToday);
        // Whole working days are skipped at once; the last day always holds a non-empty share (0 < share <= one day).
        var wholeDays = (beyondToday.Ticks - 1) / dayLength.Ticks;
        var lastDayShare = beyondToday - (dayLength * wholeDays);
        var lastDay = index.NthWorkingDayAfter(date, checked((int)wholeDays + 1));
        return ToInstant(lastDay, Hours.TimeWhenWorked(lastDayShare));
    }

    /// <summary>Working time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        var (fromDate, fromTime) = ToLocal(from);
        var (toDate, toTime) = ToLocal(to);
        if (fromDate == toDate)
        {
            return IsWorkingDay(fromDate) ? Hours.WorkedBefore(toTime) - Hours.WorkedBefore(fromTime) : TimeSpan.Zero;
        }
        var firstDay = IsWorkingDay(fromDate) ? Hours.DayLength - Hours.WorkedBefore(fromTime) : TimeSpan.Zero;
        var wholeDays = Hours.DayLength * index.CountWorkingDays(fromDate.AddDays(1), toDate);
        var lastDay = IsWorkingDay(toDate) ? Hours.WorkedBefore(toTime) : TimeSpan.Zero;
        return firstDay + wholeDays + lastDay;
    }

    private (DateOnly Date, TimeSpan TimeOfDay) ToLocal(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        return (DateOnly.FromDateTime(local.DateTime), local.TimeOfDay);
    }

    private DateTimeOffset ToInstant(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static void CheckAgrees(CalendarFile first, CalendarFile file)
    {
        if (file.TimeZone.Id != first.TimeZone.Id)
        {
            throw new CalendarDataException(
                $"Calendar year {file.Year} uses time zone {file.TimeZone.Id} but year {first.Year} uses {first.TimeZone.Id}; all years must agree.");
        }
        if (!file.WorkingHours.SameAs(first.WorkingHours))
        {
            throw new CalendarDataException(
                $"Calendar year {file.Year} has working hours {file.WorkingHours} but year {first.Year} has {first.WorkingHours}; " +
                "all years must agree.");
        }
    }
}

/// <summary>official: the State Council notice is loaded; provisional: derived from the statute; missing: Monday-Friday only.</summary>
public enum CalendarYearStatus
{
    Official,
    Provisional,
    Missing,
}

/// <summary>One year of the calendar: where its days come from and which they are.</summary>
public sealed record CalendarYear(
    int Year, CalendarYearStatus Status, string? Source, IReadOnlyList<CalendarDay> DaysOff, IReadOnlyList<CalendarDay> MakeUpWorkingDays);
