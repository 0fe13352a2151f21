using Dispatch.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Calendar;

public sealed class WorkingDayTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;

    [Theory]
    [InlineData("2026-03-07")]
    [InlineData("2026-03-08")]
    [InlineData("2025-11-15")]
    public void Saturday_and_Sunday_are_days_off(string date) =>
        Calendar.IsWorkingDay(Shanghai.Date(date)).Should().BeFalse();

    [Theory]
    [InlineData("2026-03-09")]
    [InlineData("2026-03-11")]
    [InlineData("2026-03-13")]
    public void Monday_to_Friday_of_an_ordinary_week_are_working_days(string date) =>
        Calendar.IsWorkingDay(Shanghai.Date(date)).Should().BeTrue();

    [Fact]
    public void Spring_Festival_2026_takes_every_day_from_15_to_23_February_off()
    {
        var festival = Enumerable.Range(15, 9).Select(day => new DateOnly(2026, 2, day)).ToList();

        festival.Should().HaveCount(9).And.OnlyContain(day => !Calendar.IsWorkingDay(day));
        Calendar.IsWorkingDay(new DateOnly(2026, 2, 24)).Should().BeTrue("work resumes on Tuesday 24 February");
    }

    [Theory]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    public void Spring_Festival_2026_make_up_Saturdays_are_working_days(string date) =>
        Calendar.IsWorkingDay(Shanghai.Date(date)).Should().BeTrue();

    [Fact]
    public void New_Year_2026_takes_1_to_3_January_off_and_works_Sunday_4_January()
    {
        Enumerable.Range(1, 3).Select(day => new DateOnly(2026, 1, day)).Should().OnlyContain(day => !Calendar.IsWorkingDay(day));
        Calendar.IsWorkingDay(new DateOnly(2026, 1, 4)).Should().BeTrue();
    }

    [Fact]
    public void National_Day_2026_takes_1_to_7_October_off_and_works_Saturday_10_October()
    {
        Enumerable.Range(1, 7).Select(day => new DateOnly(2026, 10, day)).Should().OnlyContain(day => !Calendar.IsWorkingDay(day));
        Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)).Should().BeTrue();
        Calendar.IsWorkingDay(new DateOnly(2026, 10, 11)).Should().BeFalse("Sunday 11 October is an ordinary Sunday");
    }

    [Theory]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-11", true)]
    [InlineData("2025-01-01", false)]
    public void The_2025_file_is_read_as_well(string date, bool working) =>
        Calendar.IsWorkingDay(Shanghai.Date(date)).Should().Be(working);

    [Fact]
    public void A_working_day_holds_seven_and_a_half_hours() =>
        Calendar.WorkingDayLength.Should().Be(TimeSpan.FromHours(7.5));
}
