namespace Dispatch.Units;

/// <summary>The reference tables whose changes are kept in reference_changes (migration 0200; the roster from 0280).</summary>
public static class ReferenceTables
{
    public const string Units = "units";
    public const string Towns = "towns";
    public const string RoutingRules = "routing_rules";

    /// <summary>A legal-aid station's roster entries (migration 0280), keyed by the entry's id.</summary>
    public const string LegalAidRoster = "legal_aid_roster";
}
