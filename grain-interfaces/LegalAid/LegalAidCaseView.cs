using Dispatch.Items;
using System.Collections.Immutable;
using Dispatch.People;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>A legal-aid case as the API shows it: current state, deadlines, and what may be done next.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.LegalAidCaseView")]
public sealed record LegalAidCaseView
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public string Number { get; init; } = "";
    [Id(2), ClosedSet(typeof(LegalAidStatus), nameof(LegalAidStatus.All))] public string Status { get; init; } = "";
    [Id(3), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.CaseTypes))] public string CaseType { get; init; } = "";
    [Id(4)] public PersonView Applicant { get; init; } = null!;
    [Id(5)] public string PersonId { get; init; } = "";
    [Id(6)] public string CountyCode { get; init; } = "";
    [Id(7)] public string StationCode { get; init; } = "";
    [Id(8)] public bool CityLevel { get; init; }
    [Id(9)] public string Summary { get; init; } = "";
    [Id(10)] public TicketLink? Ticket { get; init; }
    [Id(11)] public DateTimeOffset AppliedAt { get; init; }
    [Id(12)] public DateTimeOffset? AcceptedAt { get; init; }
    [Id(13)] public bool DocumentsPending { get; init; }
    [Id(14)] public ImmutableArray<DocumentRequestView> DocumentRequests { get; init; } = [];
    [Id(15)] public DateTimeOffset? DecidedAt { get; init; }
    [Id(16)] public string? RefusalReasons { get; init; }
    [Id(17)] public DateTimeOffset? ObjectionWindowEndsAt { get; init; }
    [Id(18)] public ObjectionView? Objection { get; init; }
    [Id(19)] public HandlerView? Handler { get; init; }
    [Id(20)] public DateOnly? AgreementSignedOn { get; init; }
    [Id(21)] public ImmutableArray<ProgressView> Progress { get; init; } = [];
    [Id(22)] public DateTimeOffset? ConcludedAt { get; init; }
    [Id(23)] public string? Outcome { get; init; }
    [Id(24)] public string? OutcomeSummary { get; init; }
    [Id(25)] public DateTimeOffset? ArchivedAt { get; init; }
    [Id(26)] public LegalAidDeadlines Deadlines { get; init; } = new(null, null, null, null);
    [Id(27)] public ImmutableArray<SupervisionView> SupervisionOrders { get; init; } = [];
    [Id(28)] public ImmutableArray<string> AllowedActions { get; init; } = [];
    [Id(29)] public int Version { get; init; }
    /// <summary>The eligibility checklist as last recorded; null until the station records it.</summary>
    [Id(30)] public EligibilityView? Eligibility { get; init; }
    /// <summary>Every move to another station, oldest first (the case's first station is the first from).</summary>
    [Id(31)] public ImmutableArray<TransferView> Transfers { get; init; } = [];
    [Id(32)] public DateTimeOffset? WithdrawnAt { get; init; }
    [Id(33)] public DateTimeOffset? TerminatedAt { get; init; }
    [Id(34), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.TerminationReasons))] public string? TerminationReason { get; init; }
    [Id(35)] public string? TerminationNote { get; init; }

    /// <summary>承办人: the member of the station who works the case; null when nobody has taken it.</summary>
    [Id(36)] public ItemAssignee? Assignee { get; init; }

    /// <summary>对方当事人, when recorded at application (masked for supervisors like every name).</summary>
    [Id(37)] public string? OpposingParty { get; init; }
}

[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.TransferView")]
public sealed record TransferView(
    [property: Id(0)] string FromStation, [property: Id(1)] string ToStation, [property: Id(2)] string Reason, [property: Id(3)] DateTimeOffset At);

/// <summary>
/// The eligibility checklist (资格审查) with what is still missing: scope, means, meansBasis, exemptMatter, exemptPerson,
/// jurisdiction. Complete when nothing is missing and the station is competent.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.EligibilityView")]
public sealed record EligibilityView(
    [property: Id(0), ClosedSet(typeof(EligibilityVocabulary), nameof(EligibilityVocabulary.Scopes))] string? Scope,
    [property: Id(1), ClosedSet(typeof(EligibilityVocabulary), nameof(EligibilityVocabulary.Means))] string? Means,
    [property: Id(2)] string? MeansBasis,
    [property: Id(3), ClosedSet(typeof(EligibilityVocabulary), nameof(EligibilityVocabulary.ExemptMatters))] string? ExemptMatter,
    [property: Id(4), ClosedSet(typeof(EligibilityVocabulary), nameof(EligibilityVocabulary.ExemptPersons))] string? ExemptPerson,
    [property: Id(5)] bool? Competent,
    [property: Id(6)] string? Note,
    [property: Id(7)] DateTimeOffset RecordedAt,
    [property: Id(8)] ImmutableArray<string> Missing,
    [property: Id(9)] bool Complete);

/// <summary>The four clocks of a case (法律援助法 and 办理法律援助案件程序规定); a clock not started yet is null.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.LegalAidDeadlines")]
public sealed record LegalAidDeadlines(
    [property: Id(0)] DeadlineView? Decision,
    [property: Id(1)] DeadlineView? Assignment,
    [property: Id(2)] DeadlineView? Agreement,
    [property: Id(3)] DeadlineView? ObjectionReview);

[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.DocumentRequestView")]
public sealed record DocumentRequestView(
    [property: Id(0)] string Documents, [property: Id(1)] string? Note, [property: Id(2)] DateTimeOffset RequestedAt, [property: Id(3)] DateTimeOffset? ReceivedAt,
    [property: Id(4)] DateOnly? RespondBy);

[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.ObjectionView")]
public sealed record ObjectionView(
    [property: Id(0)] string Grounds, [property: Id(1)] DateTimeOffset RecordedAt, [property: Id(2)] string? Decision,
    [property: Id(3)] string? Note, [property: Id(4)] DateTimeOffset? DecidedAt);

[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.HandlerView")]
public sealed record HandlerView(
    [property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string? Organisation,
    [property: Id(3)] string? Phone, [property: Id(4)] DateTimeOffset AssignedAt,
    [property: Id(5)] Guid? MemberId = null, [property: Id(6)] bool? RotationPick = null, [property: Id(7)] string? Reason = null);

[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.ProgressView")]
public sealed record ProgressView([property: Id(0)] string Note, [property: Id(1)] string By, [property: Id(2)] DateTimeOffset At);

/// <summary>Opening answers whether this call created the case or found it by its idempotency key.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.CaseOpening")]
public sealed record CaseOpening([property: Id(0)] LegalAidCaseView Case, [property: Id(1)] bool Created);
