using Dispatch.Sla;

namespace Dispatch.Stats;

/// <summary>
/// A running clock's measure for the read model (<see cref="HandlingMeasure"/>), taken so that <see cref="HandlingPosition"/>
/// reads it exactly at any later instant while the clock runs on unpaused: the hours it has counted there, and the hours
/// it has left until its due time, both as the clock counts them.
/// </summary>
/// <remarks>
/// A working-time clock counts on from the write and falls due when it has counted its limit with its extensions. A clock
/// of statutory calendar days (<see cref="SlaUnit.CalendarDays"/>) differs in two ways: it begins counting only at the
/// next local midnight after its start, and it falls due at 24:00 of its last day, moved on past days off. So its measure
/// is taken from where it counts on (the write, or that midnight when it is still ahead), and it allows the hours it will
/// have counted at its due time rather than its bare limit; otherwise a case granted at 10:00 would seem to have used 14
/// hours by midnight, and a period ending on a Saturday would seem to end two days early.
/// </remarks>
public static class RunningClockMeasure
{
    /// <summary>The measure of <paramref name="clock"/> as <paramref name="view"/> sees it at <paramref name="clocks"/>' now; null once it stopped.</summary>
    public static HandlingMeasure? Of(ClockRecord clock, ClockView view, IClockReader clocks)
    {
        if (!clock.Running)
        {
            return null;
        }
        if (clock.Length.CountsWorkingTime)
        {
            return new HandlingMeasure(view.Allowed.TotalHours, view.Used.TotalHours, Working: true, clocks.Now);
        }
        var from = clock.Length.Unit == SlaUnit.CalendarDays ? Later(clocks.Now, NextLocalMidnight(clock.StartedAt, clocks)) : clocks.Now;
        var left = view.DueAt > from ? view.DueAt - from : TimeSpan.Zero;
        return new HandlingMeasure((view.Used + left).TotalHours, view.Used.TotalHours, Working: false, from);
    }

    // Asia/Shanghai keeps one offset all year, so the local midnight is the local date at that offset.
    private static DateTimeOffset NextLocalMidnight(DateTimeOffset instant, IClockReader clocks)
    {
        var local = clocks.LocalTime(instant);
        return new DateTimeOffset(local.Date.AddDays(1), local.Offset).ToUniversalTime();
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
