using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.Stats;
using Npgsql;

namespace Dispatch.Bench.Seeding;

/// <summary>
/// One item written the way its grain writes it (<see cref="ItemHost{TState,TEvent,TRow}.CommitAsync"/>), but into memory:
/// each commit records its events (person ids made opaque), folds them, projects the read-model row, the clock index entry
/// and the counter changes with the same <see cref="ItemParts{TState,TEvent,TRow}"/>, under the clocks of the commit's
/// instant; between commits the deadline watcher's alarms are fired at the instants they fall due. What a bulk load then
/// stores is the item's events, the commands of its last commit and the sum of its counter changes: every statement a
/// grain's commit runs is an upsert keyed by the item or a delete of the item's own row, so the last commit's statements
/// leave the same rows as running every commit in turn.
/// </summary>
public sealed class ItemReplay<TState, TEvent, TRow>(ItemParts<TState, TEvent, TRow> parts, EventStore store, SlaSettings sla, Guid id)
    where TState : IFoldedState<TState, TEvent>
    where TRow : class
{
    private readonly List<EventEnvelope<TEvent>> events = [];
    private readonly List<CounterChange> counters = [];
    private readonly HashSet<string> statementsRun = new(StringComparer.Ordinal);
    private TRow? stored;

    public Guid Id => id;

    public TState State { get; private set; } = parts.Kind.Empty;

    public DateTimeOffset Now { get; private set; } = DateTimeOffset.MinValue;

    public ClockedItemRef Item { get; } = new(parts.Words.ItemType, id);

    /// <summary>Every event recorded so far, in version order.</summary>
    public IReadOnlyList<EventEnvelope<TEvent>> Events => events;

    /// <summary>The counter changes of every commit so far (not summed).</summary>
    public IReadOnlyList<CounterChange> Counters => counters;

    /// <summary>The statements of the last commit, without its counter-change row (<see cref="Counters"/> holds those).</summary>
    public IReadOnlyList<NpgsqlBatchCommand> LastCommands { get; private set; } = [];

    /// <summary>The statement texts any commit ran (without counter changes), to check that the last commit covers them all.</summary>
    public IReadOnlySet<string> StatementsRun => statementsRun;

    /// <summary>Moves to <paramref name="at"/>, firing the watcher's alarms that fall due on the way, then asks the rules.</summary>
    public void Decide(Actor actor, DateTimeOffset at, Func<TState, IClockReader, Change<TEvent>> decide)
    {
        AdvanceTo(at);
        var change = decide(State, Clocks(at));
        if (change.Error is { } refused)
        {
            throw new InvalidOperationException($"The rules refused a seeded step of {parts.Words.ItemType} {id}: {refused.Code}.");
        }
        Commit(change.Events, actor, at);
    }

    /// <summary>Records events decided outside the rules' command methods (an opening built from its parts).</summary>
    public void Record(Actor actor, DateTimeOffset at, IReadOnlyList<TEvent> opening)
    {
        AdvanceTo(at);
        Commit(opening, actor, at);
    }

    /// <summary>Fires, at their own instants, the alarms the deadline watcher would have fired up to <paramref name="until"/>.</summary>
    public void AdvanceTo(DateTimeOffset until)
    {
        while (State.Version > 0 && parts.NextClockChange(State, Clocks(Now)) is { } next && next <= until)
        {
            var alarms = parts.ClockEvents(State, Clocks(next), Guid.NewGuid);
            if (alarms.Count == 0)
            {
                break;
            }
            Commit(alarms, Actor.Platform, next);
        }
        if (until > Now)
        {
            Now = until;
        }
    }

    private void Commit(IReadOnlyList<TEvent> decided, Actor actor, DateTimeOffset at)
    {
        // The clocks are read under the county of the state before the commit, as the item host does.
        var clocks = Clocks(at);
        var next = State;
        foreach (var e in decided.Select(e => store.Recorded(e, parts.Kind.Json)))
        {
            var envelope = new EventEnvelope<TEvent>(next.Version + 1, e, actor, at);
            next = next.Apply(id, envelope.Version, e, at);
            events.Add(envelope);
        }
        var (row, projection) = parts.Project(next, clocks);
        var write = CountedRowWrite<TRow>.Between(stored, row, parts.Contribution,
            [.. projection, ClockWatchIndex.Command(Item, parts.NextClockChange(next, clocks))]);
        counters.AddRange(write.Counters);
        LastCommands = [.. write.Commands.Where(c => !BulkRows.IsCounterChange(c))];
        foreach (var command in LastCommands)
        {
            statementsRun.Add(command.CommandText);
        }
        stored = row;
        State = next;
        Now = at;
    }

    private ClockReader Clocks(DateTimeOffset at) => new(sla, at, State.Version > 0 ? parts.County?.Invoke(State) : null);
}
