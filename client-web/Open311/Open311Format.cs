namespace Dispatch.Web.Open311;

/// <summary>The format a GeoReport v2 resource is asked for by its extension: <c>services.json</c>, <c>services.xml</c>.</summary>
public enum Open311Format
{
    Json,
    Xml,
}

public static class Open311Formats
{
    /// <summary>The format of a route's <c>{format}</c> value; null for anything but json and xml.</summary>
    public static Open311Format? Parse(string? extension) => extension switch
    {
        "json" => Open311Format.Json,
        "xml" => Open311Format.Xml,
        _ => null,
    };

    public static string ContentType(Open311Format format) =>
        format == Open311Format.Xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
}
