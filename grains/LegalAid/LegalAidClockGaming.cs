using Dispatch.Items;
using Dispatch.People;
using Dispatch.Sla;
using Dispatch.Stats;

namespace Dispatch.LegalAid;

/// <summary>
/// Clock gaming in a legal-aid case's write, by <see cref="ClockGamingRules"/>: asking the applicant for documents
/// (补充材料) pauses the decision clock as a suspension pauses a ticket's, so a request made in the last part of that
/// clock is a late suspension, and the second request (and each after it) a repeated one: the Law has the station say
/// once what is missing. Charged to the station holding the case. Pure.
/// </summary>
public static class LegalAidClockGaming
{
    /// <param name="before">The case as stored before the write.</param>
    public static ClockGamingFindings? Find(LegalAidState before, IReadOnlyList<LegalAidEvent> events, IClockReader clocks, ClockGamingSettings settings) =>
        !before.Exists ? null : ItemGamingScan.Find(ItemTypes.LegalAidCase, before, before.Id, before.Number, before.CountyCode, events, clocks.Now,
            (s, next, e, version) => Signals(s, next, e, version, clocks, settings));

    /// <summary>The signals one event raises, read from the case just before it and just after it.</summary>
    public static IEnumerable<GamingSignal> Signals(
        LegalAidState s, LegalAidState next, LegalAidEvent e, int version, IClockReader clocks, ClockGamingSettings settings)
    {
        if (e is not DocumentsRequested || s.Decision is not { Running: true, Paused: false } decision)
        {
            yield break;
        }
        var share = ClockGamingRules.ShareUsed(clocks.Evaluate(decision));
        if (ClockGamingRules.IsLateSuspension(share, settings))
        {
            yield return new(ClockGamingKinds.LateSuspension, s.StationCode, version,
                new() { Clock = decision.Name, ShareUsed = ClockGamingRules.Rounded(share), Events = [version] });
        }
        if (next.Decision is { } paused && ClockGamingRules.IsRepeatedSuspension(paused.Pauses.Count, settings))
        {
            yield return new(ClockGamingKinds.RepeatedSuspension, s.StationCode, version,
                new() { Clock = paused.Name, Count = paused.Pauses.Count, Events = [version] });
        }
    }
}
