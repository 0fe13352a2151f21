namespace Dispatch.Sla;

/// <summary>A running clock that reached its warning point or ran out and has not said so yet.</summary>
/// <param name="Warn">Raise the warning (预警); also true when a clock goes straight to overdue.</param>
/// <param name="Overdue">Raise overdue (超期), which also brings a supervision order.</param>
public sealed record ClockAlarm(string Clock, bool Warn, bool Overdue);

/// <summary>
/// Which alarms an item owes now: the same rule for tickets, legal-aid cases and visits. Each item turns an alarm into
/// its own events (warned, overdue, supervision order), so an alarm is raised once however often it is evaluated.
/// </summary>
public static class ClockAlarms
{
    public static IReadOnlyList<ClockAlarm> Due(IEnumerable<ClockRecord> clocks, IClockReader reader)
    {
        var alarms = new List<ClockAlarm>();
        foreach (var clock in clocks.Where(c => c.Running))
        {
            var state = reader.Evaluate(clock).State;
            var late = state == ClockState.Overdue;
            var warn = (late || state == ClockState.Warning) && !clock.Warned;
            var overdue = late && !clock.OverdueRaised;
            if (warn || overdue)
            {
                alarms.Add(new ClockAlarm(clock.Name, warn, overdue));
            }
        }
        return alarms;
    }
}
