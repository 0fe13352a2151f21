using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dispatch.Web.PersonalData;

/// <summary>Personal data as each role may see it: supervisors get masked ID and phone numbers (PIPL).</summary>
public static class PersonalDataMasks
{
    public static bool SeesFullPersonalData(Actor actor) => actor.Role is Roles.Operator or Roles.UnitStaff or Roles.Admin;

    /// <summary>The value itself for a role that sees full personal data, else the value with <paramref name="mask"/> applied.</summary>
    public static T AsSeenBy<T>(T value, Actor actor, Func<T, T> mask) => SeesFullPersonalData(actor) ? value : mask(value);

    /// <summary>138****5678, 0573-****5678.</summary>
    public static string MaskPhone(string phone) => phone.Length switch
    {
        11 when phone[0] == '1' => string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)),
        > 4 => string.Concat(phone.AsSpan(0, Math.Max(0, phone.IndexOf('-', StringComparison.Ordinal) + 1)), "****", phone.AsSpan(phone.Length - 4)),
        _ => "****",
    };

    /// <summary>330402********1234 (and the certificate's two trailing digits kept).</summary>
    public static string MaskId(string id) => id.Length >= 18
        ? string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(14))
        : "******";

    /// <summary>An ID or certificate number that may be missing, masked when present.</summary>
    [return: NotNullIfNotNull(nameof(id))]
    public static string? MaskOptionalId(string? id) => id is null ? null : MaskId(id);

    /// <summary>The person id carries the ID number or the phone: id:330402********1234, phone:138****5678.</summary>
    public static string MaskPersonId(string personId) => personId switch
    {
        _ when personId.StartsWith("id:", StringComparison.Ordinal) => "id:" + MaskId(personId[3..]),
        _ when personId.StartsWith("phone:", StringComparison.Ordinal) => "phone:" + MaskPhone(personId[6..]),
        _ => personId,
    };

    /// <summary>A JSON document (an event's payload) with every phone, ID number and person id in it masked.</summary>
    public static JsonElement Masked(JsonElement data)
    {
        var node = JsonNode.Parse(data.GetRawText());
        MaskPersonalFields(node);
        return JsonSerializer.SerializeToElement(node);
    }

    private static void MaskPersonalFields(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields.ToList())
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var raw) && MaskerFor(name) is { } mask)
                    {
                        fields[name] = mask(raw);
                    }
                    else
                    {
                        MaskPersonalFields(value);
                    }
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    MaskPersonalFields(item);
                }
                break;
        }
    }

    private static Func<string, string>? MaskerFor(string field) => field switch
    {
        "callerPhone" or "phone" => MaskPhone,
        "residentId" or "disabilityCertificate" => MaskId,
        "personId" => MaskPersonId,
        _ => null,
    };
}
