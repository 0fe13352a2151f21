using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>Sent to a browser when it joins a scope.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Live.LiveSnapshot")]
public sealed record LiveSnapshot(
    [property: Id(0)] string Scope,
    [property: Id(1)] StatsSnapshot Stats,
    [property: Id(2)] StatsSnapshot Month,
    [property: Id(3)] ImmutableArray<AttentionItem> AtRisk,
    [property: Id(4)] ImmutableArray<AttentionItem> Overdue);

/// <summary>A scope's measures after a change (statsChanged).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Live.LiveStats")]
public sealed record LiveStats(
    [property: Id(0)] string Scope,
    [property: Id(1)] StatsSnapshot Stats,
    [property: Id(2)] StatsSnapshot Month);
