using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Identity;
using Dispatch.People;

namespace Dispatch.PersonalData;

/// <summary>
/// Personal data as everything that leaves the silo or the web app shows it (PIPL): ID, certificate and phone numbers
/// masked for every role, always; a full value only through a logged reveal (<see cref="IPersonalDataItem"/>). Names
/// stay readable for the roles that work the item and are masked for supervisors. The item grains mask their views
/// with it, the web app its read-model rows and histories: one rule for both.
/// </summary>
public static class PersonalDataMasks
{
    /// <summary>Operators, unit staff and administrators work items and see the person's name; supervisors do not.</summary>
    public static bool SeesNames(Actor actor) => actor.Role != Roles.Supervisor;

    /// <summary>138****5678, 0573-****5678.</summary>
    public static string MaskPhone(string phone) => phone.Length switch
    {
        11 when phone[0] == '1' => string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)),
        > 4 => string.Concat(phone.AsSpan(0, Math.Max(0, phone.IndexOf('-', StringComparison.Ordinal) + 1)), "****", phone.AsSpan(phone.Length - 4)),
        _ => "****",
    };

    /// <summary>330402********1234 (a certificate keeps its two trailing digits too).</summary>
    public static string MaskId(string id) => id.Length >= 18
        ? string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(14))
        : "******";

    /// <summary>An ID or certificate number that may be missing, masked when present.</summary>
    [return: NotNullIfNotNull(nameof(id))]
    public static string? MaskOptionalId(string? id) => id is null ? null : MaskId(id);

    /// <summary>张**: the first character and two stars, whatever the length.</summary>
    public static string MaskName(string name) => name.Length == 0 ? name : string.Concat(name.AsSpan(0, char.IsHighSurrogate(name[0]) ? 2 : 1), "**");

    /// <summary>The name as this user may see it.</summary>
    public static string Name(string name, Actor actor) => SeesNames(actor) ? name : MaskName(name);

    /// <summary>A person's numbers masked, the name as the user may see it.</summary>
    public static PersonView Person(PersonView person, Actor actor) => person with
    {
        Name = Name(person.Name, actor),
        Phone = MaskPhone(person.Phone),
        ResidentId = MaskOptionalId(person.ResidentId),
        DisabilityCertificate = MaskOptionalId(person.DisabilityCertificate),
    };

    /// <summary>
    /// A JSON document (an event's payload) with every phone, ID and certificate number masked, names masked for
    /// supervisors, and any raw person key of an old event made opaque.
    /// </summary>
    public static JsonElement Masked(JsonElement data, Actor actor, PersonIdKey personIds)
    {
        var node = JsonNode.Parse(data.GetRawText());
        MaskPersonalFields(node, MaskersFor(actor, personIds));
        return JsonSerializer.SerializeToElement(node);
    }

    private static Func<string, Func<string, string>?> MaskersFor(Actor actor, PersonIdKey personIds) => field => field switch
    {
        "callerPhone" or "phone" or "applicantPhone" or "personPhone" => MaskPhone,
        "residentId" or "disabilityCertificate" => MaskId,
        "personId" => personIds.Opaque,
        "callerName" or "name" when !SeesNames(actor) => MaskName,
        _ => null,
    };

    private static void MaskPersonalFields(JsonNode? node, Func<string, Func<string, string>?> maskerFor)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields.ToList())
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var raw) && maskerFor(name) is { } mask)
                    {
                        fields[name] = mask(raw);
                    }
                    else
                    {
                        MaskPersonalFields(value, maskerFor);
                    }
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    MaskPersonalFields(item, maskerFor);
                }
                break;
        }
    }
}
