using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Units;

/// <summary>The single writer of the service-unit list (centres, legal-aid stations, rehabilitation providers).</summary>
[Alias("Dispatch.Units.IUnitRegistryGrain")]
public interface IUnitRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds a unit; its code must be new.</summary>
    [Alias("Add")]
    Task<Outcome<UnitRecord>> Add(UnitDefinition unit, Actor actor);

    /// <summary>Changes an existing unit (name, kind, county, contact, active, routing share).</summary>
    [Alias("Change")]
    Task<Outcome<UnitRecord>> Change(UnitDefinition unit, Actor actor);
}

public static class UnitRegistry
{
    /// <summary>There is one registry for the whole deployment.</summary>
    public const string Key = "jiaxing";
}

/// <param name="RoutingShare">
/// Its share of the work when several active units of its kind serve its county (1-100; automatic routing keeps their
/// open loads in proportion to their shares). Null keeps a unit's current share; a new unit gets 1.
/// </param>
/// <param name="Email">Where the unit's notices go by e-mail (as the phone, by SMS); none: no e-mail.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Units.UnitDefinition")]
public sealed record UnitDefinition(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? NameEn,
    [property: Id(3)] string? Kind,
    [property: Id(4)] string? CountyCode,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? Address,
    [property: Id(7)] bool Active = true,
    [property: Id(8)] int? RoutingShare = null,
    [property: Id(9)] string? Email = null);

[GenerateSerializer, Immutable, Alias("Dispatch.Units.UnitRecord")]
public sealed record UnitRecord(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string Kind,
    [property: Id(4)] string CountyCode,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? Address,
    [property: Id(7)] bool Active,
    [property: Id(8)] int Version,
    [property: Id(9)] int RoutingShare = 1,
    [property: Id(10)] string? Email = null);
