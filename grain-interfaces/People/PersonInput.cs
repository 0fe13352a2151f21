namespace Dispatch.People;

/// <summary>
/// A disabled person as entered for a legal-aid application or a rehabilitation visit. The resident ID (or the
/// disability certificate) links the item to the person record; without it the phone number does.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.People.PersonInput")]
public sealed record PersonInput
{
    /// <summary>Records print themselves into logs and exceptions: the person's name and numbers stay out.</summary>
    public override string ToString() => $"PersonInput {{ CountyCode = {CountyCode}, TownCode = {TownCode} }}";


    [Id(0)] public string? Name { get; init; }
    /// <summary>Mobile (11 digits starting with 1) or landline with area code, e.g. 0573-82345678.</summary>
    [Id(1)] public string? Phone { get; init; }
    [Id(2)] public string? ResidentId { get; init; }
    /// <summary>残疾人证号: ID number + category digit 1-7 + grade digit 1-4.</summary>
    [Id(3)] public string? DisabilityCertificate { get; init; }
    /// <summary>County code; 330400 for city-level matters.</summary>
    [Id(4)] public string? CountyCode { get; init; }
    /// <summary>Town or sub-district (镇/街道); when given it decides the county.</summary>
    [Id(5)] public string? TownCode { get; init; }
    [Id(6)] public string? Address { get; init; }
}

/// <summary>A person as an item keeps them; every response masks the numbers (and the name for supervisors).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.People.PersonView")]
public sealed record PersonView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] string? ResidentId,
    [property: Id(3)] string? DisabilityCertificate,
    [property: Id(4)] string CountyCode,
    [property: Id(5)] string? TownCode,
    [property: Id(6)] string? Address)
{
    /// <summary>Records print themselves into logs and exceptions: the person's name and numbers stay out.</summary>
    public override string ToString() => $"PersonView {{ CountyCode = {CountyCode}, TownCode = {TownCode} }}";
}
