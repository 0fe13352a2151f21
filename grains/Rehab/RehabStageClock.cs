using Dispatch.Sla;
using Dispatch.Stats;

namespace Dispatch.Rehab;

/// <summary>
/// The visit clocks as breach risk reads them: the clock of the stage the visit is in (the record once the visit is
/// done, else the first visit while it is owed, else the window), measured as the read model keeps it, and the time each
/// clock had counted when its work stopped it (check-in, completion, the filed record).
/// </summary>
public static class RehabStageClock
{
    /// <summary>The running clock of the visit's stage; none once every clock has stopped (done, missed or cancelled).</summary>
    public static ClockRecord? Of(RehabState s) => new[] { s.Record, s.FirstVisit, s.WindowClock }.FirstOrDefault(c => c is { Running: true });

    /// <summary>
    /// The stage clock now: the hours it allows and has counted, whether it counts working time, and the instant it counts
    /// on from (now, or a window's start while the window has not begun, so nothing is counted before it).
    /// </summary>
    public static (string Clock, HandlingMeasure Measure)? Measure(RehabState s, IClockReader clocks)
    {
        if (Of(s) is not { } clock)
        {
            return null;
        }
        var view = clocks.Evaluate(clock);
        var from = clock.StartedAt > clocks.Now ? clock.StartedAt : clocks.Now;
        return (clock.Name, new HandlingMeasure(view.Allowed.TotalHours, view.Used.TotalHours, clock.Length.CountsWorkingTime, from));
    }

    /// <summary>The hours a clock counted when its work (<paramref name="done"/>) stopped it; null while it runs or when it stopped otherwise.</summary>
    public static double? UsedAtStop(ClockRecord? clock, bool done, IClockReader clocks) =>
        done && clock is { StoppedAt: not null, Failed: false } ? clocks.Evaluate(clock).Used.TotalHours : null;
}
