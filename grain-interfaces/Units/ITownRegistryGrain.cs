using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Units;

/// <summary>
/// The single writer of the towns and sub-districts (镇/街道) of each county. A town is never deleted: tickets, cases and
/// visits name it, so only its names and kind change.
/// </summary>
[Alias("Dispatch.Units.ITownRegistryGrain")]
public interface ITownRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds a town to a county; its code must be new and begin with the county's code.</summary>
    [Alias("Add")]
    Task<Outcome<TownRecord>> Add(TownDefinition town, Actor actor);

    /// <summary>Changes a town's names and kind; its county stays.</summary>
    [Alias("Change")]
    Task<Outcome<TownRecord>> Change(TownDefinition town, Actor actor);
}

/// <param name="Code">The 9-digit statistical code: the county's 6 digits and 3 more (0xx sub-district, 1xx-2xx town).</param>
/// <param name="Kind"><c>town</c> (镇) or <c>subdistrict</c> (街道).</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Units.TownDefinition")]
public sealed record TownDefinition(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? CountyCode,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? NameEn,
    [property: Id(4)] string? Kind);

[GenerateSerializer, Immutable, Alias("Dispatch.Units.TownRecord")]
public sealed record TownRecord(
    [property: Id(0)] string Code,
    [property: Id(1)] string CountyCode,
    [property: Id(2)] string Name,
    [property: Id(3)] string NameEn,
    [property: Id(4)] string Kind);

public static class TownKinds
{
    public const string Town = "town";
    public const string Subdistrict = "subdistrict";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Town, Subdistrict };
}
