using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Live;
using Dispatch.PersonalData;
using Dispatch.Sla;
using Dispatch.Stats;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Items;

/// <summary>The services every item grain's host needs, injected once into each grain.</summary>
public sealed record ItemServices(EventStore Store, NpgsqlDataSource Database, SlaSettings Sla, TimeProvider Time, ItemMetrics Metrics, ClockGamingSettings Gaming);

/// <summary>
/// The life of every ticket, legal-aid case and visit grain: loads the events and the stored read-model row before the
/// first call of an activation (<see cref="InvokeAsync"/>, the grain's call filter; an opening marked
/// <see cref="LoadsWithOpeningAttribute"/> loads them in the same round trip as its own reads instead); for a command checks the expected version, asks the item's rules, and commits the events, the read-model
/// row, the counter changes and the clock-index entry in one transaction; then announces the change to the live feed and
/// tells the shard's deadline watcher. The in-memory state moves only after the commit; a stale writer reloads and fails.
/// </summary>
public sealed class ItemHost<TState, TEvent, TRow>(
    ItemParts<TState, TEvent, TRow> parts, ItemServices services, Guid id, IGrainFactory grains, ILogger logger)
    where TState : IFoldedState<TState, TEvent>
    where TRow : class
{
    private readonly ItemStream<TState, TEvent> stream = new(services.Store, parts.Kind, id);

    /// <summary>The read-model row as stored: the counters move by the difference between it and the next one.</summary>
    private TRow? stored;

    /// <summary>The calendar version the stored row and clock index were computed with; -1: not written by this activation.</summary>
    private long writtenUnderCalendar = -1;

    /// <summary>False until the stream is loaded, and again after a commit whose outcome is unknown.</summary>
    private bool loaded;

    /// <summary>True when the state is the stored one; an opening that loads with its own reads checks this first.</summary>
    public bool Loaded => loaded;

    public TState State => loaded ? stream.State : throw new InvalidOperationException(
        $"{parts.Words.ItemType} {id} was read before it was loaded: the grain must route its calls through ItemHost.InvokeAsync.");

    public Guid Id => id;

    /// <summary>The item's event stream, e.g. for a read that must know whether it exists.</summary>
    public string StreamId => stream.StreamId;

    public ClockedItemRef Item { get; } = new(parts.Words.ItemType, id);

    public DateTimeOffset Now => services.Time.GetUtcNow();

    public SlaSettings Sla => services.Sla;

    public ClockReader Clocks() => Clocks(Now);

    private ClockReader Clocks(DateTimeOffset now) => new(services.Sla, now, County);

    /// <summary>The county whose closures the item's clocks observe; none before the item exists.</summary>
    private string? County => State.Version > 0 ? parts.County?.Invoke(State) : null;

    /// <summary>The opening sent again with the same Idempotency-Key: see <see cref="ItemOpening.Repeat"/>.</summary>
    public Outcome<TOpening> Repeat<TOpening>(string fingerprint, Func<TOpening> existing) =>
        ItemOpening.Repeat(parts.Words, parts.Fingerprint(State), fingerprint, existing);

    public bool CanSee(Actor actor) => State.Version > 0 && parts.CanSee(actor, State);

    /// <summary>The item as the actor sees it; outside the actor's scope it does not exist.</summary>
    public Outcome<TView> Get<TView>(Actor actor, Func<TView> view) =>
        CanSee(actor) ? Outcome<TView>.Success(view()) : ActionGate.NotFound(parts.Words);

    /// <summary>What the item offers a reveal by this actor: the scope check of a read, and the value of each field.</summary>
    public RevealableItem Revealable(Actor actor, System.Collections.Immutable.ImmutableArray<string> fields, Func<string, string?> valueOf) =>
        new(CanSee(actor), ActionGate.NotFound(parts.Words), fields, valueOf);

    /// <summary>
    /// The grain's incoming-call filter (the grain implements IIncomingGrainCallFilter with this): the stream is loaded
    /// before the call, unless the called method loads it itself together with its own reads.
    /// </summary>
    public async Task InvokeAsync(IIncomingGrainCallContext call)
    {
        if (!loaded && !call.ImplementationMethod.IsDefined(typeof(LoadsWithOpeningAttribute), inherit: true))
        {
            await LoadAsync(CancellationToken.None);
        }
        await call.Invoke();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await stream.LoadAsync(cancellationToken);
        await LoadRowAsync(cancellationToken);
    }

    /// <summary>
    /// Loads the stream in the same round trip as an opening's own <paramref name="reads"/> (so a new item costs no read of
    /// its own), then lets <paramref name="readRest"/> read their results from the reader.
    /// </summary>
    public async Task<T> LoadWithAsync<T>(IEnumerable<NpgsqlBatchCommand> reads, Func<NpgsqlDataReader, Task<T>> readRest)
    {
        T rest;
        await using (var batch = services.Database.CreateBatch())
        {
            batch.BatchCommands.Add(stream.LoadCommand());
            foreach (var read in reads)
            {
                batch.BatchCommands.Add(read);
            }
            await using var reader = await batch.ExecuteReaderAsync();
            await stream.LoadFromAsync(reader, CancellationToken.None);
            await reader.NextResultAsync();
            rest = await readRest(reader);
        }
        await LoadRowAsync(CancellationToken.None);
        return rest;
    }

    private async Task LoadRowAsync(CancellationToken cancellationToken)
    {
        stored = stream.State.Version > 0 ? await parts.LoadRow(services.Database, id, cancellationToken) : null;
        writtenUnderCalendar = -1;
        loaded = true;
    }

    /// <summary>One command: a stale If-Match fails first (only for a user who sees the item), then the rules decide.</summary>
    public async Task<Outcome<TView>> ExecuteAsync<TView>(
        Actor actor, int? expectedVersion, Func<TState, IClockReader, Change<TEvent>> decide, Func<TView> view)
    {
        if (expectedVersion is { } expected && CanSee(actor) && expected != State.Version)
        {
            return DomainError.Stale(State.Version);
        }
        return await ApplyAsync(decide(State, Clocks()), actor, view);
    }

    /// <summary>Commits what the rules decided (an opening, a command), or returns their refusal; no events: nothing to commit.</summary>
    public async Task<Outcome<TView>> ApplyAsync<TView>(Change<TEvent> change, Actor actor, Func<TView> view)
    {
        if (change.Error is { } refused)
        {
            return refused;
        }
        if (change.Events.Count == 0)
        {
            return Outcome<TView>.Success(view());
        }
        var commit = await CommitAsync(change.Events, actor);
        return commit.Error is { } error ? error : Outcome<TView>.Success(view());
    }

    /// <summary>
    /// Records the events with everything they change, atomically, and returns that write; a stale writer gets the
    /// stale-version error with the state reloaded.
    /// </summary>
    public async Task<ItemCommit<TRow>> CommitAsync(IReadOnlyList<TEvent> events, Actor actor)
    {
        var now = Now;
        var clocks = Clocks(now);
        CountedRowWrite<TRow>? write;
        var gaming = parts.Gaming?.Find(State, events, clocks, services.Gaming);
        var before = State;
        try
        {
            write = await stream.TryCommitAsync(events, actor, now, next => Prepare(next, clocks, gaming, parts.Outgoing?.Invoke(before, events, next, clocks)), w => w.Commands);
        }
        catch (PostgresException ex)
        {
            // The server refused one of this write's own statements (the group commit hands a writer a server error only
            // once it is alone in its transaction): that transaction rolled back and the state is as it was.
            var explained = parts.Explain is null ? null : await parts.Explain(ex, events);
            if (explained is null)
            {
                throw;
            }
            return new ItemCommit<TRow>(null, explained);
        }
        catch (Exception ex)
        {
            // The connection went, the commit timed out: whether it committed is unknown. The next call loads the stored
            // state first (InvokeAsync), so no stale activation answers, and a repeated opening finds what was stored.
            loaded = false;
            logger.LogWarning("{ItemType} {Id}: commit outcome unknown ({Error}); the item reloads before its next call",
                parts.Words.ItemType, id, ex.GetType().Name);
            throw;
        }
        if (write is null)
        {
            logger.LogWarning("{ItemType} {Id} was changed elsewhere; reloaded", parts.Words.ItemType, id);
            stored = State.Version > 0 ? await parts.LoadRow(services.Database, id, CancellationToken.None) : null;
            return new ItemCommit<TRow>(null, DomainError.Stale(State.Version));
        }
        var rowBefore = stored;
        stored = write.Row;
        writtenUnderCalendar = clocks.CalendarVersion;
        services.Metrics.Committed(write.Counters);
        var change = parts.Announce(rowBefore, write.Row, events, write.Counters, now);
        LiveAnnouncement.Send(grains, gaming is null ? change : gaming.AddAlerts(change, parts.Words, () => parts.Gaming!.Item(write.Row)), logger);
        await WatchAsync(clocks);
        return new ItemCommit<TRow>(write, null);
    }

    /// <summary>
    /// The watcher's call, and the recount's after a calendar change: the alarms go through the commit, so the counters
    /// and the live feed see them; a row and clock index computed under an older calendar are written again without
    /// events, so due times, lists and the watcher follow the new calendar.
    /// </summary>
    public async Task EvaluateClocksAsync(Func<Guid> newId)
    {
        var clocks = Clocks();
        var alarms = parts.ClockEvents(State, clocks, newId);
        if (alarms.Count > 0)
        {
            await CommitAsync(alarms, Actor.Platform);
        }
        else if (State.Version > 0 && writtenUnderCalendar != clocks.CalendarVersion)
        {
            await CommitAsync([], Actor.Platform);
        }
        else if (State.Version > 0)
        {
            await WatchAsync(clocks);
        }
    }

    /// <summary>How the item's running clocks would move if the proposed calendar change were made now; changes nothing.</summary>
    public Task<ImmutableArray<ClockShiftView>> PreviewClocksAsync(CalendarProposal proposal)
    {
        if (State.Version == 0 || parts.Clocks is null)
        {
            return Task.FromResult(ImmutableArray<ClockShiftView>.Empty);
        }
        var now = Now;
        var current = Clocks(now);
        var proposed = new ClockReader(services.Sla, now, County, CalendarProposals.Apply(services.Sla.Calendars, proposal));
        return Task.FromResult<ImmutableArray<ClockShiftView>>([.. parts.Clocks(State).Where(c => c.Running)
            .Select(c => ClockShifts.Between(Item, c.Name, current.Evaluate(c), proposed.Evaluate(c)))]);
    }

    private CountedRowWrite<TRow> Prepare(TState next, ClockReader clocks, ClockGamingFindings? gaming, Notifications.OutgoingMessages? outgoing)
    {
        var (row, commands) = parts.Project(next, clocks);
        return CountedRowWrite<TRow>.Between(stored, row, parts.Contribution,
            [.. commands, ClockWatchIndex.Command(Item, parts.NextClockChange(next, clocks)), .. gaming?.Commands() ?? [],
                .. Notifications.OutboxRows.Commands(parts.Words.ItemType, id, next.Version, outgoing, clocks.Now)]);
    }

    private Task WatchAsync(IClockReader clocks) => DeadlineWatch.TrackAsync(grains, Item, parts.NextClockChange(State, clocks));
}

/// <summary>
/// Marks an opening method of an item grain that loads the stream itself with <see cref="ItemHost{TState,TEvent,TRow}.LoadWithAsync"/>
/// when <see cref="ItemHost{TState,TEvent,TRow}.Loaded"/> is false, instead of before the call.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LoadsWithOpeningAttribute : Attribute;

/// <summary>What a commit recorded (the read-model row and counter changes), or why it did not.</summary>
public sealed record ItemCommit<TRow>(CountedRowWrite<TRow>? Write, DomainError? Error) where TRow : class;
