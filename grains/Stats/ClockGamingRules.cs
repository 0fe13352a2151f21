using Dispatch.Sla;

namespace Dispatch.Stats;

/// <summary>A clock-gaming signal found in one event of one item: its kind, the unit it is charged to and the evidence.</summary>
public sealed record GamingSignal(string Kind, string UnitCode, int EventVersion, ClockGamingEvidence Evidence);

/// <summary>A return (退单) passed on: the item was returned by <paramref name="FromUnit"/> and dispatched next to <paramref name="ToUnit"/>.</summary>
public sealed record ReturnPass(string FromUnit, string ToUnit, int EventVersion);

/// <summary>
/// The rules that tell clock gaming from the item's state and one new event, each a plain test with its threshold in
/// <see cref="ClockGamingSettings"/>. The share of a clock is the time it counted (pauses excluded) over the time it
/// allows (limit plus granted extensions), read at the instant of the event, before the event changes it.
/// <list type="bullet">
/// <item>late suspension: a suspension started when a running clock had used <see cref="ClockGamingSettings.LateSuspensionShare"/>
/// or more (the last 10%: exactly 90% counts);</item>
/// <item>repeated suspension: the <see cref="ClockGamingSettings.RepeatedSuspensions"/>th suspension of one clock, and each after it;</item>
/// <item>late extension: an extension asked when the handling clock had used <see cref="ClockGamingSettings.LateExtensionShare"/>
/// or more (exactly 95% counts);</item>
/// <item>near-due merge: an item merged into another when its clock had used <see cref="ClockGamingSettings.NearDueMergeShare"/> or more;</item>
/// <item>reopen loop: the <see cref="ClockGamingSettings.ReopenLoops"/>th reopening after resolution, and each after it;</item>
/// <item>return bounce: a return passed on from A to B when the item already went from B to A after a return of B's;</item>
/// <item>late reschedule: a home visit rescheduled when its window had used <see cref="ClockGamingSettings.LateExtensionShare"/>
/// or more (or had passed).</item>
/// </list>
/// Tickets raise the first six (<c>TicketClockGaming</c>); a legal-aid case's request for documents is a suspension of
/// its decision clock (<c>LegalAidClockGaming</c>); a visit raises late reschedules (<c>RehabClockGaming</c>).
/// </summary>
public static class ClockGamingRules
{
    /// <summary>The share of a clock used, as a view shows it: 0 for a clock that allows no time.</summary>
    public static double ShareUsed(ClockView view) =>
        view.Allowed <= TimeSpan.Zero ? 0 : (double)view.Used.Ticks / view.Allowed.Ticks;

    public static bool IsLateSuspension(double share, ClockGamingSettings settings) => share >= settings.LateSuspensionShare;

    public static bool IsRepeatedSuspension(int suspensions, ClockGamingSettings settings) => suspensions >= settings.RepeatedSuspensions;

    public static bool IsLateExtension(double share, ClockGamingSettings settings) => share >= settings.LateExtensionShare;

    /// <summary>A visit's reschedule is late from the share of its window at which an extension request is (the same 95%).</summary>
    public static bool IsLateReschedule(double share, ClockGamingSettings settings) => share >= settings.LateExtensionShare;

    public static bool IsNearDueMerge(double share, ClockGamingSettings settings) => share >= settings.NearDueMergeShare;

    public static bool IsReopenLoop(int reopenings, ClockGamingSettings settings) => reopenings >= settings.ReopenLoops;

    /// <summary>
    /// Whether a return passed on from <paramref name="from"/> to <paramref name="to"/> bounces: an earlier pass went from
    /// <paramref name="to"/> to <paramref name="from"/>. <paramref name="earlier"/> are the item's earlier passes, oldest first.
    /// </summary>
    public static bool Bounces(IEnumerable<ReturnPass> earlier, string from, string to) =>
        from != to && earlier.Any(p => p.FromUnit == to && p.ToUnit == from);

    /// <summary>The running clock (paused or not) that has used the largest share, with that share; null when none runs.</summary>
    public static (ClockRecord Clock, double Share)? MostUsed(IEnumerable<ClockRecord?> clocks, IClockReader reader) =>
        clocks.OfType<ClockRecord>().Where(c => c.Running)
            .Select(c => (Clock: c, Share: ShareUsed(reader.Evaluate(c))))
            .OrderByDescending(c => c.Share)
            .Cast<(ClockRecord, double)?>()
            .FirstOrDefault();

    /// <summary>A share as it is kept in the evidence: four decimals.</summary>
    public static double Rounded(double share) => Math.Round(share, 4);
}
