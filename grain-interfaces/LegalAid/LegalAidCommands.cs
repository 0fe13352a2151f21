using Dispatch.Items;
using Dispatch.People;

namespace Dispatch.LegalAid;

// Requests for the case operations. Fields are nullable so that missing input becomes a field error, not a 500.

/// <summary>
/// 法律援助申请. At a station: every applicant field is needed. From a ticket: applicant fields left out are taken from
/// the ticket's caller. The station is stationCode when given, else the legal-aid station of the applicant's county
/// (the city station when cityLevel is true or the county is 330400).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.LegalAidApplication")]
public sealed record LegalAidApplication
{
    [Id(0)] public PersonInput? Applicant { get; init; }
    [Id(1), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.CaseTypes))] public string? CaseType { get; init; }
    /// <summary>案情简述: what the applicant needs help with.</summary>
    [Id(2)] public string? Summary { get; init; }
    [Id(3)] public bool? CityLevel { get; init; }
    [Id(4)] public string? StationCode { get; init; }
}

/// <summary>A note for accept, receive documents, grant, record progress, archive and supervise.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.CaseNote")]
public sealed record CaseNote([property: Id(0)] string? Note);

/// <summary>补充材料: what is missing; the decision clock pauses until received.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RequestDocuments")]
public sealed record RequestDocuments([property: Id(0)] string? Documents, [property: Id(1)] string? Note);

/// <summary>不予援助: the reasons are told to the applicant, who may object.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RefuseAid")]
public sealed record RefuseAid([property: Id(0)] string? Reasons);

/// <summary>异议: the applicant's objection to a refusal, within the objection window.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RecordObjection")]
public sealed record RecordObjection([property: Id(0)] string? Grounds);

/// <summary>异议审查: decision is "grant" or "uphold_refusal".</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.DecideObjection")]
public sealed record DecideObjection([property: Id(0), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.ObjectionDecisions))] string? Decision, [property: Id(1)] string? Note);

/// <summary>指派: kind is "lawyer" or "legal_worker".</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.AssignHandler")]
public sealed record AssignHandler(
    [property: Id(0)] string? HandlerName, [property: Id(1), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.HandlerKinds))] string? Kind, [property: Id(2)] string? Organisation, [property: Id(3)] string? Phone);

/// <summary>委托协议: the date it was signed (local date, not in the future).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RecordAgreement")]
public sealed record RecordAgreement([property: Id(0)] DateOnly? SignedOn, [property: Id(1)] string? Note);

/// <summary>结案: outcome is one of won, partly_won, mediated, lost, terminated, other.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.ConcludeCase")]
public sealed record ConcludeCase([property: Id(0), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.Outcomes))] string? Outcome, [property: Id(1)] string? Summary);
