using System.Collections.Immutable;
using Dispatch.EventSourcing;
using Dispatch.Items;
using Dispatch.People;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>A legal-aid case's state, rebuilt by folding its events in order. Immutable: Apply returns the next state.</summary>
public sealed record LegalAidState : IFoldedState<LegalAidState, LegalAidEvent>
{
    public static readonly LegalAidState Empty = new();

    public Guid Id { get; init; }
    public int Version { get; init; }
    public bool Exists => Version > 0;
    public string Number { get; init; } = "";
    public PersonView Applicant { get; init; } = null!;
    public string PersonId { get; init; } = "";
    public string CaseType { get; init; } = "";
    public string Summary { get; init; } = "";
    public string StationCode { get; init; } = "";

    /// <summary>承办人 inside the station; gone when the case moves to another station.</summary>
    public Items.ItemAssignee? Assignee { get; init; }

    /// <summary>Files added, oldest first (the bytes are in the attachment store).</summary>
    public ImmutableList<Items.ItemAttachment> Attachments { get; init; } = [];
    public bool CityLevel { get; init; }
    public TicketLink? Ticket { get; init; }
    public LegalAidClockRules Rules { get; init; } = null!;
    public string Fingerprint { get; init; } = "";
    public string Status { get; init; } = LegalAidStatus.Applied;
    public DateTimeOffset AppliedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public ImmutableList<DocumentRequest> DocumentRequests { get; init; } = [];
    public EligibilityRecord? Eligibility { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? RefusalReasons { get; init; }
    public Objection? Objection { get; init; }
    public Handler? Handler { get; init; }
    public string? OpposingParty { get; init; }
    public DateOnly? AgreementSignedOn { get; init; }
    public ImmutableList<ProgressEntry> Progress { get; init; } = [];
    public DateTimeOffset? ConcludedAt { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeSummary { get; init; }
    public DateTimeOffset? ArchivedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public ImmutableList<CaseTransfer> Transfers { get; init; } = [];
    public DateTimeOffset? TerminatedAt { get; init; }
    public string? TerminationReason { get; init; }
    public string? TerminationNote { get; init; }
    public ImmutableList<SupervisionOrder> SupervisionOrders { get; init; } = [];
    public ClockRecord? Decision { get; init; }
    public ClockRecord? Assignment { get; init; }
    public ClockRecord? Agreement { get; init; }
    public ClockRecord? ObjectionReview { get; init; }

    /// <summary>
    /// The applicant's time to object; not a deadline of the station, so the watcher does not track it. Only under a rule
    /// version that has one (local practice in v1); the Law sets no window, so a v2 case never has this clock.
    /// </summary>
    public ClockRecord? ObjectionWindow { get; init; }

    public string CountyCode => Applicant.CountyCode;

    /// <summary>Waiting for the applicant's documents; the decision clock stands still meanwhile.</summary>
    public bool DocumentsPending => Status == LegalAidStatus.UnderReview && DocumentRequests.Count > 0 && DocumentRequests[^1].ReceivedAt is null;

    /// <summary>The station's deadlines: what the watcher fires and the read model summarises.</summary>
    public IEnumerable<ClockRecord> Clocks => new[] { Decision, Assignment, Agreement, ObjectionReview }.OfType<ClockRecord>();

    public LegalAidState Apply(Guid id, int version, LegalAidEvent e, DateTimeOffset at)
    {
        var next = Fold(this with { Id = id, Version = version, UpdatedAt = at }, e, at);
        return next with { Assignee = Items.ItemWork.Kept(next.Assignee, StationCode, next.StationCode) };
    }

    private static LegalAidState Fold(LegalAidState s, LegalAidEvent e, DateTimeOffset at) => e switch
    {
        CaseOpened o => s with
        {
            Number = o.Number, Applicant = o.Applicant, PersonId = o.PersonId, CaseType = o.CaseType, Summary = o.Summary,
            StationCode = o.StationCode, CityLevel = o.CityLevel, Ticket = o.Ticket, Rules = o.Rules, Fingerprint = o.Fingerprint,
            OpposingParty = o.OpposingParty,
            Status = LegalAidStatus.Applied, AppliedAt = at,
            // Under the Law the decision is due 7 days from receipt of the application: the clock starts at registration.
            Decision = o.Rules.DecisionFromReceipt ? ClockRecord.Start(LegalAidClockNames.Decision, o.Rules.Decision, at) : null,
        },
        CaseAccepted => s with
        {
            Status = LegalAidStatus.UnderReview, AcceptedAt = at,
            Decision = s.Decision ?? ClockRecord.Start(LegalAidClockNames.Decision, s.Rules.Decision, at),
        },
        DocumentsRequested d => s with
        {
            DocumentRequests = s.DocumentRequests.Add(new DocumentRequest(d.Documents, d.Note, at, null, d.RespondBy)), Decision = s.Decision?.Pause(at),
        },
        DocumentsReceived => s with
        {
            DocumentRequests = s.DocumentRequests.SetItem(s.DocumentRequests.Count - 1, s.DocumentRequests[^1] with { ReceivedAt = at }),
            Decision = s.Decision?.Resume(at),
        },
        EligibilityRecorded r => s with
        {
            Eligibility = new EligibilityRecord(r.Scope, r.Means, r.MeansBasis, r.ExemptMatter, r.ExemptPerson, r.Competent, r.Note, at),
        },
        AidGranted => Granted(s with { Decision = s.Decision?.Resume(at).Stop(at), DecidedAt = at }, at),
        AidRefused r => s with
        {
            Status = LegalAidStatus.Refused, RefusalReasons = r.Reasons, DecidedAt = at, Decision = s.Decision?.Resume(at).Stop(at),
            ObjectionWindow = s.Rules.ObjectionWindow is { } window ? ClockRecord.Start(LegalAidClockNames.ObjectionWindow, window, at) : null,
        },
        ObjectionRecorded o => s with
        {
            Objection = new Objection(o.Grounds, at, null, null, null), ObjectionWindow = s.ObjectionWindow?.Stop(at),
            ObjectionReview = ClockRecord.Start(LegalAidClockNames.ObjectionReview, s.Rules.ObjectionReview, at),
        },
        ObjectionDecided d when d.Decision == ObjectionRulings.Grant => Granted(Decide(s, d, at), at),
        ObjectionDecided d => Decide(s, d, at),
        HandlerAssigned h => s with
        {
            Status = LegalAidStatus.Assigned, Handler = new Handler(h.Name, h.Kind, h.Organisation, h.Phone, at, h.MemberId, h.RotationPick, h.Reason),
            Assignment = s.Assignment?.Stop(at),
            // A new handler does not get a fresh agreement clock: it keeps running from the first assignment.
            Agreement = s.Agreement ?? ClockRecord.Start(LegalAidClockNames.Agreement, s.Rules.Agreement, at),
        },
        AgreementRecorded a => s with { Status = LegalAidStatus.InProgress, AgreementSignedOn = a.SignedOn, Agreement = s.Agreement?.Stop(at) },
        ProgressRecorded p => s with { Progress = s.Progress.Add(new ProgressEntry(p.Note, p.By, at)) },
        CaseConcluded c => s with { Status = LegalAidStatus.Concluded, ConcludedAt = at, Outcome = c.Outcome, OutcomeSummary = c.Summary },
        ApplicationWithdrawn => s with { Status = LegalAidStatus.Withdrawn, WithdrawnAt = at, Decision = s.Decision?.Resume(at).Stop(at) },
        // The competent station judges eligibility for itself: its checklist starts empty.
        CaseTransferred t => s with
        {
            StationCode = t.ToStation, Eligibility = null, Transfers = s.Transfers.Add(new CaseTransfer(t.FromStation, t.ToStation, t.Reason, at)),
        },
        AidTerminated t => s with
        {
            Status = LegalAidStatus.Terminated, TerminatedAt = at, TerminationReason = t.Reason, TerminationNote = t.Note,
            Assignment = s.Assignment?.Stop(at), Agreement = s.Agreement?.Stop(at),
        },
        CaseArchived => s with { Status = LegalAidStatus.Archived, ArchivedAt = at, ObjectionWindow = s.ObjectionWindow?.Stop(at) },
        CaseSupervisionOrdered o => s with { SupervisionOrders = s.SupervisionOrders.Add(SupervisionOrder.Issued(o.OrderId, o.Cause, o.Note, o.ReplyWithin, at)) },
        CaseSupervisionReplied r => s with { SupervisionOrders = Items.SupervisionOrders.Map(s.SupervisionOrders, r.OrderId, o => o.Replied(r.Reply, r.UserId, at)) },
        CaseSupervisionEscalated up => s with { SupervisionOrders = Items.SupervisionOrders.Map(s.SupervisionOrders, up.OrderId, o => o.Escalated(up.Level, up.ReplyWithin, at)) },
        CaseNoteAdded => s,
        CaseAssigneeSet a => s with { Assignee = new Items.ItemAssignee(a.UserId, a.Name) },
        CaseAssigneeCleared => s with { Assignee = null },
        CaseAttachmentAdded a => s with
        {
            Attachments = Items.ItemAttachmentRules.Added(s.Attachments, a.AttachmentId, a.FileName, a.ContentType, a.Size, a.Sha256, a.Note, a.UploadedBy, a.UploaderName, at),
        },
        CaseClockWarned w => s.MapClock(w.Clock, c => c with { Warned = true }),
        CaseClockOverdue o => s.MapClock(o.Clock, c => c with { OverdueRaised = true }),
        _ => throw new InvalidOperationException($"Unknown legal-aid event {e.GetType().Name}."),
    };

    private static LegalAidState Granted(LegalAidState s, DateTimeOffset at) => s with
    {
        Status = LegalAidStatus.Granted,
        Assignment = ClockRecord.Start(LegalAidClockNames.Assignment, s.Rules.Assignment, at),
    };

    private static LegalAidState Decide(LegalAidState s, ObjectionDecided d, DateTimeOffset at) => s with
    {
        Objection = s.Objection! with { Decision = d.Decision, Note = d.Note, DecidedAt = at },
        ObjectionReview = s.ObjectionReview?.Stop(at),
    };

    public LegalAidState MapClock(string name, Func<ClockRecord, ClockRecord> map) => name switch
    {
        LegalAidClockNames.Decision when Decision is not null => this with { Decision = map(Decision) },
        LegalAidClockNames.Assignment when Assignment is not null => this with { Assignment = map(Assignment) },
        LegalAidClockNames.Agreement when Agreement is not null => this with { Agreement = map(Agreement) },
        LegalAidClockNames.ObjectionReview when ObjectionReview is not null => this with { ObjectionReview = map(ObjectionReview) },
        _ => this,
    };
}

public static class ObjectionRulings
{
    public const string Grant = "grant";
    public const string UpholdRefusal = "uphold_refusal";
}

public sealed record EligibilityRecord(
    string? Scope, string? Means, string? MeansBasis, string? ExemptMatter, string? ExemptPerson, bool? Competent, string? Note, DateTimeOffset RecordedAt);

public sealed record DocumentRequest(string Documents, string? Note, DateTimeOffset RequestedAt, DateTimeOffset? ReceivedAt, DateOnly? RespondBy = null);

public sealed record CaseTransfer(string FromStation, string ToStation, string Reason, DateTimeOffset At);

public sealed record Objection(string Grounds, DateTimeOffset RecordedAt, string? Decision, string? Note, DateTimeOffset? DecidedAt);

public sealed record Handler(
    string Name, string Kind, string? Organisation, string? Phone, DateTimeOffset AssignedAt, Guid? MemberId = null, bool? RotationPick = null, string? Reason = null);

public sealed record ProgressEntry(string Note, string By, DateTimeOffset At);
