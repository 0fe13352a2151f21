using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.PersonalData;

namespace Dispatch.LegalAid;

/// <summary>
/// The roster (值班名册) of one legal-aid station, keyed by the station's code: the lawyers and legal workers the station
/// assigns cases to. Staff of the station and supervisors over its county read it; the station's head (负责人) and
/// administrators change it; outside that scope the roster does not exist (404). Every change is kept in the reference
/// history with who and when. Phone and licence number are masked in every answer; a full value only through Reveal.
/// </summary>
[Alias("Dispatch.LegalAid.ILegalAidRosterGrain")]
public interface ILegalAidRosterGrain : IGrainWithStringKey
{
    [Alias("List")] Task<Outcome<ImmutableArray<RosterMember>>> List(Actor actor);

    [Alias("Add")] Task<Outcome<RosterMember>> Add(RosterMemberInput member, Actor actor);

    /// <summary>Replaces the member's entry; expectedVersion, when given, must equal the entry's version.</summary>
    [Alias("Change")] Task<Outcome<RosterMember>> Change(Guid memberId, RosterMemberInput member, Actor actor, int? expectedVersion);

    /// <summary>The full phone or licence number (fields <see cref="RosterVocabulary.RevealableFields"/>), logged first.</summary>
    [Alias("Reveal")] Task<Outcome<RevealedValue>> Reveal(Guid memberId, RevealRequest request, string? clientAddress, Actor actor);
}

/// <summary>A roster entry as entered. Fields of practice are case types; leave dates belong to status on_leave.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RosterMemberInput")]
public sealed record RosterMemberInput
{
    [Id(0)] public string? Name { get; init; }
    [Id(1), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.HandlerKinds))] public string? Kind { get; init; }
    /// <summary>律师事务所 or 法律服务所.</summary>
    [Id(2)] public string? Organisation { get; init; }
    [Id(3)] public string? Phone { get; init; }
    /// <summary>执业证号.</summary>
    [Id(4)] public string? LicenceNumber { get; init; }
    /// <summary>Fields of practice, as case types (labour_dispute, marriage_family, ...); none: any field.</summary>
    [Id(5)] public ImmutableArray<string>? Fields { get; init; }
    [Id(6), ClosedSet(typeof(RosterVocabulary), nameof(RosterVocabulary.Statuses))] public string? Status { get; init; }
    [Id(7)] public DateOnly? LeaveFrom { get; init; }
    [Id(8)] public DateOnly? LeaveUntil { get; init; }
    /// <summary>The most open (assigned or in progress) cases the member takes at once.</summary>
    [Id(9)] public int? MaxOpenCases { get; init; }
    /// <summary>Parties the member declared a conflict of interest for (利益冲突): never assigned a case with them.</summary>
    [Id(10)] public ImmutableArray<string>? DeclaredConflicts { get; init; }
}

/// <summary>A roster entry as answered: phone and licence number masked.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RosterMember")]
public sealed record RosterMember(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string StationCode,
    [property: Id(2)] string Name,
    [property: Id(3), ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.HandlerKinds))] string Kind,
    [property: Id(4)] string? Organisation,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? LicenceNumber,
    [property: Id(7)] ImmutableArray<string> Fields,
    [property: Id(8), ClosedSet(typeof(RosterVocabulary), nameof(RosterVocabulary.Statuses))] string Status,
    [property: Id(9)] DateOnly? LeaveFrom,
    [property: Id(10)] DateOnly? LeaveUntil,
    [property: Id(11)] int MaxOpenCases,
    [property: Id(12)] ImmutableArray<string> DeclaredConflicts,
    [property: Id(13)] int Version)
{
    /// <summary>Records print themselves into logs: the phone and licence stay out.</summary>
    public override string ToString() => $"RosterMember {{ Id = {Id}, StationCode = {StationCode}, Status = {Status}, Version = {Version} }}";

    /// <summary>As a user sees it: numbers masked; the declared parties' names masked for supervisors.</summary>
    public RosterMember MaskedFor(Actor actor) => this with
    {
        Phone = PersonalDataMasks.MaskOptionalPhone(Phone),
        LicenceNumber = RosterVocabulary.MaskLicence(LicenceNumber),
        DeclaredConflicts = PersonalDataMasks.SeesNames(actor) ? DeclaredConflicts : [.. DeclaredConflicts.Select(PersonalDataMasks.MaskName)],
    };
}

public static class RosterVocabulary
{
    public const string Active = "active";
    /// <summary>休假: away from LeaveFrom to LeaveUntil (both inclusive); active on the other days.</summary>
    public const string OnLeave = "on_leave";
    /// <summary>离开: no longer on the roster's rotation; kept for the cases it handled.</summary>
    public const string Left = "left";

    public static IReadOnlySet<string> Statuses { get; } = new HashSet<string>(StringComparer.Ordinal) { Active, OnLeave, Left };

    public const string PhoneField = "phone";
    public const string LicenceField = "licenceNumber";

    public static readonly ImmutableArray<string> RevealableFields = [PhoneField, LicenceField];

    /// <summary>The type under which a full view of a member's number is logged.</summary>
    public const string ItemType = "legal_aid_roster_member";

    /// <summary>A licence number shows its first four and last two characters.</summary>
    public static string? MaskLicence(string? licence) => licence switch
    {
        null => null,
        { Length: > 6 } => string.Concat(licence.AsSpan(0, 4), new string('*', licence.Length - 6), licence.AsSpan(licence.Length - 2)),
        _ => new string('*', licence.Length),
    };
}

/// <summary>
/// The roster's offer for one case (轮派): every member of the station with whether it may take the case and, if not,
/// why (<see cref="RotationSkips"/>); Pick is the eligible member the rotation offers, null when none is eligible.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RotationOffer")]
public sealed record RotationOffer([property: Id(0)] Guid? Pick, [property: Id(1)] ImmutableArray<RotationEntry> Members);

/// <param name="Skip">Why the member may not take this case (RotationSkips); null when eligible.</param>
/// <param name="ConflictParty">With a conflict: the party the member acted for or against, or declared (masked for supervisors).</param>
/// <param name="ConflictCase">With a conflict from an earlier case: that case's number.</param>
/// <param name="OtherField">Eligible, but does not practise in the case's field while another eligible member does.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.LegalAid.RotationEntry")]
public sealed record RotationEntry(
    [property: Id(0)] RosterMember Member,
    [property: Id(1)] int OpenCases,
    [property: Id(2)] DateTimeOffset? LastAssignedAt,
    [property: Id(3), ClosedSet(typeof(RotationSkips), nameof(RotationSkips.All))] string? Skip,
    [property: Id(4)] string? ConflictParty,
    [property: Id(5)] string? ConflictCase,
    [property: Id(6)] bool OtherField);

public static class RotationSkips
{
    public const string Left = "left";
    public const string OnLeave = "on_leave";
    public const string AtCap = "at_cap";
    public const string Conflict = "conflict";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Left, OnLeave, AtCap, Conflict };
}
