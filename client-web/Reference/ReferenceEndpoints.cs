using Dispatch.Scopes;

namespace Dispatch.Web.Reference;

/// <summary>/api/reference: counties with their towns, and the items' vocabulary and text limits.</summary>
public static class ReferenceEndpoints
{
    public const string Tag = "Reference data 参考数据";

    public const string VocabularySummary =
        "Names of every item's statuses, actions and clocks (zh, en), the statuses on a unit's worklist, and the text limits 词汇与字数限制";

    public static RouteGroupBuilder MapReferenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference").WithTags(Tag).RequireAuthorization();
        group.MapGet("/counties", async (ReferenceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.AreasAsync(ct)))
            .WithSummary($"County-level areas of Jiaxing (and the city level, {ActorScope.CityCode}) with their towns 县（市、区）及乡镇街道");
        group.MapGet("/vocabulary", () => TypedResults.Ok(ReferenceVocabulary.Current)).WithSummary(VocabularySummary);
        return api;
    }
}
