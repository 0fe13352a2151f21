using System.Collections.Immutable;
using Dispatch.EventSourcing;
using Dispatch.Items;
using Dispatch.People;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>A ticket's state, rebuilt by folding its events in order. Immutable: Apply returns the next state.</summary>
public sealed record TicketState : IFoldedState<TicketState, TicketEvent>
{
    public static readonly TicketState Empty = new();

    public Guid Id { get; init; }
    public int Version { get; init; }
    public bool Exists => Version > 0;
    public string Number { get; init; } = "";
    public TicketDetails Details { get; init; } = null!;
    public string PersonId { get; init; } = "";
    public TicketClockRules Rules { get; init; } = null!;
    public int RepeatCount { get; init; }

    /// <summary>The caller's earlier calls on the topic within the ladder's window, as read at registration.</summary>
    public RecentCalls? RecentCalls { get; init; }
    public string IntakeFingerprint { get; init; } = "";
    public string Status { get; init; } = TicketStatus.Registered;
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? UnitCode { get; init; }

    /// <summary>承办人 inside the handling unit; gone when the ticket leaves the unit.</summary>
    public ItemAssignee? Assignee { get; init; }

    /// <summary>Files added to the ticket, oldest first (the bytes are in the attachment store).</summary>
    public ImmutableList<ItemAttachment> Attachments { get; init; } = [];
    public DateTimeOffset? FirstDispatchedAt { get; init; }

    /// <summary>When the unit signed for the current dispatch; a new dispatch, transfer, return or reopening clears it.</summary>
    public DateTimeOffset? SignedAt { get; init; }
    public bool AwaitingDispatch { get; init; }
    public bool AwaitingRuling { get; init; }
    public bool DispatchedByRuling { get; init; }
    public Suspension? Suspension { get; init; }
    public ImmutableList<ReturnRecord> Returns { get; init; } = [];

    /// <summary>Each return passed on: who returned the ticket and the unit it was dispatched to next, oldest first.</summary>
    public ImmutableList<Stats.ReturnPass> ReturnPasses { get; init; } = [];
    public int TransferCount { get; init; }
    public int ReworkCount { get; init; }
    public ImmutableList<ExtensionRecord> Extensions { get; init; } = [];
    public ImmutableList<SupervisionOrder> SupervisionOrders { get; init; } = [];
    public ImmutableList<CallbackAttempt> Callbacks { get; init; } = [];
    public string? Reply { get; init; }
    public bool AnsweredOnSpot { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public Guid? MergedInto { get; init; }
    public string? MergedIntoNumber { get; init; }
    public ImmutableList<string> Duplicates { get; init; } = [];
    public ImmutableList<LinkedItem> Links { get; init; } = [];
    public ClockRecord? SignFor { get; init; }

    /// <summary>A petition's acceptance decision, from receipt; returns, transfers and re-dispatch never reset it.</summary>
    public ClockRecord? Acceptance { get; init; }
    public ClockRecord? Handling { get; init; }
    public ClockRecord? Callback { get; init; }

    /// <summary>Callback attempts made before the last reopen: they were about an earlier reply.</summary>
    public int EarlierCallbacks { get; init; }

    /// <summary>Callback attempts about the current reply; the history in <see cref="Callbacks"/> keeps them all.</summary>
    public IEnumerable<CallbackAttempt> CurrentCallbacks => Callbacks.Skip(EarlierCallbacks);

    public string? Satisfaction => CurrentCallbacks.LastOrDefault(c => c.Reached)?.Satisfaction;

    public bool CallbackDone => CurrentCallbacks.Any(c => c.Reached);

    /// <summary>Failed callback attempts about the current reply.</summary>
    public int FailedCallbacks => CurrentCallbacks.Count(c => !c.Reached);

    /// <summary>The written notice (书面告知) recorded with the last failed attempt, in place of a callback.</summary>
    public WrittenNotice? CallbackNotice => CurrentCallbacks.LastOrDefault(c => c.Notice is not null)?.Notice;

    /// <summary>
    /// Whether the caller is still owed a callback: resolved, not reached, and not told in writing instead. A caller who
    /// left no way to be reached (contact method "none") is owed none.
    /// </summary>
    public bool AwaitsCallback => Status == TicketStatus.Resolved && Details.OwesCallback && !CallbackDone && CallbackNotice is null;

    /// <summary>
    /// While a callback is owed, the earliest instant of the next attempt: at resolution for the first, then as the last
    /// failed attempt scheduled it (attempts recorded before the spacing rule schedule nothing: at once).
    /// </summary>
    public DateTimeOffset? NextCallbackAt => !AwaitsCallback ? null
        : CurrentCallbacks.LastOrDefault() is { } last ? last.NextAttemptAt ?? last.At
        : ResolvedAt;

    /// <summary>The next failed attempt is the last the rule allows, so it must record the written notice.</summary>
    public bool CallbackNoticeDue => AwaitsCallback && FailedCallbacks + 1 >= TicketLimits.CallbackAttemptsBeforeClose;

    /// <summary>The petition procedure; null for other kinds and for petitions registered before it.</summary>
    public PetitionRecord? Petition { get; init; }

    public IEnumerable<ClockRecord> Clocks => new[] { SignFor, Acceptance, Handling, Callback }.OfType<ClockRecord>();

    public TicketState Apply(Guid id, int version, TicketEvent e, DateTimeOffset at)
    {
        var next = Fold(this with { Id = id, Version = version, UpdatedAt = at }, e, at);
        return next with { Assignee = ItemWork.Kept(next.Assignee, UnitCode, next.UnitCode) };
    }

    private static TicketState Fold(TicketState s, TicketEvent e, DateTimeOffset at) => e switch
    {
        TicketRegistered r => s with
        {
            Number = r.Number, Details = r.Details, PersonId = r.PersonId, Rules = r.Rules, RepeatCount = r.RepeatCount, RecentCalls = r.Recent,
            IntakeFingerprint = r.IntakeFingerprint, Status = TicketStatus.Registered, ReceivedAt = at, AwaitingDispatch = true,
            Petition = r.Rules.Petition is null ? null
                : new PetitionRecord(r.Petition?.Stage ?? PetitionVocabulary.Petition, r.Petition?.ReviewOfId, r.Petition?.ReviewOfNumber, r.Petition?.ConcludedBy),
            Acceptance = r.Rules.Petition is { } limits && (r.Petition?.Stage ?? PetitionVocabulary.Petition) == PetitionVocabulary.Petition
                ? ClockRecord.Start(ClockNames.Acceptance, limits.Acceptance, at) : null,
            // A review's body answers within its limit of receiving the request: the clock runs from registration.
            Handling = r.Rules.Petition is { } review && r.Petition?.Stage is PetitionVocabulary.Review or PetitionVocabulary.ReReview
                ? ClockRecord.Start(ClockNames.Handling, r.Petition.Stage == PetitionVocabulary.Review ? review.Review : review.ReReview, at) : null,
        },
        TicketAnsweredOnSpot a => s with
        {
            Status = TicketStatus.Resolved, AnsweredOnSpot = true, Reply = a.Reply, ResolvedAt = at, AwaitingDispatch = false,
            Callback = StartCallback(s, at),
        },
        TicketDispatched d => s with
        {
            Status = TicketStatus.Dispatched, UnitCode = d.UnitCode, FirstDispatchedAt = s.FirstDispatchedAt ?? at,
            AwaitingDispatch = false, AwaitingRuling = false, DispatchedByRuling = s.DispatchedByRuling || d.Ruling, SignedAt = null,
            SignFor = StartSignFor(s, at),
            ReturnPasses = s.UnitCode is null && s.Returns.Count > s.ReturnPasses.Count
                ? s.ReturnPasses.Add(new Stats.ReturnPass(s.Returns[^1].FromUnit, d.UnitCode, s.Version)) : s.ReturnPasses,
            // A petition's handling runs from acceptance, not from dispatch.
            Handling = s.Handling ?? (s.Petition is null ? ClockRecord.Start(ClockNames.Handling, s.Rules.Handling, at) : null),
        },
        TicketSigned => s with { Status = TicketStatus.Signed, SignedAt = at, SignFor = s.SignFor?.Stop(at) },
        TicketReturned r => s with
        {
            Status = TicketStatus.Registered, UnitCode = null, AwaitingDispatch = true, SignedAt = null,
            Returns = s.Returns.Add(new ReturnRecord(r.FromUnit, r.ReasonCode, r.Note, at)),
            AwaitingRuling = s.Returns.Count + 1 >= TicketLimits.ReturnsBeforeRuling,
            SignFor = s.SignFor?.Stop(at),
        },
        TicketTransferred t => s with
        {
            Status = TicketStatus.Dispatched, UnitCode = t.ToUnit, TransferCount = s.TransferCount + 1, SignedAt = null,
            SignFor = StartSignFor(s, at),
        },
        TicketSuspended p => s with { Suspension = new Suspension(p.ReasonCode, p.Note, at), SignFor = s.SignFor?.Pause(at), Handling = s.Handling?.Pause(at) },
        TicketResumed => s with { Suspension = null, SignFor = s.SignFor?.Resume(at), Handling = s.Handling?.Resume(at) },
        ExtensionRequested x => s with { Extensions = s.Extensions.Add(new ExtensionRecord(x.RequestId, x.Amount, x.Reason, at, null, null)) },
        ExtensionDecided x => Decide(s, x, at),
        TicketResolved r => s with
        {
            Status = TicketStatus.Resolved, Reply = r.Reply, ResolvedAt = at, SignFor = s.SignFor?.Stop(at), Handling = s.Handling?.Stop(at),
            Callback = StartCallback(s, at),
            Petition = s.Petition is null ? null : s.Petition with { AnswerNotice = r.Notice, Outcome = r.Outcome },
        },
        AcceptanceDecided { Accepted: true } d => s with
        {
            Acceptance = s.Acceptance?.Stop(at), Handling = ClockRecord.Start(ClockNames.Handling, s.Rules.Handling, at),
            Petition = s.Petition! with { Decision = new AcceptanceDecision(true, null, d.Note, d.Notice, d.UnitCode, at) },
        },
        AcceptanceDecided d => s with
        {
            Status = TicketStatus.Resolved, Reply = d.Note, ResolvedAt = at, Acceptance = s.Acceptance?.Stop(at), SignFor = s.SignFor?.Stop(at),
            Callback = StartCallback(s, at),
            Petition = s.Petition! with { Decision = new AcceptanceDecision(false, d.ReasonCode, d.Note, d.Notice, d.UnitCode, at) },
        },
        ReviewRequested r => s with { Petition = s.Petition! with { ReviewedBy = new LinkedPetition(r.ReviewId, r.Number, r.Stage, r.AnswerReceivedOn) } },
        CallbackRecorded c => s with
        {
            Callbacks = s.Callbacks.Add(new CallbackAttempt(c.Reached, c.Satisfaction, c.Note, at) { NextAttemptAt = c.NextAttemptAt, Notice = c.Notice }),
            Callback = c.Reached ? s.Callback?.Stop(at) : s.Callback,
        },
        // An answer on the spot has no unit to go back to: the rework waits for dispatch like a new ticket.
        TicketReopened when s.UnitCode is null => s with
        {
            Status = TicketStatus.Registered, AwaitingDispatch = true, ReworkCount = s.ReworkCount + 1, Reply = null, ResolvedAt = null,
            AnsweredOnSpot = false, Callback = null, EarlierCallbacks = s.Callbacks.Count,
        },
        TicketReopened => s with
        {
            Status = TicketStatus.Dispatched, ReworkCount = s.ReworkCount + 1, Reply = null, ResolvedAt = null, AnsweredOnSpot = false, SignedAt = null,
            SignFor = StartSignFor(s, at),
            Handling = ClockRecord.Start(ClockNames.Handling, s.Rules.Handling, at),
            Callback = null, EarlierCallbacks = s.Callbacks.Count,
        },
        TicketClosed => s with
        {
            Status = TicketStatus.Closed, ClosedAt = at, AwaitingDispatch = false,
            SignFor = s.SignFor?.Stop(at), Acceptance = s.Acceptance?.Stop(at), Handling = s.Handling?.Stop(at), Callback = s.Callback?.Stop(at),
        },
        TicketMerged m => s with
        {
            MergedInto = m.IntoTicketId, MergedIntoNumber = m.IntoNumber, Status = TicketStatus.Resolved, ResolvedAt = at,
            Reply = $"已并入工单 {m.IntoNumber} 一并办理。Merged into ticket {m.IntoNumber}.", AwaitingDispatch = false, AwaitingRuling = false,
            Suspension = null, SignFor = s.SignFor?.Resume(at).Stop(at), Handling = s.Handling?.Resume(at).Stop(at),
            Acceptance = s.Acceptance?.Stop(at),
            Callback = StartCallback(s, at),
        },
        DuplicateAttached d => s with { Duplicates = s.Duplicates.Add(d.DuplicateNumber) },
        ItemLinked l => s with { Links = s.Links.Add(new LinkedItem(l.ItemType, l.ItemId, l.Number, l.Label, at)) },
        SupervisionOrderIssued o => s with { SupervisionOrders = s.SupervisionOrders.Add(SupervisionOrder.Issued(o.OrderId, o.Cause, o.Note, o.ReplyWithin, at)) },
        SupervisionReplied r => s.MapOrder(r.OrderId, o => o.Replied(r.Reply, r.UserId, at)),
        SupervisionEscalated up => s.MapOrder(up.OrderId, o => o.Escalated(up.Level, up.ReplyWithin, at)),
        TicketReminded => s,
        TicketNoteAdded => s,
        TicketAssigned a => s with { Assignee = new ItemAssignee(a.UserId, a.Name) },
        TicketUnassigned => s with { Assignee = null },
        TicketAttachmentAdded a => s with
        {
            Attachments = ItemAttachmentRules.Added(s.Attachments, a.AttachmentId, a.FileName, a.ContentType, a.Size, a.Sha256, a.Note, a.UploadedBy, a.UploaderName, at),
        },
        ClockWarned w => s.MapClock(w.Clock, c => c with { Warned = true }),
        ClockOverdue o => s.MapClock(o.Clock, c => c with { OverdueRaised = true }),
        _ => throw new InvalidOperationException($"Unknown ticket event {e.GetType().Name}."),
    };

    /// <summary>The callback clock from a resolution, unless the caller left no way to be reached (no callback is owed).</summary>
    private static ClockRecord? StartCallback(TicketState s, DateTimeOffset at) =>
        s.Details.OwesCallback ? ClockRecord.Start(ClockNames.Callback, s.Rules.Callback, at) : null;

    private static TicketState Decide(TicketState s, ExtensionDecided x, DateTimeOffset at)
    {
        var request = s.Extensions.Single(r => r.RequestId == x.RequestId);
        var decided = s with
        {
            Extensions = s.Extensions.Replace(request, request with { Approved = x.Approved, DecidedAt = at, Notice = x.Notice, DecisionNote = x.Note }),
        };
        // The extension gives a new deadline, so its warning and overdue are owed anew.
        return x.Approved && s.Handling is { } handling
            ? decided with { Handling = handling with { Extensions = handling.Extensions.Add(request.Amount), Warned = false, OverdueRaised = false } }
            : decided;
    }

    /// <summary>A non-urgent petition has no sign-for clock: its first statutory step is the acceptance decision.</summary>
    private static ClockRecord? StartSignFor(TicketState s, DateTimeOffset at) =>
        s.Rules.SignFor is { } signFor ? ClockRecord.Start(ClockNames.SignFor, signFor, at) : null;

    private TicketState MapOrder(Guid orderId, Func<SupervisionOrder, SupervisionOrder> map) =>
        this with { SupervisionOrders = Items.SupervisionOrders.Map(SupervisionOrders, orderId, map) };

    /// <summary>Orders waiting for the unit's written reply.</summary>
    public IEnumerable<SupervisionOrder> OpenOrders => SupervisionOrders.Where(o => o.Open);

    public TicketState MapClock(string name, Func<ClockRecord, ClockRecord> map) => name switch
    {
        ClockNames.SignFor when SignFor is not null => this with { SignFor = map(SignFor) },
        ClockNames.Handling when Handling is not null => this with { Handling = map(Handling) },
        ClockNames.Callback when Callback is not null => this with { Callback = map(Callback) },
        ClockNames.Acceptance when Acceptance is not null => this with { Acceptance = map(Acceptance) },
        _ => this,
    };
}

public static class TicketLimits
{
    /// <summary>After this many returns the dispatcher must rule (审定) and a supervision order follows.</summary>
    public const int ReturnsBeforeRuling = 2;

    /// <summary>
    /// Failed callback attempts after which the ticket may be closed without reaching the caller; the last of them records
    /// the written notice (书面告知) sent instead.
    /// </summary>
    public const int CallbackAttemptsBeforeClose = CallbackAttempts.Limit;

    /// <summary>
    /// How long after a failed callback attempt the next may be made: a caller missed in the morning is tried again in the
    /// afternoon or the next working day, not three times in a row. The domain sets no figure; this is the hotline's
    /// house rule, in working time so that nights and days off do not count.
    /// </summary>
    public static readonly SlaDuration CallbackAttemptSpacing = SlaDuration.WorkingHours(2);
}

public sealed record Suspension(string ReasonCode, string? Note, DateTimeOffset Since);

public sealed record ReturnRecord(string FromUnit, string ReasonCode, string? Note, DateTimeOffset At);

public sealed record ExtensionRecord(Guid RequestId, SlaDuration Amount, string Reason, DateTimeOffset RequestedAt, bool? Approved, DateTimeOffset? DecidedAt)
{
    /// <summary>For a petition: how the petitioner was told of the decision and its reason.</summary>
    public WrittenNotice? Notice { get; init; }

    public string? DecisionNote { get; init; }
}

public sealed record CallbackAttempt(bool Reached, string? Satisfaction, string? Note, DateTimeOffset At)
{
    public DateTimeOffset? NextAttemptAt { get; init; }

    public WrittenNotice? Notice { get; init; }
}
