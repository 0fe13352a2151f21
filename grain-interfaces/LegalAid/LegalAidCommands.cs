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
    /// <summary>对方当事人: the other side of the dispute, when known (the conflict check compares it).</summary>
    [Id(5)] public string? OpposingParty { get; init; }
}

/// <summary>A note for accept, receive documents, grant, record progress, archive and supervise.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.CaseNote")]
public sealed record CaseNote([property: Id(0)] string? Note);

/// <summary>
/// 补充材料: what is missing; the decision clock pauses until received. respondBy is the day the station sets in its notice
/// (法律援助法 Art. 43: an applicant who does not supply them as asked is deemed to withdraw); without it no withdrawal follows.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RequestDocuments")]
public sealed record RequestDocuments([property: Id(0)] string? Documents, [property: Id(1)] string? Note, [property: Id(2)] DateOnly? RespondBy = null);

/// <summary>不予援助: the reasons are told to the applicant, who may object.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RefuseAid")]
public sealed record RefuseAid([property: Id(0)] string? Reasons);

/// <summary>异议: the applicant's objection to a refusal, within the objection window.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RecordObjection")]
public sealed record RecordObjection([property: Id(0)] string? Grounds);

/// <summary>异议审查: decision is "grant" or "uphold_refusal".</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.DecideObjection")]
public sealed record DecideObjection([property: Id(0), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.ObjectionDecisions))] string? Decision, [property: Id(1)] string? Note);

/// <summary>
/// 指派: memberId names a member of the station's roster (the rotation's pick, or another eligible member with a reason);
/// the handler's name, kind, organisation and phone are the roster's. Required: nobody is assigned by hand.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.AssignHandler")]
public sealed record AssignHandler([property: Id(0)] Guid? MemberId, [property: Id(1)] string? Reason = null);

/// <summary>委托协议: the date it was signed (local date, not in the future).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RecordAgreement")]
public sealed record RecordAgreement([property: Id(0)] DateOnly? SignedOn, [property: Id(1)] string? Note);

/// <summary>结案: outcome is one of won, partly_won, mediated, lost, terminated, other.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.ConcludeCase")]
public sealed record ConcludeCase([property: Id(0), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.Outcomes))] string? Outcome, [property: Id(1)] string? Summary);

/// <summary>
/// 资格审查: the eligibility checklist under 《法律援助法》: scope of aid (Art. 31, or criminal under Arts. 24–28); the means
/// condition (financial hardship by the provincial standard, Art. 34, with its basis; or a matter free of it, Art. 32; or a
/// person whose means are not verified, Art. 42); and jurisdiction (Art. 38: this station is competent). Items may be
/// recorded one at a time; each recording replaces the whole checklist. A grant needs it complete.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RecordEligibility")]
public sealed record RecordEligibility
{
    [Id(0), ClosedSet(typeof(EligibilityVocabulary), nameof(EligibilityVocabulary.Scopes))] public string? Scope { get; init; }
    [Id(1), ClosedSet(typeof(EligibilityVocabulary), nameof(EligibilityVocabulary.Means))] public string? Means { get; init; }
    /// <summary>With financial_hardship: what the station checked against the provincial standard (e.g. 低保证明).</summary>
    [Id(2)] public string? MeansBasis { get; init; }
    /// <summary>With exempt_matter: which matter of Art. 32.</summary>
    [Id(3), ClosedSet(typeof(EligibilityVocabulary), nameof(EligibilityVocabulary.ExemptMatters))] public string? ExemptMatter { get; init; }
    /// <summary>With not_verified: which group of Art. 42.</summary>
    [Id(4), ClosedSet(typeof(EligibilityVocabulary), nameof(EligibilityVocabulary.ExemptPersons))] public string? ExemptPerson { get; init; }
    /// <summary>Art. 38: true when this station is competent for the matter; false when it is not.</summary>
    [Id(5)] public bool? Competent { get; init; }
    [Id(6)] public string? Note { get; init; }
}

/// <summary>移送: the case goes to the legal-aid station competent for it (法律援助法 Art. 38), with the reason.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.TransferCase")]
public sealed record TransferCase([property: Id(0)] string? StationCode, [property: Id(1)] string? Reason);

/// <summary>终止法律援助 (法律援助法 Art. 48): reason is one of <see cref="LegalAidVocabulary.TerminationReasons"/>.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.TerminateAid")]
public sealed record TerminateAid(
    [property: Id(0), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.TerminationReasons))] string? Reason, [property: Id(1)] string? Note);
