using Dispatch.Items;
using Dispatch.People;

namespace Dispatch.Rehab;

// Requests for the visit and plan operations. Fields are nullable so that missing input becomes a field error, not a 500.

/// <summary>
/// 上门康复申请 for one visit. The provider is providerCode when given, else the rehabilitation provider of the person's
/// county. With windowStart the visit is scheduled at once (window length windowMinutes, default from the rules).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.VisitRequest")]
public sealed record VisitRequest
{
    [Id(0)] public PersonInput? Person { get; init; }
    [Id(1), ClosedSet(typeof(RehabVocabulary), nameof(RehabVocabulary.ServiceTypes))] public string? ServiceType { get; init; }
    [Id(2)] public string? ProviderCode { get; init; }
    [Id(3)] public DateTimeOffset? WindowStart { get; init; }
    [Id(4)] public int? WindowMinutes { get; init; }
    [Id(5)] public string? Note { get; init; }
}

/// <summary>
/// 康复计划: recurring visits, e.g. weekly for 12 weeks. Each visit becomes its own actor, scheduled in its window; a
/// visit that falls on a public holiday moves to the nearest earlier working day (later when that would pass the previous one).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.PlanRequest")]
public sealed record PlanRequest
{
    [Id(0)] public PersonInput? Person { get; init; }
    [Id(1), ClosedSet(typeof(RehabVocabulary), nameof(RehabVocabulary.ServiceTypes))] public string? ServiceType { get; init; }
    [Id(2)] public string? ProviderCode { get; init; }
    [Id(3)] public DateTimeOffset? FirstWindowStart { get; init; }
    [Id(4)] public int? WindowMinutes { get; init; }
    /// <summary>weekly or fortnightly.</summary>
    [Id(5)] public string? Frequency { get; init; }
    /// <summary>How many visits, 1 to 52.</summary>
    [Id(6)] public int? Count { get; init; }
    [Id(7)] public string? Note { get; init; }
}

/// <summary>排期 and 改期: a window start and length; rescheduling needs a reason and keeps the earlier window in the history.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.ScheduleVisit")]
public sealed record ScheduleVisit([property: Id(0)] DateTimeOffset? WindowStart, [property: Id(1)] int? WindowMinutes, [property: Id(2)] string? Reason);

/// <summary>派人: the provider's worker; one worker cannot be booked for two overlapping visits.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.AssignWorker")]
public sealed record AssignWorker([property: Id(0)] string? WorkerId, [property: Id(1)] string? WorkerName);

/// <summary>A note for check-in and supervision.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.VisitNote")]
public sealed record VisitNote([property: Id(0)] string? Note);

/// <summary>服务记录: what was done. Given at completion it also files the record; otherwise the record clock runs.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.VisitRecord")]
public sealed record VisitRecord([property: Id(0)] string? Notes);

/// <summary>Why a plan ends (终止计划) before its last visit.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.EndPlan")]
public sealed record EndPlan([property: Id(0)] string? Reason);

/// <summary>Why a visit was missed or cancelled.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.VisitReason")]
public sealed record VisitReason([property: Id(0)] string? Reason);

/// <summary>
/// 调整计划, going forward: the plan's number of visits, its frequency and/or the local time (HH:mm, Jiaxing) and length of
/// its visits not yet started. Fields left out stay as they are; a reason is required.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.AmendPlan")]
public sealed record AmendPlan
{
    /// <summary>How many visits the plan has in all (those already done or under way count), 1 to 52.</summary>
    [Id(0)] public int? Count { get; init; }
    /// <summary>weekly or fortnightly.</summary>
    [Id(1)] public string? Frequency { get; init; }
    /// <summary>The local start time (HH:mm, Jiaxing) of the visits not yet started.</summary>
    [Id(2)] public string? TimeOfDay { get; init; }
    [Id(3)] public int? WindowMinutes { get; init; }
    [Id(4)] public string? Reason { get; init; }
}

/// <summary>暂停: from a local date (today or later), optionally until one (inclusive), with a reason.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.PausePlan")]
public sealed record PausePlan([property: Id(0)] DateOnly? From, [property: Id(1)] DateOnly? Until, [property: Id(2)] string? Reason);

/// <summary>恢复: the paused plan continues; the visits the pause called off are opened again after it.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.ResumePlan")]
public sealed record ResumePlan([property: Id(0)] string? Reason);
