using System.Collections.Immutable;

namespace Dispatch.PersonalData;

/// <summary>The personal fields each kind of item reveals, by the names its view gives them.</summary>
public static class RevealableFields
{
    public const string CallerPhone = "callerPhone";
    public const string ApplicantPhone = "applicantPhone";
    public const string PersonPhone = "personPhone";
    public const string ResidentId = "residentId";
    public const string DisabilityCertificate = "disabilityCertificate";
    public const string GuardianPhone = "guardianPhone";
    public const string OtherContact = "otherContact";

    /// <summary>A ticket's caller.</summary>
    public static readonly ImmutableArray<string> Ticket = [CallerPhone, ResidentId, DisabilityCertificate, GuardianPhone, OtherContact];

    /// <summary>A legal-aid case's applicant.</summary>
    public static readonly ImmutableArray<string> LegalAidCase = [ApplicantPhone, ResidentId, DisabilityCertificate];

    /// <summary>The person a visit, or a plan of visits, is for.</summary>
    public static readonly ImmutableArray<string> Rehab = [PersonPhone, ResidentId, DisabilityCertificate];
}
