using Dispatch.Items;
using Dispatch.People;
using Dispatch.Stats;

namespace Dispatch.Tickets;

/// <summary>What a ticket supplies to its item host: storage, scope, projection, clocks and live changes.</summary>
public static class TicketParts
{
    public static readonly ItemParts<TicketState, TicketEvent, TicketStatsRow> Parts = new(
        TicketGrain.Stream, TicketRules.Words, TicketAccess.CanSee,
        (s, clocks) => TicketProjection.Project(s, clocks) is var (command, row) ? (row, [command, .. Orders(s, clocks)]) : default,
        StatsContribution.Of, TicketProjection.NextClockChange, TicketStatsRow.LoadAsync, TicketRules.ClockEvents, TicketLiveChanges.From, s => s.IntakeFingerprint,
        County: s => s.Details.CountyCode, Clocks: s => s.Clocks, Gaming: new(TicketClockGaming.Find, TicketLiveChanges.Item),
        Outgoing: TicketOutgoing.From);

    private static IEnumerable<Npgsql.NpgsqlBatchCommand> Orders(TicketState s, Dispatch.Sla.IClockReader clocks) =>
        SupervisionOrderRows.Commands(new(ItemTypes.Ticket, s.Id, s.Number, s.Details.CountyCode, s.UnitCode, s.Version), s.SupervisionOrders, clocks);
}
