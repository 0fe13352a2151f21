using Dispatch.Units;

namespace Dispatch.Routing;

/// <summary>A unit as an item needs to know it when sending work there; <c>Why</c> when routing chose among several.</summary>
public sealed record UnitTarget(string Code, string AreaCode, bool Active, RoutingChoice? Why = null);

/// <summary>
/// Finds the unit a ticket goes to: by its code, or by the routing rules for the ticket's facts. It answers from this
/// silo's memory (<see cref="UnitDirectory"/>, <see cref="ActiveRoutingRules"/>), which the feeds keep equal to the
/// database; routing reads nothing of them from it. Only where several units of the kind serve the county does it read
/// their open work (<see cref="UnitPicker"/>).
/// </summary>
public sealed class UnitRouter(UnitDirectory units, ActiveRoutingRules rules, UnitPicker picker)
{
    public Task<UnitTarget?> FindUnitAsync(string? code) => Task.FromResult(Target(units.Find(code)));

    /// <summary>
    /// Automatic routing: the most specific rule names a unit kind; the county of the facts supplies the unit, chosen
    /// fairly when the county has several of the kind.
    /// </summary>
    public async Task<UnitTarget?> RouteAsync(RoutingSubject subject)
    {
        if (RoutingRules.Choose(rules.Rules, subject) is not { } kind || await picker.PickAsync(subject.CountyCode, kind) is not { } pick)
        {
            return null;
        }
        return Target(pick.Unit)! with { Why = pick.Why };
    }

    /// <summary>
    /// The body one level up that reviews an answer (复查) or re-reviews a review (复核): a county unit's answer goes to
    /// the city's centre; a city-level answer, and every re-review, to the city's designated review body.
    /// </summary>
    public Task<UnitTarget?> ReviewBodyAsync(string answeringUnitCode, string stage)
    {
        if (units.Find(answeringUnitCode) is not { } answering)
        {
            return Task.FromResult<UnitTarget?>(null);
        }
        var city = Scopes.ActorScope.CityCode;
        var kind = stage == "review" && answering.AreaCode != city ? UnitKinds.Centre : UnitKinds.PetitionReview;
        return Task.FromResult(Target(units.Serving(city, kind)));
    }

    private static UnitTarget? Target(UnitInfo? unit) => unit is null ? null : new UnitTarget(unit.Code, unit.AreaCode, unit.Active);
}
