using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Identity;
using Dispatch.Tickets;

namespace Dispatch.Web.Tickets;

/// <summary>Personal data as each role may see it: supervisors get masked ID and phone numbers (PIPL).</summary>
public static class TicketPresentation
{
    public static bool SeesFullPersonalData(Actor actor) => actor.Role is Roles.Operator or Roles.UnitStaff or Roles.Admin;

    public static TicketView ForActor(TicketView view, Actor actor) => SeesFullPersonalData(actor)
        ? view
        : view with
        {
            CallerPhone = MaskPhone(view.CallerPhone),
            ResidentId = view.ResidentId is null ? null : MaskId(view.ResidentId),
            DisabilityCertificate = view.DisabilityCertificate is null ? null : MaskId(view.DisabilityCertificate),
        };

    /// <summary>List rows already mask the phone; the person id carries the ID number or phone and is masked too.</summary>
    public static IReadOnlyList<TicketSummary> ForActor(IReadOnlyList<TicketSummary> rows, Actor actor) => SeesFullPersonalData(actor)
        ? rows
        : [.. rows.Select(row => row with { PersonId = MaskPersonId(row.PersonId) })];

    /// <summary>History as this user may see it: the personal data recorded in events is masked like the ticket view.</summary>
    public static IReadOnlyList<HistoryEntry> ForActor(IReadOnlyList<HistoryEntry> history, Actor actor) => SeesFullPersonalData(actor)
        ? history
        : [.. history.Select(entry => entry with { Data = Masked(entry.Data) })];

    public static string MaskPersonId(string personId) => personId switch
    {
        _ when personId.StartsWith("id:", StringComparison.Ordinal) => "id:" + MaskId(personId[3..]),
        _ when personId.StartsWith("phone:", StringComparison.Ordinal) => "phone:" + MaskPhone(personId[6..]),
        _ => personId,
    };

    private static JsonElement Masked(JsonElement data)
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
}
