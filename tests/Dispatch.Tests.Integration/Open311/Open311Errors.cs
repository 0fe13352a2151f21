using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Dispatch.Tests.Integration.Open311;

/// <summary>The specification's error list: <c>[{code, description}]</c> in JSON, <c>&lt;errors&gt;&lt;error&gt;…</c> in XML.</summary>
public static class Open311Errors
{
    /// <summary>True when the answer is a non-empty error list whose codes are the HTTP status and whose descriptions are not empty.</summary>
    public static async Task<bool> IsErrorListAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return response.Content.Headers.ContentType?.MediaType switch
            {
                "application/json" => JsonDocument.Parse(body).RootElement is { ValueKind: JsonValueKind.Array } errors && errors.GetArrayLength() > 0
                    && errors.EnumerateArray().All(e => e.EnumerateObject().Select(p => p.Name).SequenceEqual(Open311Shapes.Error)
                        && e.GetProperty("code").GetInt32() == status && e.GetProperty("description").GetString()!.Length > 0),
                "text/xml" => XDocument.Parse(body).Root is { Name.LocalName: "errors" } root && root.Elements().Any()
                    && root.Elements().All(e => e.Name.LocalName == "error" && e.Elements().Select(x => x.Name.LocalName).SequenceEqual(Open311Shapes.Error)
                        && e.Element("code")!.Value == status.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        && e.Element("description")!.Value.Length > 0),
                _ => false,
            };
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException or KeyNotFoundException)
        {
            return false;
        }
    }
}
