using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Schema;

/// <summary>The shape of deploy/reference-data/jiaxing.json.</summary>
public sealed record ReferenceDataFile(
    int Version,
    AreaEntry City,
    IReadOnlyList<CountyEntry> Counties,
    IReadOnlyList<UnitEntry> Units)
{
    public static readonly IReadOnlySet<string> UnitKinds = new HashSet<string>(StringComparer.Ordinal) { "centre", "legal_aid", "rehab", "petition_review" };
    public static readonly IReadOnlySet<string> TownKinds = new HashSet<string>(StringComparer.Ordinal) { "town", "subdistrict" };

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static ReferenceDataFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ReferenceDataException($"Reference data file not found: {path}");
        }
        ReferenceDataFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ReferenceDataFile>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new ReferenceDataException($"Reference data file {path} is not valid JSON: {ex.Message}", ex);
        }
        if (file is null)
        {
            throw new ReferenceDataException($"Reference data file {path} is empty.");
        }
        file.Validate(path);
        return file;
    }

    /// <summary>Throws naming the first bad entry, so an administrator can fix the file.</summary>
    public void Validate(string source)
    {
        var areaCodes = new HashSet<string>(StringComparer.Ordinal) { City.Code };
        foreach (var county in Counties ?? [])
        {
            Require(IsAreaCode(county.Code), source, $"county '{county.Name}' has an invalid code '{county.Code}' (6 digits expected)");
            Require(areaCodes.Add(county.Code), source, $"county code {county.Code} appears twice");
            Require(!string.IsNullOrWhiteSpace(county.Name), source, $"county {county.Code} has no name");
        }
        var townCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var county in Counties ?? [])
        {
            foreach (var town in county.Towns ?? [])
            {
                Require(town.Code.StartsWith(county.Code, StringComparison.Ordinal) && town.Code.Length == 9 && town.Code.All(char.IsAsciiDigit),
                    source, $"town '{town.Name}' has code '{town.Code}', which must be 9 digits starting with its county code {county.Code}");
                Require(townCodes.Add(town.Code), source, $"town code {town.Code} appears twice");
                Require(TownKinds.Contains(town.Kind), source, $"town {town.Code} has kind '{town.Kind}' (expected town or subdistrict)");
            }
        }
        var unitCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in Units ?? [])
        {
            Require(!string.IsNullOrWhiteSpace(unit.Code), source, $"unit '{unit.Name}' has no code");
            Require(unitCodes.Add(unit.Code), source, $"unit code {unit.Code} appears twice");
            Require(UnitKinds.Contains(unit.Kind), source, $"unit {unit.Code} has kind '{unit.Kind}' (expected centre, legal_aid or rehab)");
            Require(areaCodes.Contains(unit.CountyCode), source, $"unit {unit.Code} names unknown county {unit.CountyCode}");
        }
    }

    public static bool IsAreaCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    private static void Require(bool condition, string source, string message)
    {
        if (!condition)
        {
            throw new ReferenceDataException($"Reference data {source}: {message}.");
        }
    }
}

public sealed record AreaEntry(string Code, string Name, string NameEn);

public sealed record CountyEntry(string Code, string Name, string NameEn, IReadOnlyList<TownEntry> Towns);

public sealed record TownEntry(string Code, string Name, string NameEn, string Kind);

public sealed record UnitEntry(string Code, string Name, string NameEn, string Kind, string CountyCode, string? Phone, string? Address);

/// <summary>The reference data file is missing or wrong.</summary>
public sealed class ReferenceDataException : Exception
{
    public ReferenceDataException(string message) : base(message) { }
    public ReferenceDataException(string message, Exception inner) : base(message, inner) { }
    public ReferenceDataException() { }
}
