using Dispatch.Errors;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Live;
using Dispatch.People;
using Dispatch.PersonalData;
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
    TicketNumbers numbers,
    UnitRouter router,
    PersonalDataAccessLog accessLog,
    PersonIdKey personIds,
    Dispatch.Units.UnitMembers members,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain, IIncomingGrainCallFilter
{
    public const string StreamType = ItemTypes.Ticket;

    public static readonly StreamKind<TicketState, TicketEvent> Stream = new(StreamType, TicketState.Empty, EventJson.Options, TicketEventNames.Of);

    private ItemHost<TicketState, TicketEvent, TicketStatsRow> host = null!;

    private ItemAttachmentDesk<TicketState, TicketEvent, TicketStatsRow> files = null!;

    private TicketState State => host.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        host = new(TicketParts.Parts, services, this.GetPrimaryKey(), GrainFactory, logger);
        // The hotline's operators add the letters and photos callers send in to any ticket they see.
        files = new(host, TicketRules.Words, s => s.Attachments, WorkerAsking, a => a.Role == Roles.Operator,
            (upload, actor, name) => new TicketAttachmentAdded(upload.AttachmentId, upload.FileName, upload.ContentType, upload.Size, upload.Sha256,
                upload.Note, actor.UserId, name));
        return Task.CompletedTask;
    }

    /// <summary>Every call finds the item loaded (see ItemHost.InvokeAsync).</summary>
    public Task Invoke(IIncomingGrainCallContext context) => host.InvokeAsync(context);

    /// <summary>Registers the ticket; a new ticket's activation reads its (empty) stream together with the caller's facts.</summary>
    [LoadsWithOpening]
    public Task<Outcome<Registration>> Register(TicketIntake intake, Actor actor) =>
        OpenAsync(intake, actor, created => new Registration(View(actor), created), petition: true, (valid, personId, fingerprint, now, facts) =>
            TicketRules.Register(valid, personId, facts.Repeats, facts.Number!, services.Sla.RulesAt(now), fingerprint, facts.ConcludedBy, facts.Recent));

    public async Task<Outcome<TicketView>> OpenReview(TicketIntake intake, PetitionReviewOf reviewOf, Actor actor)
    {
        var body = await router.FindUnitAsync(reviewOf.UnitCode);
        return await OpenAsync(intake, actor, _ => View(actor), petition: false, (valid, personId, fingerprint, now, facts) =>
            TicketRules.OpenReview(valid, personId, facts.Number!, services.Sla.RulesAt(now), fingerprint, reviewOf, body));
    }

    /// <summary>
    /// Opens this ticket from an intake: a repeat of the same intake answers the existing ticket, then the role and the
    /// intake are checked, the caller's facts and the number read, and <paramref name="decide"/> turns them into the
    /// opening events. When the grain is not loaded yet (<see cref="LoadsWithOpeningAttribute"/>), the stream is read in the
    /// same round trip as the facts, and a stream found to exist makes this a repeat after all.
    /// </summary>
    /// <param name="petition">Whether a petition's concluded re-review is looked up (for a registration).</param>
    private async Task<Outcome<T>> OpenAsync<T>(TicketIntake intake, Actor actor, Func<bool, T> answer, bool petition,
        Func<ValidIntake, string, string, DateTimeOffset, CallerFacts, Change<TicketEvent>> decide)
    {
        var fingerprint = OpeningFingerprint.Of(actor, intake);
        if (host.Loaded && State.Exists)
        {
            return ItemOpening.Repeat(TicketRules.Words, State.IntakeFingerprint, fingerprint, () => answer(false));
        }
        if (TicketRules.MayRegister(actor, intake) is { } refused)
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
        // Opaque from the start: the events are recorded as they are, without a fold of a raw key at commit.
        var personId = personIds.Opaque(PersonIds.Of(valid.KnownResidentId, valid.CallerPhone, host.Id));
        var question = new CallerQuestion(personId, valid.CallerPhone?.Value, valid.Topic, now, services.Sla.LocalDate(now),
            petition && valid.Kind == TicketVocabulary.PetitionKind,
            services.Sla.Supervision.Rung(SupervisionCauses.RepeatCaller)?.WithinDays ?? CallerHistory.RepeatDays);
        var facts = host.Loaded
            ? await callers.ReadAsync(question)
            : await callers.WithDaySequenceAsync(question, () =>
                host.LoadWithAsync(callers.Reads(question, unlessStreamExists: host.StreamId), reader => CallerHistory.ReadFromAsync(reader, question)));
        if (State.Exists)
        {
            return ItemOpening.Repeat(TicketRules.Words, State.IntakeFingerprint, fingerprint, () => answer(false));
        }
        return await host.ApplyAsync(decide(valid, personId, fingerprint, now, facts), actor, () => answer(true));
    }

    /// <summary>
    /// 复查 / 复核 申请: checks the request here, opens the review as its own ticket at the body one level up (a fixed id
    /// per item and stage, so a retry finds the same review), then records the link here.
    /// </summary>
    public async Task<Outcome<TicketView>> RequestReview(RequestReview command, Actor actor, int? expectedVersion)
    {
        if (expectedVersion is { } expected && host.CanSee(actor) && expected != State.Version)
        {
            return DomainError.Stale(State.Version);
        }
        var plan = TicketRules.PlanReview(State, actor, command, host.Clocks());
        if (!plan.Succeeded)
        {
            return plan.Error!;
        }
        var stage = plan.Value!.Stage;
        var body = await router.ReviewBodyAsync(State.UnitCode!, stage);
        var reviewOf = new PetitionReviewOf(stage, State.Id, State.Number, body?.Code ?? "");
        var reviewId = PetitionReviewIds.Of(State.Id, stage);
        var opened = await GrainFactory.GetGrain<ITicketGrain>(reviewId).OpenReview(ReviewIntake(plan.Value), reviewOf, actor);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        return await ExecuteAsync(actor, null, (_, _) => TicketRules.ReviewOpened(plan.Value, reviewId, opened.Value!.Number));
    }

    public Task<Outcome<TicketView>> DecideAcceptance(DecideAcceptance command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => TicketRules.DecideAcceptance(s, actor, command, c));

    /// <summary>The review carries the petitioner and the matter over; its content is the petitioner's request.</summary>
    private TicketIntake ReviewIntake(ReviewPlan plan) => new()
    {
        Channel = plan.Channel, Kind = TicketVocabulary.PetitionKind, Topic = State.Details.Topic, Urgency = "normal",
        CallerName = State.Details.CallerName, CallerPhone = State.Details.CallerPhone, ResidentId = State.Details.ResidentId,
        DisabilityCertificate = State.Details.DisabilityCertificate, CountyCode = State.Details.CountyCode, TownCode = State.Details.TownCode,
        Address = State.Details.Address, ContactMethod = State.Details.ContactMethod, OtherContact = State.Details.OtherContact,
        GuardianName = State.Details.GuardianName, GuardianRelation = State.Details.GuardianRelation, GuardianPhone = State.Details.GuardianPhone,
        Title = string.Concat($"{TicketRules.StageZh(plan.Stage)}申请：{State.Details.Title}".EnumerateRunes().Take(IntakeLimits.MaxTitleLength)),
        Content = plan.Content,
    };

    public Task<Outcome<TicketView>> Get(Actor actor) => Task.FromResult(host.Get(actor, () => View(actor)));

    public Task<Outcome<TicketView>> GetForReferral(Actor actor) => Task.FromResult(host.Get(actor, () => TicketViews.From(State, host.Clocks())));

    public Task<Outcome<RevealedValue>> Reveal(RevealRequest request, string? clientAddress, Actor actor) =>
        accessLog.RevealAsync(actor, request, clientAddress, StreamType, host.Id, host.Revealable(actor, RevealableFields.Ticket, field => field switch
            {
                RevealableFields.CallerPhone => State.Details.CallerPhone,
                RevealableFields.GuardianPhone => State.Details.GuardianPhone,
                RevealableFields.OtherContact => State.Details.OtherContact,
                RevealableFields.ResidentId => State.Details.ResidentId,
                RevealableFields.DisabilityCertificate => State.Details.DisabilityCertificate,
                _ => null,
            }));

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
        ExecuteAsync(actor, expectedVersion, (s, c) => TicketRules.DecideExtension(s, actor, command, c));

    public Task<Outcome<TicketView>> Resolve(ReplyToCaller command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => TicketRules.Resolve(s, actor, command, c));

    public Task<Outcome<TicketView>> RecordCallback(RecordCallback command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => TicketRules.RecordCallback(s, actor, command, c));

    public Task<Outcome<TicketView>> Reopen(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Reopen(s, actor, command));

    public Task<Outcome<TicketView>> Close(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Close(s, actor, command));

    public Task<Outcome<TicketView>> Supervise(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => TicketRules.Supervise(s, actor, command, Guid.NewGuid(), c));

    public Task<Outcome<TicketView>> ReplyToOrder(ReplyToOrder command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.ReplyToOrder(s, actor, command));

    public Task<Outcome<TicketView>> Remind(TicketNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Remind(s, actor, command));

    public async Task<Outcome<TicketView>> Merge(MergeTicket command, Actor actor, int? expectedVersion)
    {
        TicketView? into = null;
        // A number is looked up only for an actor who may merge this ticket; the target's own Get then checks its scope.
        var byNumber = command.IntoTicketId is null && !string.IsNullOrWhiteSpace(command.IntoNumber);
        var intoId = command.IntoTicketId
            ?? (byNumber && TicketAccess.IsDispatcher(actor) && State.Exists ? await numbers.IdOfAsync(command.IntoNumber!) : null);
        if (intoId is { } other && other != this.GetPrimaryKey())
        {
            var found = await GrainFactory.GetGrain<ITicketGrain>(other).Get(actor);
            into = found.Value;
        }
        else if (intoId is { } self)
        {
            into = new TicketView { Id = self, Number = State.Number, Status = State.Status };
        }
        var merged = await ExecuteAsync(actor, expectedVersion, (s, _) => TicketRules.Merge(s, actor, into, byNumber ? "intoNumber" : "intoTicketId"));
        if (merged.Succeeded)
        {
            await GrainFactory.GetGrain<ITicketGrain>(into!.Id).AttachDuplicate(this.GetPrimaryKey(), State.Number);
        }
        return merged;
    }

    public Task<Outcome<TicketView>> AddNote(AddItemNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => ItemWork.Note<TicketEvent>(TicketRules.Words, WorkerAsking(actor, s), command, (kind, note) => new TicketNoteAdded(kind, note)));

    public async Task<Outcome<TicketView>> SetAssignee(AssignItem command, Actor actor, int? expectedVersion)
    {
        var member = await members.FindAsync(command.UserId ?? actor.UserId);
        return await ExecuteAsync(actor, expectedVersion,
            (s, _) => ItemWork.Assign<TicketEvent>(TicketRules.Words, WorkerAsking(actor, s), command, member, a => new TicketAssigned(a.UserId, a.Name)));
    }

    public Task<Outcome<TicketView>> Unassign(Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => ItemWork.Unassign<TicketEvent>(TicketRules.Words, WorkerAsking(actor, s), a => new TicketUnassigned(a.UserId)));

    public Task<Outcome<ItemAttachment?>> MayAttach(Guid attachmentId, Actor actor) => Task.FromResult(files.MayAttach(attachmentId, actor));

    public async Task<Outcome<ItemAttachment>> RecordAttachment(AttachmentUpload upload, Actor actor)
    {
        var uploader = await members.FindAsync(actor.UserId);
        return await files.RecordAsync(upload, uploader?.Name ?? actor.UserId, actor);
    }

    public Task<Outcome<System.Collections.Immutable.ImmutableArray<ItemAttachment>>> Attachments(Actor actor) => Task.FromResult(files.List(actor));

    public Task<Outcome<ItemAttachment>> OpenAttachment(Guid attachmentId, string? clientAddress, Actor actor) =>
        accessLog.DownloadAsync(actor, files.Find(attachmentId, actor), clientAddress, StreamType, host.Id);

    private static ItemWorker WorkerAsking(Actor actor, TicketState s) =>
        ItemWorker.Of(actor, s.Exists && TicketAccess.CanSee(actor, s), s.UnitCode, s.Details?.CountyCode, s.Assignee);

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

    public Task<System.Collections.Immutable.ImmutableArray<ClockShiftView>> PreviewClocks(CalendarProposal proposal) => host.PreviewClocksAsync(proposal);

    private Task<Outcome<TicketView>> ExecuteAsync(Actor actor, int? expectedVersion, Func<TicketState, IClockReader, Change<TicketEvent>> decide) =>
        host.ExecuteAsync(actor, expectedVersion, (s, c) => TicketRules.WithLadder(s, decide(s, c), c, Guid.NewGuid), () => View(actor));

    /// <summary>What every client gets: the caller's numbers masked (<see cref="TicketViews.ForActor"/>).</summary>
    private TicketView View(Actor actor) => TicketViews.ForActor(State, host.Clocks(), actor);
}
