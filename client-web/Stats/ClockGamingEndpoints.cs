using Dispatch.Items;
using Dispatch.Stats;
using Dispatch.Web.ApiConventions;

namespace Dispatch.Web.Stats;

/// <summary>
/// 时限异常监测: /api/stats/clock-gaming (per-unit figures against the unit's own history and its peers, with the rules),
/// /api/stats/clock-gaming/signals (the evidence) and /api/stats/returns-heatmap (退单 between units).
/// </summary>
public static class ClockGamingEndpoints
{
    public static RouteGroupBuilder MapClockGamingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/stats").WithTags("Supervision 督办统计").RequireAuthorization();
        group.MapGet("/clock-gaming", Report)
            .WithSummary("Clock gaming per unit of a scope for the month or year holding date: signal counts, rates per 100 resolved tickets, " +
                "the unit's own average over the previous periods, county and city peer medians, flags and the rules (supervisors in scope, administrators, unit staff their unit)");
        group.MapGet("/clock-gaming/signals", Signals)
            .WithSummary("The clock-gaming signals of a scope and period, newest first, with their evidence (unit, kind; " +
                $"page, pageSize 1-{ClockGamingQuery.MaxPageSize}); items by number only");
        group.MapGet("/returns-heatmap", Heatmap)
            .WithSummary("Returns (退单) passed on between units in a scope and period: from-unit x to-unit counts and the pairs above the threshold");
        return api;
    }

    private static async Task<Results<Ok<ClockGamingReport>, ProblemHttpResult>> Report(
        string? scope, string? period, string? date, HttpContext context, IGrainFactory grains)
    {
        if (!StatsEndpoints.TryDate(date, out var day))
        {
            return StatsEndpoints.DateProblem(context);
        }
        var outcome = await grains.GetGrain<IClockGamingGrain>(0).Report(scope, period, day, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<ClockGamingSignals>, ProblemHttpResult>> Signals(
        string? scope, string? period, string? date, string? unit, [ClosedSet(typeof(ClockGamingKinds), nameof(ClockGamingKinds.All))] string? kind,
        int? page, int? pageSize, HttpContext context, IGrainFactory grains)
    {
        var errors = Paging.Check(page, pageSize).ToList();
        if (!StatsEndpoints.TryDate(date, out var day))
        {
            return StatsEndpoints.DateProblem(context);
        }
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        var query = new ClockGamingQuery
        {
            Scope = scope, Period = period, Date = day, Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), Kind = kind,
            Page = Paging.PageOf(page), PageSize = Paging.SizeOf(pageSize),
        };
        var outcome = await grains.GetGrain<IClockGamingGrain>(0).Signals(query, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<ReturnsHeatmap>, ProblemHttpResult>> Heatmap(
        string? scope, string? period, string? date, HttpContext context, IGrainFactory grains)
    {
        if (!StatsEndpoints.TryDate(date, out var day))
        {
            return StatsEndpoints.DateProblem(context);
        }
        var outcome = await grains.GetGrain<IClockGamingGrain>(0).ReturnsHeatmap(scope, period, day, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }
}
