namespace Dispatch.Sla;

/// <summary>
/// The running clock that matters most for supervision: the most severe state (overdue, warning, paused, running), the
/// nearest due time among equals. Its state is <see cref="ClockSummary.WorstState"/>; the lists show its name and due time.
/// </summary>
public sealed record WorstClock(string Name, string State, DateTimeOffset DueAt)
{
    public static WorstClock? Of(IEnumerable<ClockRecord?> clocks, IClockReader reader) => clocks.OfType<ClockRecord>()
        .Where(c => c.Running)
        .Select(c => (Clock: c, View: reader.Evaluate(c)))
        .OrderByDescending(c => ClockSummary.Severity(c.View.State))
        .ThenBy(c => c.View.DueAt)
        .Select(c => new WorstClock(c.Clock.Name, DeadlineViews.StateName(c.View.State), c.View.DueAt))
        .FirstOrDefault();
}
