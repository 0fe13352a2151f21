namespace Dispatch.Web.Open311;

/// <summary>
/// One answer of the GeoReport v2 API, written once and rendered as JSON or XML by <see cref="Open311Writer"/>: a list
/// (<c>&lt;services&gt;&lt;service&gt;…</c>, a JSON array) or a single object (<c>&lt;service_definition&gt;</c>, a JSON object).
/// </summary>
/// <param name="Root">The XML root element: services, service_definition, service_requests, errors.</param>
/// <param name="ItemElement">For a list, the XML element of each item (service, request, error); null for a single object.</param>
public sealed record Open311Document(string Root, string? ItemElement, IReadOnlyList<Open311Object> Items)
{
    public static Open311Document List(string root, string itemElement, IEnumerable<Open311Object> items) => new(root, itemElement, [.. items]);

    public static Open311Document Single(string root, Open311Object item) => new(root, null, [item]);
}

/// <summary>The fields of one object, in the specification's order.</summary>
public sealed record Open311Object(IReadOnlyList<Open311Field> Fields)
{
    public static Open311Object Of(params Open311Field[] fields) => new(fields);
}

/// <summary>
/// A named value: text, a number, a boolean, a point in time (written with its offset), null (JSON null, an empty
/// element in XML) or a nested <see cref="Open311List"/>.
/// </summary>
public sealed record Open311Field(string Name, object? Value);

/// <summary>A list inside an object, such as a service's attributes and an attribute's values.</summary>
/// <param name="ItemElement">The XML element of each item (attribute, value).</param>
public sealed record Open311List(string ItemElement, IReadOnlyList<Open311Object> Items);
