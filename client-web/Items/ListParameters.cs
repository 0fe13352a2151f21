namespace Dispatch.Web.Items;

/// <summary>The checks every list endpoint makes on its common parameters: county code, paging, search text.</summary>
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

    public static IEnumerable<FieldError> Check(string? county, int? page, int? pageSize, string? q, int maxPageSize)
    {
        foreach (var error in CheckCounty(county))
        {
            yield return error;
        }
        if (page is < 1)
        {
            yield return new("page", "invalid_value", "页码从 1 开始。", "Pages start at 1.");
        }
        if (pageSize is < 1 || pageSize > maxPageSize)
        {
            yield return new("pageSize", "invalid_value", $"每页条数须在 1 到 {maxPageSize} 之间。", $"The page size must be between 1 and {maxPageSize}.");
        }
        if (q is { Length: > MaxQueryLength })
        {
            yield return new("q", "too_long", $"搜索词不能超过 {MaxQueryLength} 个字符。", $"The search text must be at most {MaxQueryLength} characters.");
        }
    }
}
