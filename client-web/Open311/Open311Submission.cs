using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dispatch.Tickets;
using Dispatch.Web.Input;
using static Dispatch.Web.Open311.Open311FormFields;

namespace Dispatch.Web.Open311;

/// <summary>
/// The form of <c>POST /open311/v2/requests</c> as the edge reads it: one value per name, every value through the same
/// character and length rule as the JSON API (InputGuard), known attributes only, a location that parses if given. The
/// intake rules then judge it as they judge the hotline's intake.
/// </summary>
public sealed class Open311Submission
{
    private const string AttributePrefix = "attribute[";

    private readonly IReadOnlyDictionary<string, string> fields;

    private Open311Submission(IReadOnlyDictionary<string, string> fields) => this.fields = fields;

    public string? ServiceCode => Value(Open311FormFields.ServiceCode);

    /// <summary>Reads the form; either the submission or every field error at once.</summary>
    public static (Open311Submission? Submission, IReadOnlyList<FieldError> Errors) Read(IFormCollection form)
    {
        var errors = new List<FieldError>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (values.Count != 1)
            {
                errors.Add(new(name, "repeated", "只能填写一个值。", "Give one value only."));
                continue;
            }
            fields[name] = values[0] ?? "";
        }
        errors.AddRange(InputGuard.Check(fields));
        foreach (var name in fields.Keys.Where(n => n.StartsWith(AttributePrefix, StringComparison.Ordinal)))
        {
            if (!name.EndsWith(']') || !Open311Attributes.Codes.Contains(name[AttributePrefix.Length..^1]))
            {
                errors.Add(new(name, "unknown_attribute", "没有这一属性，请按服务定义填写。", "No such attribute; see the service definition."));
            }
        }
        CheckCoordinate(fields, Lat, 90, errors);
        CheckCoordinate(fields, Long, 180, errors);
        return errors.Count > 0 ? (null, errors) : (new Open311Submission(fields), []);
    }

    /// <summary>
    /// The intake the hotline's form would make: channel online, normal urgency, the title derived from the content, the
    /// e-mail as the other contact (an online request may come without a phone when it gives one).
    /// </summary>
    public TicketIntake ToIntake(Open311Service service) => new()
    {
        Channel = TicketVocabulary.OnlineChannel,
        Kind = service.Kind.Code,
        Topic = service.Topic.Code,
        Urgency = "normal",
        CallerName = CallerName(Value(FirstName), Value(LastName)),
        CallerPhone = Value(Phone),
        ResidentId = Value(Attribute(Open311Attributes.ResidentId)),
        DisabilityCertificate = Value(Attribute(Open311Attributes.DisabilityCertificate)),
        CountyCode = Value(Attribute(Open311Attributes.County)),
        TownCode = Value(Attribute(Open311Attributes.Town)),
        Address = Value(AddressString),
        Content = Value(Description),
        OtherContact = Value(Email),
    };

    /// <summary>
    /// Without an Idempotency-Key header, the same form (every field but the key) sent again on the same local day is the
    /// same request: a web form submitted twice registers one ticket, while the same words on another day are a new one.
    /// </summary>
    public string DerivedIdempotencyKey(DateOnly localDay)
    {
        var canonical = new StringBuilder(localDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var (name, value) in fields.Where(f => f.Key != ApiKey).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            canonical.Append('\n').Append(name).Append('=').Append(value.Trim());
        }
        return "open311-form:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>A Chinese name is family name first without a space (张 + 三 = 张三); a Latin one is "first last".</summary>
    private static string? CallerName(string? first, string? last)
    {
        if (first is null || last is null)
        {
            return first ?? last;
        }
        var chinese = (first + last).Any(c => c >= '\u2E80');
        return chinese ? last + first : first + " " + last;
    }

    private string? Value(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static void CheckCoordinate(Dictionary<string, string> fields, string name, double limit, List<FieldError> errors)
    {
        if (fields.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text)
            && !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) && Math.Abs(degrees) <= limit))
        {
            errors.Add(new(name, "invalid_coordinate", $"须为 -{limit} 到 {limit} 之间的十进制度数。", $"Must be decimal degrees from -{limit} to {limit}."));
        }
    }
}
