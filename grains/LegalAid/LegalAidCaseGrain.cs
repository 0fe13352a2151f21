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

namespace Dispatch.LegalAid;

/// <summary>
/// One legal-aid case. Loads its events on activation, asks <see cref="LegalAidRules"/> what each command means, records
/// the events, the read-model row and its clock-index entry in one transaction, then tells the shared deadline watcher.
/// </summary>
[GrainType(ItemTypes.LegalAidCase)]
public sealed class LegalAidCaseGrain(
    ItemServices services,
    ItemOpener opener,
    PersonalDataAccessLog accessLog,
    UnitDirectory units,
    UnitMembers members,
    LegalAidRosterTable roster,
    ILogger<LegalAidCaseGrain> logger) : Grain, ILegalAidCaseGrain, IIncomingGrainCallFilter
{
    private ItemHost<LegalAidState, LegalAidEvent, LegalAidStatsRow> host = null!;

    private ItemAttachmentDesk<LegalAidState, LegalAidEvent, LegalAidStatsRow> files = null!;

    private LegalAidState State => host.State;

    private SlaSettings Sla => services.Sla;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        host = new(LegalAidParts.Parts with { Explain = ExplainAsync }, services, this.GetPrimaryKey(), GrainFactory, logger);
        files = new(host, LegalAidRules.Words, s => s.Attachments, WorkerAsking, _ => false,
            (upload, actor, name) => new CaseAttachmentAdded(upload.AttachmentId, upload.FileName, upload.ContentType, upload.Size, upload.Sha256,
                upload.Note, actor.UserId, name));
        return Task.CompletedTask;
    }

    /// <summary>Every call finds the item loaded (see ItemHost.InvokeAsync).</summary>
    public Task Invoke(IIncomingGrainCallContext context) => host.InvokeAsync(context);

    public Task<Outcome<CaseOpening>> Open(LegalAidApplication application, Actor actor) =>
        opener.OpenAsync(host, LegalAidOpening.AtStation, application, actor, created => Opening(created, actor));

    public Task<Outcome<CaseOpening>> OpenFromTicket(Guid ticketId, LegalAidApplication application, Actor actor) =>
        opener.OpenFromTicketAsync(host, LegalAidOpening.AtStation, ticketId, application, actor, created => Opening(created, actor), () => State.Ticket is { } link
            ? (link.TicketId, new LinkedItem(ItemTypes.LegalAidCase, host.Id, State.Number, State.CaseType, State.AppliedAt))
            : null);

    public Task<Outcome<LegalAidCaseView>> Get(Actor actor) => Task.FromResult(host.Get(actor, () => View(actor)));

    public Task<Outcome<RevealedValue>> Reveal(RevealRequest request, string? clientAddress, Actor actor) =>
        accessLog.RevealAsync(actor, request, clientAddress, ItemTypes.LegalAidCase, host.Id,
            host.Revealable(actor, RevealableFields.LegalAidCase, RevealableItem.PersonValues(RevealableFields.ApplicantPhone, () => State.Applicant)));

    public Task<Outcome<LegalAidCaseView>> Accept(CaseNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Accept(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> RequestDocuments(RequestDocuments command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.RequestDocuments(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> ReceiveDocuments(CaseNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.ReceiveDocuments(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> RecordEligibility(RecordEligibility command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.RecordEligibility(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> Grant(CaseNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Grant(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> Refuse(RefuseAid command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Refuse(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> RecordObjection(RecordObjection command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.RecordObjection(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> DecideObjection(DecideObjection command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.DecideObjection(s, actor, command, c));

    public async Task<Outcome<LegalAidCaseView>> Assign(AssignHandler command, Actor actor, int? expectedVersion)
    {
        var offer = command.MemberId is null ? new RotationOffer(null, []) : await OfferAsync();
        return await ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Assign(s, actor, command, c, offer));
    }

    public async Task<Outcome<RotationOffer>> Rotation(Actor actor)
    {
        if (LegalAidRules.MayOfferRotation(State, actor, host.Clocks()) is { } refused)
        {
            return refused;
        }
        var offer = await OfferAsync();
        return Outcome<RotationOffer>.Success(offer with
        {
            Members = [.. offer.Members.Select(e => e with
            {
                Member = e.Member.MaskedFor(actor),
                ConflictParty = e.ConflictParty is { } party ? PersonalDataMasks.Name(party, actor) : null,
            })],
        });
    }

    /// <summary>The rotation over the station's roster for this case as it stands, numbers in full (for the event).</summary>
    private async Task<RotationOffer> OfferAsync()
    {
        if (!State.Exists)
        {
            return new RotationOffer(null, []);
        }
        var candidates = await roster.CandidatesAsync(State.StationCode, host.Id, PartyNames.Key(State.Applicant.Name), PartyNames.KeyOrNull(State.OpposingParty));
        return RosterRotation.Offer(candidates, State.CaseType, State.Applicant.Name, State.OpposingParty, Sla.LocalDate(host.Now));
    }

    public Task<Outcome<LegalAidCaseView>> RecordAgreement(RecordAgreement command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.RecordAgreement(s, actor, command, c, Sla.LocalDate(host.Now)));

    public Task<Outcome<LegalAidCaseView>> RecordProgress(CaseNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.RecordProgress(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> Conclude(ConcludeCase command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Conclude(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> Archive(CaseNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Archive(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> Withdraw(CaseNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Withdraw(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> Transfer(TransferCase command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Transfer(s, actor, command, c, units.Find(command.StationCode?.Trim())));

    public Task<Outcome<LegalAidCaseView>> Terminate(TerminateAid command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Terminate(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> Supervise(CaseNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.Supervise(s, actor, command, c, Guid.NewGuid()));

    public Task<Outcome<LegalAidCaseView>> ReplyToOrder(ReplyToOrder command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, c) => LegalAidRules.ReplyToOrder(s, actor, command, c));

    public Task<Outcome<LegalAidCaseView>> AddNote(AddItemNote command, Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => ItemWork.Note<LegalAidEvent>(LegalAidRules.Words, WorkerAsking(actor, s), command, (kind, note) => new CaseNoteAdded(kind, note)));

    public async Task<Outcome<LegalAidCaseView>> SetAssignee(AssignItem command, Actor actor, int? expectedVersion)
    {
        var member = await members.FindAsync(command.UserId ?? actor.UserId);
        return await ExecuteAsync(actor, expectedVersion,
            (s, _) => ItemWork.Assign<LegalAidEvent>(LegalAidRules.Words, WorkerAsking(actor, s), command, member, a => new CaseAssigneeSet(a.UserId, a.Name)));
    }

    public Task<Outcome<LegalAidCaseView>> Unassign(Actor actor, int? expectedVersion) =>
        ExecuteAsync(actor, expectedVersion, (s, _) => ItemWork.Unassign<LegalAidEvent>(LegalAidRules.Words, WorkerAsking(actor, s), a => new CaseAssigneeCleared(a.UserId)));

    public Task<Outcome<ItemAttachment?>> MayAttach(Guid attachmentId, Actor actor) => Task.FromResult(files.MayAttach(attachmentId, actor));

    public async Task<Outcome<ItemAttachment>> RecordAttachment(AttachmentUpload upload, Actor actor)
    {
        var uploader = await members.FindAsync(actor.UserId);
        return await files.RecordAsync(upload, uploader?.Name ?? actor.UserId, actor);
    }

    public Task<Outcome<System.Collections.Immutable.ImmutableArray<ItemAttachment>>> Attachments(Actor actor) => Task.FromResult(files.List(actor));

    public Task<Outcome<ItemAttachment>> OpenAttachment(Guid attachmentId, string? clientAddress, Actor actor) =>
        accessLog.DownloadAsync(actor, files.Find(attachmentId, actor), clientAddress, ItemTypes.LegalAidCase, host.Id);

    private static ItemWorker WorkerAsking(Actor actor, LegalAidState s) =>
        ItemWorker.Of(actor, s.Exists && LegalAidAccess.CanSee(actor, s), s.StationCode, s.Exists ? s.CountyCode : null, s.Assignee);

    public Task EvaluateClocks() => host.EvaluateClocksAsync(Guid.NewGuid);

    public Task<System.Collections.Immutable.ImmutableArray<ClockShiftView>> PreviewClocks(CalendarProposal proposal) => host.PreviewClocksAsync(proposal);

    private CaseOpening Opening(bool created, Actor actor) => new(View(actor), created);

    private Task<Outcome<LegalAidCaseView>> ExecuteAsync(
        Actor actor, int? expectedVersion, Func<LegalAidState, IClockReader, Change<LegalAidEvent>> decide) =>
        host.ExecuteAsync(actor, expectedVersion, decide, () => View(actor));

    /// <summary>
    /// Another assignment took the member's last slot between our offer and our commit: the database refused the write
    /// (migration 0320) and nothing changed; say why.
    /// </summary>
    private async Task<DomainError?> ExplainAsync(PostgresException ex, IReadOnlyList<LegalAidEvent> events)
    {
        if (ex.SqlState != PostgresErrorCodes.CheckViolation || ex.ConstraintName != LegalAidRosterTable.MemberCapConstraint
            || events.OfType<HandlerAssigned>().LastOrDefault() is not { MemberId: { } memberId } assigned)
        {
            return null;
        }
        var member = (await roster.StationAsync(State.StationCode)).FirstOrDefault(m => m.Id == memberId);
        return LegalAidRules.MemberAtCap(assigned.Name, member?.MaxOpenCases ?? 0);
    }

    /// <summary>What every client gets: the applicant's numbers masked, the name masked for supervisors.</summary>
    private LegalAidCaseView View(Actor actor) => LegalAidViews.ForActor(State, host.Clocks(), actor);
}
