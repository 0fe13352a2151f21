using Dispatch.Scopes;

namespace Dispatch.Stats;

/// <summary>What every <see cref="IBreachRiskSource"/> does alike: the units' counties, the estimate on an item, the ranking.</summary>
public static class BreachRiskLists
{
    /// <summary>
    /// The county of each unit the candidates are held by (the unit's own, from the reference data; else the county of
    /// its first candidate), for the history's fallback from unit to county.
    /// </summary>
    public static async Task<Dictionary<string, string>> UnitCountiesAsync(ScopeDirectory scopes, IEnumerable<(string Unit, string County)> held)
    {
        var counties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (unit, county) in held)
        {
            if (!counties.ContainsKey(unit))
            {
                counties[unit] = (await scopes.FindAsync(StatsScope.Unit(unit)))?.UnitCounty ?? county;
            }
        }
        return counties;
    }

    /// <summary>The item with an estimate's figures and its flag (none without enough history).</summary>
    public static BreachRiskItem Estimated(BreachRiskItem item, BreachEstimate? estimate) => item with
    {
        Risk = estimate?.Risk, Basis = estimate?.Basis, Comparable = estimate?.Comparable ?? 0, Longer = estimate?.Longer ?? 0,
        AtRisk = BreachRiskRules.Flags(estimate),
    };

    /// <summary>The answer: riskiest first, items without an estimate last, then by due time.</summary>
    public static BreachRisks Ranked(StatsScope scope, DateTimeOffset now, IEnumerable<BreachRiskItem> items) =>
        new(scope.Key, now, BreachRiskRules.MinimumHistory, BreachRiskRules.FlagAt,
            [.. items.OrderByDescending(i => i.Risk ?? -1).ThenBy(i => i.DueAt).ThenBy(i => i.Id)]);
}
