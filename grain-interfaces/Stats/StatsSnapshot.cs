using System.Collections.Immutable;

namespace Dispatch.Stats;

/// <summary>
/// The measures of one scope (city, county, unit) for one period, as GET /api/stats and the supervision hub show them.
/// Definitions: README, "Live supervision: measures and push", and <c>TicketTallies</c> in grains/Stats.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.StatsSnapshot")]
public sealed record StatsSnapshot
{
    /// <summary>city, county:&lt;code&gt; or unit:&lt;code&gt;.</summary>
    [Id(0)] public string Scope { get; init; } = "";
    [Id(1)] public string ScopeName { get; init; } = "";
    [Id(2)] public string ScopeNameEn { get; init; } = "";

    /// <summary>day, month or year.</summary>
    [Id(3)] public string Period { get; init; } = "";

    /// <summary>First and last local day (Asia/Shanghai) of the period, both included.</summary>
    [Id(4)] public DateOnly From { get; init; }
    [Id(5)] public DateOnly To { get; init; }

    /// <summary>The on-time closure rate the scope must reach (0.95).</summary>
    [Id(6)] public double Target { get; init; }
    [Id(7)] public ItemMeasures Tickets { get; init; } = new();

    /// <summary>Legal-aid cases (item_type legal_aid_case); definitions in <c>LegalAidTallies</c>.</summary>
    [Id(8)] public LegalAidMeasures? LegalAid { get; init; }

    /// <summary>Home-rehabilitation visits (item_type rehab_visit); definitions in <c>RehabTallies</c>.</summary>
    [Id(9)] public RehabMeasures? Rehab { get; init; }

    /// <summary>Always about today and the current month, whatever period was asked for.</summary>
    [Id(10)] public Forecast Forecast { get; init; } = new();

    /// <summary>Counties for the city, units for a county, none for a unit.</summary>
    [Id(11)] public ImmutableArray<ScopeFigures> Children { get; init; } = [];

    /// <summary>The petition procedure (信访); definitions in <c>PetitionTallies</c>.</summary>
    [Id(12)] public PetitionMeasures Petitions { get; init; } = new();
}

/// <summary>
/// Petition measures of 《信访工作条例》. Rates are 0..1, or null when their denominator is 0. The review rate is reviews asked
/// per accepted petition answered in writing in the period; the re-review rate, re-reviews asked per review answered.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.PetitionMeasures")]
public sealed record PetitionMeasures
{
    [Id(0)] public long Received { get; init; }
    [Id(1)] public double? AcceptanceOnTimeRate { get; init; }
    [Id(2)] public double? ReplyOnTimeRate { get; init; }
    [Id(3)] public long Answered { get; init; }
    [Id(4)] public long ReviewsRequested { get; init; }
    [Id(5)] public long ReReviewsRequested { get; init; }
    [Id(6)] public double? ReviewRate { get; init; }
    [Id(7)] public double? ReReviewRate { get; init; }
    [Id(8)] public long ReviewsUpheld { get; init; }
    [Id(9)] public long ReviewsChanged { get; init; }
    [Id(10)] public long ReReviewsUpheld { get; init; }
    [Id(11)] public long ReReviewsChanged { get; init; }
}

/// <summary>One item type's measures. Rates are 0..1, or null when their denominator is 0.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ItemMeasures")]
public sealed record ItemMeasures
{
    [Id(0)] public long Received { get; init; }
    [Id(1)] public long Open { get; init; }
    [Id(2)] public long AtRisk { get; init; }
    [Id(3)] public long Overdue { get; init; }
    [Id(4)] public long Resolved { get; init; }
    [Id(5)] public long Closed { get; init; }
    [Id(6)] public double? OnTimeClosureRate { get; init; }
    [Id(7)] public double? ClosureRate { get; init; }
    [Id(8)] public double? TimelySignForRate { get; init; }
    [Id(9)] public double? CallbackRate { get; init; }
    [Id(10)] public double? SatisfactionRate { get; init; }
    [Id(11)] public double? FirstContactResolutionRate { get; init; }
    [Id(12)] public double? ReworkRate { get; init; }
    [Id(13)] public double? ReturnRate { get; init; }
    [Id(14)] public double? RepeatCallRate { get; init; }

    /// <summary>Suspension reason code to the share of open items suspended for it.</summary>
    [Id(15)] public ImmutableSortedDictionary<string, double> PauseShareByReason { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
    [Id(16)] public double? MedianHandlingHours { get; init; }
}

/// <summary>
/// Legal-aid cases' measures. Rates are 0..1, or null when their denominator is 0. Counts by day: received (applied),
/// decided / granted / refused (first decision), concluded; gauges: open, atRisk, overdue.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.LegalAidMeasures")]
public sealed record LegalAidMeasures
{
    [Id(0)] public long Received { get; init; }
    [Id(1)] public long Open { get; init; }
    [Id(2)] public long AtRisk { get; init; }
    [Id(3)] public long Overdue { get; init; }
    [Id(4)] public long Decided { get; init; }
    [Id(5)] public long Granted { get; init; }
    [Id(6)] public long Refused { get; init; }
    [Id(7)] public long Concluded { get; init; }

    /// <summary>Decided by the decision deadline / decided after acceptance, by the day decided.</summary>
    [Id(8)] public double? OnTimeDecisionRate { get; init; }

    /// <summary>Granted / decided, by the day decided.</summary>
    [Id(9)] public double? GrantRate { get; init; }

    /// <summary>First assigned by the assignment deadline / first assigned, by the day of the first assignment.</summary>
    [Id(10)] public double? OnTimeAssignmentRate { get; init; }
}

/// <summary>
/// Home-rehabilitation visits' measures. Rates are 0..1, or null when their denominator is 0. Counts by day: requested,
/// completed, missed (last missed window), cancelled; gauges: open, atRisk, overdue.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.RehabMeasures")]
public sealed record RehabMeasures
{
    [Id(0)] public long Requested { get; init; }
    [Id(1)] public long Open { get; init; }
    [Id(2)] public long AtRisk { get; init; }
    [Id(3)] public long Overdue { get; init; }
    [Id(4)] public long Completed { get; init; }
    [Id(5)] public long Missed { get; init; }
    [Id(6)] public long Cancelled { get; init; }

    /// <summary>Checked in by the first-visit deadline / first visits checked in, by the day checked in.</summary>
    [Id(7)] public double? OnTimeFirstVisitRate { get; init; }

    /// <summary>Completed by now / requested and not cancelled, by the day requested.</summary>
    [Id(8)] public double? CompletionRate { get; init; }

    /// <summary>Record filed by its deadline / completed, by the day completed.</summary>
    [Id(9)] public double? OnTimeRecordRate { get; init; }
}

/// <summary>How many open tickets must be resolved today for the month's on-time closure rate to stay at or above target.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.Forecast")]
public sealed record Forecast
{
    /// <summary>Of the open tickets due today, how many must be resolved by their deadline (all of them when even that falls short).</summary>
    [Id(0)] public long MustCloseToday { get; init; }

    /// <summary>Open tickets whose handling deadline is later this month and has not passed.</summary>
    [Id(1)] public long OpenDueThisMonth { get; init; }

    /// <summary>This month's on-time closure numerator so far.</summary>
    [Id(2)] public long OnTimeSoFar { get; init; }

    /// <summary>This month's on-time closure denominator so far (tickets resolved this month, or due this month and resolved or overdue).</summary>
    [Id(3)] public long ClosedSoFar { get; init; }

    /// <summary>Open tickets whose handling deadline is later today and has not passed.</summary>
    [Id(4)] public long OpenDueToday { get; init; }
}

/// <summary>A child scope's headline figures for the same period.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ScopeFigures")]
public sealed record ScopeFigures
{
    [Id(0)] public string Scope { get; init; } = "";
    [Id(1)] public string ScopeName { get; init; } = "";
    [Id(2)] public string ScopeNameEn { get; init; } = "";
    [Id(3)] public long Received { get; init; }
    [Id(4)] public long Open { get; init; }
    [Id(5)] public long AtRisk { get; init; }
    [Id(6)] public long Overdue { get; init; }
    [Id(7)] public double? OnTimeClosureRate { get; init; }
}

/// <summary>One day of a month's trend.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.TrendPoint")]
public sealed record TrendPoint(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] long Received,
    [property: Id(2)] long Resolved,
    [property: Id(3)] double? OnTimeClosureRate);

/// <summary>An item at risk or overdue, for the supervision lists (nearest deadline first).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.AttentionItem")]
public sealed record AttentionItem(
    [property: Id(0)] string ItemType,
    [property: Id(1)] Guid Id,
    [property: Id(2)] string Number,
    [property: Id(3)] string Title,
    [property: Id(4)] string? UnitCode,
    [property: Id(5)] string CountyCode,
    [property: Id(6)] string? Clock,
    [property: Id(7)] string ClockState,
    [property: Id(8)] DateTimeOffset? DueAt);

/// <summary>What a rebuild from the read model did.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.StatsRebuilt")]
public sealed record StatsRebuilt(
    [property: Id(0)] long Items,
    [property: Id(1)] long Counters,
    [property: Id(2)] double Seconds);

public static class StatsPeriodNames
{
    public const string Day = "day";
    public const string Month = "month";
    public const string Year = "year";
}
