using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.EventSourcing;

/// <summary>
/// How every item's events are written to the event log: camelCase JSON, enums as snake_case strings. The log keeps
/// them as jsonb, which gives the keys back shortest first (then byte order), so the "type" discriminator comes after
/// any shorter or smaller key ("at", "note", "kind"): reading must accept it anywhere in the object.
/// </summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowOutOfOrderMetadataProperties = true,
    };
}
