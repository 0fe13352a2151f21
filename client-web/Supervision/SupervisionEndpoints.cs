using Dispatch.Items;
using Dispatch.Web.ApiConventions;

namespace Dispatch.Web.Supervision;

/// <summary>/api/supervision-orders: the open supervision orders in the user's scope, for supervisors and administrators.</summary>
public static class SupervisionEndpoints
{
    public const string Tag = "Supervision 督办";

    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder api)
    {
        api.MapGet("/supervision-orders", ReadOpenOrders).RequireAuthorization(Policies.Supervisor).WithTags(Tag)
            .WithSummary("督办一览: supervision orders waiting for the unit's written reply, nearest due first, with level (unit, county, city), " +
                "due time and overdue flag (county, unit, level, overdue; page, pageSize); within the user's scope");
        return api;
    }

    private static Task<Results<Ok<ListPage<SupervisionOrderEntry>>, ProblemHttpResult>> ReadOpenOrders(
        string? county, string? unit, [ClosedSet(typeof(SupervisionLevels), nameof(SupervisionLevels.All))] string? level, bool? overdue,
        int? page, int? pageSize, SupervisionOrderList list, TimeProvider time, HttpContext context, CancellationToken ct) =>
        ItemLists.ReadAsync(context, [.. ListParameters.Check(county, page, pageSize, null), LevelError(level)],
            actor => list.PageAsync(actor, county, unit, level, overdue, time.GetUtcNow(), Paging.PageOf(page), Paging.SizeOf(pageSize), ct));

    private static FieldError? LevelError(string? level) => level is null || SupervisionLevels.All.Contains(level)
        ? null
        : new FieldError("level", "unknown_value", "级别须为 unit、county 或 city。", "The level must be unit, county or city.");
}
