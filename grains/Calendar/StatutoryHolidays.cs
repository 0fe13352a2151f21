using System.Globalization;

namespace Dispatch.Calendar;

/// <summary>
/// The days off of a year for which no State Council notice has been published yet (a provisional year), derived from
/// 《全国年节及纪念日放假办法》 as amended in 2024 (in force 1 January 2025): New Year's Day (1 Jan), Spring Festival
/// (New Year's Eve and the first three days of the lunar year), Qingming (the day of the solar term), Labour Day
/// (1-2 May), Dragon Boat (5th day of the 5th lunar month), Mid-Autumn (15th day of the 8th lunar month) and National
/// Day (1-3 Oct). A holiday that falls on a Saturday or Sunday is made up on the next working day (Art. 6, 补假). No
/// make-up working days (调休上班) are known until the notice comes.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The years this rule can derive: the solar-term formula below holds for 2001-2099.</summary>
    public const int FirstYear = 2001, LastYear = 2099;

    public const string Source = "《全国年节及纪念日放假办法》(2024年修订) 推算，尚无国务院办公厅放假通知 (provisional)";

    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool Derivable(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Every statutory day off of the year with its make-up days off (补假), in date order.</summary>
    public static IReadOnlyList<CalendarDay> DaysOff(int year)
    {
        if (!Derivable(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Statutory holidays are derived for {FirstYear}-{LastYear} only.");
        }
        var festivals = Festivals(year);
        var taken = festivals.SelectMany(f => f.Days).ToHashSet();
        var claimed = new HashSet<DateOnly>();
        var days = new List<CalendarDay>();
        foreach (var (name, nameEn, festivalDays) in festivals)
        {
            // Two festivals on one day (Mid-Autumn on 1-3 October) give that day once.
            var own = festivalDays.Where(claimed.Add).ToList();
            days.AddRange(own.Select(d => new CalendarDay(d, name, nameEn)));
            var next = festivalDays[^1];
            for (var owed = own.Count(IsWeekend); owed > 0; owed--)
            {
                do
                {
                    next = next.AddDays(1);
                }
                while (IsWeekend(next) || taken.Contains(next));
                taken.Add(next);
                days.Add(new CalendarDay(next, name + "补假", nameEn + " (made up)"));
            }
        }
        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>清明: the day the sun reaches 15° of longitude, by the usual formula for 2001-2099 (4 or 5 April).</summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var day = (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
        return new DateOnly(year, 4, day);
    }

    /// <summary>A date of the lunar calendar of a year, month 1-12 (a leap month of the year is skipped over).</summary>
    public static DateOnly LunarDate(int lunarYear, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(lunarYear);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0));
    }

    private static List<(string Name, string NameEn, DateOnly[] Days)> Festivals(int year)
    {
        var newYear = LunarDate(year, 1, 1);
        return
        [
            ("元旦", "New Year's Day", [new DateOnly(year, 1, 1)]),
            ("春节", "Spring Festival", [newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2)]),
            ("清明节", "Qingming Festival", [Qingming(year)]),
            ("劳动节", "Labour Day", [new DateOnly(year, 5, 1), new DateOnly(year, 5, 2)]),
            ("端午节", "Dragon Boat Festival", [LunarDate(year, 5, 5)]),
            ("中秋节", "Mid-Autumn Festival", [LunarDate(year, 8, 15)]),
            ("国庆节", "National Day", [new DateOnly(year, 10, 1), new DateOnly(year, 10, 2), new DateOnly(year, 10, 3)]),
        ];
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
