using Dispatch.Items;
namespace Dispatch.Tickets;

/// <summary>What an operator enters to register a ticket (登记). Every field is validated before anything is stored.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Tickets.TicketIntake")]
public sealed record TicketIntake
{
    /// <summary>Records print themselves into logs and exceptions: the caller's name and numbers stay out.</summary>
    public override string ToString() => $"TicketIntake {{ Kind = {Kind}, Topic = {Topic}, CountyCode = {CountyCode} }}";


    [Id(0), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Channels))] public string? Channel { get; init; }
    [Id(1), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Kinds))] public string? Kind { get; init; }
    [Id(2), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Topics))] public string? Topic { get; init; }
    [Id(3), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Urgencies))] public string? Urgency { get; init; }
    /// <summary>Caller's name (来电人).</summary>
    [Id(4)] public string? CallerName { get; init; }
    /// <summary>Mobile (11 digits starting with 1) or landline with area code, e.g. 0573-82345678.</summary>
    [Id(5)] public string? CallerPhone { get; init; }
    /// <summary>18-character resident ID number of the disabled person, if known.</summary>
    [Id(6)] public string? ResidentId { get; init; }
    /// <summary>Disability certificate number (残疾人证号): ID number + category digit 1-7 + grade digit 1-4.</summary>
    [Id(7)] public string? DisabilityCertificate { get; init; }
    [Id(8)] public string? CountyCode { get; init; }
    /// <summary>Town or sub-district (镇/街道); when given it decides the county.</summary>
    [Id(9)] public string? TownCode { get; init; }
    [Id(10)] public string? Address { get; init; }
    [Id(11)] public string? Title { get; init; }
    [Id(12)] public string? Content { get; init; }
}
