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
        var write = TicketRowWrite.Between(stored, next, new ClockReader(sla, now));
        return new TicketWrite(envelopes, next, write.Row, write.Counters, write.Commands);
    }
}

/// <summary>
/// The read-model upsert of a ticket's next state and the counter changes from its stored row to the new one: the
/// commands a ticket write adds to its event transaction.
/// </summary>
public sealed record TicketRowWrite(TicketStatsRow Row, IReadOnlyList<CounterChange> Counters, IReadOnlyList<NpgsqlBatchCommand> Commands)
{
    /// <param name="stored">The ticket's read-model row as stored now; null for a new ticket.</param>
    public static TicketRowWrite Between(TicketStatsRow? stored, TicketState next, IClockReader clocks)
    {
        var (projection, row) = TicketProjection.Project(next, clocks);
        var counters = CounterDelta.Between(stored is null ? null : StatsContribution.Of(stored), StatsContribution.Of(row));
        NpgsqlBatchCommand[] commands = counters.Count == 0 ? [projection] : [projection, StatsCounterCommand.For(counters)];
        return new TicketRowWrite(row, counters, commands);
    }
}
