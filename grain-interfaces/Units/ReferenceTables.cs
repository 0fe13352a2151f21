namespace Dispatch.Units;

/// <summary>The reference tables whose changes are kept in reference_changes (migration 0200).</summary>
public static class ReferenceTables
{
    public const string Units = "units";
    public const string Towns = "towns";
    public const string RoutingRules = "routing_rules";
}
