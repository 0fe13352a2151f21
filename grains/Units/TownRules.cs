using System.Text.RegularExpressions;
using Dispatch.Errors;

namespace Dispatch.Units;

/// <summary>What makes a town definition acceptable. No I/O: the caller supplies the county-level areas.</summary>
public static partial class TownRules
{
    public const int MaxNameLength = 50;

    public static IReadOnlyList<FieldError> Validate(TownDefinition town, IReadOnlySet<string> countyCodes)
    {
        var errors = new List<FieldError>();
        var countyKnown = false;
        if (string.IsNullOrWhiteSpace(town.CountyCode))
        {
            errors.Add(new("countyCode", "required", "所属县（市、区）代码必填。", "The county code is required."));
        }
        else if (!countyCodes.Contains(town.CountyCode))
        {
            errors.Add(new("countyCode", "unknown_county", $"县（市、区）代码 {town.CountyCode} 不存在。", $"The county code {town.CountyCode} does not exist."));
        }
        else
        {
            countyKnown = true;
        }
        if (string.IsNullOrWhiteSpace(town.Code))
        {
            errors.Add(new("code", "required", "乡镇（街道）代码必填。", "The town code is required."));
        }
        else if (!CodePattern().IsMatch(town.Code))
        {
            errors.Add(new("code", "invalid_format", "乡镇（街道）代码须为 9 位数字（统计用区划代码）。", "The town code must be 9 digits (the statistical division code)."));
        }
        else if (countyKnown && !town.Code.StartsWith(town.CountyCode!, StringComparison.Ordinal))
        {
            errors.Add(new("code", "not_in_county", $"乡镇（街道）代码须以所属县（市、区）代码 {town.CountyCode} 开头。",
                $"The town code must begin with its county's code {town.CountyCode}."));
        }
        errors.AddRange(NameErrors("name", town.Name, required: true, "名称", "The name"));
        errors.AddRange(NameErrors("nameEn", town.NameEn, required: false, "英文名称", "The English name"));
        if (town.Kind is null || !TownKinds.All.Contains(town.Kind))
        {
            errors.Add(new("kind", "unknown_kind", "类型须为 town（镇）或 subdistrict（街道）。", "The kind must be town or subdistrict."));
        }
        return errors;
    }

    /// <summary>A town stays in its county: tickets, cases and visits that name it were routed by that county.</summary>
    public static FieldError CountyFixed(string countyCode) => new("countyCode", "county_fixed",
        $"乡镇（街道）不能改属其他县（市、区），仍属 {countyCode}。", $"A town cannot move to another county; it stays in {countyCode}.");

    public static DomainError DuplicateCode(string code) =>
        DomainError.Conflict("duplicate_code", $"乡镇（街道）代码 {code} 已存在。", $"The town code {code} already exists.");

    private static IEnumerable<FieldError> NameErrors(string field, string? value, bool required, string labelZh, string labelEn)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                yield return new(field, "required", $"{labelZh}必填。", $"{labelEn} is required.");
            }
        }
        else if (value.Length > MaxNameLength)
        {
            yield return new(field, "too_long", $"{labelZh}不能超过 {MaxNameLength} 个字符。", $"{labelEn} must be at most {MaxNameLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            yield return new(field, "invalid", $"{labelZh}不能含控制字符。", $"{labelEn} must not contain control characters.");
        }
    }

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex CodePattern();
}
