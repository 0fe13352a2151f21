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

    /// <summary>
    /// When a limit that starts on a local day runs out (for example the petitioner's 30 days to ask for review from
    /// the day the written answer arrived), counted the way the limit's unit counts.
    /// </summary>
    DateTimeOffset PeriodEnd(DateOnly startDay, SlaDuration length);
}

/// <summary>Evaluates recorded clocks at one instant against the working calendar and the warning share in force.</summary>
public sealed class ClockReader(SlaSettings sla, DateTimeOffset now) : IClockReader
{
    public DateTimeOffset Now { get; } = now;

    public ClockView Evaluate(ClockRecord clock) =>
        new SlaClock(clock.Length, clock.StartedAt, sla.Rules.WarningAtPercent)
        {
            Pauses = [.. clock.Pauses.Select(p => new ClockPause(p.From, p.To))],
            Extensions = [.. clock.Extensions],
            StoppedAt = clock.StoppedAt,
        }.Evaluate(Now, sla.Calendar);

    public TimeSpan Measure(SlaDuration duration) => duration.Length(sla.Calendar);

    public DateOnly LocalDate(DateTimeOffset instant) => sla.Calendar.LocalDate(instant);

    public DateTimeOffset PeriodEnd(DateOnly startDay, SlaDuration length)
    {
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(startDay.ToDateTime(TimeOnly.MinValue), sla.Calendar.TimeZone), TimeSpan.Zero);
        return new SlaClock(length, start, sla.Rules.WarningAtPercent).Evaluate(start, sla.Calendar).DueAt;
    }
}
