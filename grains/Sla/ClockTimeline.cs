namespace Dispatch.Sla;

/// <summary>A clock's life from its start to the evaluation end, split into counting and standing-still stretches.</summary>
internal sealed class ClockTimeline
{
    private readonly DateTimeOffset start;
    private readonly DateTimeOffset end;
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> counting = [];
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> paused = [];

    /// <summary>Pauses are clipped to [start, end] and merged where they overlap; an open pause lasts until end.</summary>
    public ClockTimeline(DateTimeOffset start, DateTimeOffset end, IEnumerable<ClockPause> pauses)
    {
        this.start = start;
        this.end = end < start ? start : end;
        var clipped = pauses
            .Select(p => (From: Max(p.Start, start), To: Min(p.End ?? this.end, this.end)))
            .Where(p => p.To > p.From)
            .OrderBy(p => p.From);
        var cursor = start;
        foreach (var pause in clipped)
        {
            if (pause.From > cursor)
            {
                counting.Add((cursor, pause.From));
                paused.Add(pause);
            }
            else if (pause.To > cursor)
            {
                paused.Add((cursor, pause.To));
            }
            cursor = Max(cursor, pause.To);
        }
        if (this.end > cursor)
        {
            counting.Add((cursor, this.end));
        }
    }

    public TimeSpan Counted(ClockRuler ruler) => Sum(counting, ruler);

    public TimeSpan Paused(ClockRuler ruler) => Sum(paused, ruler);

    /// <summary>
    /// The earliest instant at which <paramref name="target"/> has been counted. When the timeline ends first, counting
    /// goes on from its end as if nothing stood in the way (a paused clock "resumed now", a stopped one "kept running").
    /// </summary>
    public DateTimeOffset InstantWhenCounted(TimeSpan target, ClockRuler ruler)
    {
        if (target <= TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }
        var counted = TimeSpan.Zero;
        foreach (var (from, to) in counting)
        {
            var here = ruler.Measure(from, to);
            if (counted + here >= target)
            {
                return ruler.Advance(from, target - counted);
            }
            counted += here;
        }
        return ruler.Advance(end, target - counted);
    }

    private static TimeSpan Sum(List<(DateTimeOffset From, DateTimeOffset To)> stretches, ClockRuler ruler) =>
        stretches.Aggregate(TimeSpan.Zero, (total, s) => total + ruler.Measure(s.From, s.To));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
