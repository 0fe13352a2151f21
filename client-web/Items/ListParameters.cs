using Dispatch.Web.ApiConventions;
namespace Dispatch.Web.Items;

/// <summary>The checks every list endpoint makes on its parameters: county code, paging (Paging), search text, vocabulary values.</summary>
public static class ListParameters
{
    public const int MaxQueryLength = 100;

    public static IEnumerable<FieldError> CheckCounty(string? county)
    {
        if (county is not null && (county.Length != 6 || !county.All(char.IsAsciiDigit)))
        {
            yield return new("county", "invalid_format", "县（市、区）代码应为 6 位数字。", "The county code must be 6 digits.");
        }
    }

    public static IEnumerable<FieldError> Check(string? county, int? page, int? pageSize, string? q)
    {
        foreach (var error in CheckCounty(county))
        {
            yield return error;
        }
        foreach (var error in Paging.Check(page, pageSize))
        {
            yield return error;
        }
        if (q is { Length: > MaxQueryLength })
        {
            yield return new("q", "too_long", $"搜索词不能超过 {MaxQueryLength} 个字符。", $"The search text must be at most {MaxQueryLength} characters.");
        }
    }

    /// <summary>An error when <paramref name="value"/> is given but is not one of the vocabulary's codes.</summary>
    /// <param name="nameZh">How the message names the parameter: 状态, 案件类型...</param>
    public static FieldError? OneOf(string field, string? value, IEnumerable<string> codes, string nameZh, string nameEn) =>
        value is null || codes.Contains(value, StringComparer.Ordinal)
            ? null
            : new(field, "unknown_value", $"{nameZh}须为：{string.Join("、", codes)}。", $"{nameEn} must be one of: {string.Join(", ", codes)}.");
}
