using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Dispatch.Web.Open311;

/// <summary>Renders an <see cref="Open311Document"/> in the element names and shapes of the GeoReport v2 specification.</summary>
public static class Open311Writer
{
    /// <summary>Every point in time is written in Jiaxing's offset (+08:00), as ISO 8601 with the offset the specification asks for.</summary>
    private static readonly TimeSpan Jiaxing = TimeSpan.FromHours(8);

    public static async Task WriteAsync(Open311Document document, Open311Format format, Stream output, CancellationToken cancellationToken)
    {
        if (format == Open311Format.Xml)
        {
            await WriteXmlAsync(document, output);
        }
        else
        {
            await WriteJsonAsync(document, output, cancellationToken);
        }
    }

    public static string Time(DateTimeOffset time) =>
        time.ToOffset(Jiaxing).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task WriteJsonAsync(Open311Document document, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (document.ItemElement is null)
        {
            JsonObject(json, document.Items[0]);
        }
        else
        {
            json.WriteStartArray();
            foreach (var item in document.Items)
            {
                JsonObject(json, item);
            }
            json.WriteEndArray();
        }
        await json.FlushAsync(cancellationToken);
    }

    private static void JsonObject(Utf8JsonWriter json, Open311Object item)
    {
        json.WriteStartObject();
        foreach (var field in item.Fields)
        {
            json.WritePropertyName(field.Name);
            switch (field.Value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case DateTimeOffset time:
                    json.WriteStringValue(Time(time));
                    break;
                case Open311List list:
                    json.WriteStartArray();
                    foreach (var inner in list.Items)
                    {
                        JsonObject(json, inner);
                    }
                    json.WriteEndArray();
                    break;
                default:
                    json.WriteStringValue(Convert.ToString(field.Value, CultureInfo.InvariantCulture));
                    break;
            }
        }
        json.WriteEndObject();
    }

    private static async Task WriteXmlAsync(Open311Document document, Stream output)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = false };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, document.Root, null);
        if (document.ItemElement is null)
        {
            await XmlFieldsAsync(xml, document.Items[0]);
        }
        else
        {
            foreach (var item in document.Items)
            {
                await xml.WriteStartElementAsync(null, document.ItemElement, null);
                await XmlFieldsAsync(xml, item);
                await xml.WriteEndElementAsync();
            }
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task XmlFieldsAsync(XmlWriter xml, Open311Object item)
    {
        foreach (var field in item.Fields)
        {
            await xml.WriteStartElementAsync(null, field.Name, null);
            switch (field.Value)
            {
                case null:
                    break;
                case bool flag:
                    await xml.WriteStringAsync(flag ? "true" : "false");
                    break;
                case DateTimeOffset time:
                    await xml.WriteStringAsync(Time(time));
                    break;
                case Open311List list:
                    foreach (var inner in list.Items)
                    {
                        await xml.WriteStartElementAsync(null, list.ItemElement, null);
                        await XmlFieldsAsync(xml, inner);
                        await xml.WriteEndElementAsync();
                    }
                    break;
                default:
                    await xml.WriteStringAsync(Convert.ToString(field.Value, CultureInfo.InvariantCulture));
                    break;
            }
            await xml.WriteEndElementAsync();
        }
    }
}
