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
    /// <summary>
    /// Mobile (11 digits starting with 1) or landline with area code, e.g. 0573-82345678. Required on the phone and app
    /// channels; a letter, a visit or an online request may come without one (<see cref="TicketVocabulary.ChannelsWithoutPhone"/>).
    /// </summary>
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

    /// <summary>
    /// How to reach the caller (联系方式); when omitted, the method the certificate's category suggests
    /// (<see cref="ContactSuggestions"/>), else voice when a phone is given, the guardian when a guardian's phone is, a
    /// letter when an address or another contact is. With nothing to reach the caller by, "none" must be chosen.
    /// </summary>
    [Id(13), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.ContactMethods))] public string? ContactMethod { get; init; }

    /// <summary>Another way to reach the caller (其他联系方式): an e-mail, a postal address for letters, a messaging account.</summary>
    [Id(14)] public string? OtherContact { get; init; }

    /// <summary>The guardian or agent who speaks for the caller (监护人/代理人): name, relation and phone, given together.</summary>
    [Id(15)] public string? GuardianName { get; init; }

    [Id(16), ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.GuardianRelations))] public string? GuardianRelation { get; init; }

    [Id(17)] public string? GuardianPhone { get; init; }
}
