using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Units;
using Dispatch.Web.Auth;
using Dispatch.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Web.Reference;

/// <summary>/api/reference: counties with their towns, and the service units an administrator maintains.</summary>
public static class ReferenceEndpoints
{
    public static RouteGroupBuilder MapReferenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference").WithTags("Reference data 参考数据").RequireAuthorization();
        group.MapGet("/counties", async (ReferenceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.AreasAsync(ct)))
            .WithSummary("County-level areas of Jiaxing (and the city level, 330400) with their towns 县（市、区）及乡镇街道");
        group.MapGet("/units", ListUnits)
            .WithSummary("Service units, filtered by county and kind (centre, legal_aid, rehab) 承办单位");
        group.MapPost("/units", AddUnit).RequireAuthorization(Policies.Admin)
            .WithSummary("Add a unit (administrators) 新增单位");
        group.MapPut("/units/{code}", ChangeUnit).RequireAuthorization(Policies.Admin)
            .WithSummary("Change a unit (administrators) 修改单位");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<UnitSummary>>, ProblemHttpResult>> ListUnits(
        string? county, string? kind, ReferenceQueries queries, HttpContext context, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (county is not null && (county.Length != 6 || !county.All(char.IsAsciiDigit)))
        {
            errors.Add(new("county", "invalid_format", "县（市、区）代码应为 6 位数字。", "The county code must be 6 digits."));
        }
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

    private static IUnitRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IUnitRegistryGrain>(UnitRegistry.Key);
}
