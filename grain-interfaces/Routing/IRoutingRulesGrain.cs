using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Routing;

/// <summary>The single writer of the routing rules (派单规则), which administrators change as data.</summary>
[Alias("Dispatch.Routing.IRoutingRulesGrain")]
public interface IRoutingRulesGrain : IGrainWithStringKey
{
    [Alias("Add")] Task<Outcome<RoutingRuleRecord>> Add(RoutingRuleDefinition rule, Actor actor);

    [Alias("Change")] Task<Outcome<RoutingRuleRecord>> Change(int id, RoutingRuleDefinition rule, Actor actor);
}

/// <summary>Where a rule applies (null = any) and the kind of unit it sends tickets to.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Routing.RoutingRuleDefinition")]
public sealed record RoutingRuleDefinition(
    [property: Id(0)] string? CountyCode,
    [property: Id(1)] string? TownCode,
    [property: Id(2)] string? Kind,
    [property: Id(3)] string? Topic,
    [property: Id(4)] string? UnitKind,
    [property: Id(5)] bool Active = true,
    [property: Id(6)] string? Note = null);

[GenerateSerializer, Immutable, Alias("Dispatch.Routing.RoutingRuleRecord")]
public sealed record RoutingRuleRecord(
    [property: Id(0)] int Id,
    [property: Id(1)] string? CountyCode,
    [property: Id(2)] string? TownCode,
    [property: Id(3)] string? Kind,
    [property: Id(4)] string? Topic,
    [property: Id(5)] string UnitKind,
    [property: Id(6)] bool Active,
    [property: Id(7)] string? Note);
