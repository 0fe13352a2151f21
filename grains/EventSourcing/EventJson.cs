using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.EventSourcing;

/// <summary>How every item's events are written to the event log: camelCase JSON, enums as snake_case strings.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
