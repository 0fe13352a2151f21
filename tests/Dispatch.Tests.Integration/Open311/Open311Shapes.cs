namespace Dispatch.Tests.Integration.Open311;

/// <summary>
/// The element names and order of the GeoReport v2 specification's examples (wiki.open311.org/GeoReport_v2), written
/// out here from the specification, not read from the code under test.
/// </summary>
public static class Open311Shapes
{
    /// <summary>GET services: each &lt;service&gt;, each object of the JSON array.</summary>
    public static readonly string[] Service = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    /// <summary>GET service definition: the root's children, then each &lt;attribute&gt;, then each &lt;value&gt;.</summary>
    public static readonly string[] Definition = ["service_code", "attributes"];

    public static readonly string[] Attribute = ["variable", "code", "datatype", "required", "datatype_description", "order", "description"];

    public static readonly string[] ListAttribute = [.. Attribute, "values"];

    public static readonly string[] Value = ["key", "name"];

    public static readonly string[] Datatypes = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];

    /// <summary>POST requests: the answer's &lt;request&gt;.</summary>
    public static readonly string[] Submitted = ["service_request_id", "service_notice", "account_id"];

    /// <summary>GET requests and GET a request: each &lt;request&gt;.</summary>
    public static readonly string[] Request =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    public static readonly string[] Error = ["code", "description"];
}
