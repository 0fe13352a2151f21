using Dispatch.Items;
using Dispatch.People;
using Dispatch.Stats;

namespace Dispatch.LegalAid;

/// <summary>What a legal-aid case supplies to its item host: storage, scope, projection, clocks and live changes.</summary>
public static class LegalAidParts
{
    public static readonly ItemParts<LegalAidState, LegalAidEvent, LegalAidStatsRow> Parts = new(
        LegalAidStream.Kind, LegalAidRules.Words, LegalAidAccess.CanSee,
        (s, clocks) => (LegalAidProjection.Row(s, clocks), [LegalAidProjection.Command(s, clocks), .. Orders(s, clocks)]),
        StatsContribution.Of, LegalAidProjection.NextClockChange, LegalAidStatsRow.LoadAsync, LegalAidRules.ClockEvents, LegalAidLiveChanges.Mapper.From, s => s.Fingerprint,
        County: s => s.CountyCode, Clocks: s => s.Clocks, Outgoing: LegalAidOutgoing.From,
        Gaming: new(LegalAidClockGaming.Find, LegalAidLiveChanges.Mapper.Shown));

    /// <summary>The case's orders that ask for a reply, in the supervisors' list (supervision_orders), in its own transaction.</summary>
    private static IEnumerable<Npgsql.NpgsqlBatchCommand> Orders(LegalAidState s, Dispatch.Sla.IClockReader clocks) =>
        SupervisionOrderRows.Commands(new(ItemTypes.LegalAidCase, s.Id, s.Number, s.CountyCode, s.StationCode, s.Version), s.SupervisionOrders, clocks);
}
