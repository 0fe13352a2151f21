using System.Collections.Frozen;

namespace Dispatch.Fields;

/// <summary>The areas an intake may name: county codes (city level 330400 included) and which county each town belongs to.</summary>
public sealed class IntakeReference
{
    /// <exception cref="ArgumentException">A town names a county that is not in <paramref name="countyCodes"/>.</exception>
    public IntakeReference(IEnumerable<string> countyCodes, IReadOnlyDictionary<string, string> townCounties)
    {
        CountyCodes = countyCodes.ToFrozenSet(StringComparer.Ordinal);
        TownCounties = townCounties.ToFrozenDictionary(StringComparer.Ordinal);
        // A town pointing at a missing county would let an intake resolve to a county nobody serves.
        var orphan = TownCounties.FirstOrDefault(pair => !CountyCodes.Contains(pair.Value));
        if (orphan.Key is not null)
        {
            throw new ArgumentException($"Town {orphan.Key} belongs to county {orphan.Value}, which is not among the county codes.", nameof(townCounties));
        }
    }

    public IReadOnlySet<string> CountyCodes { get; }

    /// <summary>Town code (9 digits) to the code of its county.</summary>
    public IReadOnlyDictionary<string, string> TownCounties { get; }
}
