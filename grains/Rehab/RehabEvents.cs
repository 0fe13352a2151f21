using System.Text.Json.Serialization;
using Dispatch.People;
using Dispatch.Routing;
using Dispatch.Sla;

namespace Dispatch.Rehab;

/// <summary>Everything that can happen to a visit. Stored as JSON with a "type" discriminator; never changed once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(VisitRequested), "requested")]
[JsonDerivedType(typeof(VisitAccepted), "accepted")]
[JsonDerivedType(typeof(VisitScheduled), "scheduled")]
[JsonDerivedType(typeof(VisitRescheduled), "rescheduled")]
[JsonDerivedType(typeof(WorkerAssigned), "worker_assigned")]
[JsonDerivedType(typeof(VisitCheckedIn), "checked_in")]
[JsonDerivedType(typeof(VisitCompleted), "completed")]
[JsonDerivedType(typeof(VisitRecordFiled), "record_filed")]
[JsonDerivedType(typeof(VisitMissed), "missed")]
[JsonDerivedType(typeof(VisitCancelled), "cancelled")]
[JsonDerivedType(typeof(VisitSupervisionOrdered), "supervision_issued")]
[JsonDerivedType(typeof(VisitSupervisionReplied), "supervision_replied")]
[JsonDerivedType(typeof(VisitSupervisionEscalated), "supervision_escalated")]
[JsonDerivedType(typeof(VisitClockWarned), "clock_warned")]
[JsonDerivedType(typeof(VisitClockOverdue), "clock_overdue")]
[JsonDerivedType(typeof(VisitNoteAdded), "note_added")]
[JsonDerivedType(typeof(VisitAssigneeSet), "assignee_set")]
[JsonDerivedType(typeof(VisitAssigneeCleared), "assignee_cleared")]
[JsonDerivedType(typeof(VisitAttachmentAdded), "attachment_added")]
public abstract record RehabEvent;

/// <param name="FirstVisit">The first visit of a request or plan: it carries the first-visit clock, which runs from acceptance.</param>
/// <param name="AwaitsAcceptance">
/// True for every request since the acceptance step (受理) exists: the visit waits for <see cref="VisitAccepted"/>. False
/// in requests stored before it: such a visit counts as accepted when requested and keeps the clock it started then.
/// </param>
/// <param name="AskedWindow">The window a hotline request asked for; scheduled when the provider accepts it.</param>
/// <param name="Routing">Why this provider among several serving the person's county; null when it was named or the only one.</param>
public sealed record VisitRequested(
    string Number, PersonView Person, string PersonId, string ServiceType, string ProviderCode, TicketLink? Ticket,
    Guid? PlanId, int? PlanSequence, bool FirstVisit, DateTimeOffset RequestedAt, string? Note, RehabClockRules Rules,
    string Fingerprint, bool AwaitsAcceptance = false, VisitWindow? AskedWindow = null, RoutingChoice? Routing = null) : RehabEvent;

/// <summary>受理 by the provider (at once when its own staff or a plan made the request): the first-visit clock starts.</summary>
public sealed record VisitAccepted(string? Note) : RehabEvent;

public sealed record VisitScheduled(DateTimeOffset WindowStart, DateTimeOffset WindowEnd) : RehabEvent;

/// <summary>改期: the earlier window stays in the history; the worker stays when still free, otherwise none.</summary>
public sealed record VisitRescheduled(DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Reason, bool KeepsWorker) : RehabEvent;

public sealed record WorkerAssigned(string WorkerId, string WorkerName) : RehabEvent;

public sealed record VisitCheckedIn(string? Note) : RehabEvent;

public sealed record VisitCompleted(string? Notes) : RehabEvent;

public sealed record VisitRecordFiled(string Notes) : RehabEvent;

public sealed record VisitMissed(string Reason) : RehabEvent;

public sealed record VisitCancelled(string Reason) : RehabEvent;

/// <summary>
/// 督办: by a supervisor, or automatically when a clock runs out. ReplyWithin is the provider's reply time at the unit
/// level (absent in orders issued before orders asked for replies: those are records only).
/// </summary>
public sealed record VisitSupervisionOrdered(Guid OrderId, string Cause, string? Note, SlaDuration? ReplyWithin = null) : RehabEvent;

/// <summary>督办回复: the provider's written reply to an open order, which closes it.</summary>
public sealed record VisitSupervisionReplied(Guid OrderId, string Reply, string UserId) : RehabEvent;

/// <summary>An order unanswered at its due time goes one level up (county, then city) with that level's reply time.</summary>
public sealed record VisitSupervisionEscalated(Guid OrderId, string Cause, string Level, SlaDuration ReplyWithin) : RehabEvent;

public sealed record VisitClockWarned(string Clock) : RehabEvent;

public sealed record VisitClockOverdue(string Clock) : RehabEvent;

/// <summary>办理进展 or 内部意见 (Kind: ItemNoteKinds); status and clocks stay as they are.</summary>
public sealed record VisitNoteAdded(string Kind, string Note) : RehabEvent;

/// <summary>承办人: the member of the provider who looks after the visit (the worker who goes is booked apart).</summary>
public sealed record VisitAssigneeSet(string UserId, string Name) : RehabEvent;

public sealed record VisitAssigneeCleared(string UserId) : RehabEvent;

/// <summary>A file added to the visit (the bytes are in the attachment store, never in the event).</summary>
public sealed record VisitAttachmentAdded(
    Guid AttachmentId, string FileName, string ContentType, long Size, string Sha256, string? Note, string UploadedBy, string UploaderName) : RehabEvent;
