using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>
/// The month-end on-time closure rate projected per county and unit of a scope: the month so far (counters) plus each
/// open ticket due later this month as an independent chance of closing on time (past handling times of its kind and
/// topic at its unit, else county, else city). The exact distribution of the month-end rate over those tickets gives the
/// expected rate, the <see cref="LowQuantile"/>-<see cref="HighQuantile"/> interval and the probability of reaching the
/// target. Rules: <c>MonthProjectionRules</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.MonthProjections")]
public sealed record MonthProjections
{
    [Id(0)] public string Scope { get; init; } = "";
    [Id(1)] public DateTimeOffset At { get; init; }
    [Id(2)] public DateOnly Month { get; init; }
    [Id(3)] public double Target { get; init; }
    [Id(4)] public int MinimumHistory { get; init; }
    [Id(5)] public double LowQuantile { get; init; }
    [Id(6)] public double HighQuantile { get; init; }

    /// <summary>The scope itself first when it is a county or a unit; then counties (for the city) and units.</summary>
    [Id(7)] public ImmutableArray<MonthProjection> Rows { get; init; } = [];
}

/// <summary>One county's or unit's projection. Rates are 0..1, null when nothing is counted this month.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.MonthProjection")]
public sealed record MonthProjection
{
    [Id(0)] public string Scope { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string NameEn { get; init; } = "";

    /// <summary>county or unit.</summary>
    [Id(3)] public string Level { get; init; } = "";

    /// <summary>A unit's county (null for a county).</summary>
    [Id(4)] public string? CountyCode { get; init; }
    [Id(5)] public long OnTimeSoFar { get; init; }
    [Id(6)] public long CountedSoFar { get; init; }
    [Id(7)] public double? RateSoFar { get; init; }

    /// <summary>Open tickets due later this month (each one chance).</summary>
    [Id(8)] public long OpenDue { get; init; }

    /// <summary>Of them, those without enough past handling times (counted as an even chance).</summary>
    [Id(9)] public long WithoutHistory { get; init; }
    [Id(10)] public double? Expected { get; init; }
    [Id(11)] public double? Low { get; init; }
    [Id(12)] public double? High { get; init; }

    /// <summary>The probability that the month-end rate reaches the target.</summary>
    [Id(13)] public double? Likelihood { get; init; }
    [Id(14)] public double? RateIfAll { get; init; }
    [Id(15)] public double? RateIfNone { get; init; }

    /// <summary>The forecast: of the open tickets due today, how many must be resolved by their deadline (see <c>CloseToday</c>).</summary>
    [Id(16)] public long MustCloseToday { get; init; }
    [Id(17)] public long DueToday { get; init; }
}
