using Dispatch.Items;
using System.Collections.Immutable;
using Dispatch.People;
using Dispatch.Sla;

namespace Dispatch.Rehab;

/// <summary>A home-rehabilitation visit as the API shows it: window, worker, deadlines and what may be done next.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.RehabVisitView")]
public sealed record RehabVisitView
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public string Number { get; init; } = "";
    [Id(2), ClosedSet(typeof(RehabVisitStatus), nameof(RehabVisitStatus.All))] public string Status { get; init; } = "";
    [Id(3), ClosedSet(typeof(RehabVocabulary), nameof(RehabVocabulary.ServiceTypes))] public string ServiceType { get; init; } = "";
    [Id(4)] public PersonView Person { get; init; } = null!;
    [Id(5)] public string PersonId { get; init; } = "";
    [Id(6)] public string CountyCode { get; init; } = "";
    [Id(7)] public string ProviderCode { get; init; } = "";
    [Id(8)] public string? WorkerId { get; init; }
    [Id(9)] public string? WorkerName { get; init; }
    [Id(10)] public TicketLink? Ticket { get; init; }
    [Id(11)] public Guid? PlanId { get; init; }
    [Id(12)] public int? PlanSequence { get; init; }
    [Id(13)] public DateTimeOffset RequestedAt { get; init; }
    [Id(14)] public DateTimeOffset? WindowStart { get; init; }
    [Id(15)] public DateTimeOffset? WindowEnd { get; init; }
    [Id(16)] public ImmutableArray<RescheduleView> Reschedules { get; init; } = [];
    [Id(17)] public DateTimeOffset? CheckedInAt { get; init; }
    [Id(18)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(19)] public DateTimeOffset? RecordedAt { get; init; }
    [Id(20)] public string? RecordNotes { get; init; }
    [Id(21)] public string? MissedReason { get; init; }
    [Id(22)] public string? CancelReason { get; init; }
    [Id(23)] public string? Note { get; init; }
    [Id(24)] public RehabDeadlines Deadlines { get; init; } = new(null, null, null);
    [Id(25)] public ImmutableArray<SupervisionView> SupervisionOrders { get; init; } = [];
    [Id(26)] public ImmutableArray<string> AllowedActions { get; init; } = [];
    [Id(27)] public int Version { get; init; }

    /// <summary>When the provider accepted the request (受理); null while it awaits acceptance.</summary>
    [Id(28)] public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>The window a hotline request asked for, scheduled on acceptance; null once scheduled or when none was asked.</summary>
    [Id(29)] public DateTimeOffset? AskedWindowStart { get; init; }
    [Id(30)] public DateTimeOffset? AskedWindowEnd { get; init; }

    /// <summary>承办人: the member of the provider who looks after the visit; null when nobody has taken it.</summary>
    [Id(31)] public ItemAssignee? Assignee { get; init; }
}

/// <summary>The clocks of a visit; a clock that does not apply (or has not started) is null.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.RehabDeadlines")]
public sealed record RehabDeadlines(
    [property: Id(0)] DeadlineView? FirstVisit,
    [property: Id(1)] DeadlineView? Window,
    [property: Id(2)] DeadlineView? Record);

/// <summary>One move of the window: from where, to where, why, when.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.RescheduleView")]
public sealed record RescheduleView(
    [property: Id(0)] DateTimeOffset? FromStart, [property: Id(1)] DateTimeOffset? FromEnd, [property: Id(2)] DateTimeOffset ToStart,
    [property: Id(3)] DateTimeOffset ToEnd, [property: Id(4)] string Reason, [property: Id(5)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.VisitOpening")]
public sealed record VisitOpening([property: Id(0)] RehabVisitView Visit, [property: Id(1)] bool Created);

/// <summary>A rehabilitation plan and the visits it generated, one actor each.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.RehabPlanView")]
public sealed record RehabPlanView
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public PersonView Person { get; init; } = null!;
    [Id(2)] public string PersonId { get; init; } = "";
    [Id(3), ClosedSet(typeof(RehabVocabulary), nameof(RehabVocabulary.ServiceTypes))] public string ServiceType { get; init; } = "";
    [Id(4)] public string ProviderCode { get; init; } = "";
    [Id(5)] public string Frequency { get; init; } = "";
    /// <summary>The plan's number of visits: those no change called off, and while paused those the pause owes.</summary>
    [Id(6)] public int Count { get; init; }
    [Id(7)] public int WindowMinutes { get; init; }
    [Id(8)] public DateTimeOffset CreatedAt { get; init; }
    [Id(9)] public ImmutableArray<PlanVisitView> Visits { get; init; } = [];
    [Id(10)] public int Version { get; init; }

    /// <summary>active, paused (暂停, with from, until and why) or ended (终止) with when and why.</summary>
    [Id(11)] public string Status { get; init; } = RehabPlanStatus.Active;
    [Id(12)] public DateTimeOffset? EndedAt { get; init; }
    [Id(13)] public string? EndReason { get; init; }

    /// <summary>While paused: the first local date of the pause, its last (null: open-ended), why, and how many visits it called off.</summary>
    [Id(14)] public DateOnly? PausedFrom { get; init; }
    [Id(15)] public DateOnly? PausedUntil { get; init; }
    [Id(16)] public string? PauseReason { get; init; }
    [Id(17)] public int PausedVisits { get; init; }

    /// <summary>Every amendment, pause and resumption, oldest first, with the visits each opened, moved or cancelled.</summary>
    [Id(18)] public ImmutableArray<PlanChangeView> Changes { get; init; } = [];
}

/// <summary>
/// One change of a plan: kind (amended, paused, resumed), when, why, the plan sequences of the visits it opened, moved and
/// cancelled, the moved ones whose worker could not keep the new window (left without a worker), and whether every visit
/// has been dealt with yet (false only while a change a crash interrupted waits to be finished).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.PlanChangeView")]
public sealed record PlanChangeView(
    [property: Id(0)] string Kind, [property: Id(1)] DateTimeOffset At, [property: Id(2)] string Reason, [property: Id(3)] ImmutableArray<int> Added,
    [property: Id(4)] ImmutableArray<int> Moved, [property: Id(5)] ImmutableArray<int> Cancelled, [property: Id(6)] ImmutableArray<int> Unassigned,
    [property: Id(7)] bool Applied);

/// <summary>A plan's statuses.</summary>
public static class RehabPlanStatus
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Ended = "ended";
}

/// <summary>One occurrence of a plan; DroppedBy (amended, paused) when a change of the plan called it off.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.PlanVisitView")]
public sealed record PlanVisitView(
    [property: Id(0)] int Sequence, [property: Id(1)] Guid VisitId, [property: Id(2)] string? Number,
    [property: Id(3)] DateTimeOffset WindowStart, [property: Id(4)] DateTimeOffset WindowEnd,
    [property: Id(5)] string? DroppedBy = null);

[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.PlanOpening")]
public sealed record PlanOpening([property: Id(0)] RehabPlanView Plan, [property: Id(1)] bool Created);

/// <summary>What a plan hands each of its visits when it creates them.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.PlanSlot")]
public sealed record PlanSlot(
    [property: Id(0)] Guid PlanId, [property: Id(1)] int Sequence, [property: Id(2)] PersonView Person, [property: Id(3)] string PersonId,
    [property: Id(4)] string ServiceType, [property: Id(5)] string ProviderCode, [property: Id(6)] DateTimeOffset WindowStart,
    [property: Id(7)] DateTimeOffset WindowEnd, [property: Id(8)] DateTimeOffset RequestedAt, [property: Id(9)] string? Note);

/// <summary>What a plan's amendment asks of one of its visits: a new window, and why.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.PlanMoveRequest")]
public sealed record PlanMoveRequest(
    [property: Id(0)] Guid PlanId, [property: Id(1)] DateTimeOffset WindowStart, [property: Id(2)] DateTimeOffset WindowEnd, [property: Id(3)] string Reason);

/// <summary>The visit after a plan moved it; WorkerReleased when its worker could not keep the new window.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.PlanMove")]
public sealed record PlanMove([property: Id(0)] RehabVisitView Visit, [property: Id(1)] bool WorkerReleased);
