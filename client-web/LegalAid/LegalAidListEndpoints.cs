using Dispatch.LegalAid;
using Dispatch.People;

namespace Dispatch.Web.LegalAid;

/// <summary>Reads from the read model: case search and the station's worklist.</summary>
public static class LegalAidListEndpoints
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapLegalAidListsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{unitCode}/legal-aid-worklist", Worklist).RequireAuthorization().WithTags(LegalAidEndpoints.Tag)
            .WithSummary("A legal-aid station's open cases: overdue first, then nearest statutory deadline; new applications last (status filter)");
        return api;
    }

    public static async Task<Results<Ok<CasePage>, ProblemHttpResult>> Search(
        string? q, string? county, string? station, string? status, string? type, bool? overdue, int? page, int? pageSize,
        LegalAidReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (status is not null && !LegalAidStatus.All.Contains(status))
        {
            errors.Add(new("status", "unknown_value", $"状态须为：{string.Join("、", LegalAidStatus.All)}。", $"Status must be one of: {string.Join(", ", LegalAidStatus.All)}."));
        }
        if (type is not null && !LegalAidVocabulary.CaseTypes.Contains(type))
        {
            errors.Add(new("type", "unknown_value", $"案件类型须为：{string.Join("、", LegalAidVocabulary.CaseTypes)}。", $"Type must be one of: {string.Join(", ", LegalAidVocabulary.CaseTypes)}."));
        }
        errors.AddRange(ListParameters.Check(county, page, pageSize, q, MaxPageSize));
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        var filter = new CaseFilter(q, county, station, status, type, overdue, page ?? 1, pageSize ?? 20);
        return TypedResults.Ok(await readModel.SearchAsync(context.User.ToActor(), filter, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> Worklist(
        string unitCode, string? status, LegalAidReadModel readModel, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        if (actor.Role == Roles.UnitStaff && actor.UnitCode != unitCode)
        {
            return ProblemResponses.From(DomainError.NotFound("Unit", "单位"), context);
        }
        if (status is not null && !LegalAidStatus.All.Contains(status))
        {
            return ProblemResponses.Validation(context, new FieldError("status", "unknown_value",
                $"状态须为：{string.Join("、", LegalAidStatus.All)}。", $"Status must be one of: {string.Join(", ", LegalAidStatus.All)}."));
        }
        return TypedResults.Ok(await readModel.WorklistAsync(actor, unitCode, status, ct));
    }
}
