using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dispatch.Errors;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Live;
using Dispatch.Sla;
using Dispatch.Stats;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Tickets;

/// <summary>
/// One ticket. Loads its events on activation, asks <see cref="TicketLifecycle"/> what each command means,
/// records the resulting events, the read-model row and the measures' counters in one transaction, then announces
/// the change to the live feed and tells its deadline watcher.
/// </summary>
[GrainType("ticket")]
public sealed class TicketGrain(
    EventStore store,
    NpgsqlDataSource database,
    TicketDirectory directory,
    SlaSettings sla,
    TimeProvider time,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain
{
    public const string StreamType = "ticket";

    private TicketState state = TicketState.Empty;
    private TicketStatsRow? stored;

    private string StreamId => "ticket-" + this.GetPrimaryKey().ToString("N");

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<Outcome<Registration>> Register(TicketIntake intake, Actor actor)
    {
        var fingerprint = Fingerprint(intake, actor);
        if (state.Exists)
        {
            return state.IntakeFingerprint == fingerprint
                ? Outcome<Registration>.Success(new Registration(View(actor), Created: false))
                : DomainError.Conflict("idempotency_key_reused", "该幂等键已用于另一张不同内容的工单。",
                    "This Idempotency-Key was already used for a ticket with different content.");
        }
        if (!TicketAccess.IsDispatcher(actor))
        {
            return DomainError.Forbidden("只有话务员可以登记工单。", "Only operators register tickets.");
        }
        var now = time.GetUtcNow();
        var validation = TicketIntakeRules.Validate(intake, await directory.ReferenceAsync(), sla.LocalDate(now));
        if (!validation.IsValid)
        {
            return validation.Error!;
        }
        var valid = validation.Intake;
        var details = TicketDetailsFrom(valid);
        var personId = valid.KnownResidentId is { } id ? "id:" + id.Value : "phone:" + valid.CallerPhone.Value;
        var (repeats, number) = await directory.RepeatsAndNumberAsync(personId, valid.CallerPhone.Value, valid.Topic, now, sla.LocalDate(now));
        var rules = sla.Rules.ForTicket(valid.Kind, valid.Urgency);
        var error = await CommitAsync([new TicketRegistered(number, details, personId, rules, repeats, fingerprint)], actor);
        return error ?? Outcome<Registration>.Success(new Registration(View(actor), Created: true));
    }

    public Task<Outcome<TicketView>> Get(Actor actor) => Task.FromResult(
        state.Exists && TicketAccess.CanSee(actor, state)
            ? Outcome<TicketView>.Success(View(actor))
            : DomainError.NotFound("Ticket", "工单"));

    public Task<Outcome<TicketView>> AnswerOnSpot(ReplyToCaller command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.AnswerOnSpot(s, actor, command));

    public async Task<Outcome<TicketView>> Dispatch(DispatchTicket command, Actor actor, int? expectedVersion)
    {
        var automatic = string.IsNullOrWhiteSpace(command.UnitCode);
        var target = !state.Exists ? null : automatic ? await directory.RouteAsync(state.Details) : await directory.FindUnitAsync(command.UnitCode);
        return await ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Dispatch(s, actor, command, target, automatic));
    }

    public Task<Outcome<TicketView>> Sign(Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Sign(s, actor));

    public Task<Outcome<TicketView>> Return(ReturnTicket command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Return(s, actor, command, Guid.NewGuid()));

    public async Task<Outcome<TicketView>> Transfer(TransferTicket command, Actor actor, int? expectedVersion)
    {
        var target = await directory.FindUnitAsync(command.UnitCode);
        return await ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Transfer(s, actor, command, target));
    }

    public Task<Outcome<TicketView>> Suspend(SuspendTicket command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Suspend(s, actor, command));

    public Task<Outcome<TicketView>> Resume(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Resume(s, actor, command));

    public Task<Outcome<TicketView>> RequestExtension(RequestExtension command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.RequestExtension(s, actor, command, Guid.NewGuid(), Clocks()));

    public Task<Outcome<TicketView>> DecideExtension(DecideExtension command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.DecideExtension(s, actor, command));

    public Task<Outcome<TicketView>> Resolve(ReplyToCaller command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Resolve(s, actor, command));

    public Task<Outcome<TicketView>> RecordCallback(RecordCallback command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.RecordCallback(s, actor, command));

    public Task<Outcome<TicketView>> Reopen(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Reopen(s, actor, command));

    public Task<Outcome<TicketView>> Close(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Close(s, actor, command));

    public Task<Outcome<TicketView>> Supervise(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Supervise(s, actor, command, Guid.NewGuid()));

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
            into = new TicketView { Id = self, Number = state.Number, Status = state.Status };
        }
        var merged = await ExecuteAsync(actor, expectedVersion, s => TicketLifecycle.Merge(s, actor, into));
        if (merged.Succeeded)
        {
            await GrainFactory.GetGrain<ITicketGrain>(into!.Id).AttachDuplicate(this.GetPrimaryKey(), state.Number);
        }
        return merged;
    }

    public async Task AttachDuplicate(Guid duplicateId, string duplicateNumber)
    {
        if (state.Exists && !state.Duplicates.Contains(duplicateNumber))
        {
            await CommitAsync([new DuplicateAttached(duplicateId, duplicateNumber)], Actor.Platform);
        }
    }

    public async Task EvaluateClocks()
    {
        var events = TicketLifecycle.ClockEvents(state, Clocks(), Guid.NewGuid);
        if (events.Count > 0)
        {
            await CommitAsync(events, Actor.Platform);
        }
        else if (state.Exists)
        {
            await WatchAsync();
        }
    }

    private async Task<Outcome<TicketView>> ExecuteAsync(Actor actor, int? expectedVersion, Func<TicketState, Decision> decide)
    {
        if (expectedVersion is { } expected && state.Exists && TicketAccess.CanSee(actor, state) && expected != state.Version)
        {
            return DomainError.Stale(state.Version);
        }
        var decision = decide(state);
        if (decision.Error is { } refused)
        {
            return refused;
        }
        var error = await CommitAsync(decision.Events, actor);
        return error ?? Outcome<TicketView>.Success(View(actor));
    }

    /// <summary>
    /// Records events, the read model and the measures' counters atomically; the in-memory state moves only after the
    /// commit, and only then is the change announced to the live feed.
    /// </summary>
    private async Task<DomainError?> CommitAsync(IReadOnlyList<TicketEvent> events, Actor actor)
    {
        var id = this.GetPrimaryKey();
        var now = time.GetUtcNow();
        var write = TicketWrite.Prepare(id, state, stored, events, actor, now, sla);
        var appended = await store.AppendAsync(StreamType, StreamId, write.Envelopes, TicketEventNames.Of, TicketJson.Options, write.Commands);
        if (!appended)
        {
            logger.LogWarning("Ticket {Ticket} was changed elsewhere; reloading", id);
            await ReloadAsync(CancellationToken.None);
            return DomainError.Stale(state.Version);
        }
        var before = stored;
        state = write.Next;
        stored = write.Row;
        Announce(TicketLiveChanges.From(before, write.Row, events, write.Counters, now));
        await WatchAsync();
        return null;
    }

    /// <summary>One-way to this silo's feed: a lost announcement costs a browser a refresh, never the write.</summary>
    private void Announce(LiveChange? change)
    {
        if (change is null)
        {
            return;
        }
        try
        {
            _ = GrainFactory.GetGrain<ILiveFeedGrain>(0).Publish(change);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Announcing a change of ticket {Ticket} failed", change.Item.Id);
        }
    }

    private async Task WatchAsync()
    {
        var nextChange = TicketProjection.NextClockChange(state, Clocks());
        var watcher = GrainFactory.GetGrain<IDeadlineWatchGrain>(DeadlineWatch.ShardOf(this.GetPrimaryKey()));
        await watcher.Track(this.GetPrimaryKey(), nextChange);
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        var loaded = TicketState.Empty;
        foreach (var envelope in await store.ReadAsync<TicketEvent>(StreamId, TicketJson.Options, cancellationToken))
        {
            loaded = loaded.Apply(id, envelope.Version, envelope.Event, envelope.OccurredAt);
        }
        state = loaded;
        // The counters move by the difference between the stored row and the next one, so start from what is stored.
        stored = loaded.Exists ? await TicketStatsRow.LoadAsync(database, id, cancellationToken) : null;
    }

    private TicketClockReader Clocks() => new(sla, time.GetUtcNow());

    private TicketView View(Actor actor) => TicketViews.From(state, Clocks(), actor);

    private static TicketDetails TicketDetailsFrom(ValidIntake valid) => new(
        valid.Channel, valid.Kind, valid.Topic, valid.Urgency, valid.CallerName, valid.CallerPhone.Value,
        valid.KnownResidentId?.Value, valid.DisabilityCertificate?.Value, valid.CountyCode, valid.TownCode,
        valid.Address, valid.Title, valid.Content);

    private static string Fingerprint(TicketIntake intake, Actor actor) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(actor.UserId + "\n" + JsonSerializer.Serialize(intake, TicketJson.Options))));
}
