using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Sla;
using Dispatch.Stats;
using Npgsql;

namespace Dispatch.Tickets;

/// <summary>
/// Everything one write of a ticket records, prepared without I/O: the event envelopes, the next state, the
/// read-model upsert and the counter changes (from the stored row before and the row after), all for one
/// transaction. The grain and the measures tests both write tickets through this.
/// </summary>
public sealed record TicketWrite(
    IReadOnlyList<EventEnvelope<TicketEvent>> Envelopes,
    TicketState Next,
    TicketStatsRow Row,
    IReadOnlyList<CounterChange> Counters,
    IReadOnlyList<NpgsqlBatchCommand> Commands)
{
    /// <param name="stored">The ticket's read-model row as stored now; null for a new ticket.</param>
    /// <param name="now">The instant of the change: the events' time, and the instant the clocks are read at.</param>
    public static TicketWrite Prepare(
        Guid id, TicketState state, TicketStatsRow? stored, IReadOnlyList<TicketEvent> events, Actor actor, DateTimeOffset now, SlaSettings sla)
    {
        var envelopes = new List<EventEnvelope<TicketEvent>>(events.Count);
        var next = state;
        foreach (var e in events)
        {
            var envelope = new EventEnvelope<TicketEvent>(next.Version + 1, e, actor, now);
            next = next.Apply(id, envelope.Version, e, now);
            envelopes.Add(envelope);
        }
        var (row, commands) = TicketParts.Parts.Project(next, new ClockReader(sla, now));
        var write = CountedRowWrite<TicketStatsRow>.Between(stored, row, StatsContribution.Of, commands);
        return new TicketWrite(envelopes, next, write.Row, write.Counters, write.Commands);
    }
}
