namespace Dispatch.Units;

/// <summary>
/// The kinds of service unit: county dispute-resolution centres, legal-aid stations, rehabilitation providers, and the
/// city's designated body for petition reviews (复查 / 复核) of city-level answers and for re-reviews.
/// </summary>
public static class UnitKinds
{
    public const string Centre = "centre";
    public const string LegalAid = "legal_aid";
    public const string Rehab = "rehab";
    public const string PetitionReview = "petition_review";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Centre, LegalAid, Rehab, PetitionReview };
}
