namespace Dispatch.People;

/// <summary>
/// A work item linked to another: a legal-aid case or visit opened from a ticket, as the ticket lists it. ItemType is
/// one of <see cref="ItemTypes"/>; Label is the case type or service type.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.People.LinkedItem")]
public sealed record LinkedItem(
    [property: Id(0)] string ItemType,
    [property: Id(1)] Guid Id,
    [property: Id(2)] string Number,
    [property: Id(3)] string Label,
    [property: Id(4)] DateTimeOffset LinkedAt);

/// <summary>The ticket a case or visit was opened from.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.People.TicketLink")]
public sealed record TicketLink([property: Id(0)] Guid TicketId, [property: Id(1)] string TicketNumber);
