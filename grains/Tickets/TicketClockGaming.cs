using Dispatch.People;
using Dispatch.Sla;
using Dispatch.Stats;

namespace Dispatch.Tickets;

/// <summary>
/// Clock gaming in a ticket's write: each event is read against the state just before it (the state folded through the
/// write's earlier events) and the clocks at the write's instant, by <see cref="ClockGamingRules"/>. Pure.
/// </summary>
public static class TicketClockGaming
{
    /// <param name="before">The ticket as stored before the write.</param>
    public static ClockGamingFindings? Find(TicketState before, IReadOnlyList<TicketEvent> events, IClockReader clocks, ClockGamingSettings settings)
    {
        if (!before.Exists)
        {
            return null;
        }
        var signals = new List<GamingSignal>();
        var passes = new List<ReturnPass>();
        var state = before;
        foreach (var e in events)
        {
            var version = state.Version + 1;
            var next = state.Apply(state.Id, version, e, clocks.Now);
            signals.AddRange(Signals(state, next, e, version, clocks, settings));
            if (next.ReturnPasses.Count > state.ReturnPasses.Count)
            {
                passes.Add(next.ReturnPasses[^1]);
            }
            state = next;
        }
        var findings = new ClockGamingFindings(ItemTypes.Ticket, before.Id, before.Number, before.Details.CountyCode, clocks.Now, signals, passes);
        return findings.IsEmpty ? null : findings;
    }

    /// <summary>The signals one event raises, read from the ticket just before it and just after it.</summary>
    public static IEnumerable<GamingSignal> Signals(
        TicketState s, TicketState next, TicketEvent e, int version, IClockReader clocks, ClockGamingSettings settings)
    {
        switch (e)
        {
            case TicketSuspended when s.UnitCode is { } unit:
                if (ClockGamingRules.MostUsed([s.SignFor, s.Acceptance, s.Handling], clocks) is var (clock, share)
                    && ClockGamingRules.IsLateSuspension(share, settings))
                {
                    yield return new(ClockGamingKinds.LateSuspension, unit, version,
                        new() { Clock = clock.Name, ShareUsed = ClockGamingRules.Rounded(share), Events = [version] });
                }
                if ((next.Handling ?? next.SignFor) is { } paused && ClockGamingRules.IsRepeatedSuspension(paused.Pauses.Count, settings))
                {
                    yield return new(ClockGamingKinds.RepeatedSuspension, unit, version,
                        new() { Clock = paused.Name, Count = paused.Pauses.Count, Events = [version] });
                }
                break;
            case ExtensionRequested when s.UnitCode is { } unit && s.Handling is { Running: true } handling:
                var used = ClockGamingRules.ShareUsed(clocks.Evaluate(handling));
                if (ClockGamingRules.IsLateExtension(used, settings))
                {
                    yield return new(ClockGamingKinds.LateExtension, unit, version,
                        new() { Clock = handling.Name, ShareUsed = ClockGamingRules.Rounded(used), Events = [version] });
                }
                break;
            case TicketMerged merged when s.UnitCode is { } unit:
                if (ClockGamingRules.MostUsed([s.SignFor, s.Acceptance, s.Handling], clocks) is var (mergedClock, mergedShare)
                    && ClockGamingRules.IsNearDueMerge(mergedShare, settings))
                {
                    yield return new(ClockGamingKinds.NearDueMerge, unit, version,
                        new() { Clock = mergedClock.Name, ShareUsed = ClockGamingRules.Rounded(mergedShare), MergedInto = merged.IntoNumber, Events = [version] });
                }
                break;
            case TicketReopened when next.UnitCode is { } unit && ClockGamingRules.IsReopenLoop(next.ReworkCount, settings):
                yield return new(ClockGamingKinds.ReopenLoop, unit, version, new() { Count = next.ReworkCount, Events = [version] });
                break;
            case TicketDispatched when next.ReturnPasses.Count > s.ReturnPasses.Count:
                var pass = next.ReturnPasses[^1];
                if (ClockGamingRules.Bounces(s.ReturnPasses, pass.FromUnit, pass.ToUnit))
                {
                    var between = next.ReturnPasses.Where(p => (p.FromUnit, p.ToUnit) == (pass.FromUnit, pass.ToUnit) || (p.FromUnit, p.ToUnit) == (pass.ToUnit, pass.FromUnit)).ToList();
                    yield return new(ClockGamingKinds.ReturnBounce, pass.FromUnit, version,
                        new() { OtherUnit = pass.ToUnit, Count = between.Count, Events = [.. between.Select(p => p.EventVersion)] });
                }
                break;
        }
    }
}
