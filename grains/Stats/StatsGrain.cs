using Dispatch.Scopes;
using System.Collections.Immutable;
using System.Globalization;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Live;
using Dispatch.People;
using Orleans.Concurrency;

namespace Dispatch.Stats;

/// <summary>Checks the scope against the user, then answers from the counters and read models. Any silo, many at once.</summary>
[StatelessWorker]
[GrainType("stats")]
public sealed class StatsGrain(
    StatsQueries queries, ScopeDirectory scopes, AttentionLists attention, IEnumerable<IBreachRiskSource> breachRisks, CloseTodayQueries outlook, StatsRebuild rebuild)
    : Grain, IStatsGrain
{
    private const int MinYear = 2000;
    private const int MaxYear = 9999;

    public async Task<Outcome<StatsSnapshot>> Snapshot(string? scope, string? period, DateOnly? date, Actor actor)
    {
        var chosen = period ?? StatsPeriod.Day;
        if (!StatsPeriod.IsPeriod(chosen))
        {
            return DomainError.Validation(new FieldError("period", "unknown_value", "统计周期须为 day、month 或 year。", "The period must be day, month or year."));
        }
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error : Outcome<StatsSnapshot>.Success(await queries.SnapshotAsync(found.Value!, chosen, date ?? queries.Today));
    }

    public async Task<Outcome<ImmutableArray<TrendPoint>>> Trend(string? scope, string? month, Actor actor)
    {
        var first = queries.Today;
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            return DomainError.Validation(new FieldError("month", "invalid_format", "月份格式应为 yyyy-MM，如 2026-11。", "The month must look like yyyy-MM, e.g. 2026-11."));
        }
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error : Outcome<ImmutableArray<TrendPoint>>.Success(await queries.TrendAsync(found.Value!, first));
    }

    public async Task<Outcome<StatsBreakdown>> Breakdown(string? scope, string? period, DateOnly? date, string? by, Actor actor)
    {
        var chosen = period ?? StatsPeriod.Month;
        if (!BreakdownTallies.IsKeptFor(chosen))
        {
            return DomainError.Validation(new FieldError("period", "unknown_value", "分项统计的周期须为 month 或 year。", "A breakdown's period must be month or year."));
        }
        if (!BreakdownTallies.IsDimension(by))
        {
            return DomainError.Validation(new FieldError("by", "unknown_value", "分项须为 kind、topic、channel 或 town。", "by must be kind, topic, channel or town."));
        }
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error
            : Outcome<StatsBreakdown>.Success(await queries.BreakdownAsync(found.Value!, chosen, date ?? queries.Today, by!));
    }

    public async Task<Outcome<ImmutableArray<MonthFigures>>> Months(string? scope, int? year, Actor actor)
    {
        if (year is < MinYear or > MaxYear)
        {
            return DomainError.Validation(new FieldError("year", "out_of_range", $"年份须在 {MinYear} 至 {MaxYear} 之间。", $"The year must be between {MinYear} and {MaxYear}."));
        }
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error
            : Outcome<ImmutableArray<MonthFigures>>.Success(await queries.MonthsAsync(found.Value!, year ?? queries.Today.Year));
    }

    public async Task<Outcome<ImmutableArray<AttentionItem>>> Attention(string? scope, string clockState, Actor actor)
    {
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error : Outcome<ImmutableArray<AttentionItem>>.Success(await attention.ReadAsync(found.Value!.Scope, clockState));
    }

    public async Task<Outcome<BreachRisks>> BreachRisk(string? scope, string? type, Actor actor)
    {
        var chosen = type ?? ItemTypes.Ticket;
        if (breachRisks.FirstOrDefault(s => s.ItemType == chosen) is not { } source)
        {
            var known = string.Join("、", breachRisks.Select(s => s.ItemType).Order(StringComparer.Ordinal));
            return DomainError.Validation(new FieldError("type", "unknown_value", $"事项类型须为 {known} 之一。", $"type must be one of {known.Replace("、", ", ", StringComparison.Ordinal)}."));
        }
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error : Outcome<BreachRisks>.Success(await source.ReadAsync(found.Value!.Scope));
    }

    public async Task<Outcome<string>> Watch(string? scope, Actor actor)
    {
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error : Outcome<string>.Success(found.Value!.Scope.Key);
    }

    public async Task<Outcome<LiveSnapshot>> LiveSnapshot(string? scope, Actor actor)
    {
        var found = await ResolveAsync(scope, actor);
        if (found.Error is { } error)
        {
            return error;
        }
        var info = found.Value!;
        var stats = (await queries.LiveStatsAsync([info]))[0];
        return Outcome<LiveSnapshot>.Success(new LiveSnapshot(info.Scope.Key, stats.Stats, stats.Month,
            await attention.ReadAsync(info.Scope, "warning"), await attention.ReadAsync(info.Scope, "overdue")));
    }

    public async Task<ImmutableArray<LiveStats>> LiveStats(ImmutableArray<string> watched)
    {
        var known = new List<ScopeInfo>();
        foreach (var text in watched)
        {
            if (StatsScope.TryParse(text, out var scope) && await scopes.FindAsync(scope) is { } info)
            {
                known.Add(info);
            }
        }
        return known.Count == 0 ? [] : await queries.LiveStatsAsync(known);
    }

    public async Task<Outcome<StatsRebuilt>> Rebuild(Actor actor)
    {
        if (actor.Role != Roles.Admin)
        {
            return DomainError.Forbidden("只有管理员可以重建统计。", "Only administrators rebuild the measures.");
        }
        return Outcome<StatsRebuilt>.Success(await rebuild.RunAsync());
    }

    public async Task<Outcome<CloseToday>> CloseToday(string? scope, Actor actor)
    {
        if (!StatsScope.TryParse(scope ?? "", out var parsed) || parsed.Kind != StatsScopeKind.Unit)
        {
            return DomainError.Validation(new FieldError("scope", "unit_required", "今日必办按承办单位列出：范围须为 unit:<单位代码>。",
                "The close-today list is per unit: the scope must be unit:<code>."));
        }
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error : Outcome<CloseToday>.Success(await outlook.CloseTodayAsync(found.Value!));
    }

    public async Task<Outcome<MonthProjections>> MonthProjection(string? scope, Actor actor)
    {
        var found = await ResolveAsync(scope, actor);
        return found.Error is { } error ? error : Outcome<MonthProjections>.Success(await outlook.ProjectionAsync(found.Value!));
    }

    /// <summary>An unknown scope and one the user may not watch look the same: not found.</summary>
    private async Task<Outcome<ScopeInfo>> ResolveAsync(string? text, Actor actor)
    {
        if (StatsScope.TryParse(text ?? "city", out var scope) && await scopes.FindAsync(scope) is { } info
            && ActorScope.Of(actor).MayWatch(scope, info.UnitCounty))
        {
            return Outcome<ScopeInfo>.Success(info);
        }
        return DomainError.NotFound($"Scope '{text}'", $"统计范围“{text}”");
    }
}
