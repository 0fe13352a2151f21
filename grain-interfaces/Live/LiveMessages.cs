using System.Collections.Immutable;

namespace Dispatch.Live;

/// <summary>An item as the live feed shows it (the contract's item shape).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Live.LiveItem")]
public sealed record LiveItem(
    [property: Id(0)] string ItemType,
    [property: Id(1)] Guid Id,
    [property: Id(2)] string Number,
    [property: Id(3)] string Title,
    [property: Id(4)] string? UnitCode,
    [property: Id(5)] string CountyCode,
    [property: Id(6)] string Status,
    [property: Id(7)] string? ClockState,
    [property: Id(8)] DateTimeOffset? DueAt);

/// <summary>An alert for supervisors: a clock ran out, or a supervision order was issued.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Live.LiveAlert")]
public sealed record LiveAlert(
    [property: Id(0)] string Kind,
    [property: Id(1)] string MessageZh,
    [property: Id(2)] string MessageEn);

/// <summary>
/// One committed change of one item, announced after its transaction: what the browsers should hear, in which scopes,
/// and which scopes' measures moved. <see cref="At"/> is the instant of the change (the events' time).
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Live.LiveChange")]
public sealed record LiveChange(
    [property: Id(0)] LiveItem Item,
    [property: Id(1)] string? Change,
    [property: Id(2)] ImmutableArray<string> Scopes,
    [property: Id(3)] ImmutableArray<LiveAlert> Alerts,
    [property: Id(4)] ImmutableArray<string> StatsScopes,
    [property: Id(5)] DateTimeOffset At);

/// <summary>Changes gathered by one silo for a few hundred milliseconds at most.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Live.LiveBatch")]
public sealed record LiveBatch(
    [property: Id(0)] ImmutableArray<LiveChange> Changes,
    [property: Id(1)] DateTimeOffset SentAt);

/// <summary>The item-change kinds of the contract.</summary>
public static class LiveChangeKinds
{
    public const string Registered = "registered";
    public const string AtRisk = "atRisk";
    public const string Overdue = "overdue";
    public const string Cleared = "cleared";
    public const string Resolved = "resolved";
    public const string Reopened = "reopened";
    public const string Closed = "closed";
    public const string Dispatched = "dispatched";
    public const string Signed = "signed";

    /// <summary>A legal-aid case concluded.</summary>
    public const string Concluded = "concluded";

    /// <summary>A visit completed, missed or cancelled.</summary>
    public const string Completed = "completed";
    public const string Missed = "missed";
    public const string Cancelled = "cancelled";

    /// <summary>A case or visit moved to another status that no other kind names (accepted, granted, assigned...).</summary>
    public const string Updated = "updated";
}

public static class LiveAlertKinds
{
    public const string Overdue = "overdue";
    public const string Supervision = "supervision";

    /// <summary>催办: an operator's or supervisor's reminder to the unit holding the item.</summary>
    public const string Reminder = "reminder";
}
