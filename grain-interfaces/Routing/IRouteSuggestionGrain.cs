using Dispatch.Errors;

namespace Dispatch.Routing;

/// <summary>Read-only: which unit automatic dispatch would choose for a ticket with these facts, before it is dispatched.</summary>
[Alias("Dispatch.Routing.IRouteSuggestionGrain")]
public interface IRouteSuggestionGrain : IGrainWithIntegerKey
{
    [Alias("Suggest")] Task<Outcome<RouteSuggestion>> Suggest(RouteQuestion question);
}

/// <summary>The facts routing looks at, as an intake form holds them; the town, when given, decides the county.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Routing.RouteQuestion")]
public sealed record RouteQuestion(
    [property: Id(0)] string? CountyCode,
    [property: Id(1)] string? TownCode,
    [property: Id(2)] string? Kind,
    [property: Id(3)] string? Topic);

[GenerateSerializer, Immutable, Alias("Dispatch.Routing.RouteSuggestion")]
public sealed record RouteSuggestion([property: Id(0)] string UnitCode, [property: Id(1)] string CountyCode);
