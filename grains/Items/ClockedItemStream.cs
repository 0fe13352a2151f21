using Dispatch.Errors;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Sla;
using Npgsql;

namespace Dispatch.Items;

/// <summary>How one kind of clocked item projects itself: its read-model commands and the next instant its clocks change.</summary>
public sealed record ItemProjection<TState>(
    Func<TState, IClockReader, IEnumerable<NpgsqlBatchCommand>> Commands,
    Func<TState, IClockReader, DateTimeOffset?> NextClockChange);

/// <summary>
/// The commit path every ticket, legal-aid case and visit shares: events, read model and the clock_watch entry in one
/// transaction (so the deadline index never disagrees with the item), then the shard's watcher is told the next change.
/// </summary>
public sealed class ClockedItemStream<TState, TEvent>(
    ItemStream<TState, TEvent> stream, string itemType, ItemProjection<TState> projection, IGrainFactory grains)
    where TState : IFoldedState<TState, TEvent>
{
    public TState State => stream.State;

    public Guid Id => stream.Id;

    public ClockedItemRef Item { get; } = new(itemType, stream.Id);

    public Task LoadAsync(CancellationToken cancellationToken) => stream.LoadAsync(cancellationToken);

    /// <summary>Null when recorded; a stale-version error when another writer got there first (the state is reloaded).</summary>
    public async Task<DomainError?> CommitAsync(IReadOnlyList<TEvent> events, Actor actor, IClockReader clocks, DateTimeOffset now)
    {
        var committed = await stream.TryCommitAsync(events, actor, now,
            next => [.. projection.Commands(next, clocks), ClockWatchIndex.Command(Item, projection.NextClockChange(next, clocks))]);
        if (!committed)
        {
            return DomainError.Stale(State.Version);
        }
        await WatchAsync(clocks);
        return null;
    }

    public Task WatchAsync(IClockReader clocks) => DeadlineWatch.TrackAsync(grains, Item, projection.NextClockChange(State, clocks));
}
