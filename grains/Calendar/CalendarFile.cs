using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Calendar;

/// <summary>One validated year file of the working-day calendar (deploy/reference-data/calendar/&lt;year&gt;.json).</summary>
public sealed record CalendarFile(
    int Year,
    string Source,
    TimeZoneInfo TimeZone,
    IReadOnlyList<CalendarDay> Holidays,
    IReadOnlyList<CalendarDay> MakeUpWorkingDays,
    WorkingHours WorkingHours)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static CalendarFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CalendarDataException($"Calendar file not found: {path}");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads and validates calendar JSON; <paramref name="source"/> names it in error messages.</summary>
    public static CalendarFile Parse(string json, string source)
    {
        CalendarFileJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize<CalendarFileJson>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new CalendarDataException($"Calendar {source} is not valid JSON: {ex.Message}", ex);
        }
        if (raw is null)
        {
            throw new CalendarDataException($"Calendar {source} is empty.");
        }
        return new CalendarFileReader(source).Read(raw);
    }
}

/// <summary>A named day of a calendar file: a holiday or a make-up working day (调休上班).</summary>
public sealed record CalendarDay(DateOnly Date, string Name, string? NameEn);

internal sealed record CalendarFileJson(
    int? Year,
    string? Source,
    string? TimeZone,
    IReadOnlyList<CalendarDayJson?>? Holidays,
    IReadOnlyList<CalendarDayJson?>? MakeUpWorkingDays,
    IReadOnlyList<WorkingPeriodJson?>? WorkingHours);

internal sealed record CalendarDayJson(string? Date, string? Name, string? NameEn);

internal sealed record WorkingPeriodJson(string? Start, string? End);

/// <summary>Turns the raw JSON into a <see cref="CalendarFile"/>, failing on the first bad entry with its name.</summary>
internal sealed class CalendarFileReader(string source)
{
    public CalendarFile Read(CalendarFileJson raw)
    {
        var year = raw.Year ?? throw Bad("'year' is missing");
        Require(year is >= 2000 and <= 2999, $"'year' {year} is not a plausible calendar year");
        var zone = ReadTimeZone(raw.TimeZone);
        var holidays = ReadDays(raw.Holidays, "holidays", year);
        var makeUps = ReadDays(raw.MakeUpWorkingDays, "makeUpWorkingDays", year);
        var holidayDates = holidays.Select(h => h.Date).ToHashSet();
        foreach (var day in makeUps)
        {
            Require(day.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
                $"makeUpWorkingDays entry {Iso(day.Date)} ({day.Name}) is a {day.Date.DayOfWeek}; " +
                "only a Saturday or Sunday can be a make-up working day");
            Require(!holidayDates.Contains(day.Date), $"{Iso(day.Date)} is listed both as a holiday and as a make-up working day");
        }
        var hours = ReadWorkingHours(raw.WorkingHours);
        return new CalendarFile(year, raw.Source ?? "", zone, holidays, makeUps, hours);
    }

    private TimeZoneInfo ReadTimeZone(string? id)
    {
        Require(!string.IsNullOrWhiteSpace(id), "'timeZone' is missing (expected Asia/Shanghai)");
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id!);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CalendarDataException($"Calendar {source}: time zone '{id}' is not known on this machine.", ex);
        }
    }

    private List<CalendarDay> ReadDays(IReadOnlyList<CalendarDayJson?>? entries, string list, int year)
    {
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var entry = entries![i];
            var where = $"{list}[{i}]";
            Require(entry is not null, $"{where} is empty");
            Require(DateOnly.TryParseExact(entry!.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date),
                $"{where} has date '{entry.Date}', expected yyyy-MM-dd");
            Require(date.Year == year, $"{where} date {Iso(date)} is not in {year}, the year of this file");
            Require(seen.Add(date), $"{where} date {Iso(date)} appears twice in {list}");
            Require(!string.IsNullOrWhiteSpace(entry.Name), $"{where} ({Iso(date)}) has no name");
            days.Add(new CalendarDay(date, entry.Name!, entry.NameEn));
        }
        return days;
    }

    private WorkingHours ReadWorkingHours(IReadOnlyList<WorkingPeriodJson?>? entries)
    {
        Require(entries is { Count: > 0 }, "'workingHours' is missing or empty (expected periods like 08:30-12:00)");
        var periods = new List<WorkingPeriod>();
        for (var i = 0; i < entries!.Count; i++)
        {
            var where = $"workingHours[{i}]";
            var start = ReadTime(entries[i]?.Start, $"{where}.start");
            var end = ReadTime(entries[i]?.End, $"{where}.end");
            Require(start < end, $"{where} ends at {end:HH\\:mm}, not after its start {start:HH\\:mm}");
            Require(periods.Count == 0 || periods[^1].End <= start, $"{where} starts at {start:HH\\:mm}, before the previous period ends");
            periods.Add(new WorkingPeriod(start, end));
        }
        return new WorkingHours(periods);
    }

    private TimeOnly ReadTime(string? text, string where)
    {
        Require(TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time),
            $"{where} is '{text}', expected HH:mm");
        return time;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw Bad(problem);
        }
    }

    private CalendarDataException Bad(string problem) => new($"Calendar {source}: {problem}.");
}
