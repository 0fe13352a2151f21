using Dispatch.Items;
namespace Dispatch.Tickets;

// Requests for the ticket operations. Fields are nullable so that missing input becomes a field error, not a 500.

/// <summary>派单: a chosen unit, or automatic routing when UnitCode is empty.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.DispatchTicket")]
public sealed record DispatchTicket([property: Id(0)] string? UnitCode, [property: Id(1)] string? Note);

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.ReturnTicket")]
public sealed record ReturnTicket([property: Id(0), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.ReturnReasons))] string? ReasonCode, [property: Id(1)] string? Note);

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.TransferTicket")]
public sealed record TransferTicket([property: Id(0)] string? UnitCode, [property: Id(1)] string? Note);

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.SuspendTicket")]
public sealed record SuspendTicket([property: Id(0), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.SuspendReasons))] string? ReasonCode, [property: Id(1)] string? Note);

/// <summary>延期申请: extra time on the handling clock, in the given unit (working_days, working_hours, calendar_days).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.RequestExtension")]
public sealed record RequestExtension([property: Id(0)] int? Amount, [property: Id(1)] string? Unit, [property: Id(2)] string? Reason);

/// <summary>延期审批. For a petition the head of the handling unit decides, and the petitioner is told (Notice).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.DecideExtension")]
public sealed record DecideExtension(
    [property: Id(0)] Guid? RequestId, [property: Id(1)] bool? Approved, [property: Id(2)] string? Note, [property: Id(3)] WrittenNoticeInput? Notice = null);

/// <summary>
/// A reply text: for resolve (办结) and answer on the spot (直接办结). A petition's reply is the written reply (书面答复)
/// and needs its Notice; a review's also its Outcome (upheld or changed).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.ReplyToCaller")]
public sealed record ReplyToCaller([property: Id(0)] string? Reply, [property: Id(1)] WrittenNoticeInput? Notice = null, [property: Id(2)] string? Outcome = null);

/// <summary>
/// 回访: Reached false records a failed attempt. The last failed attempt the rule allows carries the written notice
/// (书面告知) sent to the caller instead, on which basis the ticket may be closed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.RecordCallback")]
public sealed record RecordCallback(
    [property: Id(0)] bool? Reached, [property: Id(1), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Satisfactions))] string? Satisfaction,
    [property: Id(2)] string? Note, [property: Id(3)] WrittenNoticeInput? Notice = null);

/// <summary>合并: into the ticket with this id, or with this number (JX12385-yyyyMMdd-nnnnnn) as operators know it.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.MergeTicket")]
public sealed record MergeTicket([property: Id(0)] Guid? IntoTicketId, [property: Id(1)] string? IntoNumber = null);

/// <summary>A note for resume, reopen, close and supervise.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.TicketNote")]
public sealed record TicketNote([property: Id(0)] string? Note);

/// <summary>督办回复: the unit's written reply to the open order <see cref="OrderId"/>.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.ReplyToOrder")]
public sealed record ReplyToOrder([property: Id(0)] Guid? OrderId, [property: Id(1)] string? Reply);
