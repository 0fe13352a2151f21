using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.Stats;
using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>How one kind of case or visit is written: its stream, its rules' clock alarms and its counted projection.</summary>
internal sealed record ItemWriting<TState, TEvent, TRow>(
    StreamKind<TState, TEvent> Kind,
    Func<TState, IClockReader, DateTimeOffset?> NextClockChange,
    Func<TState, IClockReader, IReadOnlyList<TEvent>> ClockEvents,
    Func<TRow?, TState, IClockReader, CountedRowWrite<TRow>> Project)
    where TState : IFoldedState<TState, TEvent>
    where TRow : class;

/// <summary>
/// One simulated legal-aid case or visit: its state, its stored row and its own clock. Each step is decided by the real
/// rules and written as its grain writes it (events, read model and counter changes in one transaction through
/// <see cref="EventStore"/>), with the deadline watcher's alarms fired when they fall due.
/// </summary>
internal sealed class SimulatedItem<TState, TEvent, TRow>(
    EventStore store, SlaSettings sla, ItemWriting<TState, TEvent, TRow> writing, Guid id, DateTimeOffset openedAt, TState empty)
    where TState : IFoldedState<TState, TEvent>
    where TRow : class
{
    public TState State { get; private set; } = empty;
    public TRow? Row { get; private set; }
    public DateTimeOffset Now { get; private set; } = openedAt;
    public ClockReader Clocks => new(sla, Now);

    public async Task AfterAsync(TimeSpan wait)
    {
        var until = Now + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        for (var guard = 0; guard < 20 && writing.NextClockChange(State, Clocks) is { } next && next <= until; guard++)
        {
            Now = next;
            var alarms = writing.ClockEvents(State, Clocks);
            if (alarms.Count > 0)
            {
                await WriteAsync(Actor.Platform, alarms);
            }
        }
        Now = until;
    }

    /// <summary>Asks the rules; a refused step is skipped. True when it was recorded.</summary>
    public async Task<bool> DecideAsync(Func<TState, IClockReader, Change<TEvent>> decide)
    {
        var change = decide(State, Clocks);
        if (change.Error is not null)
        {
            return false;
        }
        await WriteAsync(Admin, change.Events);
        return true;
    }

    public async Task WriteAsync(Actor actor, IReadOnlyList<TEvent> events)
    {
        var envelopes = new List<EventEnvelope<TEvent>>();
        var next = State;
        foreach (var e in events)
        {
            var envelope = new EventEnvelope<TEvent>(next.Version + 1, e, actor, Now);
            next = next.Apply(id, envelope.Version, e, Now);
            envelopes.Add(envelope);
        }
        var write = writing.Project(Row, next, Clocks);
        var appended = await store.AppendAsync(writing.Kind.StreamType, writing.Kind.StreamId(id), envelopes, writing.Kind.EventType,
            writing.Kind.Json, write.Commands);
        if (!appended)
        {
            throw new InvalidOperationException($"{writing.Kind.StreamType} {id} v{State.Version + 1} was already written.");
        }
        State = next;
        Row = write.Row;
    }

    public static readonly Actor Admin = new("sim-admin", Roles.Admin, null, null);
}
