using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dispatch.People;

namespace Dispatch.EventSourcing;

/// <summary>
/// Events recorded before person ids became opaque carry the raw person key (id:..., phone:...); the rules still name
/// a person by that key. Every "personId" in an event payload is folded to the opaque id (<see cref="PersonIdKey"/>) when
/// it is read and before it is appended, so states, read models and the API only ever hold the opaque id. Stored rows
/// of domain_events are never rewritten.
/// </summary>
public static partial class PersonIdFolding
{
    private const string Property = "personId";

    /// <summary>
    /// The payload with its person ids opaque; the same text when it names no raw person key (the common case: every
    /// event written since person ids became opaque), found by one scan of the text without parsing it.
    /// </summary>
    public static string Fold(string payload, PersonIdKey? key)
    {
        if (key is null || !RawPersonId().IsMatch(payload))
        {
            return payload;
        }
        var node = JsonNode.Parse(payload);
        return FoldNode(node, key) ? node!.ToJsonString() : payload;
    }

    /// <summary>The event with its person ids opaque; the same instance when it names none.</summary>
    public static TEvent Fold<TEvent>(TEvent e, JsonSerializerOptions json, PersonIdKey? key)
    {
        if (key is null)
        {
            return e;
        }
        var payload = JsonSerializer.Serialize(e, json);
        var folded = Fold(payload, key);
        return ReferenceEquals(folded, payload) ? e : JsonSerializer.Deserialize<TEvent>(folded, json)!;
    }

    private static bool FoldNode(JsonNode? node, PersonIdKey key)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields.ToList())
                {
                    if (name == Property && value is JsonValue text && text.TryGetValue<string>(out var raw) && PersonIdKey.IsRaw(raw))
                    {
                        fields[name] = key.Opaque(raw);
                        changed = true;
                    }
                    else
                    {
                        changed |= FoldNode(value, key);
                    }
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    changed |= FoldNode(item, key);
                }
                break;
        }
        return changed;
    }

    /// <summary>
    /// A "personId" property whose value is a raw key (<see cref="PersonIdKey.IsRaw"/>), as System.Text.Json writes it
    /// and as PostgreSQL prints jsonb (a space after the colon).
    /// </summary>
    [GeneratedRegex("\"" + Property + "\"\\s*:\\s*\"(?:id|phone):", RegexOptions.CultureInvariant)]
    private static partial Regex RawPersonId();
}
