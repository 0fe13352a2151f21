using System.Globalization;
using Dispatch.Calendar;

namespace Dispatch.Tests.Unit.Calendar;

/// <summary>Test data in Jiaxing wall-clock terms, and the shipped reference data.</summary>
internal static class Shanghai
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant of a local (Asia/Shanghai, UTC+8) wall-clock time.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);

    public static DateOnly Date(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ReferenceData(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "reference-data", .. parts]);

    /// <summary>The shipped 2025 and 2026 calendar, loaded once.</summary>
    public static WorkingCalendar Calendar { get; } = WorkingCalendar.FromDirectory(ReferenceData("calendar"));
}
