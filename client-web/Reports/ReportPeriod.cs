using System.Globalization;
using Dispatch.Stats;

namespace Dispatch.Web.Reports;

/// <summary>
/// The month (yyyy-MM) or year (yyyy) a report covers, checked against today in Jiaxing: any past period or the current
/// one (marked 截至, to date), never a future one.
/// </summary>
public sealed record ReportPeriod(string Kind, DateOnly First, DateOnly Last, DateOnly? AsOf)
{
    /// <summary>The earliest year a report may ask for; the hotline's data starts long after.</summary>
    public const int FirstYear = 2000;

    private static readonly TimeZoneInfo Jiaxing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Whether the period holds today, so its figures run only to today.</summary>
    public bool ToDate => AsOf is not null;

    /// <summary>The period as the request names it: 2026-11 or 2026.</summary>
    public string Text => Kind == StatsPeriodNames.Month
        ? First.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : First.Year.ToString(CultureInfo.InvariantCulture);

    public string LabelZh => (Kind == StatsPeriodNames.Month ? $"{First.Year}年{First.Month}月" : $"{First.Year}年")
        + (AsOf is { } day ? $"（截至{day.Month}月{day.Day}日）" : "");

    public string LabelEn => (Kind == StatsPeriodNames.Month
            ? First.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : First.Year.ToString(CultureInfo.InvariantCulture))
        + (AsOf is { } day ? $" (to {day.ToString("d MMMM", CultureInfo.InvariantCulture)})" : "");

    /// <summary>Today's date in Jiaxing.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Jiaxing).DateTime);

    /// <summary>Reads period (month by default) and date (the current period by default); a field error names what is wrong.</summary>
    public static (ReportPeriod? Period, FieldError? Error) Parse(string? period, string? date, DateOnly today)
    {
        var kind = period ?? StatsPeriodNames.Month;
        if (kind is not (StatsPeriodNames.Month or StatsPeriodNames.Year))
        {
            return (null, new FieldError("period", "unknown_value", "报表周期须为 month（月报）或 year（年报）。",
                "The report period must be month or year."));
        }
        var first = kind == StatsPeriodNames.Month ? new DateOnly(today.Year, today.Month, 1) : new DateOnly(today.Year, 1, 1);
        if (date is not null && !TryFirstDay(kind, date, out first))
        {
            return (null, kind == StatsPeriodNames.Month
                ? new FieldError("date", "invalid_format", "月报的日期格式应为 yyyy-MM，如 2026-11。", "A monthly report's date must look like yyyy-MM, e.g. 2026-11.")
                : new FieldError("date", "invalid_format", "年报的日期格式应为 yyyy，如 2026。", "A yearly report's date must look like yyyy, e.g. 2026."));
        }
        if (first.Year < FirstYear)
        {
            return (null, new FieldError("date", "out_of_range", $"报表最早从 {FirstYear} 年起。", $"Reports start in {FirstYear}."));
        }
        if (first > today)
        {
            return (null, new FieldError("date", "future_period", "不能生成未来周期的报表。", "A report cannot cover a period that has not begun."));
        }
        var last = kind == StatsPeriodNames.Month ? first.AddMonths(1).AddDays(-1) : new DateOnly(first.Year, 12, 31);
        return (new ReportPeriod(kind, first, last, today <= last ? today : null), null);
    }

    private static bool TryFirstDay(string kind, string text, out DateOnly first)
    {
        first = default;
        var (length, padded) = kind == StatsPeriodNames.Month ? (7, text + "-01") : (4, text + "-01-01");
        return text.Length == length
            && DateOnly.TryParseExact(padded, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);
    }
}
