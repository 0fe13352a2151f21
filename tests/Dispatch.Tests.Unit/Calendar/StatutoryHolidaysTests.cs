using Dispatch.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Calendar;

/// <summary>Provisional days off from 《全国年节及纪念日放假办法》(2024), checked against the lunar and fixed dates.</summary>
public sealed class StatutoryHolidaysTests
{
    [Theory]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    public void Qingming_is_the_day_of_the_solar_term(int year, string date) =>
        StatutoryHolidays.Qingming(year).Should().Be(DateOnly.Parse(date));

    [Theory]
    [InlineData(2025, 1, 1, "2025-01-29")]
    [InlineData(2026, 1, 1, "2026-02-17")]
    [InlineData(2027, 1, 1, "2027-02-06")]
    [InlineData(2025, 5, 5, "2025-05-31")]
    [InlineData(2025, 8, 15, "2025-10-06")]
    [InlineData(2026, 5, 5, "2026-06-19")]
    [InlineData(2026, 8, 15, "2026-09-25")]
    [InlineData(2028, 8, 15, "2028-10-03")]
    public void Lunar_dates_match_the_published_festivals_also_in_years_with_a_leap_month(int year, int month, int day, string date) =>
        StatutoryHolidays.LunarDate(year, month, day).Should().Be(DateOnly.Parse(date));

    [Fact]
    public void The_days_off_of_2027_are_the_statutory_ones_with_weekend_holidays_made_up()
    {
        var days = StatutoryHolidays.DaysOff(2027).Select(d => d.Date.ToString("MM-dd")).ToList();

        days.Should().Equal(
            "01-01",
            "02-05", "02-06", "02-07", "02-08", "02-09", "02-10",
            "04-05",
            "05-01", "05-02", "05-03", "05-04",
            "06-09",
            "09-15",
            "10-01", "10-02", "10-03", "10-04", "10-05");
    }

    [Fact]
    public void A_made_up_day_names_its_festival()
    {
        var madeUp = StatutoryHolidays.DaysOff(2027).Single(d => d.Date == new DateOnly(2027, 5, 3));

        madeUp.Name.Should().Be("劳动节补假");
        madeUp.NameEn.Should().Be("Labour Day (made up)");
    }

    [Fact]
    public void Two_festivals_on_one_day_give_the_day_once()
    {
        var days = StatutoryHolidays.DaysOff(2028);

        days.Select(d => d.Date).Should().OnlyHaveUniqueItems();
        days.Single(d => d.Date == new DateOnly(2028, 10, 3)).Name.Should().Be("中秋节");
    }

    [Fact]
    public void Every_derivable_year_has_eleven_statutory_days_off_at_least() =>
        Enumerable.Range(2025, 20).Should().OnlyContain(year => StatutoryHolidays.DaysOff(year).Count >= 11);

    [Fact]
    public void A_year_outside_the_formula_is_refused() =>
        FluentActions.Invoking(() => StatutoryHolidays.DaysOff(2100)).Should().Throw<ArgumentOutOfRangeException>();
}
