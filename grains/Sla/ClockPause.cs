namespace Dispatch.Sla;

/// <summary>A time the clock stood still (挂起, or the applicant supplying documents). No end means paused still.</summary>
public sealed record ClockPause
{
    public ClockPause(DateTimeOffset start, DateTimeOffset? end = null)
    {
        if (end < start)
        {
            throw new ArgumentException($"A pause cannot end ({end:O}) before it starts ({start:O}).", nameof(end));
        }
        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }
    public DateTimeOffset? End { get; }
    public bool IsOpen => End is null;

    /// <summary>Whether the clock stands still at this instant, knowing only what happened up to it.</summary>
    internal bool Covers(DateTimeOffset instant) => Start <= instant && (End is null || instant < End);
}
