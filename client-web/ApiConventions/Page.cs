namespace Dispatch.Web.ApiConventions;

/// <summary>One page of a list: its items, how many match in all, the page number (from 1) and the page size.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>
/// The paging every paged list takes, the same way: <c>page</c> from 1 (default 1) up to <see cref="MaxPage"/>,
/// <c>pageSize</c> from 1 to <see cref="MaxPageSize"/> (default <see cref="DefaultPageSize"/>); a bad value is a 400 naming it.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>The last page a list serves: 10,000 pages of 100 reach a million rows; a search narrows further.</summary>
    public const int MaxPage = 10_000;

    public static IEnumerable<FieldError> Check(int? page, int? pageSize)
    {
        if (page is < 1 or > MaxPage)
        {
            yield return new("page", "invalid_value", $"页码须在 1 到 {MaxPage} 之间；请用筛选条件缩小范围。",
                $"The page must be between 1 and {MaxPage}; narrow the list with filters.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            yield return new("pageSize", "invalid_value", $"每页条数须在 1 到 {MaxPageSize} 之间。", $"The page size must be between 1 and {MaxPageSize}.");
        }
    }

    public static int PageOf(int? page) => page ?? 1;

    public static int SizeOf(int? pageSize) => pageSize ?? DefaultPageSize;
}
