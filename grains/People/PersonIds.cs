namespace Dispatch.People;

/// <summary>
/// The person record key (一人一档) shared by tickets, legal-aid cases and visits: id:&lt;resident ID&gt; when the ID
/// number is known, otherwise phone:&lt;normalised number&gt;.
/// </summary>
public static class PersonIds
{
    public static string Of(ResidentIdNumber? residentId, PhoneNumber phone) =>
        residentId is { } id ? "id:" + id.Value : "phone:" + phone.Value;
}
