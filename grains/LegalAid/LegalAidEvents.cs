using System.Text.Json.Serialization;
using Dispatch.People;
using Dispatch.Routing;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>Everything that can happen to a legal-aid case. Stored as JSON with a "type" discriminator; never changed once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CaseOpened), "opened")]
[JsonDerivedType(typeof(CaseAccepted), "accepted")]
[JsonDerivedType(typeof(DocumentsRequested), "documents_requested")]
[JsonDerivedType(typeof(DocumentsReceived), "documents_received")]
[JsonDerivedType(typeof(EligibilityRecorded), "eligibility_recorded")]
[JsonDerivedType(typeof(AidGranted), "granted")]
[JsonDerivedType(typeof(AidRefused), "refused")]
[JsonDerivedType(typeof(ObjectionRecorded), "objection_recorded")]
[JsonDerivedType(typeof(ObjectionDecided), "objection_decided")]
[JsonDerivedType(typeof(HandlerAssigned), "handler_assigned")]
[JsonDerivedType(typeof(AgreementRecorded), "agreement_recorded")]
[JsonDerivedType(typeof(ProgressRecorded), "progress_recorded")]
[JsonDerivedType(typeof(CaseConcluded), "concluded")]
[JsonDerivedType(typeof(CaseArchived), "archived")]
[JsonDerivedType(typeof(ApplicationWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(CaseTransferred), "transferred")]
[JsonDerivedType(typeof(AidTerminated), "terminated")]
[JsonDerivedType(typeof(CaseSupervisionOrdered), "supervision_issued")]
[JsonDerivedType(typeof(CaseSupervisionReplied), "supervision_replied")]
[JsonDerivedType(typeof(CaseSupervisionEscalated), "supervision_escalated")]
[JsonDerivedType(typeof(CaseClockWarned), "clock_warned")]
[JsonDerivedType(typeof(CaseClockOverdue), "clock_overdue")]
[JsonDerivedType(typeof(CaseNoteAdded), "note_added")]
[JsonDerivedType(typeof(CaseAssigneeSet), "assignee_set")]
[JsonDerivedType(typeof(CaseAssigneeCleared), "assignee_cleared")]
[JsonDerivedType(typeof(CaseAttachmentAdded), "attachment_added")]
public abstract record LegalAidEvent;

/// <param name="Routing">Why this station among several serving the applicant's county; null when it was named or the only one.</param>
public sealed record CaseOpened(
    string Number, PersonView Applicant, string PersonId, string CaseType, string Summary, string StationCode, bool CityLevel,
    TicketLink? Ticket, LegalAidClockRules Rules, string Fingerprint, RoutingChoice? Routing = null, string? OpposingParty = null) : LegalAidEvent;

/// <summary>受理: the decision clock starts.</summary>
public sealed record CaseAccepted(string? Note) : LegalAidEvent;

/// <summary>补充材料: the decision clock pauses. RespondBy is absent in requests recorded before the station set a day.</summary>
public sealed record DocumentsRequested(string Documents, string? Note, DateOnly? RespondBy = null) : LegalAidEvent;

public sealed record DocumentsReceived(string? Note) : LegalAidEvent;

/// <summary>资格审查: the whole checklist as now recorded; it replaces any earlier one.</summary>
public sealed record EligibilityRecorded(
    string? Scope, string? Means, string? MeansBasis, string? ExemptMatter, string? ExemptPerson, bool? Competent, string? Note) : LegalAidEvent;

public sealed record AidGranted(string? Note) : LegalAidEvent;

public sealed record AidRefused(string Reasons) : LegalAidEvent;

public sealed record ObjectionRecorded(string Grounds) : LegalAidEvent;

/// <summary>Decision is "grant" (aid granted after all) or "uphold_refusal".</summary>
public sealed record ObjectionDecided(string Decision, string? Note) : LegalAidEvent;

/// <summary>
/// 指派. MemberId names the roster entry (absent in handlers typed by hand before the roster); RotationPick says whether
/// it was the rotation's pick, Reason why another member was chosen.
/// </summary>
public sealed record HandlerAssigned(
    string Name, string Kind, string? Organisation, string? Phone, Guid? MemberId = null, bool? RotationPick = null, string? Reason = null) : LegalAidEvent;

public sealed record AgreementRecorded(DateOnly SignedOn, string? Note) : LegalAidEvent;

public sealed record ProgressRecorded(string Note, string By) : LegalAidEvent;

public sealed record CaseConcluded(string Outcome, string Summary) : LegalAidEvent;

public sealed record CaseArchived(string? Note) : LegalAidEvent;

/// <summary>视为撤回: the documents asked for by RespondBy did not come (法律援助法 Art. 43).</summary>
public sealed record ApplicationWithdrawn(DateOnly RespondBy, string? Note) : LegalAidEvent;

/// <summary>移送: the case moved from one legal-aid station to the competent one (Art. 38).</summary>
public sealed record CaseTransferred(string FromStation, string ToStation, string Reason) : LegalAidEvent;

/// <summary>终止法律援助 (Art. 48) with its reason code.</summary>
public sealed record AidTerminated(string Reason, string? Note) : LegalAidEvent;

/// <summary>
/// 督办: by a supervisor, or automatically when a clock runs out. ReplyWithin is the station's reply time at the unit
/// level (absent in orders issued before orders asked for replies: those are records only).
/// </summary>
public sealed record CaseSupervisionOrdered(Guid OrderId, string Cause, string? Note, SlaDuration? ReplyWithin = null) : LegalAidEvent;

/// <summary>督办回复: the station's written reply to an open order, which closes it.</summary>
public sealed record CaseSupervisionReplied(Guid OrderId, string Reply, string UserId) : LegalAidEvent;

/// <summary>An order unanswered at its due time goes one level up (county, then city) with that level's reply time.</summary>
public sealed record CaseSupervisionEscalated(Guid OrderId, string Cause, string Level, SlaDuration ReplyWithin) : LegalAidEvent;

public sealed record CaseClockWarned(string Clock) : LegalAidEvent;

public sealed record CaseClockOverdue(string Clock) : LegalAidEvent;

/// <summary>办理进展 or 内部意见 (Kind: ItemNoteKinds); status and clocks stay as they are.</summary>
public sealed record CaseNoteAdded(string Kind, string Note) : LegalAidEvent;

/// <summary>承办人: the member of the station who works the case (not the lawyer, who is the handler).</summary>
public sealed record CaseAssigneeSet(string UserId, string Name) : LegalAidEvent;

public sealed record CaseAssigneeCleared(string UserId) : LegalAidEvent;

/// <summary>A file added to the case (the bytes are in the attachment store, never in the event).</summary>
public sealed record CaseAttachmentAdded(
    Guid AttachmentId, string FileName, string ContentType, long Size, string Sha256, string? Note, string UploadedBy, string UploaderName) : LegalAidEvent;
