using System.Collections.Immutable;
using Dispatch.Items;

namespace Dispatch.Sla;

/// <summary>
/// One clock of a ticket, legal-aid case or visit: due time (UTC), state (running, paused, warning, overdue, met,
/// missed) and the rule version it runs under. The serialization alias predates legal aid and stays as it was.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.DeadlineView")]
public sealed record DeadlineView(
    [property: Id(0)] DateTimeOffset DueAt,
    [property: Id(1)] string State,
    [property: Id(2)] int RuleVersion,
    [property: Id(3)] string Length,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset WarnAt,
    [property: Id(6)] DateTimeOffset? StoppedAt,
    [property: Id(7)] double PausedHours,
    [property: Id(8)] string? Extended);

/// <summary>
/// 督办: issued by a supervisor, or by the platform when a clock runs out. An order that asks the unit for a written reply
/// (督办回复) carries its level, reply due time and state; one that asks for none has state "record".
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.SupervisionView")]
public sealed record SupervisionView(
    [property: Id(0)] Guid OrderId, [property: Id(1)] string Cause, [property: Id(2)] string? Note, [property: Id(3)] DateTimeOffset IssuedAt)
{
    /// <summary>open (waiting for the reply), overdue (its reply due time passed), replied, or record (no reply asked).</summary>
    [Id(4), ClosedSet(typeof(SupervisionOrderStates), nameof(SupervisionOrderStates.All))] public string State { get; init; } = SupervisionOrderStates.Record;

    /// <summary>unit, county or city: who the order stands before now.</summary>
    [Id(5)] public string? Level { get; init; }

    /// <summary>When the reply is due at the current level.</summary>
    [Id(6)] public DateTimeOffset? DueAt { get; init; }

    [Id(7)] public string? Reply { get; init; }
    [Id(8)] public DateTimeOffset? RepliedAt { get; init; }

    /// <summary>The account that wrote the reply.</summary>
    [Id(9)] public string? RepliedBy { get; init; }

    /// <summary>Each escalation: the level reached and when.</summary>
    [Id(10)] public ImmutableArray<SupervisionStepView> Escalations { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("Dispatch.Sla.SupervisionStepView")]
public sealed record SupervisionStepView([property: Id(0)] string Level, [property: Id(1)] DateTimeOffset At);

/// <summary>Where a supervision order stands.</summary>
public static class SupervisionOrderStates
{
    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Replied = "replied";
    public const string Record = "record";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Open, Overdue, Replied, Record], StringComparer.Ordinal);
}
