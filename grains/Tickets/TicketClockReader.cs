using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>Evaluates a ticket's recorded clocks at one instant against the working calendar and rules in force.</summary>
public sealed class TicketClockReader(SlaSettings sla, DateTimeOffset now) : IClockReader
{
    public ClockView Evaluate(ClockRecord clock) =>
        new SlaClock(clock.Length, clock.StartedAt, sla.Rules.WarningAtPercent)
        {
            Pauses = [.. clock.Pauses.Select(p => new ClockPause(p.From, p.To))],
            Extensions = [.. clock.Extensions],
            StoppedAt = clock.StoppedAt,
        }.Evaluate(now, sla.Calendar);

    public TimeSpan Measure(SlaDuration duration) => duration.Length(sla.Calendar);
}
