namespace Dispatch.Routing;

/// <summary>One routing rule: where it applies (null = any) and which kind of unit gets the ticket.</summary>
public sealed record RoutingRule(int Id, string? CountyCode, string? TownCode, string? Kind, string? Topic, string UnitKind);

/// <summary>The facts of a ticket that routing looks at.</summary>
public sealed record RoutingSubject(string CountyCode, string? TownCode, string Kind, string Topic);

/// <summary>Chooses the unit kind for a ticket: of the rules that match, the most specific wins (town beats county beats any; then kind, then topic).</summary>
public static class RoutingRules
{
    public static string? Choose(IEnumerable<RoutingRule> rules, RoutingSubject subject) => rules
        .Where(r => Matches(r, subject))
        .OrderByDescending(Specificity)
        .ThenBy(r => r.Id)
        .Select(r => r.UnitKind)
        .FirstOrDefault();

    private static bool Matches(RoutingRule rule, RoutingSubject subject) =>
        (rule.CountyCode is null || rule.CountyCode == subject.CountyCode)
        && (rule.TownCode is null || rule.TownCode == subject.TownCode)
        && (rule.Kind is null || rule.Kind == subject.Kind)
        && (rule.Topic is null || rule.Topic == subject.Topic);

    private static int Specificity(RoutingRule rule) =>
        (rule.TownCode is null ? 0 : 8) + (rule.CountyCode is null ? 0 : 4) + (rule.Kind is null ? 0 : 2) + (rule.Topic is null ? 0 : 1);
}
