using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Dispatch.Routing;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>Everything that can happen to a ticket. Stored as JSON with a "type" discriminator; never changed once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TicketRegistered), "registered")]
[JsonDerivedType(typeof(TicketAnsweredOnSpot), "answered_on_spot")]
[JsonDerivedType(typeof(TicketDispatched), "dispatched")]
[JsonDerivedType(typeof(TicketSigned), "signed")]
[JsonDerivedType(typeof(TicketReturned), "returned")]
[JsonDerivedType(typeof(TicketTransferred), "transferred")]
[JsonDerivedType(typeof(TicketSuspended), "suspended")]
[JsonDerivedType(typeof(TicketResumed), "resumed")]
[JsonDerivedType(typeof(ExtensionRequested), "extension_requested")]
[JsonDerivedType(typeof(ExtensionDecided), "extension_decided")]
[JsonDerivedType(typeof(TicketResolved), "resolved")]
[JsonDerivedType(typeof(CallbackRecorded), "callback_recorded")]
[JsonDerivedType(typeof(TicketReopened), "reopened")]
[JsonDerivedType(typeof(TicketClosed), "closed")]
[JsonDerivedType(typeof(TicketMerged), "merged")]
[JsonDerivedType(typeof(DuplicateAttached), "duplicate_attached")]
[JsonDerivedType(typeof(SupervisionOrderIssued), "supervision_issued")]
[JsonDerivedType(typeof(SupervisionReplied), "supervision_replied")]
[JsonDerivedType(typeof(SupervisionEscalated), "supervision_escalated")]
[JsonDerivedType(typeof(TicketReminded), "reminded")]
[JsonDerivedType(typeof(ClockWarned), "clock_warned")]
[JsonDerivedType(typeof(ClockOverdue), "clock_overdue")]
[JsonDerivedType(typeof(ItemLinked), "item_linked")]
[JsonDerivedType(typeof(AcceptanceDecided), "acceptance_decided")]
[JsonDerivedType(typeof(ReviewRequested), "review_requested")]
[JsonDerivedType(typeof(TicketNoteAdded), "note_added")]
[JsonDerivedType(typeof(TicketAssigned), "assignee_set")]
[JsonDerivedType(typeof(TicketUnassigned), "assignee_cleared")]
[JsonDerivedType(typeof(TicketAttachmentAdded), "attachment_added")]
public abstract record TicketEvent;

/// <param name="Petition">For a petition registered under the procedure: its stage (a review names what it reviews).</param>
/// <param name="Recent">The caller's earlier calls on the topic within the ladder's window (null on tickets registered before it was kept).</param>
public sealed record TicketRegistered(
    string Number, TicketDetails Details, string PersonId, TicketClockRules Rules, int RepeatCount, string IntakeFingerprint,
    PetitionOpening? Petition = null, RecentCalls? Recent = null) : TicketEvent;

/// <summary>
/// The caller's earlier tickets on the same topic within <paramref name="WithinDays"/> days when a ticket was registered,
/// as the escalation ladder's repeat-caller rung reads them: how many, and the numbers of the latest (at most
/// <see cref="MaxNumbers"/>, newest first).
/// </summary>
public sealed record RecentCalls(int WithinDays, int Count, ImmutableList<string> Numbers)
{
    public const int MaxNumbers = 10;
}

/// <summary>Resolved at intake by the operator (直接办结).</summary>
public sealed record TicketAnsweredOnSpot(string Reply) : TicketEvent;

/// <param name="Routing">Why automatic dispatch chose this unit among several of its kind in the county; null when there was no choice.</param>
public sealed record TicketDispatched(string UnitCode, bool Automatic, bool Ruling, string? Note, RoutingChoice? Routing = null) : TicketEvent;

public sealed record TicketSigned : TicketEvent;

/// <summary>退单: the unit says the ticket is not theirs.</summary>
public sealed record TicketReturned(string FromUnit, string ReasonCode, string? Note) : TicketEvent;

/// <summary>转派: sent on to another unit; the handling clock keeps running.</summary>
public sealed record TicketTransferred(string FromUnit, string ToUnit, string? Note) : TicketEvent;

/// <summary>挂起: the clocks pause.</summary>
public sealed record TicketSuspended(string ReasonCode, string? Note) : TicketEvent;

public sealed record TicketResumed(string? Note) : TicketEvent;

public sealed record ExtensionRequested(Guid RequestId, SlaDuration Amount, string Reason) : TicketEvent;

/// <param name="Notice">For a petition: how the petitioner was told of the extension and its reason.</param>
public sealed record ExtensionDecided(Guid RequestId, bool Approved, string? Note, WrittenNotice? Notice = null) : TicketEvent;

/// <param name="Notice">For a petition: how the written reply (书面答复) was sent.</param>
/// <param name="Outcome">For a review or re-review: upheld or changed.</param>
public sealed record TicketResolved(string Reply, WrittenNotice? Notice = null, string? Outcome = null) : TicketEvent;

/// <summary>受理 / 不予受理 of a petition by its handling unit, with the written notice to the petitioner.</summary>
public sealed record AcceptanceDecided(bool Accepted, string? ReasonCode, string? Note, WrittenNotice Notice, string UnitCode) : TicketEvent;

/// <summary>The petitioner asked for review (复查) or re-review (复核) of this item's answer; the review is its own ticket.</summary>
public sealed record ReviewRequested(Guid ReviewId, string Number, string Stage, DateOnly AnswerReceivedOn) : TicketEvent;

/// <summary>回访: a callback attempt; reached with a satisfaction, or not reached.</summary>
/// <param name="NextAttemptAt">After a failed attempt that is not the last: the earliest instant of the next one.</param>
/// <param name="Notice">After the last failed attempt: the written notice (书面告知) sent to the caller instead.</param>
public sealed record CallbackRecorded(
    bool Reached, string? Satisfaction, string? Note, DateTimeOffset? NextAttemptAt = null, WrittenNotice? Notice = null) : TicketEvent;

/// <summary>重办: back to the same unit because the caller was not satisfied.</summary>
public sealed record TicketReopened(string? Note) : TicketEvent;

public sealed record TicketClosed(string? Note) : TicketEvent;

/// <summary>This ticket duplicates another; it keeps its own caller and callback.</summary>
public sealed record TicketMerged(Guid IntoTicketId, string IntoNumber) : TicketEvent;

/// <summary>Recorded on the surviving ticket when a duplicate is merged into it.</summary>
public sealed record DuplicateAttached(Guid DuplicateId, string DuplicateNumber) : TicketEvent;

/// <summary>督办: by a supervisor, or automatically when a clock runs out, returns pile up or a rung of the ladder is reached.</summary>
/// <param name="ReplyWithin">How long the unit holding the ticket has for its written reply (督办回复); null when no unit
/// holds it, and in orders issued before orders asked for a reply.</param>
public sealed record SupervisionOrderIssued(Guid OrderId, string Cause, string? Note, SlaDuration? ReplyWithin = null) : TicketEvent;

/// <summary>督办回复: the unit's written reply to an order, which closes it.</summary>
public sealed record SupervisionReplied(Guid OrderId, string Reply, string UserId) : TicketEvent;

/// <summary>An order unanswered at its due time went one level up (county, then city), with a new reply time.</summary>
public sealed record SupervisionEscalated(Guid OrderId, string Cause, string Level, SlaDuration ReplyWithin) : TicketEvent;

/// <summary>催办: an operator's or supervisor's reminder to the unit; no clock, never escalates.</summary>
public sealed record TicketReminded(string Note) : TicketEvent;

/// <summary>预警: a clock passed its warning point.</summary>
public sealed record ClockWarned(string Clock) : TicketEvent;

/// <summary>超期: a clock ran out.</summary>
public sealed record ClockOverdue(string Clock) : TicketEvent;

/// <summary>A legal-aid case or rehabilitation visit was opened from this ticket (转办).</summary>
public sealed record ItemLinked(string ItemType, Guid ItemId, string Number, string Label) : TicketEvent;

/// <summary>办理进展 or 内部意见 (Kind: ItemNoteKinds); status and clocks stay as they are.</summary>
public sealed record TicketNoteAdded(string Kind, string Note) : TicketEvent;

/// <summary>承办人: the member of the handling unit who works the ticket.</summary>
public sealed record TicketAssigned(string UserId, string Name) : TicketEvent;

public sealed record TicketUnassigned(string UserId) : TicketEvent;

/// <summary>A file added to the ticket (the bytes are in the attachment store, never in the event).</summary>
public sealed record TicketAttachmentAdded(
    Guid AttachmentId, string FileName, string ContentType, long Size, string Sha256, string? Note, string UploadedBy, string UploaderName) : TicketEvent;

/// <summary>The validated intake as it is kept on the ticket.</summary>
/// <param name="CallerPhone">Null when a letter, a visit or an online request came without one.</param>
/// <param name="ContactMethod">How the caller is reached (<see cref="TicketVocabulary.ContactMethods"/>); null in tickets
/// registered before the method was asked, which were all reached by phone (<see cref="Contact"/>).</param>
public sealed record TicketDetails(
    string Channel, string Kind, string Topic, string Urgency,
    string CallerName, string? CallerPhone, string? ResidentId, string? DisabilityCertificate,
    string CountyCode, string? TownCode, string? Address, string Title, string Content,
    string? ContactMethod = null, string? OtherContact = null, string? GuardianName = null, string? GuardianRelation = null,
    string? GuardianPhone = null)
{
    /// <summary>The contact method in force: as recorded, or voice for a ticket registered before it was asked.</summary>
    public string Contact => ContactMethod ?? TicketVocabulary.VoiceContact;

    /// <summary>Whether a resolved ticket owes the caller a callback: not when the caller left no way to be reached.</summary>
    public bool OwesCallback => Contact != TicketVocabulary.NoContact;
}
