namespace Dispatch.Sla;

/// <summary>
/// What a read-model row and the deadline watcher need to know about an item's clocks at one instant: the worst state
/// of the running ones, whether any warns or is overdue, the nearest due time and the next instant anything changes.
/// </summary>
public sealed record ClockSummary(string? WorstState, bool AnyWarning, bool AnyOverdue, DateTimeOffset? NearestDue, DateTimeOffset? NextChange)
{
    public static readonly ClockSummary None = new(null, false, false, null, null);

    /// <summary>Summarises the running clocks among <paramref name="clocks"/>; stopped and missing ones are ignored.</summary>
    public static ClockSummary Of(IEnumerable<ClockRecord?> clocks, IClockReader reader)
    {
        var running = clocks.OfType<ClockRecord>().Where(c => c.Running).Select(reader.Evaluate).ToList();
        if (running.Count == 0)
        {
            return None;
        }
        return new ClockSummary(
            DeadlineViews.StateName(running.Select(v => v.State).MaxBy(Severity)),
            running.Any(v => v.State == ClockState.Warning),
            running.Any(v => v.State == ClockState.Overdue),
            running.Min(v => v.DueAt),
            running.Select(v => v.NextChangeAt).Where(t => t is not null).Min());
    }

    internal static int Severity(ClockState state) => state switch
    {
        ClockState.Overdue => 3,
        ClockState.Warning => 2,
        ClockState.Paused => 1,
        _ => 0,
    };
}
