namespace Dispatch.Sla;

/// <summary>Turns a recorded clock into the API's deadline shape, the same for tickets, legal-aid cases and visits.</summary>
public static class DeadlineViews
{
    public static DeadlineView? From(ClockRecord? clock, int ruleVersion, IClockReader clocks)
    {
        if (clock is null)
        {
            return null;
        }
        var view = clocks.Evaluate(clock);
        var state = clock.Failed && view.State == ClockState.Met ? ClockState.Missed : view.State;
        var extended = clock.Extensions.Count == 0 ? null : string.Join(" + ", clock.Extensions.Select(e => e.ToString()));
        return new DeadlineView(view.DueAt, StateName(state), ruleVersion, clock.Length.ToString(), clock.StartedAt,
            view.WarnAt, clock.StoppedAt, Math.Round(view.PausedTotal.TotalHours, 2), extended);
    }

    public static string StateName(ClockState state) => state switch
    {
        ClockState.Running => "running",
        ClockState.Paused => "paused",
        ClockState.Warning => "warning",
        ClockState.Overdue => "overdue",
        ClockState.Met => "met",
        ClockState.Missed => "missed",
        _ => state.ToString().ToLowerInvariant(),
    };
}
