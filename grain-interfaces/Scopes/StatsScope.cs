namespace Dispatch.Scopes;

public enum StatsScopeKind
{
    City,
    County,
    Unit,
}

/// <summary>Where measures are kept and watched: the whole city, one county (by its area code), or one unit.</summary>
public sealed record StatsScope(StatsScopeKind Kind, string Code)
{
    public static readonly StatsScope City = new(StatsScopeKind.City, ActorScope.CityCode);

    /// <summary>The canonical text: city, county:330402, unit:330402-CENTRE. Counter rows and hub groups use it.</summary>
    public string Key { get; } = Kind switch
    {
        StatsScopeKind.City => "city",
        StatsScopeKind.County => "county:" + Code,
        _ => "unit:" + Code,
    };

    public static StatsScope County(string code) => new(StatsScopeKind.County, code);

    public static StatsScope Unit(string code) => new(StatsScopeKind.Unit, code);

    /// <summary>Reads the canonical text; a county must be six digits and a unit code non-empty. Whether it exists is not checked here.</summary>
    public static bool TryParse(string? text, out StatsScope scope)
    {
        scope = City;
        var value = text?.Trim() ?? "";
        if (value == "city")
        {
            return true;
        }
        if (value.StartsWith("county:", StringComparison.Ordinal) && value[7..] is { Length: 6 } county && county.All(char.IsAsciiDigit))
        {
            scope = County(county);
            return true;
        }
        if (value.StartsWith("unit:", StringComparison.Ordinal) && value[5..] is { Length: > 0 and <= 64 } unit && !unit.Any(char.IsWhiteSpace))
        {
            scope = Unit(unit.ToUpperInvariant());
            return true;
        }
        return false;
    }

    /// <summary>The scopes an item counts in: the city, its county and, when it has one, its unit.</summary>
    public static IReadOnlyList<string> KeysOf(string countyCode, string? unitCode) => unitCode is null
        ? ["city", "county:" + countyCode]
        : ["city", "county:" + countyCode, "unit:" + unitCode];

    public override string ToString() => Key;
}
