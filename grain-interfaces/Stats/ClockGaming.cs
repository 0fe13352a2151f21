using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Stats;

/// <summary>The kinds of clock-gaming signal (时限异常), as stored and sent.</summary>
public static class ClockGamingKinds
{
    /// <summary>
    /// A suspension (挂起) started in the last part of a running clock; for a legal-aid case, asking the applicant for
    /// documents (补充材料), which pauses the decision clock.
    /// </summary>
    public const string LateSuspension = "late_suspension";

    /// <summary>A clock suspended again and again (the threshold is a setting).</summary>
    public const string RepeatedSuspension = "repeated_suspension";

    /// <summary>An extension (延期) asked when nearly all of the handling clock was used.</summary>
    public const string LateExtension = "late_extension";

    /// <summary>A near-due item merged into an older one.</summary>
    public const string NearDueMerge = "near_due_merge";

    /// <summary>Resolved, reopened (重办), resolved, reopened... (the threshold is a setting).</summary>
    public const string ReopenLoop = "reopen_loop";

    /// <summary>A return (退单) that sends the item back along a pair of units it already went the other way between.</summary>
    public const string ReturnBounce = "return_bounce";

    /// <summary>
    /// A home visit rescheduled (改期) when nearly all of its window had passed, or after it: the new window replaces the
    /// one the visit was about to miss.
    /// </summary>
    public const string LateReschedule = "late_reschedule";

    public static readonly ImmutableArray<string> All =
        [LateSuspension, RepeatedSuspension, LateExtension, NearDueMerge, ReopenLoop, ReturnBounce, LateReschedule];

    public static string Zh(string kind) => kind switch
    {
        LateSuspension => "临期挂起",
        RepeatedSuspension => "反复挂起",
        LateExtension => "临期申请延期",
        NearDueMerge => "临期并单",
        ReopenLoop => "办结后反复重办",
        LateReschedule => "临期改期",
        _ => "往返退单",
    };

    public static string En(string kind) => kind switch
    {
        LateSuspension => "late suspension",
        RepeatedSuspension => "repeated suspension",
        LateExtension => "late extension request",
        NearDueMerge => "near-due merge",
        ReopenLoop => "resolve-reopen loop",
        LateReschedule => "late reschedule",
        _ => "returns bouncing between units",
    };
}

/// <summary>The live alert kind of a new signal.</summary>
public static class ClockGamingAlert
{
    public const string Kind = "clockGaming";
}

/// <summary>The thresholds in force, sent with every answer so the page shows each definition with its figures.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ClockGamingRulesView")]
public sealed record ClockGamingRulesView
{
    [Id(0)] public double LateSuspensionShare { get; init; }
    [Id(1)] public int RepeatedSuspensions { get; init; }
    [Id(2)] public double LateExtensionShare { get; init; }
    [Id(3)] public double NearDueMergeShare { get; init; }
    [Id(4)] public int ReopenLoops { get; init; }
    [Id(5)] public int PairReturns { get; init; }
    [Id(6)] public int MinimumCount { get; init; }
    [Id(7)] public double FlagFactor { get; init; }
    [Id(8)] public int HistoryPeriods { get; init; }
}

/// <summary>One kind of signal for one unit in the period, with the baselines it is compared with (rates per 100 handled items).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ClockGamingFigure")]
public sealed record ClockGamingFigure
{
    [Id(0)] public string Kind { get; init; } = "";
    [Id(1)] public long Count { get; init; }

    /// <summary>Signals per 100 handled items; null when the unit handled none.</summary>
    [Id(2)] public double? Rate { get; init; }

    /// <summary>The unit's own mean rate over the previous periods that had handled items; null when none had.</summary>
    [Id(3)] public double? OwnAverage { get; init; }

    /// <summary>The median rate of the other units of the same kind in the unit's county; null without any.</summary>
    [Id(4)] public double? CountyPeerMedian { get; init; }

    /// <summary>The median rate of the other units of the same kind in the city; null without any.</summary>
    [Id(5)] public double? CityPeerMedian { get; init; }
    [Id(6)] public bool Flagged { get; init; }
}

/// <summary>One unit's signals in the period: per kind and all kinds together.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ClockGamingUnit")]
public sealed record ClockGamingUnit
{
    [Id(0)] public string UnitCode { get; init; } = "";
    [Id(1)] public string UnitName { get; init; } = "";
    [Id(2)] public string UnitNameEn { get; init; } = "";
    [Id(3)] public string UnitKind { get; init; } = "";
    [Id(4)] public string CountyCode { get; init; } = "";

    /// <summary>
    /// Items the unit handled in the period (the denominator of the rates): tickets resolved, legal-aid cases decided,
    /// home visits completed.
    /// </summary>
    [Id(5)] public long Handled { get; init; }
    [Id(6)] public ImmutableArray<ClockGamingFigure> Kinds { get; init; } = [];
    [Id(7)] public ClockGamingFigure Total { get; init; } = new();
    [Id(8)] public bool Flagged { get; init; }
}

/// <summary>The per-unit figures of a scope and period, and the rules behind them.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ClockGamingReport")]
public sealed record ClockGamingReport(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Period,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly To,
    [property: Id(4)] ClockGamingRulesView Rules,
    [property: Id(5)] ImmutableArray<ClockGamingUnit> Units);

/// <summary>What a signal shows: figures only, never a person's data.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ClockGamingEvidence")]
public sealed record ClockGamingEvidence
{
    /// <summary>The clock concerned (signFor, handling, acceptance), when the signal is about one.</summary>
    [Id(0)] public string? Clock { get; init; }

    /// <summary>The share of that clock used when the event happened.</summary>
    [Id(1)] public double? ShareUsed { get; init; }

    /// <summary>How many suspensions, reopenings or passes between the pair the item has had so far.</summary>
    [Id(2)] public int? Count { get; init; }

    /// <summary>For a return bounce, the unit the item went to; for a merge, the number of the item it went into.</summary>
    [Id(3)] public string? OtherUnit { get; init; }
    [Id(4)] public string? MergedInto { get; init; }

    /// <summary>The versions (sequence numbers) of the item's events that make up the pattern, the triggering one last.</summary>
    [Id(5)] public ImmutableArray<int> Events { get; init; } = [];
}

/// <summary>One signal as listed.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ClockGamingSignal")]
public sealed record ClockGamingSignal
{
    [Id(0)] public string ItemType { get; init; } = "";
    [Id(1)] public Guid ItemId { get; init; }
    [Id(2)] public string ItemNumber { get; init; } = "";
    [Id(3)] public string Kind { get; init; } = "";
    [Id(4)] public string UnitCode { get; init; } = "";
    [Id(5)] public string CountyCode { get; init; } = "";
    [Id(6)] public DateTimeOffset OccurredAt { get; init; }
    [Id(7)] public ClockGamingEvidence Evidence { get; init; } = new();
}

/// <summary>A page of signals, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ClockGamingSignals")]
public sealed record ClockGamingSignals(
    [property: Id(0)] ImmutableArray<ClockGamingSignal> Items,
    [property: Id(1)] int Total,
    [property: Id(2)] int Page,
    [property: Id(3)] int PageSize);

/// <summary>How many items one unit returned (退单) that went next to another, in the period.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ReturnCell")]
public sealed record ReturnCell(
    [property: Id(0)] string FromUnit,
    [property: Id(1)] string ToUnit,
    [property: Id(2)] long Count);

/// <summary>Two units between which items were returned more than the threshold in the period, both ways together.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ReturnPair")]
public sealed record ReturnPair(
    [property: Id(0)] string UnitA,
    [property: Id(1)] string UnitB,
    [property: Id(2)] long Count);

/// <summary>The heat map of returns between units: from-unit × to-unit counts, and the pairs over the threshold.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ReturnsHeatmap")]
public sealed record ReturnsHeatmap(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Period,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly To,
    [property: Id(4)] int PairReturns,
    [property: Id(5)] ImmutableArray<string> Units,
    [property: Id(6)] ImmutableArray<ReturnCell> Cells,
    [property: Id(7)] ImmutableArray<ReturnPair> Pairs);

/// <summary>
/// Clock gaming made visible: the per-unit figures, the evidence list and the heat map of returns of a scope and period.
/// Supervisors in their scope and administrators; unit staff their own unit only.
/// </summary>
[Alias("Dispatch.Stats.IClockGamingGrain")]
public interface IClockGamingGrain : IGrainWithIntegerKey
{
    [Alias("Report")]
    Task<Outcome<ClockGamingReport>> Report(string? scope, string? period, DateOnly? date, Actor actor);

    [Alias("Signals")]
    Task<Outcome<ClockGamingSignals>> Signals(ClockGamingQuery query, Actor actor);

    [Alias("ReturnsHeatmap")]
    Task<Outcome<ReturnsHeatmap>> ReturnsHeatmap(string? scope, string? period, DateOnly? date, Actor actor);
}

/// <summary>The filters of the evidence list.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Stats.ClockGamingQuery")]
public sealed record ClockGamingQuery
{
    public const int MaxPageSize = 100;

    [Id(0)] public string? Scope { get; init; }
    [Id(1)] public string? Period { get; init; }
    [Id(2)] public DateOnly? Date { get; init; }
    [Id(3)] public string? Unit { get; init; }
    [Id(4)] public string? Kind { get; init; }
    [Id(5)] public int Page { get; init; } = 1;
    [Id(6)] public int PageSize { get; init; } = 20;
}
