using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Stats;

/// <summary>
/// Reads the supervision measures and lists, scope-checked for the asking user. A stateless worker: each silo answers
/// from PostgreSQL (the counters and the read models), so any number of dashboards can ask.
/// </summary>
[Alias("Dispatch.Stats.IStatsGrain")]
public interface IStatsGrain : IGrainWithIntegerKey
{
    /// <summary>The measures of a scope for the day, month or year holding <paramref name="date"/> (today when null).</summary>
    [Alias("Snapshot")]
    Task<Outcome<StatsSnapshot>> Snapshot(string? scope, string? period, DateOnly? date, Actor actor);

    /// <summary>Received, resolved and on-time closure per day of a month (yyyy-MM; the current month when null).</summary>
    [Alias("Trend")]
    Task<Outcome<ImmutableArray<TrendPoint>>> Trend(string? scope, string? month, Actor actor);

    /// <summary>Ticket measures of a month or year (holding <paramref name="date"/>; today when null) per kind, topic, channel or town.</summary>
    [Alias("Breakdown")]
    Task<Outcome<StatsBreakdown>> Breakdown(string? scope, string? period, DateOnly? date, string? by, Actor actor);

    /// <summary>The ticket and petition measures of each month of a year (the current year when null), January first.</summary>
    [Alias("Months")]
    Task<Outcome<ImmutableArray<MonthFigures>>> Months(string? scope, int? year, Actor actor);

    /// <summary>Items whose worst running clock is at risk (warning) or overdue, nearest deadline first.</summary>
    [Alias("Attention")]
    Task<Outcome<ImmutableArray<AttentionItem>>> Attention(string? scope, string clockState, Actor actor);

    /// <summary>
    /// Breach risk of the scope's open items of one type (null: tickets) against past handling times of comparable items,
    /// riskiest first; an item type no source covers is a validation error naming <c>type</c>.
    /// </summary>
    [Alias("BreachRisk")]
    Task<Outcome<BreachRisks>> BreachRisk(string? scope, string? type, Actor actor);

    /// <summary>A unit's open tickets due today and this week, ranked by their effect on the month's on-time rate (今日必办).</summary>
    [Alias("CloseToday")]
    Task<Outcome<CloseToday>> CloseToday(string? scope, Actor actor);

    /// <summary>The month-end on-time rate projected per county and unit of a scope, with its interval and likelihood.</summary>
    [Alias("MonthProjection")]
    Task<Outcome<MonthProjections>> MonthProjection(string? scope, Actor actor);

    /// <summary>Checks that the user may watch a scope and returns its canonical name (the hub's group).</summary>
    [Alias("Watch")]
    Task<Outcome<string>> Watch(string? scope, Actor actor);

    /// <summary>What a browser gets when it joins a scope: today's and this month's measures and both lists.</summary>
    [Alias("LiveSnapshot")]
    Task<Outcome<LiveSnapshot>> LiveSnapshot(string? scope, Actor actor);

    /// <summary>Today's and this month's measures of scopes already checked at join (for statsChanged).</summary>
    [Alias("LiveStats")]
    Task<ImmutableArray<LiveStats>> LiveStats(ImmutableArray<string> scopes);

    /// <summary>Recomputes every counter from the read model (administrators); at scale longer than the usual call time-out.</summary>
    [Alias("Rebuild"), ResponseTimeout("00:05:00")]
    Task<Outcome<StatsRebuilt>> Rebuild(Actor actor);
}
