using Dispatch.Errors;
using Dispatch.Tickets;
using Dispatch.Fields;

namespace Dispatch.People;

/// <summary>A person that passed <see cref="PersonRules"/>: parsed numbers, county resolved from the town.</summary>
public sealed record ValidPerson(
    string Name, PhoneNumber Phone, ResidentIdNumber? ResidentId, DisabilityCertificateNumber? Certificate,
    string CountyCode, string? TownCode, string? Address)
{
    public ResidentIdNumber? KnownResidentId => ResidentId ?? Certificate?.ResidentId;

    /// <summary>The person record key, the same scheme as tickets.</summary>
    public string PersonId => PersonIds.Of(KnownResidentId, Phone);

    public PersonView ToView() => new(Name, Phone.Value, KnownResidentId?.Value, Certificate?.Value, CountyCode, TownCode, Address);
}

/// <summary>
/// Validates a person for a legal-aid case or a visit with the same value objects and messages as ticket intake; field
/// names carry a prefix ("applicant.phone", "person.residentId"). No I/O, no clock.
/// </summary>
public static class PersonRules
{
    public const int MaxNameLength = IntakeLimits.MaxCallerNameLength;
    public const int MaxAddressLength = IntakeLimits.MaxAddressLength;

    public static ValidPerson? Validate(PersonInput? input, string prefix, IntakeReference reference, DateOnly today, List<FieldError> errors)
    {
        if (input is null)
        {
            errors.Add(new FieldError(prefix, "required", "请填写当事人信息。", "The person is required."));
            return null;
        }
        var before = errors.Count;
        var name = IntakeText.RequiredText(input.Name, Field(prefix, "name", "姓名", "name"), 1, MaxNameLength, errors);
        var phone = Phone(input.Phone, Field(prefix, "phone", "联系电话", "phone number"), errors);
        var residentId = ResidentId(input.ResidentId, today, Field(prefix, "residentId", "身份证号", "resident ID number"), errors);
        var certificate = Certificate(input.DisabilityCertificate, residentId, today,
            Field(prefix, "disabilityCertificate", "残疾人证号", "disability certificate number"), errors);
        var (county, town) = IntakeArea.Resolve(input.CountyCode, input.TownCode, reference, errors,
            Field(prefix, "countyCode", "县（市、区）", "county"), Field(prefix, "townCode", "镇（街道）", "town or sub-district"));
        var address = IntakeText.OptionalText(input.Address, Field(prefix, "address", "地址", "address"), MaxAddressLength, errors);
        return errors.Count > before ? null : new ValidPerson(name!, phone!, residentId, certificate, county!, town, address);
    }

    internal static PhoneNumber? Phone(string? text, IntakeField field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(IntakeErrors.Required(field));
            return null;
        }
        if (!PhoneNumber.TryParse(text, out var phone, out var code))
        {
            errors.Add(IntakeErrors.Phone(code, field));
        }
        return phone;
    }

    internal static ResidentIdNumber? ResidentId(string? text, DateOnly today, IntakeField field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!ResidentIdNumber.TryParse(text, today, out var id, out var code))
        {
            errors.Add(IntakeErrors.ResidentId(code, field));
        }
        return id;
    }

    internal static DisabilityCertificateNumber? Certificate(
        string? text, ResidentIdNumber? residentId, DateOnly today, IntakeField field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DisabilityCertificateNumber.TryParse(text, today, out var certificate, out var code))
        {
            errors.Add(IntakeErrors.Certificate(code, field));
            return null;
        }
        if (residentId is not null && certificate.ResidentId != residentId)
        {
            errors.Add(IntakeErrors.CertificateIdMismatch(field));
            return null;
        }
        return certificate;
    }

    private static IntakeField Field(string prefix, string name, string zh, string en) => new($"{prefix}.{name}", zh, en);
}
