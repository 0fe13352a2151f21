using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>
/// Breach risk of the open items of one type in a scope (for tickets: dispatched or signed, not suspended, handling
/// deadline still ahead), riskiest first; the method and its thresholds are in <c>BreachRiskRules</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.BreachRisks")]
public sealed record BreachRisks(
    [property: Id(0)] string Scope,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int MinimumHistory,
    [property: Id(3)] double FlagAt,
    [property: Id(4)] ImmutableArray<BreachRiskItem> Items);

/// <summary>
/// One open item's breach risk: the share (<see cref="Risk"/>, null without enough history) of <see cref="Comparable"/>
/// past items like it, at the <see cref="Basis"/> level (unit, county, city), that took longer than the time it has
/// left; <see cref="AtRisk"/> when that share reaches the flag threshold. What makes items alike is <see cref="Kind"/>
/// and <see cref="Topic"/>: a ticket's kind and topic; for other item types, what their source names there (the
/// running clock among them).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.BreachRiskItem")]
public sealed record BreachRiskItem
{
    [Id(0)] public string ItemType { get; init; } = "";
    [Id(1)] public Guid Id { get; init; }
    [Id(2)] public string Number { get; init; } = "";
    [Id(3)] public string Title { get; init; } = "";
    [Id(4)] public string? UnitCode { get; init; }
    [Id(5)] public string CountyCode { get; init; } = "";
    [Id(6)] public string Kind { get; init; } = "";
    [Id(7)] public string Topic { get; init; } = "";
    [Id(8)] public string ClockState { get; init; } = "";
    [Id(9)] public DateTimeOffset DueAt { get; init; }

    /// <summary>The hours the handling clock has left, counted as it counts them (working time for a limit in working days).</summary>
    [Id(10)] public double RemainingHours { get; init; }
    [Id(11)] public double? Risk { get; init; }
    [Id(12)] public string? Basis { get; init; }
    [Id(13)] public long Comparable { get; init; }
    [Id(14)] public long Longer { get; init; }
    [Id(15)] public bool AtRisk { get; init; }
}
