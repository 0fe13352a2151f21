using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Scopes;
using Orleans.Concurrency;

namespace Dispatch.Stats;

/// <summary>
/// Clock gaming for supervisors: checks the role and the scope, then answers from the signal tables and the counters.
/// Supervisors in their scope and administrators; unit staff their own unit; operators none. Any silo, many at once.
/// </summary>
[StatelessWorker]
[GrainType("clock-gaming")]
public sealed class ClockGamingGrain(ClockGamingReader reader, ScopeDirectory scopes, TimeProvider time) : Grain, IClockGamingGrain
{
    public async Task<Outcome<ClockGamingReport>> Report(string? scope, string? period, DateOnly? date, Actor actor)
    {
        var asked = await AskAsync(scope, period, actor);
        return asked.Error is { } error ? error
            : Outcome<ClockGamingReport>.Success(await reader.ReportAsync(asked.Value.Scope, asked.Value.Period, date ?? Today));
    }

    public async Task<Outcome<ClockGamingSignals>> Signals(ClockGamingQuery query, Actor actor)
    {
        if (query.Kind is { } kind && !ClockGamingKinds.All.Contains(kind))
        {
            return DomainError.Validation(new FieldError("kind", "unknown_value",
                $"信号类别须为 {string.Join("、", ClockGamingKinds.All)} 之一。", $"The kind must be one of {string.Join(", ", ClockGamingKinds.All)}."));
        }
        if (query.Page < 1 || query.PageSize is < 1 or > ClockGamingQuery.MaxPageSize)
        {
            return DomainError.Validation(new FieldError("page", "invalid_value", "页码或每页条数超出范围。", "The page or page size is out of range."));
        }
        var asked = await AskAsync(query.Scope, query.Period, actor);
        return asked.Error is { } error ? error
            : Outcome<ClockGamingSignals>.Success(await reader.SignalsAsync(asked.Value.Scope, asked.Value.Period, query.Date ?? Today,
                query.Unit, query.Kind, query.Page, query.PageSize));
    }

    public async Task<Outcome<ReturnsHeatmap>> ReturnsHeatmap(string? scope, string? period, DateOnly? date, Actor actor)
    {
        var asked = await AskAsync(scope, period, actor);
        return asked.Error is { } error ? error
            : Outcome<ReturnsHeatmap>.Success(await reader.HeatmapAsync(asked.Value.Scope, asked.Value.Period, date ?? Today));
    }

    private DateOnly Today => StatsPeriod.LocalDate(time.GetUtcNow());

    /// <summary>The period (month by default, or year), the role, then the scope: one the user may not watch is not found.</summary>
    private async Task<Outcome<(StatsScope Scope, string Period)>> AskAsync(string? text, string? period, Actor actor)
    {
        var chosen = period ?? StatsPeriod.Month;
        if (chosen is not (StatsPeriod.Month or StatsPeriod.Year))
        {
            return DomainError.Validation(new FieldError("period", "unknown_value", "周期须为 month 或 year。", "The period must be month or year."));
        }
        if (actor.Role is not (Roles.Admin or Roles.Supervisor or Roles.UnitStaff))
        {
            return DomainError.Forbidden("时限异常监测仅供督办人员、管理员和承办单位（本单位）查看。",
                "Clock gaming is for supervisors, administrators and a unit's own staff (their unit only).");
        }
        if (StatsScope.TryParse(text ?? "city", out var scope) && await scopes.FindAsync(scope) is { } info
            && ActorScope.Of(actor).MayWatch(scope, info.UnitCounty))
        {
            return Outcome<(StatsScope, string)>.Success((info.Scope, chosen));
        }
        return DomainError.NotFound($"Scope '{text}'", $"统计范围“{text}”");
    }
}
