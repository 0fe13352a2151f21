using Dispatch.Errors;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Live;
using Dispatch.Numbers;
using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Sla;
using Dispatch.Stats;
using Dispatch.Tickets;
using Dispatch.Units;
using Microsoft.Extensions.Logging;
using Npgsql;
using Dispatch.Fields;
using Dispatch.Openings;

namespace Dispatch.Rehab;

/// <summary>
/// One home-rehabilitation visit. Loads its events on activation, asks <see cref="RehabRules"/> what each command means,
/// records the events, the read-model row, the worker booking and its clock-index entry in one transaction, then tells
/// the shared deadline watcher. A booking that overlaps another visit of the same worker fails that transaction.
/// </summary>
[GrainType(ItemTypes.RehabVisit)]
public sealed class RehabVisitGrain(
    ItemServices services,
    ItemOpener opener,
    RehabDirectory bookings,
    RehabRosterStore roster,
    DailyNumbers numbers,
    PersonalDataAccessLog accessLog,
    UnitMembers members,
    ILogger<RehabVisitGrain> logger) : Grain, IRehabVisitGrain, IIncomingGrainCallFilter
{
    private const string ExclusionViolation = "23P01";

    private ItemHost<RehabState, RehabEvent, RehabStatsRow> host = null!;

    private ItemAttachmentDesk<RehabState, RehabEvent, RehabStatsRow> files = null!;

    private RehabState State => host.State;

    private DateTimeOffset Now => host.Now;

    private SlaSettings Sla => services.Sla;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        host = new(RehabParts.Parts with { Explain = ExplainAsync }, services, this.GetPrimaryKey(), GrainFactory, logger);
        files = new(host, RehabRules.Words, s => s.Attachments, WorkerAsking, _ => false,
            (upload, actor, name) => new VisitAttachmentAdded(upload.AttachmentId, upload.FileName, upload.ContentType, upload.Size, upload.Sha256,
                upload.Note, actor.UserId, name));
        return Task.CompletedTask;
    }

    /// <summary>Every call finds the item loaded (see ItemHost.InvokeAsync).</summary>
    public Task Invoke(IIncomingGrainCallContext context) => host.InvokeAsync(context);

    public Task<Outcome<VisitOpening>> Request(VisitRequest request, Actor actor) =>
        opener.OpenAsync(host, RehabOpening.AtProvider, request, actor, created => Opening(created, actor));

    public Task<Outcome<VisitOpening>> RequestFromTicket(Guid ticketId, VisitRequest request, Actor actor) =>
        opener.OpenFromTicketAsync(host, RehabOpening.AtProvider, ticketId, request, actor, created => Opening(created, actor), () => State.Ticket is { } link
            ? (link.TicketId, new LinkedItem(ItemTypes.RehabVisit, host.Id, State.Number, State.ServiceType, State.RequestedAt))
            : null);

    public async Task<Outcome<VisitOpening>> CreateForPlan(PlanSlot slot, Actor actor)
    {
        if (State.Exists)
        {
            return Outcome<VisitOpening>.Success(Opening(false, actor));
        }
        var number = await numbers.NextAsync(DailyNumberSeries.RehabVisits, Sla.LocalDate(Now));
        return await host.ApplyAsync(RehabOpening.ForPlan(slot, number, RehabClockRules.From(Sla.RulesAt(slot.RequestedAt))), actor, () => Opening(true, actor));
    }

    public Task<Outcome<RehabVisitView>> Get(Actor actor) => Task.FromResult(host.Get(actor, () => View(actor)));

    public Task<Outcome<RevealedValue>> Reveal(RevealRequest request, string? clientAddress, Actor actor) =>
        accessLog.RevealAsync(actor, request, clientAddress, ItemTypes.RehabVisit, host.Id,
            host.Revealable(actor, RevealableFields.Rehab, RevealableItem.PersonValues(RevealableFields.PersonPhone, () => State.Person)));

    public Task<Outcome<RehabVisitView>> Accept(VisitNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.Accept(s, actor, command, Now));

    public Task<Outcome<RehabVisitView>> Schedule(ScheduleVisit command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.Schedule(s, actor, command, Now));

    public async Task<Outcome<RehabVisitView>> Assign(AssignWorker command, Actor actor, int? expectedVersion)
    {
        var conflict = State.Exists ? await bookings.ConflictAsync(State.ProviderCode, command.WorkerId, State.Window, host.Id) : null;
        var (worker, unavailable) = await RosterCheckAsync(command.WorkerId, State.Window);
        // On a provider's roster the worker's name is the roster's.
        var named = worker is null ? command : command with { WorkerName = worker.Name };
        return await ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.Assign(s, actor, named, conflict, unavailable));
    }

    public async Task<Outcome<RehabVisitView>> Reschedule(ScheduleVisit command, Actor actor, int? expectedVersion)
    {
        BookingConflict? conflict = null;
        DomainError? unavailable = null;
        if (State.Exists && RehabRules.KeepsWorker(State))
        {
            var window = RehabRules.WindowOf(command.WindowStart, command.WindowMinutes, State.Rules, Now, []);
            conflict = await bookings.ConflictAsync(State.ProviderCode, State.Worker!.Id, window, host.Id);
            unavailable = (await RosterCheckAsync(State.Worker.Id, window)).Refusal;
        }
        return await ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.Reschedule(s, actor, command, Now, conflict, unavailable));
    }

    public async Task<Outcome<PlanMove>> MoveForPlan(PlanMoveRequest request, Actor actor)
    {
        var window = new VisitWindow(request.WindowStart, request.WindowEnd);
        if (State.Exists && State.PlanId == request.PlanId && State.Window == window)
        {
            var same = host.Get(actor, () => View(actor));
            return same.Succeeded ? Outcome<PlanMove>.Success(new PlanMove(same.Value!, false)) : same.Error!;
        }
        var free = true;
        if (State.Exists && RehabRules.KeepsWorker(State))
        {
            var conflict = await bookings.ConflictAsync(State.ProviderCode, State.Worker!.Id, window, host.Id);
            free = conflict is null && (await RosterCheckAsync(State.Worker.Id, window)).Refusal is null;
        }
        var hadWorker = State.Worker is not null;
        var moved = await ExecuteAsync(actor, null, (s, _) => RehabRules.MoveForPlan(s, actor, request, free, Now));
        return moved.Succeeded ? Outcome<PlanMove>.Success(new PlanMove(moved.Value!, hadWorker && moved.Value!.WorkerId is null)) : moved.Error!;
    }

    /// <summary>
    /// What the provider's roster says about the worker taking the window: the roster entry and, when the worker cannot take
    /// it, why. A provider that keeps no roster yet books workers by id alone (nothing to check).
    /// </summary>
    private async Task<(RosterWorker? Worker, DomainError? Refusal)> RosterCheckAsync(string? workerId, VisitWindow? window)
    {
        if (!State.Exists || window is null || RosterRules.WorkerIdError(workerId) is not null || !await roster.HasRosterAsync(State.ProviderCode))
        {
            return (null, null);
        }
        var worker = await roster.FindAsync(State.ProviderCode, workerId!.Trim());
        return (worker, RosterRules.Refusal(worker, workerId.Trim(), window.Start, window.End, State.ServiceType, State.Person.TownCode, Sla.Calendar.TimeZone));
    }

    public Task<Outcome<RehabVisitView>> CheckIn(VisitNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.CheckIn(s, actor, command, Now));

    public Task<Outcome<RehabVisitView>> Complete(VisitRecord command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.Complete(s, actor, command));

    public Task<Outcome<RehabVisitView>> Record(VisitRecord command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.Record(s, actor, command));

    public Task<Outcome<RehabVisitView>> Miss(VisitReason command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.Miss(s, actor, command, Now));

    public Task<Outcome<RehabVisitView>> Cancel(VisitReason command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.Cancel(s, actor, command));

    public Task<Outcome<RehabVisitView>> Supervise(VisitNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => RehabRules.Supervise(s, actor, command, Guid.NewGuid(), c));

    public Task<Outcome<RehabVisitView>> ReplyToOrder(ReplyToOrder command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => RehabRules.ReplyToOrder(s, actor, command));

    public Task<Outcome<RehabVisitView>> AddNote(AddItemNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => ItemWork.Note<RehabEvent>(RehabRules.Words, WorkerAsking(actor, s), command, (kind, note) => new VisitNoteAdded(kind, note)));

    public async Task<Outcome<RehabVisitView>> SetAssignee(AssignItem command, Actor actor, int? expectedVersion)
    {
        var member = await members.FindAsync(command.UserId ?? actor.UserId);
        return await ExecuteAsync(actor, expectedVersion,
            (s, _) => ItemWork.Assign<RehabEvent>(RehabRules.Words, WorkerAsking(actor, s), command, member, a => new VisitAssigneeSet(a.UserId, a.Name)));
    }

    public Task<Outcome<RehabVisitView>> Unassign(Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => ItemWork.Unassign<RehabEvent>(RehabRules.Words, WorkerAsking(actor, s), a => new VisitAssigneeCleared(a.UserId)));

    public Task<Outcome<ItemAttachment?>> MayAttach(Guid attachmentId, Actor actor) => Task.FromResult(files.MayAttach(attachmentId, actor));

    public async Task<Outcome<ItemAttachment>> RecordAttachment(AttachmentUpload upload, Actor actor)
    {
        var uploader = await members.FindAsync(actor.UserId);
        return await files.RecordAsync(upload, uploader?.Name ?? actor.UserId, actor);
    }

    public Task<Outcome<System.Collections.Immutable.ImmutableArray<ItemAttachment>>> Attachments(Actor actor) => Task.FromResult(files.List(actor));

    public Task<Outcome<ItemAttachment>> OpenAttachment(Guid attachmentId, string? clientAddress, Actor actor) =>
        accessLog.DownloadAsync(actor, files.Find(attachmentId, actor), clientAddress, ItemTypes.RehabVisit, host.Id);

    private static ItemWorker WorkerAsking(Actor actor, RehabState s) =>
        ItemWorker.Of(actor, s.Exists && RehabAccess.CanSee(actor, s), s.ProviderCode, s.Exists ? s.CountyCode : null, s.Assignee);

    public Task EvaluateClocks() => host.EvaluateClocksAsync(Guid.NewGuid);

    public Task<System.Collections.Immutable.ImmutableArray<ClockShiftView>> PreviewClocks(CalendarProposal proposal) => host.PreviewClocksAsync(proposal);

    private VisitOpening Opening(bool created, Actor actor) => new(View(actor), created);

    private Task<Outcome<RehabVisitView>> ExecuteAsync(Actor actor, int? expectedVersion, Func<RehabState, IClockReader, Change<RehabEvent>> decide) =>
        host.ExecuteAsync(actor, expectedVersion, decide, () => View(actor));

    /// <summary>A booking that overlaps another visit of the worker fails the transaction: say which visit holds it.</summary>
    private async Task<DomainError?> ExplainAsync(PostgresException ex, IReadOnlyList<RehabEvent> events) =>
        ex.SqlState == ExclusionViolation && ex.ConstraintName == RehabProjection.NoOverlapConstraint ? await LostBookingRaceAsync(events) : null;

    /// <summary>Another visit booked the worker between our check and our commit: the database said no, say why.</summary>
    private async Task<DomainError> LostBookingRaceAsync(IReadOnlyList<RehabEvent> events)
    {
        var wanted = events.Aggregate(State, (s, e) => s.Apply(host.Id, s.Version + 1, e, Now));
        var conflict = await bookings.ConflictAsync(wanted.ProviderCode, wanted.Worker?.Id, wanted.Window, host.Id)
            ?? new BookingConflict(Guid.Empty, "?", wanted.Worker?.Id ?? "", wanted.Worker?.Name ?? "", bookings.LocalWindow(wanted.Window!.Start, wanted.Window.End));
        return RehabRules.DoubleBooked(State, conflict);
    }

    /// <summary>What every client gets: the person's numbers masked, the name masked for supervisors.</summary>
    private RehabVisitView View(Actor actor) => RehabViews.ForActor(State, host.Clocks(), actor);
}
