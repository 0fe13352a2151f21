using Dispatch.Items;
using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.PersonalData;

/// <summary>
/// An item that keeps a person's numbers (ticket, legal-aid case, visit, plan): every view it answers masks them, and
/// one full value leaves it only through <see cref="Reveal"/>.
/// </summary>
[Alias("Dispatch.PersonalData.IPersonalDataItem")]
public interface IPersonalDataItem : IGrainWithGuidKey
{
    /// <summary>
    /// One full value of the item's personal fields. The grain checks the role (supervisors: Forbidden), the request
    /// (field and purpose: Validation) and the scope (outside it: NotFound, as a read), and writes the access-log row
    /// before it answers; a refusal logs nothing.
    /// </summary>
    /// <param name="clientAddress">Where the user asked from, for the log (the web app passes the connection's address).</param>
    [Alias("Reveal")] Task<Outcome<RevealedValue>> Reveal(RevealRequest request, string? clientAddress, Actor actor);
}

/// <summary>Which personal field of the item, and why (POST .../reveal {field, purpose, note?}).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.PersonalData.RevealRequest")]
public sealed record RevealRequest([property: Id(0)] string? Field, [property: Id(1), ClosedSet(typeof(RevealPurposes), nameof(RevealPurposes.All))] string? Purpose, [property: Id(2)] string? Note);

/// <summary>The full value of one field, shown for this view only.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.PersonalData.RevealedValue")]
public sealed record RevealedValue([property: Id(0)] string Field, [property: Id(1)] string Value)
{
    /// <summary>Records print themselves into logs and exceptions: the value stays out.</summary>
    public override string ToString() => $"RevealedValue {{ Field = {Field} }}";
}
