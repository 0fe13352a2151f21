using Dispatch.Web.Reference;

namespace Dispatch.Web.Open311;

/// <summary>
/// The attributes every service asks for beyond the specification's own fields: where the matter is (county, town), and
/// the disabled person's ID and certificate numbers when the resident gives them, as the hotline's intake form does.
/// </summary>
public static class Open311Attributes
{
    public const string County = "county";
    public const string Town = "town";
    public const string ResidentId = "resident_id";
    public const string DisabilityCertificate = "disability_certificate";

    public static readonly IReadOnlySet<string> Codes = new HashSet<string>([County, Town, ResidentId, DisabilityCertificate], StringComparer.Ordinal);

    /// <summary>The attribute definitions, in the specification's fields and order, with the areas as list values.</summary>
    public static Open311List Definitions(IReadOnlyList<AreaSummary> areas) => new("attribute",
    [
        Definition(County, "singlevaluelist", required: true, order: 1, null,
            "所在县（市、区）/ County, city or district where the matter is",
            [.. areas.Select(a => Value(a.Code, $"{a.Name} / {a.NameEn}"))]),
        Definition(Town, "singlevaluelist", required: false, order: 2, null,
            "所在镇（街道），填写后以其所属县（市、区）为准 / Town or sub-district; when given, it decides the county",
            [.. areas.SelectMany(a => a.Towns.Select(t => Value(t.Code, $"{a.Name}{t.Name} / {t.NameEn}, {a.NameEn}")))]),
        Definition(ResidentId, "string", required: false, order: 3,
            "18 位公民身份号码 / 18-character resident ID number",
            "残疾人本人的身份证号（可选）/ The disabled person's resident ID number (optional)", null),
        Definition(DisabilityCertificate, "string", required: false, order: 4,
            "残疾人证号：身份证号加类别与等级两位数字 / Disability certificate number: the ID number with two digits for category and grade",
            "残疾人证号（可选）/ Disability certificate number (optional)", null),
    ]);

    private static Open311Object Definition(string code, string datatype, bool required, int order, string? datatypeDescription,
        string description, IReadOnlyList<Open311Object>? values)
    {
        List<Open311Field> fields =
        [
            new("variable", true), new("code", code), new("datatype", datatype), new("required", required),
            new("datatype_description", datatypeDescription), new("order", order), new("description", description),
        ];
        if (values is not null)
        {
            fields.Add(new("values", new Open311List("value", values)));
        }
        return new(fields);
    }

    private static Open311Object Value(string key, string name) => Open311Object.Of(new("key", key), new("name", name));
}
