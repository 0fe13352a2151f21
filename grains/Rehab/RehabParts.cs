using Dispatch.Items;
using Dispatch.People;
using Dispatch.Stats;

namespace Dispatch.Rehab;

/// <summary>What a visit supplies to its item host: storage, scope, projection (with the worker's booking), clocks and live changes.</summary>
public static class RehabParts
{
    public static readonly ItemParts<RehabState, RehabEvent, RehabStatsRow> Parts = new(
        RehabStream.Kind, RehabRules.Words, RehabAccess.CanSee,
        (s, clocks) => (RehabProjection.Row(s, clocks), [.. RehabProjection.Commands(s, clocks), .. Orders(s, clocks)]),
        StatsContribution.Of, RehabProjection.NextClockChange, RehabStatsRow.LoadAsync, RehabRules.ClockEvents, RehabLiveChanges.Mapper.From, s => s.Fingerprint,
        County: s => s.CountyCode, Clocks: s => s.Clocks, Outgoing: RehabOutgoing.From,
        Gaming: new(RehabClockGaming.Find, RehabLiveChanges.Mapper.Shown));

    /// <summary>The visit's orders that ask for a reply, in the supervisors' list (supervision_orders), in its own transaction.</summary>
    private static IEnumerable<Npgsql.NpgsqlBatchCommand> Orders(RehabState s, Dispatch.Sla.IClockReader clocks) =>
        SupervisionOrderRows.Commands(new(ItemTypes.RehabVisit, s.Id, s.Number, s.CountyCode, s.ProviderCode, s.Version), s.SupervisionOrders, clocks);
}
