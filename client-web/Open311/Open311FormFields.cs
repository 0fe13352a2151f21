namespace Dispatch.Web.Open311;

/// <summary>The names of the GeoReport v2 request form, and which of them carry each field of our intake.</summary>
public static class Open311FormFields
{
    public const string ApiKey = "api_key";
    public const string ServiceCode = "service_code";
    public const string Description = "description";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string AddressString = "address_string";
    public const string Lat = "lat";
    public const string Long = "long";

    /// <summary>Specification fields accepted and not kept: the ticket has no place for them (see the README).</summary>
    public static readonly IReadOnlySet<string> AcceptedNotKept = new HashSet<string>(StringComparer.Ordinal)
    {
        Lat, Long, "address_id", "device_id", "account_id", "media_url", "jurisdiction_id",
    };

    /// <summary>Every plain field the form may carry; attributes come as <c>attribute[code]</c>.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(
        [ApiKey, ServiceCode, Description, FirstName, LastName, Phone, Email, AddressString, .. AcceptedNotKept], StringComparer.Ordinal);

    /// <summary>The form name of an intake field named in a rule's field error (callerPhone → phone).</summary>
    public static string NameOf(string intakeField) => intakeField switch
    {
        "callerName" => "first_name/last_name",
        // Without a phone, the e-mail is the way back to the citizen; with neither, the phone is what the form lacks.
        "callerPhone" or "contactMethod" => Phone,
        "otherContact" => Email,
        "content" => Description,
        "address" => AddressString,
        "countyCode" => Attribute(Open311Attributes.County),
        "townCode" => Attribute(Open311Attributes.Town),
        "residentId" => Attribute(Open311Attributes.ResidentId),
        "disabilityCertificate" => Attribute(Open311Attributes.DisabilityCertificate),
        "kind" or "topic" or "channel" or "urgency" => ServiceCode,
        _ => intakeField,
    };

    public static string Attribute(string code) => $"attribute[{code}]";
}
