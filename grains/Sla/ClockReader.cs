namespace Dispatch.Sla;

/// <summary>Reads recorded clocks against the working calendar; the grain supplies one for the current instant.</summary>
public interface IClockReader
{
    ClockView Evaluate(ClockRecord clock);

    TimeSpan Measure(SlaDuration duration);
}

/// <summary>Evaluates recorded clocks at one instant against the working calendar and the warning share in force.</summary>
public sealed class ClockReader(SlaSettings sla, DateTimeOffset now) : IClockReader
{
    public DateTimeOffset Now { get; } = now;

    public ClockView Evaluate(ClockRecord clock) =>
        new SlaClock(clock.Length, clock.StartedAt, sla.RulesAt(Now).WarningAtPercent)
        {
            Pauses = [.. clock.Pauses.Select(p => new ClockPause(p.From, p.To))],
            Extensions = [.. clock.Extensions],
            StoppedAt = clock.StoppedAt,
        }.Evaluate(Now, sla.Calendar);

    public TimeSpan Measure(SlaDuration duration) => duration.Length(sla.Calendar);
}
