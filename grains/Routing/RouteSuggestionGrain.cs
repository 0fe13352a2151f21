using Dispatch.Errors;
using Dispatch.Fields;
using Orleans.Concurrency;

namespace Dispatch.Routing;

/// <summary>Answers "where would this go?" with the same rules and unit lookup that automatic dispatch uses.</summary>
[StatelessWorker, GrainType("route-suggestion")]
public sealed class RouteSuggestionGrain(AreaDirectory areas, UnitRouter router) : Grain, IRouteSuggestionGrain
{
    public async Task<Outcome<RouteSuggestion>> Suggest(RouteQuestion question)
    {
        var (subject, errors) = RouteQuestionCheck.Check(question, await areas.ReferenceAsync());
        if (subject is null)
        {
            return DomainError.Validation([.. errors]);
        }
        var unit = await router.RouteAsync(subject);
        if (unit is null)
        {
            return DomainError.Conflict("no_route", "没有适用的派单规则，请手动选择承办单位。", "No routing rule applies; choose the unit.");
        }
        return Outcome<RouteSuggestion>.Success(new RouteSuggestion(unit.Code, unit.AreaCode));
    }
}
