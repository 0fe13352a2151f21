using System.Collections.Frozen;

namespace Dispatch.Units;

/// <summary>
/// Every service unit as items need to know them, in memory: found by code, or as the unit of a kind that serves an area
/// (the active one first by code, ordinal as the database's C collation orders it). Immutable: a change is a new set.
/// </summary>
public sealed class UnitSet
{
    private readonly FrozenDictionary<string, UnitInfo> byCode;
    private readonly FrozenDictionary<(string AreaCode, string Kind), UnitInfo[]> serving;

    public UnitSet(IEnumerable<UnitInfo> units)
    {
        byCode = units.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);
        serving = byCode.Values
            .Where(u => u.Active)
            .GroupBy(u => (u.AreaCode, u.Kind))
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(u => u.Code, StringComparer.Ordinal).ToArray());
    }

    public int Count => byCode.Count;

    public UnitInfo? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : byCode.GetValueOrDefault(code.Trim());

    /// <summary>The active unit of this kind in the area; with several, the first by code (for kinds an area has one of).</summary>
    public UnitInfo? Serving(string areaCode, string kind) => Candidates(areaCode, kind) is [var first, ..] ? first : null;

    /// <summary>Every active unit of this kind in the area, first by code.</summary>
    public IReadOnlyList<UnitInfo> Candidates(string areaCode, string kind) => serving.GetValueOrDefault((areaCode, kind)) ?? [];

    /// <summary>True when both sets hold the same units with the same facts.</summary>
    public bool SameAs(UnitSet other) =>
        Count == other.Count && byCode.All(pair => other.byCode.TryGetValue(pair.Key, out var unit) && unit == pair.Value);
}
