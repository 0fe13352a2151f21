namespace Dispatch.Sla;

/// <summary>Where a clock stands.</summary>
public enum ClockState
{
    /// <summary>Counting, before the warning point.</summary>
    Running,

    /// <summary>Standing still now, and not already overdue.</summary>
    Paused,

    /// <summary>Counting, at or past the warning point (预警) and not past the due time.</summary>
    Warning,

    /// <summary>Not stopped and past the due time (超期).</summary>
    Overdue,

    /// <summary>Stopped at or before the due time.</summary>
    Met,

    /// <summary>Stopped after the due time.</summary>
    Missed,
}
