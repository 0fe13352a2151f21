namespace Dispatch.People;

/// <summary>
/// The person key (一人一档) shared by tickets, legal-aid cases and visits: id:&lt;resident ID&gt; when the ID number is
/// known, otherwise phone:&lt;normalised number&gt;. The rules name a person by it; the event store records and shows only
/// its opaque form (<see cref="PersonIdKey"/>), so the raw key never reaches a read model, a response or a URL.
/// </summary>
public static class PersonIds
{
    public static string Of(ResidentIdNumber? residentId, PhoneNumber phone) =>
        residentId is { } id ? "id:" + id.Value : "phone:" + phone.Value;

    /// <summary>
    /// The key of a ticket's caller, who may have given neither number (a letter or a visit without a phone): then
    /// item:&lt;the ticket's id&gt;, a person of their own that no other item shares.
    /// </summary>
    public static string Of(ResidentIdNumber? residentId, PhoneNumber? phone, Guid item) =>
        phone is { } number ? Of(residentId, number) : residentId is { } id ? "id:" + id.Value : "item:" + item.ToString("N");
}
