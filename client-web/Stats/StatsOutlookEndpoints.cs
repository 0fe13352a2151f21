using Dispatch.Stats;

namespace Dispatch.Web.Stats;

/// <summary>
/// /api/stats/close-today and /api/stats/month-projection: what a unit must resolve today and this week to keep the
/// month's on-time closure rate, and the month-end rate projected per county and unit with its likelihood. Same scopes
/// and checks as /api/stats.
/// </summary>
public static class StatsOutlookEndpoints
{
    public static RouteGroupBuilder MapStatsOutlookApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/stats").WithTags("Supervision 督办统计").RequireAuthorization();
        group.MapGet("/close-today", CloseToday)
            .WithSummary("A unit's open tickets due today and this week (scope=unit:<code>), ranked by their effect on the month's on-time rate, with how many must close");
        group.MapGet("/month-projection", MonthProjection)
            .WithSummary("The month-end on-time rate projected per county and unit of a scope: expected, 10th-90th percentile, probability of reaching the target");
        return api;
    }

    private static async Task<Results<Ok<CloseToday>, ProblemHttpResult>> CloseToday(string? scope, HttpContext context, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IStatsGrain>(0).CloseToday(scope, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<MonthProjections>, ProblemHttpResult>> MonthProjection(string? scope, HttpContext context, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IStatsGrain>(0).MonthProjection(scope, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }
}
