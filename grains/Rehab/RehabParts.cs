using Dispatch.Items;
using Dispatch.People;
using Dispatch.Stats;

namespace Dispatch.Rehab;

/// <summary>What a visit supplies to its item host: storage, scope, projection (with the worker's booking), clocks and live changes.</summary>
public static class RehabParts
{
    public static readonly ItemParts<RehabState, RehabEvent, RehabStatsRow> Parts = new(
        RehabStream.Kind, RehabRules.Words, RehabAccess.CanSee,
        (s, clocks) => (RehabProjection.Row(s, clocks), RehabProjection.Commands(s, clocks)),
        StatsContribution.Of, RehabProjection.NextClockChange, RehabStatsRow.LoadAsync, RehabRules.ClockEvents, RehabLiveChanges.Mapper.From, s => s.Fingerprint,
        County: s => s.CountyCode, Clocks: s => s.Clocks, Outgoing: RehabOutgoing.From);
}
