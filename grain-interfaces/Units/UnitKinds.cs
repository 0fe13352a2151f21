namespace Dispatch.Units;

/// <summary>The kinds of service unit: county dispute-resolution centres, legal-aid stations, rehabilitation providers.</summary>
public static class UnitKinds
{
    public const string Centre = "centre";
    public const string LegalAid = "legal_aid";
    public const string Rehab = "rehab";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Centre, LegalAid, Rehab };
}
