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
    ItemServices services,
    AreaDirectory areas,
    CallerHistory callers,
    UnitRouter router,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain
{
    public const string StreamType = ItemTypes.Ticket;

    public static readonly StreamKind<TicketState, TicketEvent> Stream = new(StreamType, TicketState.Empty, EventJson.Options, TicketEventNames.Of);

    private ItemHost<TicketState, TicketEvent, TicketStatsRow> host = null!;

    private TicketState State => host.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        host = new(TicketParts.Parts, services, this.GetPrimaryKey(), GrainFactory, logger);
        return host.LoadAsync(cancellationToken);
    }

    public async Task<Outcome<Registration>> Register(TicketIntake intake, Actor actor)
    {
        var fingerprint = OpeningFingerprint.Of(actor, intake);
        if (State.Exists)
        {
            return ItemOpening.Repeat(TicketRules.Words, State.IntakeFingerprint, fingerprint, () => new Registration(View(actor), Created: false));
        }
        if (TicketRules.MayRegister(actor) is { } refused)
        {
            return refused;
        }
        var now = host.Now;
        var validation = TicketIntakeRules.Validate(intake, await areas.ReferenceAsync(), services.Sla.LocalDate(now));
        if (!validation.IsValid)
        {
            return validation.Error!;
        }
        var valid = validation.Intake;
        var personId = PersonIds.Of(valid.KnownResidentId, valid.CallerPhone);
        var (repeats, number) = await callers.RepeatsAndNumberAsync(personId, valid.CallerPhone.Value, valid.Topic, now, services.Sla.LocalDate(now));
        return await host.ApplyAsync(TicketRules.Register(valid, personId, repeats, number, services.Sla.RulesAt(now), fingerprint), actor,
            () => new Registration(View(actor), Created: true));
    }

    public Task<Outcome<TicketView>> Get(Actor actor) => Task.FromResult(host.Get(actor, () => View(actor)));

    public Task<Outcome<TicketView>> AnswerOnSpot(ReplyToCaller command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.AnswerOnSpot(s, actor, command));

    public async Task<Outcome<TicketView>> Dispatch(DispatchTicket command, Actor actor, int? expectedVersion)
    {
        var automatic = string.IsNullOrWhiteSpace(command.UnitCode);
        var target = !State.Exists ? null : automatic ? await router.RouteAsync(new RoutingSubject(State.Details.CountyCode, State.Details.TownCode, State.Details.Kind, State.Details.Topic)) : await router.FindUnitAsync(command.UnitCode);
        return await ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Dispatch(s, actor, command, target, automatic));
    }

    public Task<Outcome<TicketView>> Sign(Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Sign(s, actor));

    public Task<Outcome<TicketView>> Return(ReturnTicket command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Return(s, actor, command, Guid.NewGuid()));

    public async Task<Outcome<TicketView>> Transfer(TransferTicket command, Actor actor, int? expectedVersion)
    {
        var target = await router.FindUnitAsync(command.UnitCode);
        return await ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Transfer(s, actor, command, target));
    }

    public Task<Outcome<TicketView>> Suspend(SuspendTicket command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Suspend(s, actor, command));

    public Task<Outcome<TicketView>> Resume(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Resume(s, actor, command));

    public Task<Outcome<TicketView>> RequestExtension(RequestExtension command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => TicketRules.RequestExtension(s, actor, command, Guid.NewGuid(), c));

    public Task<Outcome<TicketView>> DecideExtension(DecideExtension command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.DecideExtension(s, actor, command));

    public Task<Outcome<TicketView>> Resolve(ReplyToCaller command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Resolve(s, actor, command));

    public Task<Outcome<TicketView>> RecordCallback(RecordCallback command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.RecordCallback(s, actor, command));

    public Task<Outcome<TicketView>> Reopen(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Reopen(s, actor, command));

    public Task<Outcome<TicketView>> Close(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Close(s, actor, command));

    public Task<Outcome<TicketView>> Supervise(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Supervise(s, actor, command, Guid.NewGuid()));

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
        var merged = await ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Merge(s, actor, into));
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
            await host.CommitAsync([new DuplicateAttached(duplicateId, duplicateNumber)], Actor.Platform);
        }
    }

    public async Task AttachLink(LinkedItem link, Actor actor)
    {
        // A stale commit reloads the stream; try again on the fresh state rather than lose the link.
        for (var attempt = 0; attempt < 3 && State.Exists && !State.Links.Any(l => l.Id == link.Id); attempt++)
        {
            if ((await host.CommitAsync([new ItemLinked(link.ItemType, link.Id, link.Number, link.Label)], actor)).Error is null)
            {
                return;
            }
        }
    }

    public Task EvaluateClocks() => host.EvaluateClocksAsync(Guid.NewGuid);

    private Task<Outcome<TicketView>> ExecuteAsync(Actor actor, int? expectedVersion, Func<TicketState, IClockReader, Change<TicketEvent>> decide) =>
        host.ExecuteAsync(actor, expectedVersion, decide, () => View(actor));

    private TicketView View(Actor actor) => TicketViews.From(State, host.Clocks(), actor);
}
