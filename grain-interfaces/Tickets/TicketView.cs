using Dispatch.Items;
using System.Collections.Immutable;
using Dispatch.People;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>A ticket as the API shows it: current state, deadlines, and what may be done next.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.TicketView")]
public sealed record TicketView
{
    /// <summary>Records print themselves into logs and exceptions: the caller's name and numbers stay out.</summary>
    public override string ToString() => $"TicketView {{ Id = {Id}, Number = {Number}, Status = {Status}, Version = {Version} }}";


    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public string Number { get; init; } = "";
    [Id(2), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Statuses))] public string Status { get; init; } = "";
    [Id(3)] public bool Suspended { get; init; }
    [Id(4)] public string? SuspendReason { get; init; }
    [Id(5)] public Guid? MergedInto { get; init; }
    [Id(6)] public string? MergedIntoNumber { get; init; }
    [Id(7), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Channels))] public string Channel { get; init; } = "";
    [Id(8), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Kinds))] public string Kind { get; init; } = "";
    [Id(9), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Topics))] public string Topic { get; init; } = "";
    [Id(10), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Urgencies))] public string Urgency { get; init; } = "";
    [Id(11)] public string CallerName { get; init; } = "";
    /// <summary>Null when a letter, a visit or an online request came without one.</summary>
    [Id(12)] public string? CallerPhone { get; init; }
    [Id(13)] public string? ResidentId { get; init; }
    [Id(14)] public string? DisabilityCertificate { get; init; }
    [Id(15)] public string CountyCode { get; init; } = "";
    [Id(16)] public string? TownCode { get; init; }
    [Id(17)] public string? Address { get; init; }
    [Id(18)] public string Title { get; init; } = "";
    [Id(19)] public string Content { get; init; } = "";
    [Id(20)] public string PersonId { get; init; } = "";
    [Id(21)] public string? UnitCode { get; init; }
    [Id(22)] public DateTimeOffset ReceivedAt { get; init; }
    [Id(23)] public DateTimeOffset? FirstDispatchedAt { get; init; }
    [Id(24)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(25)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(26)] public string? Reply { get; init; }
    [Id(27)] public bool AnsweredOnSpot { get; init; }
    [Id(28)] public string? Satisfaction { get; init; }
    [Id(29)] public int ReturnCount { get; init; }
    [Id(30)] public int TransferCount { get; init; }
    [Id(31)] public int ReworkCount { get; init; }
    [Id(32)] public int RepeatCount { get; init; }
    [Id(33)] public bool AwaitingDispatch { get; init; }
    [Id(34)] public bool AwaitingRuling { get; init; }
    [Id(35)] public TicketDeadlines Deadlines { get; init; } = new(null, null, null);
    [Id(36)] public ImmutableArray<ExtensionView> Extensions { get; init; } = [];
    [Id(37)] public ImmutableArray<SupervisionView> SupervisionOrders { get; init; } = [];
    [Id(38)] public ImmutableArray<CallbackView> Callbacks { get; init; } = [];
    [Id(39)] public ImmutableArray<ReturnView> Returns { get; init; } = [];
    [Id(40)] public ImmutableArray<string> Duplicates { get; init; } = [];
    [Id(41)] public ImmutableArray<string> AllowedActions { get; init; } = [];
    [Id(42)] public int Version { get; init; }
    /// <summary>Legal-aid cases and rehabilitation visits opened from this ticket.</summary>
    [Id(43)] public ImmutableArray<LinkedItem> Links { get; init; } = [];

    /// <summary>The petition procedure (信访): null for every other kind.</summary>
    [Id(44)] public PetitionView? Petition { get; init; }

    /// <summary>While a callback is owed: the earliest instant the next attempt may be made (attempts are spaced by a rule).</summary>
    [Id(45)] public DateTimeOffset? NextCallbackAt { get; init; }

    /// <summary>Failed callback attempts about the current reply.</summary>
    [Id(46)] public int FailedCallbacks { get; init; }

    /// <summary>The next failed attempt is the last the rule allows: it must record the written notice (书面告知) sent instead.</summary>
    [Id(47)] public bool CallbackNoticeDue { get; init; }

    /// <summary>承办人: the member of the handling unit who works the ticket; null when nobody has taken it.</summary>
    [Id(48)] public ItemAssignee? Assignee { get; init; }

    /// <summary>How the caller is reached (联系方式); "none": no callback is owed.</summary>
    [Id(49), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.ContactMethods))] public string ContactMethod { get; init; } = TicketVocabulary.VoiceContact;

    /// <summary>Another contact (an e-mail, an address, an account), masked like the numbers.</summary>
    [Id(50)] public string? OtherContact { get; init; }

    /// <summary>The guardian or agent who speaks for the caller (监护人/代理人); null when none was given.</summary>
    [Id(51)] public GuardianView? Guardian { get; init; }
}

/// <summary>A guardian or agent: the name as the user may see it, the relation, the phone masked.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.GuardianView")]
public sealed record GuardianView(
    [property: Id(0)] string Name,
    [property: Id(1), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.GuardianRelations))] string Relation,
    [property: Id(2)] string Phone);

/// <summary>The clocks of a ticket; a clock not started yet (or that the ticket does not have) is null.</summary>
/// <param name="Acceptance">A petition's acceptance decision (受理告知), from receipt.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.TicketDeadlines")]
public sealed record TicketDeadlines(
    [property: Id(0)] DeadlineView? SignFor,
    [property: Id(1)] DeadlineView? Handling,
    [property: Id(2)] DeadlineView? Callback,
    [property: Id(3)] DeadlineView? Acceptance = null);

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.ExtensionView")]
public sealed record ExtensionView(
    [property: Id(0)] Guid RequestId, [property: Id(1)] string Amount, [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset RequestedAt, [property: Id(4)] bool? Approved, [property: Id(5)] DateTimeOffset? DecidedAt)
{
    [Id(6)] public string? DecisionNote { get; init; }

    /// <summary>For a petition: how the petitioner was told of the decision.</summary>
    [Id(7)] public NoticeView? Notice { get; init; }
}

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.CallbackView")]
public sealed record CallbackView(
    [property: Id(0)] bool Reached, [property: Id(1)] string? Satisfaction, [property: Id(2)] string? Note, [property: Id(3)] DateTimeOffset At)
{
    /// <summary>After a failed attempt: the earliest instant the next one may be made.</summary>
    [Id(4)] public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>After the last failed attempt: the written notice (书面告知) sent to the caller instead.</summary>
    [Id(5)] public NoticeView? Notice { get; init; }
}

[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.ReturnView")]
public sealed record ReturnView(
    [property: Id(0)] string FromUnit, [property: Id(1)] string ReasonCode, [property: Id(2)] string? Note, [property: Id(3)] DateTimeOffset At);

/// <summary>Registration answers whether this call created the ticket or found it by its idempotency key.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.Registration")]
public sealed record Registration([property: Id(0)] TicketView Ticket, [property: Id(1)] bool Created);
