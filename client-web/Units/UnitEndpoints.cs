using Dispatch.Units;
using Dispatch.Web.ApiConventions;
using Dispatch.Web.Reference;

namespace Dispatch.Web.Units;

/// <summary>/api/reference/units: the service units, listed for everyone and maintained by administrators.</summary>
public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference").WithTags(ReferenceEndpoints.Tag).RequireAuthorization();
        group.MapGet("/units", ListUnits)
            .WithSummary("Service units, filtered by county and kind (centre, legal_aid, rehab) 承办单位");
        group.MapPost("/units", AddUnit).RequireAuthorization(Policies.Admin)
            .WithSummary("Add a unit (administrators) 新增单位");
        group.MapPut("/units/{code}", ChangeUnit).RequireAuthorization(Policies.Admin)
            .WithSummary("Change a unit (administrators) 修改单位");
        group.MapGet("/units/{code}/history", History).RequireAuthorization(Policies.Supervisor)
            .WithSummary($"A unit's {ReferenceHistoryEndpoint.Summary} 单位变更记录");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<UnitSummary>>, ProblemHttpResult>> ListUnits(
        string? county, string? kind, ReferenceQueries queries, HttpContext context, CancellationToken ct)
    {
        var errors = ListParameters.CheckCounty(county).ToList();
        if (kind is not null && !UnitKinds.All.Contains(kind))
        {
            errors.Add(new("kind", "unknown_kind", "单位类型须为 centre、legal_aid 或 rehab。", "The unit kind must be centre, legal_aid or rehab."));
        }
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        return TypedResults.Ok(await queries.UnitsAsync(county, kind, ct));
    }

    private static async Task<Results<Created<UnitRecord>, ProblemHttpResult>> AddUnit(
        UnitDefinition unit, IGrainFactory grains, HttpContext context)
    {
        var outcome = await Registry(grains).Add(unit, context.User.ToActor());
        return outcome.Succeeded
            ? TypedResults.Created($"/api/reference/units/{outcome.Value!.Code}", outcome.Value)
            : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<UnitRecord>, ProblemHttpResult>> ChangeUnit(
        string code, UnitDefinition unit, IGrainFactory grains, HttpContext context)
    {
        var outcome = await Registry(grains).Change(unit with { Code = code }, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static Task<Results<Ok<ListPage<ReferenceChangeEntry>>, ProblemHttpResult>> History(
        string code, int? page, int? pageSize, HttpContext context) =>
        ReferenceHistoryEndpoint.ReadAsync(ReferenceTables.Units, code, $"Unit {code}", $"单位 {code} ", page, pageSize, context);

    private static IUnitRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IUnitRegistryGrain>(UnitRegistry.Key);
}
