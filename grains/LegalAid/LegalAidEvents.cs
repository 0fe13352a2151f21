using System.Text.Json.Serialization;
using Dispatch.People;

namespace Dispatch.LegalAid;

/// <summary>Everything that can happen to a legal-aid case. Stored as JSON with a "type" discriminator; never changed once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CaseOpened), "opened")]
[JsonDerivedType(typeof(CaseAccepted), "accepted")]
[JsonDerivedType(typeof(DocumentsRequested), "documents_requested")]
[JsonDerivedType(typeof(DocumentsReceived), "documents_received")]
[JsonDerivedType(typeof(AidGranted), "granted")]
[JsonDerivedType(typeof(AidRefused), "refused")]
[JsonDerivedType(typeof(ObjectionRecorded), "objection_recorded")]
[JsonDerivedType(typeof(ObjectionDecided), "objection_decided")]
[JsonDerivedType(typeof(HandlerAssigned), "handler_assigned")]
[JsonDerivedType(typeof(AgreementRecorded), "agreement_recorded")]
[JsonDerivedType(typeof(ProgressRecorded), "progress_recorded")]
[JsonDerivedType(typeof(CaseConcluded), "concluded")]
[JsonDerivedType(typeof(CaseArchived), "archived")]
[JsonDerivedType(typeof(CaseSupervisionOrdered), "supervision_issued")]
[JsonDerivedType(typeof(CaseClockWarned), "clock_warned")]
[JsonDerivedType(typeof(CaseClockOverdue), "clock_overdue")]
public abstract record LegalAidEvent;

public sealed record CaseOpened(
    string Number, PersonView Applicant, string PersonId, string CaseType, string Summary, string StationCode, bool CityLevel,
    TicketLink? Ticket, LegalAidClockRules Rules, string Fingerprint) : LegalAidEvent;

/// <summary>受理: the decision clock starts.</summary>
public sealed record CaseAccepted(string? Note) : LegalAidEvent;

/// <summary>补充材料: the decision clock pauses.</summary>
public sealed record DocumentsRequested(string Documents, string? Note) : LegalAidEvent;

public sealed record DocumentsReceived(string? Note) : LegalAidEvent;

public sealed record AidGranted(string? Note) : LegalAidEvent;

public sealed record AidRefused(string Reasons) : LegalAidEvent;

public sealed record ObjectionRecorded(string Grounds) : LegalAidEvent;

/// <summary>Decision is "grant" (aid granted after all) or "uphold_refusal".</summary>
public sealed record ObjectionDecided(string Decision, string? Note) : LegalAidEvent;

public sealed record HandlerAssigned(string Name, string Kind, string? Organisation, string? Phone) : LegalAidEvent;

public sealed record AgreementRecorded(DateOnly SignedOn, string? Note) : LegalAidEvent;

public sealed record ProgressRecorded(string Note, string By) : LegalAidEvent;

public sealed record CaseConcluded(string Outcome, string Summary) : LegalAidEvent;

public sealed record CaseArchived(string? Note) : LegalAidEvent;

/// <summary>督办: by a supervisor, or automatically when a clock runs out.</summary>
public sealed record CaseSupervisionOrdered(Guid OrderId, string Cause, string? Note) : LegalAidEvent;

public sealed record CaseClockWarned(string Clock) : LegalAidEvent;

public sealed record CaseClockOverdue(string Clock) : LegalAidEvent;
