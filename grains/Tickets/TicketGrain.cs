using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dispatch.Errors;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Live;
using Dispatch.People;
using Dispatch.Sla;
using Dispatch.Stats;
using Microsoft.Extensions.Logging;
using Npgsql;
using Dispatch.Fields;
using Dispatch.Routing;

namespace Dispatch.Tickets;

/// <summary>
/// One ticket. Loads its events on activation, asks <see cref="TicketRules"/> what each command means,
/// records the resulting events, the read-model row and the measures' counters in one transaction, then announces
/// the change to the live feed and tells its deadline watcher.
/// </summary>
[GrainType("ticket")]
public sealed class TicketGrain(
    EventStore store,
    NpgsqlDataSource database,
    AreaDirectory areas,
    CallerHistory callers,
    UnitRouter router,
    SlaSettings sla,
    TimeProvider time,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain
{
    public const string StreamType = ItemTypes.Ticket;

    public static readonly StreamKind<TicketState, TicketEvent> Stream = new(StreamType, TicketState.Empty, EventJson.Options, TicketEventNames.Of);

    private ClockedItemStream<TicketState, TicketEvent> stream = null!;

    /// <summary>The read-model row as stored: the counters move by the difference between it and the next one.</summary>
    private TicketStatsRow? stored;

    /// <summary>The row and counter changes of the write in flight, known once its projection has been computed.</summary>
    private TicketRowWrite? projected;

    private TicketState State => stream.State;


    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var events = new ItemStream<TicketState, TicketEvent>(store, Stream, this.GetPrimaryKey());
        var projection = new ItemProjection<TicketState>(ProjectWithCounters, TicketProjection.NextClockChange);
        stream = new ClockedItemStream<TicketState, TicketEvent>(events, ItemTypes.Ticket, projection, GrainFactory);
        await LoadAsync(cancellationToken);
    }

    public async Task<Outcome<Registration>> Register(TicketIntake intake, Actor actor)
    {
        var fingerprint = Fingerprint(intake, actor);
        if (State.Exists)
        {
            return State.IntakeFingerprint == fingerprint
                ? Outcome<Registration>.Success(new Registration(View(actor), Created: false))
                : DomainError.Conflict("idempotency_key_reused", "该幂等键已用于另一张不同内容的工单。",
                    "This Idempotency-Key was already used for a ticket with different content.");
        }
        if (!TicketAccess.IsDispatcher(actor))
        {
            return DomainError.Forbidden("只有话务员可以登记工单。", "Only operators register tickets.");
        }
        var now = time.GetUtcNow();
        var validation = TicketIntakeRules.Validate(intake, await areas.ReferenceAsync(), sla.LocalDate(now));
        if (!validation.IsValid)
        {
            return validation.Error!;
        }
        var valid = validation.Intake;
        var details = TicketDetailsFrom(valid);
        var personId = PersonIds.Of(valid.KnownResidentId, valid.CallerPhone);
        var (repeats, number) = await callers.RepeatsAndNumberAsync(personId, valid.CallerPhone.Value, valid.Topic, now, sla.LocalDate(now));
        var rules = sla.Rules.ForTicket(valid.Kind, valid.Urgency);
        var error = await CommitAsync([new TicketRegistered(number, details, personId, rules, repeats, fingerprint)], actor);
        return error ?? Outcome<Registration>.Success(new Registration(View(actor), Created: true));
    }

    public Task<Outcome<TicketView>> Get(Actor actor) => Task.FromResult(
        State.Exists && TicketAccess.CanSee(actor, State)
            ? Outcome<TicketView>.Success(View(actor))
            : DomainError.NotFound("Ticket", "工单"));

    public Task<Outcome<TicketView>> AnswerOnSpot(ReplyToCaller command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.AnswerOnSpot(s, actor, command));

    public async Task<Outcome<TicketView>> Dispatch(DispatchTicket command, Actor actor, int? expectedVersion)
    {
        var automatic = string.IsNullOrWhiteSpace(command.UnitCode);
        var target = !State.Exists ? null : automatic ? await router.RouteAsync(new RoutingSubject(State.Details.CountyCode, State.Details.TownCode, State.Details.Kind, State.Details.Topic)) : await router.FindUnitAsync(command.UnitCode);
        return await ExecuteAsync(actor, expectedVersion, s => TicketRules.Dispatch(s, actor, command, target, automatic));
    }

    public Task<Outcome<TicketView>> Sign(Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.Sign(s, actor));

    public Task<Outcome<TicketView>> Return(ReturnTicket command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.Return(s, actor, command, Guid.NewGuid()));

    public async Task<Outcome<TicketView>> Transfer(TransferTicket command, Actor actor, int? expectedVersion)
    {
        var target = await router.FindUnitAsync(command.UnitCode);
        return await ExecuteAsync(actor, expectedVersion, s => TicketRules.Transfer(s, actor, command, target));
    }

    public Task<Outcome<TicketView>> Suspend(SuspendTicket command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.Suspend(s, actor, command));

    public Task<Outcome<TicketView>> Resume(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.Resume(s, actor, command));

    public Task<Outcome<TicketView>> RequestExtension(RequestExtension command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.RequestExtension(s, actor, command, Guid.NewGuid(), Clocks()));

    public Task<Outcome<TicketView>> DecideExtension(DecideExtension command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.DecideExtension(s, actor, command));

    public Task<Outcome<TicketView>> Resolve(ReplyToCaller command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.Resolve(s, actor, command));

    public Task<Outcome<TicketView>> RecordCallback(RecordCallback command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.RecordCallback(s, actor, command));

    public Task<Outcome<TicketView>> Reopen(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.Reopen(s, actor, command));

    public Task<Outcome<TicketView>> Close(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.Close(s, actor, command));

    public Task<Outcome<TicketView>> Supervise(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketRules.Supervise(s, actor, command, Guid.NewGuid()));

    public async Task<Outcome<TicketView>> Merge(MergeTicket command, Actor actor, int? expectedVersion)
    {
        TicketView? into = null;
        if (command.IntoTicketId is { } intoId && intoId != this.GetPrimaryKey())
        {
            var found = await GrainFactory.GetGrain<ITicketGrain>(intoId).Get(actor);
            into = found.Value;
        }
        else if (command.IntoTicketId is { } self)
        {
            into = new TicketView { Id = self, Number = State.Number, Status = State.Status };
        }
        var merged = await ExecuteAsync(actor, expectedVersion, s => TicketRules.Merge(s, actor, into));
        if (merged.Succeeded)
        {
            await GrainFactory.GetGrain<ITicketGrain>(into!.Id).AttachDuplicate(this.GetPrimaryKey(), State.Number);
        }
        return merged;
    }

    public async Task AttachDuplicate(Guid duplicateId, string duplicateNumber)
    {
        if (State.Exists && !State.Duplicates.Contains(duplicateNumber))
        {
            await CommitAsync([new DuplicateAttached(duplicateId, duplicateNumber)], Actor.Platform);
        }
    }

    public async Task AttachLink(LinkedItem link, Actor actor)
    {
        // A stale commit reloads the stream; try again on the fresh state rather than lose the link.
        for (var attempt = 0; attempt < 3 && State.Exists && !State.Links.Any(l => l.Id == link.Id); attempt++)
        {
            if (await CommitAsync([new ItemLinked(link.ItemType, link.Id, link.Number, link.Label)], actor) is null)
            {
                return;
            }
        }
    }

    public async Task EvaluateClocks()
    {
        var clocks = Clocks();
        var alarms = TicketRules.ClockEvents(State, clocks, Guid.NewGuid);
        if (alarms.Count > 0)
        {
            await CommitAsync(alarms, Actor.Platform);
        }
        else if (State.Exists)
        {
            await stream.WatchAsync(clocks);
        }
    }

    private async Task<Outcome<TicketView>> ExecuteAsync(Actor actor, int? expectedVersion, Func<TicketState, Change<TicketEvent>> decide)
    {
        if (expectedVersion is { } expected && State.Exists && TicketAccess.CanSee(actor, State) && expected != State.Version)
        {
            return DomainError.Stale(State.Version);
        }
        var decision = decide(State);
        if (decision.Error is { } refused)
        {
            return refused;
        }
        var error = await CommitAsync(decision.Events, actor);
        return error ?? Outcome<TicketView>.Success(View(actor));
    }

    /// <summary>
    /// Records events, the read model, the clock index and the measures' counters atomically; the in-memory state moves
    /// only after the commit, and only then is the change announced to the live feed.
    /// </summary>
    private async Task<DomainError?> CommitAsync(IReadOnlyList<TicketEvent> events, Actor actor)
    {
        var now = time.GetUtcNow();
        projected = null;
        var error = await stream.CommitAsync(events, actor, new ClockReader(sla, now), now);
        if (error is not null)
        {
            logger.LogWarning("Ticket {Id} was changed elsewhere; reloaded", stream.Id);
            stored = State.Exists ? await TicketStatsRow.LoadAsync(database, stream.Id, CancellationToken.None) : null;
            return error;
        }
        var before = stored;
        var write = projected!;
        stored = write.Row;
        LiveAnnouncement.Send(GrainFactory, TicketLiveChanges.From(before, write.Row, events, write.Counters, now), logger);
        return null;
    }

    private IEnumerable<NpgsqlBatchCommand> ProjectWithCounters(TicketState next, IClockReader clocks)
    {
        projected = TicketRowWrite.Between(stored, next, clocks);
        return projected.Commands;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await stream.LoadAsync(cancellationToken);
        stored = State.Exists ? await TicketStatsRow.LoadAsync(database, stream.Id, cancellationToken) : null;
    }

    private ClockReader Clocks() => new(sla, time.GetUtcNow());

    private TicketView View(Actor actor) => TicketViews.From(State, Clocks(), actor);

    private static TicketDetails TicketDetailsFrom(ValidIntake valid) => new(
        valid.Channel, valid.Kind, valid.Topic, valid.Urgency, valid.CallerName, valid.CallerPhone.Value,
        valid.KnownResidentId?.Value, valid.DisabilityCertificate?.Value, valid.CountyCode, valid.TownCode,
        valid.Address, valid.Title, valid.Content);

    private static string Fingerprint(TicketIntake intake, Actor actor) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(actor.UserId + "\n" + JsonSerializer.Serialize(intake, EventJson.Options))));
}
