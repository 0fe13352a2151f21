using System.Text.Json;
using Dispatch.Identity;
using Npgsql;

namespace Dispatch.EventSourcing;

/// <summary>A state rebuilt by folding its events in order: each event leads to the next version.</summary>
public interface IFoldedState<TSelf, in TEvent> where TSelf : IFoldedState<TSelf, TEvent>
{
    int Version { get; }

    TSelf Apply(Guid id, int version, TEvent e, DateTimeOffset at);
}

/// <summary>How one kind of item is stored: its stream type, empty state, JSON options and event names.</summary>
public sealed record StreamKind<TState, TEvent>(string StreamType, TState Empty, JsonSerializerOptions Json, Func<TEvent, string> EventType)
    where TState : IFoldedState<TState, TEvent>
{
    public string StreamId(Guid id) => StreamType + "-" + id.ToString("N");
}

/// <summary>
/// The event stream of one ticket, legal-aid case or visit, held by its grain: loads and folds the events, and commits
/// new ones together with the item's read-model commands in one transaction. The state moves only after the commit;
/// when another writer got there first the stream reloads and the commit reports false.
/// </summary>
public sealed class ItemStream<TState, TEvent>(EventStore store, StreamKind<TState, TEvent> kind, Guid id)
    where TState : IFoldedState<TState, TEvent>
{
    public TState State { get; private set; } = kind.Empty;

    public Guid Id { get; } = id;

    public string StreamId { get; } = kind.StreamId(id);

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        Fold(await store.ReadAsync<TEvent>(StreamId, kind.Json, cancellationToken));

    /// <summary>The query of the stream's events, for a caller that sends it with reads of its own (see <see cref="LoadFromAsync"/>).</summary>
    public NpgsqlBatchCommand LoadCommand() => EventStore.ReadCommand(StreamId);

    /// <summary>Loads the stream from the reader's current result, the answer to <see cref="LoadCommand"/>.</summary>
    public async Task LoadFromAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        Fold(await store.ReadEventsAsync<TEvent>(reader, StreamId, kind.Json, cancellationToken));

    private void Fold(IReadOnlyList<EventEnvelope<TEvent>> events)
    {
        var loaded = kind.Empty;
        foreach (var envelope in events)
        {
            loaded = loaded.Apply(Id, envelope.Version, envelope.Event, envelope.OccurredAt);
        }
        State = loaded;
    }

    /// <summary>Appends events that change no read model; false when another writer got there first.</summary>
    public async Task<bool> TryCommitAsync(IReadOnlyList<TEvent> events, Actor actor, DateTimeOffset now) =>
        await TryCommitAsync(events, actor, now, _ => events, _ => []) is not null;

    /// <summary>
    /// Folds the events at <paramref name="now"/>, prepares the write of the resulting state and appends the events with
    /// the write's commands. Returns the write, or null when another writer got there first (the stream is reloaded).
    /// </summary>
    public async Task<TWrite?> TryCommitAsync<TWrite>(
        IReadOnlyList<TEvent> events, Actor actor, DateTimeOffset now, Func<TState, TWrite> prepare, Func<TWrite, IEnumerable<NpgsqlBatchCommand>> commands)
        where TWrite : class
    {
        var envelopes = new List<EventEnvelope<TEvent>>(events.Count);
        var next = State;
        foreach (var e in events.Select(e => store.Recorded(e, kind.Json)))
        {
            var envelope = new EventEnvelope<TEvent>(next.Version + 1, e, actor, now);
            next = next.Apply(Id, envelope.Version, e, now);
            envelopes.Add(envelope);
        }
        var write = prepare(next);
        var appended = await store.AppendAsync(kind.StreamType, StreamId, envelopes, kind.EventType, kind.Json, commands(write));
        if (!appended)
        {
            await LoadAsync(CancellationToken.None);
            return null;
        }
        State = next;
        return write;
    }
}
