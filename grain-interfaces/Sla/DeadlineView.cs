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

/// <summary>督办: issued by a supervisor, or by the platform when a clock runs out.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.SupervisionView")]
public sealed record SupervisionView(
    [property: Id(0)] Guid OrderId, [property: Id(1)] string Cause, [property: Id(2)] string? Note, [property: Id(3)] DateTimeOffset IssuedAt);
