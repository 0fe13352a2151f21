using Dispatch.Errors;

namespace Dispatch.Fields;

/// <summary>The field errors of an intake, each in plain Chinese and English. ID and phone numbers are never echoed: they are personal data.</summary>
internal static class IntakeErrors
{
    public static FieldError Required(IntakeField field) =>
        new(field.Name, "required", $"{field.Zh}必填。", $"The {field.En} is required.");

    public static FieldError UnknownValue(IntakeField field, IEnumerable<string> allowed) =>
        new(field.Name, "unknown_value", $"{field.Zh}须为以下之一：{string.Join("、", allowed)}。",
            $"The {field.En} must be one of: {string.Join(", ", allowed)}.");

    public static FieldError TooLong(IntakeField field, int max) =>
        new(field.Name, "too_long", $"{field.Zh}不能超过 {max} 个字符。", $"The {field.En} must be at most {max} characters.");

    public static FieldError TooShort(IntakeField field, int min) =>
        new(field.Name, "too_short", $"{field.Zh}至少需要 {min} 个字符。", $"The {field.En} must be at least {min} characters.");

    public static FieldError UnknownCounty(string code, IntakeField? field = null) =>
        new((field ?? IntakeField.CountyCode).Name, "unknown_county", $"县（市、区）代码 {code} 不存在。", $"The county code {code} does not exist.");

    public static FieldError UnknownTown(string code, IntakeField? field = null) =>
        new((field ?? IntakeField.TownCode).Name, "unknown_town", $"镇（街道）代码 {code} 不存在。", $"The town code {code} does not exist.");

    public static FieldError TownNotInCounty(string town, string townCounty, string county, IntakeField? field = null) =>
        new((field ?? IntakeField.TownCode).Name, "town_not_in_county",
            $"镇（街道）{town} 属于县（市、区）{townCounty}，与所填的 {county} 不一致。",
            $"The town {town} belongs to county {townCounty}, not to {county}.");

    public static FieldError CertificateIdMismatch(IntakeField? field = null) =>
        new((field ?? IntakeField.DisabilityCertificate).Name, "certificate_id_mismatch",
            "残疾人证号的前 18 位与所填身份证号不一致。",
            "The first 18 characters of the disability certificate number differ from the resident ID number.");

    public static FieldError Phone(string code, IntakeField? field = null) => code == "service_number"
        ? new((field ?? IntakeField.CallerPhone).Name, code, "12385 是本热线号码，请填写来电人自己的电话。",
            "12385 is the hotline's own number; enter the caller's phone number.")
        : new((field ?? IntakeField.CallerPhone).Name, code, "联系电话格式不正确：手机为 1 开头的 11 位数字，固话须带区号（如 0573-82345678）。",
            "The phone number is not valid: a mobile has 11 digits starting with 1, a landline needs its area code (for example 0573-82345678).");

    public static FieldError ResidentId(string code, IntakeField? field = null)
    {
        var (zh, en) = IdentityNumberProblem(code);
        return new((field ?? IntakeField.ResidentId).Name, code, $"身份证号{zh}", $"The resident ID number {en}");
    }

    public static FieldError Certificate(string code, IntakeField? certificateField = null)
    {
        var field = (certificateField ?? IntakeField.DisabilityCertificate).Name;
        return code switch
        {
            "invalid_length" => new(field, code, "残疾人证号须为 20 位：18 位身份证号 + 1 位残疾类别 + 1 位残疾等级。",
                "The disability certificate number must have 20 characters: the 18-character ID number, a category digit and a grade digit."),
            "invalid_category" => new(field, code, "残疾人证号第 19 位（残疾类别）须为 1-7。",
                "Character 19 of the disability certificate number (the category) must be 1 to 7."),
            "invalid_grade" => new(field, code, "残疾人证号第 20 位（残疾等级）须为 1-4。",
                "Character 20 of the disability certificate number (the grade) must be 1 to 4."),
            _ => CertificateIdPart(field, code),
        };
    }

    private static FieldError CertificateIdPart(string field, string code)
    {
        var (zh, en) = IdentityNumberProblem(code);
        return new(field, code, $"残疾人证号中的身份证号部分{zh}", $"The ID number part of the disability certificate number {en}");
    }

    private static (string Zh, string En) IdentityNumberProblem(string code) => code switch
    {
        "invalid_length" => ("须为 18 位。", "must have 18 characters."),
        "invalid_characters" => ("前 17 位须为数字，最后一位为数字或 X。", "must be 17 digits followed by a digit or X."),
        "invalid_birth_date" => ("中的出生日期（第 7-14 位）无效。", "does not hold a valid birth date in characters 7 to 14."),
        "invalid_checksum" => ("校验位不正确，请核对。", "has a wrong check character; please check it."),
        _ => ("无效。", "is not valid."),
    };
}
