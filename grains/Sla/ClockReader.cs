using Dispatch.Calendar;

namespace Dispatch.Sla;

/// <summary>Reads recorded clocks against the working calendar; the grain supplies one for the current instant.</summary>
public interface IClockReader
{
    ClockView Evaluate(ClockRecord clock);

    TimeSpan Measure(SlaDuration duration);

    /// <summary>The instant the reader evaluates at.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The local date (Asia/Shanghai) of an instant.</summary>
    DateOnly LocalDate(DateTimeOffset instant);

    /// <summary>The local time (Asia/Shanghai) of an instant, for messages that name it.</summary>
    DateTimeOffset LocalTime(DateTimeOffset instant);

    /// <summary>
    /// When a limit that starts on a local day runs out (for example the petitioner's 30 days to ask for review from
    /// the day the written answer arrived), counted the way the limit's unit counts.
    /// </summary>
    DateTimeOffset PeriodEnd(DateOnly startDay, SlaDuration length);

    /// <summary>The rules of supervision orders: reply times per level and the escalation ladder.</summary>
    SupervisionRules Supervision { get; }
}

/// <summary>
/// Evaluates recorded clocks at one instant against the calendar history (with the closures of the item's county) and
/// the warning share in force.
/// </summary>
public sealed class ClockReader(SlaSettings sla, DateTimeOffset now, string? countyCode = null, CalendarHistory? calendars = null) : IClockReader
{
    private readonly CalendarHistory history = calendars ?? sla.Calendars;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The version of the calendar history the clocks are read against.</summary>
    public long CalendarVersion => history.Version;

    public SupervisionRules Supervision => sla.Supervision;

    public ClockView Evaluate(ClockRecord clock) =>
        new SlaClock(clock.Length, clock.StartedAt, sla.RulesAt(Now).WarningAtPercent)
        {
            Pauses = [.. clock.Pauses.Select(p => new ClockPause(p.From, p.To))],
            Extensions = [.. clock.Extensions],
            StoppedAt = clock.StoppedAt,
        }.Evaluate(Now, history.ForCounty(countyCode));

    public TimeSpan Measure(SlaDuration duration) => duration.Length(history.Latest);

    public DateOnly LocalDate(DateTimeOffset instant) => history.Latest.LocalDate(instant);

    public DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, history.Latest.TimeZone);

    public DateTimeOffset PeriodEnd(DateOnly startDay, SlaDuration length)
    {
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(startDay.ToDateTime(TimeOnly.MinValue), history.Latest.TimeZone), TimeSpan.Zero);
        return new SlaClock(length, start, sla.RulesAt(Now).WarningAtPercent).Evaluate(start, history.ForCounty(countyCode)).DueAt;
    }
}
