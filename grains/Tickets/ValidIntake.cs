using Dispatch.People;

namespace Dispatch.Tickets;

/// <summary>An intake that passed <see cref="TicketIntakeRules"/>: trimmed, parsed, with its county resolved.</summary>
public sealed record ValidIntake
{
    public required string Channel { get; init; }
    public required string Kind { get; init; }
    public required string Topic { get; init; }
    public required string Urgency { get; init; }
    public required string CallerName { get; init; }
    /// <summary>Null only on a channel that may come without one (a letter, a visit, an online request).</summary>
    public required PhoneNumber? CallerPhone { get; init; }

    /// <summary>How the caller is reached: the method, another contact, the guardian.</summary>
    public required ValidContact Contact { get; init; }
    public ResidentIdNumber? ResidentId { get; init; }
    public DisabilityCertificateNumber? DisabilityCertificate { get; init; }

    /// <summary>The town's county when a town was given, else the county entered.</summary>
    public required string CountyCode { get; init; }

    public string? TownCode { get; init; }
    public string? Address { get; init; }

    /// <summary>As entered, or taken from the start of the content when none was entered.</summary>
    public required string Title { get; init; }

    public required string Content { get; init; }

    /// <summary>The person's ID from whichever number was given; what links the ticket to the person record.</summary>
    public ResidentIdNumber? KnownResidentId => ResidentId ?? DisabilityCertificate?.ResidentId;
}
