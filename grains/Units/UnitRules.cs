using System.Text.RegularExpressions;
using Dispatch.Errors;

namespace Dispatch.Units;

/// <summary>What makes a unit definition acceptable. No I/O: the caller supplies the known areas.</summary>
public static partial class UnitRules
{
    public const int MaxNameLength = 100;

    /// <summary>The longest e-mail address SMTP carries (RFC 5321).</summary>
    public const int MaxEmailLength = 254;

    public static IReadOnlyList<FieldError> Validate(UnitDefinition unit, IReadOnlySet<string> knownAreaCodes)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(unit.Code))
        {
            errors.Add(new("code", "required", "单位代码必填。", "The unit code is required."));
        }
        else if (!CodePattern().IsMatch(unit.Code))
        {
            errors.Add(new("code", "invalid_format", "单位代码只能包含大写字母、数字和连字符，长度 3-40。",
                "The unit code may contain only upper-case letters, digits and hyphens, 3 to 40 characters."));
        }
        if (string.IsNullOrWhiteSpace(unit.Name))
        {
            errors.Add(new("name", "required", "单位名称必填。", "The unit name is required."));
        }
        else if (unit.Name.Length > MaxNameLength)
        {
            errors.Add(new("name", "too_long", $"单位名称不能超过 {MaxNameLength} 个字符。", $"The unit name must be at most {MaxNameLength} characters."));
        }
        if (unit.NameEn is { Length: > 2 * MaxNameLength })
        {
            errors.Add(new("nameEn", "too_long", $"英文名称不能超过 {2 * MaxNameLength} 个字符。", $"The English name must be at most {2 * MaxNameLength} characters."));
        }
        if (unit.Kind is null || !UnitKinds.All.Contains(unit.Kind))
        {
            errors.Add(new("kind", "unknown_kind", "单位类型须为 centre（矛调中心）、legal_aid（法律救助站）或 rehab（康复机构）。",
                "The unit kind must be centre, legal_aid or rehab."));
        }
        if (string.IsNullOrWhiteSpace(unit.CountyCode))
        {
            errors.Add(new("countyCode", "required", "所属县（市、区）代码必填。", "The county code is required."));
        }
        else if (!knownAreaCodes.Contains(unit.CountyCode))
        {
            errors.Add(new("countyCode", "unknown_county", $"县（市、区）代码 {unit.CountyCode} 不存在。", $"The county code {unit.CountyCode} does not exist."));
        }
        if (unit.Phone is { Length: > 0 } phone && !PhonePattern().IsMatch(phone))
        {
            errors.Add(new("phone", "invalid_format", "电话号码格式不正确（如 0573-82345678 或 13812345678）。",
                "The phone number is not valid (for example 0573-82345678 or 13812345678)."));
        }
        if (unit.Email?.Trim() is { Length: > 0 } email && (email.Length > MaxEmailLength || !EmailPattern().IsMatch(email)))
        {
            errors.Add(new("email", "invalid_format", $"电子邮箱格式不正确（如 office@example.org，不超过 {MaxEmailLength} 个字符）。",
                $"The e-mail address is not valid (for example office@example.org, at most {MaxEmailLength} characters)."));
        }
        if (unit.RoutingShare is < 1 or > UnitInfo.MaxShare)
        {
            errors.Add(new("routingShare", "out_of_range", $"派单份额须为 1 到 {UnitInfo.MaxShare}。", $"The routing share must be 1 to {UnitInfo.MaxShare}."));
        }
        if (unit.Address is { Length: > 200 })
        {
            errors.Add(new("address", "too_long", "地址不能超过 200 个字符。", "The address must be at most 200 characters."));
        }
        return errors;
    }

    public static DomainError DuplicateCode(string code) => DomainError.Validation(
        new FieldError("code", "duplicate", $"单位代码 {code} 已存在。", $"The unit code {code} already exists."));

    [GeneratedRegex("^[0-9A-Z][0-9A-Z-]{2,39}$")]
    private static partial Regex CodePattern();

    // A plain check: one @, no spaces, a dot in the domain; the mail server is the judge of the rest.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8}|12385)$")]
    private static partial Regex PhonePattern();
}
