using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Dispatch.Calendar;

/// <summary>
/// The working calendar with every administered change since the shipped year files (the seed): a history of versions,
/// each in force from the instant it was published. Clocks measure each stretch of time with the version in force when
/// it was lived (<see cref="ForCounty"/>), so replaying the same history always gives the same deadlines, and a change
/// never rewrites time already counted. Immutable: a change gives a new history.
/// </summary>
public sealed class CalendarHistory
{
    private readonly IReadOnlyList<CalendarFile> seed;
    private readonly ImmutableList<Era> eras;
    private readonly ConcurrentDictionary<string, CalendarTimeline> byCounty = new(StringComparer.Ordinal);

    private CalendarHistory(IReadOnlyList<CalendarFile> seed, ImmutableList<CalendarChange> changes, ImmutableList<Era> eras)
    {
        this.seed = seed;
        Changes = changes;
        this.eras = eras;
    }

    /// <summary>The calendar of the shipped year files and the changes recorded since, in the order they were made.</summary>
    public static CalendarHistory FromSeed(WorkingCalendar seed, IEnumerable<CalendarChange>? changes = null)
    {
        var files = seed.KnownYears.Where(y => y.Status == CalendarYearStatus.Official)
            .Select(y => new CalendarFile(y.Year, y.Source ?? "", seed.TimeZone, y.DaysOff, y.MakeUpWorkingDays, seed.Hours))
            .ToList();
        var first = new Era(DateTimeOffset.MinValue, seed, ImmutableDictionary<int, PublishedYear>.Empty, ImmutableDictionary<Guid, CountyClosure>.Empty);
        var history = new CalendarHistory(files, [], [first]);
        foreach (var change in changes ?? [])
        {
            history = history.With(change);
        }
        return history;
    }

    /// <summary>The calendar of the shipped year files, before any administered change.</summary>
    public WorkingCalendar Seed => eras[0].Calendar;

    /// <summary>Every change since the seed, oldest first: the audit trail of the calendar.</summary>
    public ImmutableList<CalendarChange> Changes { get; }

    /// <summary>The sequence number of the last change (0: the seed alone); every silo that loaded the same log agrees.</summary>
    public long Version => Changes.IsEmpty ? 0 : Changes[^1].Sequence;

    /// <summary>The calendar in force now, without county closures.</summary>
    public WorkingCalendar Latest => eras[^1].Calendar;

    /// <summary>County closures in force now (added and not withdrawn).</summary>
    public IReadOnlyCollection<CountyClosure> ActiveClosures => [.. eras[^1].Closures.Values.OrderBy(c => c.Date).ThenBy(c => c.CountyCode)];

    /// <summary>The history with one more change, in force from its instant (never before the previous change).</summary>
    public CalendarHistory With(CalendarChange change)
    {
        var last = eras[^1];
        var from = change.At > last.From ? change.At : last.From;
        var next = change switch
        {
            { Year: { } year } => Rebuilt(last with { From = from, Published = last.Published.SetItem(year.Year, year) }),
            { Closure: { } closure } => last with { From = from, Closures = last.Closures.SetItem(closure.Id, closure) },
            { Withdrawn: { } id } => last with { From = from, Closures = last.Closures.Remove(id) },
            _ => throw new ArgumentException("A calendar change publishes a year, adds a closure or withdraws one.", nameof(change)),
        };
        return new CalendarHistory(seed, Changes.Add(change), eras.Add(next));
    }

    /// <summary>The calendar of one county over time: every version with that county's closures; null or another county: none.</summary>
    public CalendarTimeline ForCounty(string? countyCode) => byCounty.GetOrAdd(countyCode ?? "", county => new CalendarTimeline(
        [.. eras.Select(era => (era.From, era.Closures.Values.Any(c => c.CountyCode == county)
            ? era.Calendar.WithClosures(era.Closures.Values.Where(c => c.CountyCode == county).Select(c => c.Date))
            : era.Calendar))]));

    private Era Rebuilt(Era era)
    {
        var (zone, hours) = (era.Calendar.TimeZone, era.Calendar.Hours);
        var files = seed.Where(f => !era.Published.ContainsKey(f.Year))
            .Concat(era.Published.Values.Select(y => y.ToFile(zone, hours)))
            .OrderBy(f => f.Year);
        return era with { Calendar = WorkingCalendar.FromCalendarFiles(files) };
    }

    private sealed record Era(
        DateTimeOffset From, WorkingCalendar Calendar, ImmutableDictionary<int, PublishedYear> Published, ImmutableDictionary<Guid, CountyClosure> Closures);
}
