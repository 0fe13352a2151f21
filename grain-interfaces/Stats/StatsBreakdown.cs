using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>
/// A scope's ticket measures for one month or year, broken down by kind, topic, channel or town (GET /api/stats/breakdown),
/// read from counters kept per value, never from the tickets. Definitions: README, "Breakdowns and past periods".
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.StatsBreakdown")]
public sealed record StatsBreakdown
{
    [Id(0)] public string Scope { get; init; } = "";
    [Id(1)] public string ScopeName { get; init; } = "";
    [Id(2)] public string ScopeNameEn { get; init; } = "";

    /// <summary>month or year.</summary>
    [Id(3)] public string Period { get; init; } = "";
    [Id(4)] public DateOnly From { get; init; }
    [Id(5)] public DateOnly To { get; init; }

    /// <summary>kind, topic, channel or town.</summary>
    [Id(6)] public string By { get; init; } = "";

    /// <summary>One row per value with any figure other than 0, by received (most first), then value.</summary>
    [Id(7)] public ImmutableArray<BreakdownRow> Rows { get; init; } = [];
}

/// <summary>
/// One value's figures: received and resolved in the period, the on-time closure rate (0..1, null without a denominator)
/// with its numerator and denominator, and open and overdue now.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.BreakdownRow")]
public sealed record BreakdownRow
{
    /// <summary>The kind, topic or channel code, the town code, or "none" for tickets without a town.</summary>
    [Id(0)] public string Value { get; init; } = "";
    [Id(1)] public long Received { get; init; }
    [Id(2)] public long Resolved { get; init; }
    [Id(3)] public long OnTime { get; init; }
    [Id(4)] public long OnTimeCounted { get; init; }
    [Id(5)] public double? OnTimeClosureRate { get; init; }
    [Id(6)] public long Open { get; init; }
    [Id(7)] public long Overdue { get; init; }
}

/// <summary>One month of a year view: the scope's ticket measures for that month (GET /api/stats/months).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.MonthFigures")]
public sealed record MonthFigures(
    [property: Id(0)] DateOnly Month,
    [property: Id(1)] ItemMeasures Tickets,
    [property: Id(2)] PetitionMeasures Petitions);
