using System.Collections.Immutable;
using System.Globalization;
using Dispatch.Stats;

namespace Dispatch.Web.Stats;

/// <summary>/api/stats: the supervision measures, the month's trend, the at-risk and overdue lists and the breach risks of one scope.</summary>
public static class StatsEndpoints
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/stats").WithTags("Supervision 督办统计").RequireAuthorization();
        group.MapGet("/", Snapshot)
            .WithSummary("Measures of a scope (city, county:<code>, unit:<code>) for the day, month or year holding date (today by default)");
        group.MapGet("/breakdown", Breakdown)
            .WithSummary("Ticket measures of a month or year (period, date) per kind, topic, channel or town (by), from the counters");
        group.MapGet("/months", Months).WithSummary("Ticket and petition measures of each month of a year (year=yyyy), January first");
        group.MapGet("/trend", Trend).WithSummary("Received, resolved and on-time closure per day of a month (month=yyyy-MM)");
        group.MapGet("/at-risk", (string? scope, HttpContext context, IGrainFactory grains) => AttentionAsync(scope, "warning", context, grains))
            .WithSummary("Items whose worst running clock is at risk (预警), nearest deadline first");
        group.MapGet("/overdue", (string? scope, HttpContext context, IGrainFactory grains) => AttentionAsync(scope, "overdue", context, grains))
            .WithSummary("Items whose worst running clock is overdue (超期), nearest deadline first");
        group.MapGet("/breach-risk", BreachRisk)
            .WithSummary("Breach risk of the scope's open items of one type (type=ticket by default) against past handling times of comparable items (unit, else county, else city), riskiest first");
        group.MapPost("/rebuild", Rebuild).RequireAuthorization(Policies.Admin)
            .WithSummary("Recompute every counter from the read model (administrators)");
        return api;
    }

    private static async Task<Results<Ok<StatsSnapshot>, ProblemHttpResult>> Snapshot(
        string? scope, string? period, string? date, HttpContext context, IGrainFactory grains)
    {
        if (!TryDate(date, out var day))
        {
            return DateProblem(context);
        }
        var outcome = await grains.GetGrain<IStatsGrain>(0).Snapshot(scope, period, day, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<StatsBreakdown>, ProblemHttpResult>> Breakdown(
        string? scope, string? period, string? date, string? by, HttpContext context, IGrainFactory grains)
    {
        if (!TryDate(date, out var day))
        {
            return DateProblem(context);
        }
        var outcome = await grains.GetGrain<IStatsGrain>(0).Breakdown(scope, period, day, by, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<ImmutableArray<MonthFigures>>, ProblemHttpResult>> Months(
        string? scope, string? year, HttpContext context, IGrainFactory grains)
    {
        int? number = null;
        if (year is not null)
        {
            if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ProblemResponses.Validation(context, new FieldError("year", "invalid_format",
                    "年份格式应为 yyyy，如 2026。", "The year must look like yyyy, e.g. 2026."));
            }
            number = parsed;
        }
        var outcome = await grains.GetGrain<IStatsGrain>(0).Months(scope, number, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : ProblemResponses.From(outcome.Error!, context);
    }

    /// <summary>An absent date is today; a present one must be yyyy-MM-dd.</summary>
    internal static bool TryDate(string? date, out DateOnly? day)
    {
        day = null;
        if (date is null)
        {
            return true;
        }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }
        day = parsed;
        return true;
    }

    internal static ProblemHttpResult DateProblem(HttpContext context) => ProblemResponses.Validation(context, new FieldError("date", "invalid_format",
        "日期格式应为 yyyy-MM-dd，如 2026-11-29。", "The date must look like yyyy-MM-dd, e.g. 2026-11-29."));

    private static async Task<Results<Ok<ImmutableArray<TrendPoint>>, ProblemHttpResult>> Trend(
        string? scope, string? month, HttpContext context, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IStatsGrain>(0).Trend(scope, month, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<ImmutableArray<AttentionItem>>, ProblemHttpResult>> AttentionAsync(
        string? scope, string clockState, HttpContext context, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IStatsGrain>(0).Attention(scope, clockState, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<BreachRisks>, ProblemHttpResult>> BreachRisk(
        string? scope, string? type, HttpContext context, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IStatsGrain>(0).BreachRisk(scope, type, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<StatsRebuilt>, ProblemHttpResult>> Rebuild(HttpContext context, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IStatsGrain>(0).Rebuild(context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }
}
