using Dispatch.Units;
using Dispatch.Web.ApiConventions;
using Dispatch.Web.Reference;

namespace Dispatch.Web.Units;

/// <summary>
/// /api/reference/towns: administrators add towns to a county and change their names and kind (the list is part of
/// GET /api/reference/counties). A town is never deleted: items name it.
/// </summary>
public static class TownEndpoints
{
    public static RouteGroupBuilder MapTownsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference").WithTags(ReferenceEndpoints.Tag).RequireAuthorization();
        group.MapPost("/towns", AddTown).RequireAuthorization(Policies.Admin)
            .WithSummary("Add a town or sub-district to a county (administrators); an existing code is a 409 新增乡镇（街道）");
        group.MapPut("/towns/{code}", ChangeTown).RequireAuthorization(Policies.Admin)
            .WithSummary("Change a town's names and kind (administrators); its county stays 修改乡镇（街道）");
        group.MapGet("/towns/{code}/history", History).RequireAuthorization(Policies.Supervisor)
            .WithSummary($"A town's {ReferenceHistoryEndpoint.Summary} 乡镇（街道）变更记录");
        return api;
    }

    private static async Task<Results<Created<TownRecord>, ProblemHttpResult>> AddTown(TownDefinition town, IGrainFactory grains, HttpContext context)
    {
        var outcome = await Registry(grains).Add(town, context.User.ToActor());
        return outcome.Succeeded
            ? TypedResults.Created($"/api/reference/towns/{outcome.Value!.Code}", outcome.Value)
            : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<TownRecord>, ProblemHttpResult>> ChangeTown(
        string code, TownDefinition town, IGrainFactory grains, HttpContext context)
    {
        var outcome = await Registry(grains).Change(town with { Code = code }, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static Task<Results<Ok<ListPage<ReferenceChangeEntry>>, ProblemHttpResult>> History(
        string code, int? page, int? pageSize, HttpContext context) =>
        ReferenceHistoryEndpoint.ReadAsync(ReferenceTables.Towns, code, $"Town {code}", $"乡镇（街道）{code} ", page, pageSize, context);

    private static ITownRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<ITownRegistryGrain>(UnitRegistry.Key);
}
