using Dispatch.Items;
using Dispatch.Web.ApiConventions;
using Dispatch.LegalAid;

namespace Dispatch.Web.LegalAid;

/// <summary>Reads from the read model: case search and the station's worklist.</summary>
public static class LegalAidListEndpoints
{
    public static RouteGroupBuilder MapLegalAidListsApi(this RouteGroupBuilder api)
    {
        api.MapUnitList("legal-aid-worklist", LegalAidEndpoints.Tag,
            "A legal-aid station's open cases: overdue first, then nearest statutory deadline; new applications last (status, assignee=me|none filters)", Worklist);
        return api;
    }

    public static Task<Results<Ok<ListPage<CaseSummary>>, ProblemHttpResult>> Search(
        string? q, string? county, string? station, [ClosedSet(typeof(LegalAidStatus), nameof(LegalAidStatus.All))] string? status,
        [ClosedSet(typeof(LegalAidVocabulary), nameof(LegalAidVocabulary.CaseTypes))] string? type, bool? overdue, int? page, int? pageSize,
        LegalAidReadModel readModel, HttpContext context, CancellationToken ct) =>
        ItemLists.ReadAsync(context,
            [StatusError(status), ListParameters.OneOf("type", type, LegalAidVocabulary.CaseTypes, "案件类型", "Type"),
                .. ListParameters.Check(county, page, pageSize, q)],
            actor => readModel.SearchAsync(actor, new CaseFilter(q, county, station, status, type, overdue, Paging.PageOf(page), Paging.SizeOf(pageSize)), ct));

    private static Task<Results<Ok<IReadOnlyList<CaseSummary>>, ProblemHttpResult>> Worklist(
        string unitCode, [ClosedSet(typeof(LegalAidStatus), nameof(LegalAidStatus.All))] string? status,
        [ClosedSet(typeof(AssigneeFilters), nameof(AssigneeFilters.All))] string? assignee, LegalAidReadModel readModel, HttpContext context, CancellationToken ct) =>
        ItemLists.ReadOfUnitAsync(context, unitCode, [StatusError(status), AssigneeFilters.Check(assignee)],
            actor => readModel.WorklistAsync(actor, unitCode, status, assignee, ct));

    private static FieldError? StatusError(string? status) => ListParameters.OneOf("status", status, LegalAidStatus.All, "状态", "Status");
}
