namespace Dispatch.Stats;

/// <summary>
/// The periods counters are kept for. A dated measure counts on a local day in Asia/Shanghai and, at the same time, in
/// that day's month and year; a gauge (open, at risk, overdue, suspended) has one 'current' counter.
/// </summary>
public static class StatsPeriod
{
    public const string Day = StatsPeriodNames.Day;
    public const string Month = StatsPeriodNames.Month;
    public const string Year = StatsPeriodNames.Year;
    public const string Current = "current";

    /// <summary>The period_start of the 'current' gauges.</summary>
    public static readonly DateOnly CurrentStart = new(1970, 1, 1);

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static bool IsPeriod(string? text) => text is Day or Month or Year;

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Shanghai).DateTime);

    public static DateOnly Start(string period, DateOnly date) => period switch
    {
        Day => date,
        Month => new DateOnly(date.Year, date.Month, 1),
        Year => new DateOnly(date.Year, 1, 1),
        _ => CurrentStart,
    };

    /// <summary>The last day of the period, included.</summary>
    public static DateOnly End(string period, DateOnly date) => period switch
    {
        Day => date,
        Month => Start(Month, date).AddMonths(1).AddDays(-1),
        Year => new DateOnly(date.Year, 12, 31),
        _ => CurrentStart,
    };

    /// <summary>The instant a local day in Asia/Shanghai begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Shanghai), TimeSpan.Zero);
}
