using Dispatch.Items;
using Dispatch.People;
using Dispatch.Sla;
using Dispatch.Stats;

namespace Dispatch.Rehab;

/// <summary>
/// Clock gaming in a home visit's write, by <see cref="ClockGamingRules"/>: a reschedule (改期) replaces the window clock
/// with a new one, so rescheduling when the window is all but over, or after it, hides a visit that was about to be missed
/// (or was). It is late from the share of the window at which a ticket's extension request is late, since it moves the
/// visit's deadline as an extension moves a ticket's. A reschedule before the window opens is ordinary planning and
/// raises nothing. Charged to the provider holding the visit. Pure.
/// </summary>
public static class RehabClockGaming
{
    /// <param name="before">The visit as stored before the write.</param>
    public static ClockGamingFindings? Find(RehabState before, IReadOnlyList<RehabEvent> events, IClockReader clocks, ClockGamingSettings settings) =>
        !before.Exists ? null : ItemGamingScan.Find(ItemTypes.RehabVisit, before, before.Id, before.Number, before.CountyCode, events, clocks.Now,
            (s, _, e, version) => Signals(s, e, version, clocks, settings));

    /// <summary>The signals one event raises, read from the visit just before it.</summary>
    public static IEnumerable<GamingSignal> Signals(RehabState s, RehabEvent e, int version, IClockReader clocks, ClockGamingSettings settings)
    {
        if (e is not VisitRescheduled || s.WindowClock is not { Running: true } window || clocks.Now < window.StartedAt)
        {
            yield break;
        }
        var share = ClockGamingRules.ShareUsed(clocks.Evaluate(window));
        if (ClockGamingRules.IsLateReschedule(share, settings))
        {
            yield return new(ClockGamingKinds.LateReschedule, s.ProviderCode, version,
                new() { Clock = window.Name, ShareUsed = ClockGamingRules.Rounded(share), Events = [version] });
        }
    }
}
