namespace Dispatch.Web.Items;

/// <summary>The checks every list endpoint makes on its parameters: county code, paging, search text, vocabulary values.</summary>
public static class ListParameters
{
    public const int MaxQueryLength = 100;

    public const int MaxPageSize = 100;

    /// <summary>The last page a list serves: 10,000 pages of 100 reach a million rows; a search narrows further.</summary>
    public const int MaxPage = 10_000;

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
        if (page is < 1 or > MaxPage)
        {
            yield return new("page", "invalid_value", $"页码须在 1 到 {MaxPage} 之间；请用筛选条件缩小范围。",
                $"The page must be between 1 and {MaxPage}; narrow the list with filters.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            yield return new("pageSize", "invalid_value", $"每页条数须在 1 到 {MaxPageSize} 之间。", $"The page size must be between 1 and {MaxPageSize}.");
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
