namespace Dispatch.Sla;

/// <summary>A clock as seen at one instant. Durations are in the clock's own terms (working or elapsed time).</summary>
/// <param name="State">Where the clock stands.</param>
/// <param name="DueAt">
/// When the clock runs out (UTC). Already past when overdue or missed; while paused, the due time if the clock
/// resumed now; once met, the due time if it had kept running from the stop.
/// </param>
/// <param name="WarnAt">When the warning point is or was reached, on the same terms as <paramref name="DueAt"/>.</param>
/// <param name="Allowed">The limit plus every extension granted.</param>
/// <param name="Used">Time counted so far, pauses excluded.</param>
/// <param name="Remaining">Time left, never below zero.</param>
/// <param name="PausedTotal">Time the clock stood still, counted the way the clock counts.</param>
/// <param name="NextChangeAt">
/// The earliest instant at which the state changes without any new event: the warning point, or the first tick after
/// the due time. Null when stopped, paused or already overdue. A watcher sets its timer here.
/// </param>
public sealed record ClockView(
    ClockState State,
    DateTimeOffset DueAt,
    DateTimeOffset WarnAt,
    TimeSpan Allowed,
    TimeSpan Used,
    TimeSpan Remaining,
    TimeSpan PausedTotal,
    DateTimeOffset? NextChangeAt);
