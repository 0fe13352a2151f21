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

    /// <summary>A phone number that may be missing, masked when present.</summary>
    [return: NotNullIfNotNull(nameof(phone))]
    public static string? MaskOptionalPhone(string? phone) => phone is null ? null : MaskPhone(phone);

    /// <summary>Another contact (an e-mail, an address, an account): its first two characters and four stars.</summary>
    [return: NotNullIfNotNull(nameof(contact))]
    public static string? MaskContact(string? contact) => contact is null ? null
        : string.Concat(string.Concat(contact.EnumerateRunes().Take(2)), "****");

    /// <summary>
    /// zh***@example.org: an e-mail address with the first two characters of its local part (one when it has two or
    /// fewer) and its domain; anything without an @ as <see cref="MaskContact"/>.
    /// </summary>
    public static string MaskEmail(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return MaskContact(email);
        }
        var local = email[..at].EnumerateRunes().ToList();
        return string.Concat(string.Concat(local.Take(local.Count > 2 ? 2 : 1)), "***", email.AsSpan(at));
    }

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

    /// <summary>
    /// What people type (a title, a complaint, a reply, a note) as this user may see it: as typed for the roles that work
    /// the item; for supervisors screened (<see cref="FreeText.Screen"/>), so the person's name and any personal number
    /// written into it are masked as the fields are.
    /// </summary>
    /// <param name="names">The item's person (caller, applicant, person), whose name the text may repeat.</param>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Text(string? text, Actor actor, params string?[] names) =>
        text is null || SeesNames(actor) ? text : FreeText.Screen(text, names);

    /// <summary>The free-text fields of item views and events, screened for supervisors (<see cref="Text"/>).</summary>
    public static readonly IReadOnlySet<string> FreeTextFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "content", "reply", "note", "notes", "summary", "outcomeSummary", "recordNotes", "reason", "reasons", "grounds",
        "documents", "decisionNote",
    };

    /// <summary>
    /// An item's view as this user may see its free text: unchanged for the roles that work the item; for supervisors
    /// every free-text field (<see cref="FreeTextFields"/>, at any depth: the complaint, replies, notes of supervision
    /// orders, call-backs, returns, extensions, objections) screened. Its personal fields are masked before this.
    /// </summary>
    public static T Screened<T>(T view, Actor actor, params string?[] names) where T : class
    {
        if (SeesNames(actor))
        {
            return view;
        }
        var node = JsonSerializer.SerializeToNode(view, JsonSerializerOptions.Web);
        MaskPersonalFields(node, field => FreeTextFields.Contains(field) ? text => FreeText.Screen(text, names) : null);
        return node.Deserialize<T>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{typeof(T).Name} did not survive its free-text screen.");
    }

    /// <summary>The person names recorded in event payloads (callerName, a guardian's, a person's or applicant's name).</summary>
    public static IReadOnlyList<string> NamesIn(IEnumerable<JsonElement> data)
    {
        var names = new List<string>();
        foreach (var element in data)
        {
            CollectNames(JsonNode.Parse(element.GetRawText()), names);
        }
        return names;
    }

    private static void CollectNames(JsonNode? node, List<string> names)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields)
                {
                    if (name is "callerName" or "name" or "guardianName" && value is JsonValue text && text.TryGetValue<string>(out var raw) && !names.Contains(raw))
                    {
                        names.Add(raw);
                    }
                    else
                    {
                        CollectNames(value, names);
                    }
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    CollectNames(item, names);
                }
                break;
        }
    }

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
    /// supervisors and free text screened for them, and any raw person key of an old event made opaque.
    /// </summary>
    /// <param name="names">The item's person names (<see cref="NamesIn"/> over its whole history), for the free-text screen.</param>
    public static JsonElement Masked(JsonElement data, Actor actor, PersonIdKey personIds, IReadOnlyList<string>? names = null)
    {
        var node = JsonNode.Parse(data.GetRawText());
        MaskPersonalFields(node, MaskersFor(actor, personIds, names ?? []));
        return JsonSerializer.SerializeToElement(node);
    }

    private static Func<string, Func<string, string>?> MaskersFor(Actor actor, PersonIdKey personIds, IReadOnlyList<string> names) => field => field switch
    {
        "callerPhone" or "phone" or "applicantPhone" or "personPhone" or "guardianPhone" => MaskPhone,
        "residentId" or "disabilityCertificate" => MaskId,
        "otherContact" => MaskContact,
        "personId" => personIds.Opaque,
        "callerName" or "name" or "guardianName" when !SeesNames(actor) => MaskName,
        _ when !SeesNames(actor) && FreeTextFields.Contains(field) => text => FreeText.Screen(text, [.. names]),
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
