using Dispatch.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Calendar;

public sealed class MissingYearAndClosureTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;

    [Fact]
    public void The_shipped_calendar_covers_2025_and_2026()
    {
        Calendar.Years.Should().Equal(2025, 2026);
        Calendar.MissingYears(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)).Should().BeEmpty();
    }

    [Fact]
    public void The_years_after_the_last_notice_are_provisional_and_reported_so()
    {
        Calendar.HasYear(2027).Should().BeFalse();
        Calendar.Status(2027).Should().Be(CalendarYearStatus.Provisional);
        Calendar.ProvisionalYearsIn(new DateOnly(2026, 12, 1), new DateOnly(2028, 2, 1)).Should().Equal(2027, 2028);
        Calendar.MissingYears(new DateOnly(2026, 12, 1), new DateOnly(2028, 2, 1)).Should().BeEmpty();
    }

    [Fact]
    public void Years_beyond_the_provisional_horizon_or_before_the_first_notice_are_missing()
    {
        Calendar.Status(2026 + WorkingCalendar.ProvisionalYearsAhead).Should().Be(CalendarYearStatus.Provisional);
        Calendar.Status(2026 + WorkingCalendar.ProvisionalYearsAhead + 1).Should().Be(CalendarYearStatus.Missing);
        Calendar.Status(2024).Should().Be(CalendarYearStatus.Missing);
        Calendar.MissingYears(new DateOnly(2024, 6, 1), new DateOnly(2025, 6, 1)).Should().Equal(2024);
    }

    [Theory]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-02", false)]
    [InlineData("2027-01-04", true)]
    [InlineData("2027-02-05", false)]
    [InlineData("2027-02-10", false)]
    [InlineData("2027-02-11", true)]
    [InlineData("2027-04-05", false)]
    [InlineData("2027-05-04", false)]
    [InlineData("2027-05-05", true)]
    [InlineData("2027-06-09", false)]
    [InlineData("2027-09-15", false)]
    [InlineData("2027-10-05", false)]
    [InlineData("2027-10-06", true)]
    public void A_provisional_year_counts_the_statutory_days_off(string date, bool working) =>
        Calendar.IsWorkingDay(Shanghai.Date(date)).Should().Be(working);

    [Fact]
    public void A_year_beyond_the_horizon_falls_back_to_Monday_to_Friday()
    {
        var far = new DateOnly(2026 + WorkingCalendar.ProvisionalYearsAhead + 1, 1, 1);

        Calendar.IsWorkingDay(far).Should().Be(far.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public void Working_time_runs_on_from_the_last_notice_into_the_provisional_year() =>
        Calendar.AddWorkingTime(Shanghai.At(2026, 12, 31, 10), Calendar.WorkingDayLength)
            .Should().Be(Shanghai.At(2027, 1, 4, 10), "1 January 2027 (a Friday) is New Year's Day in the provisional 2027");

    [Fact]
    public void A_county_closure_day_is_a_day_off_and_is_skipped_by_deadlines()
    {
        var closed = Calendar.WithClosures([new DateOnly(2026, 3, 10)]);

        closed.IsWorkingDay(new DateOnly(2026, 3, 10)).Should().BeFalse();
        closed.AddWorkingTime(Shanghai.At(2026, 3, 9, 10), closed.WorkingDayLength).Should().Be(Shanghai.At(2026, 3, 11, 10));
    }

    [Fact]
    public void Adding_a_closure_leaves_the_original_calendar_unchanged()
    {
        _ = Calendar.WithClosures([new DateOnly(2026, 3, 10)]);

        Calendar.IsWorkingDay(new DateOnly(2026, 3, 10)).Should().BeTrue();
    }

    [Fact]
    public void A_closure_on_a_make_up_Saturday_closes_it() =>
        Calendar.WithClosures([new DateOnly(2026, 2, 14)]).IsWorkingDay(new DateOnly(2026, 2, 14)).Should().BeFalse();

    [Fact]
    public void Closures_accumulate()
    {
        var closed = Calendar.WithClosures([new DateOnly(2026, 3, 10)]).WithClosures([new DateOnly(2026, 3, 12)]);

        closed.Closures.Should().Equal(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12));
        closed.IsWorkingDay(new DateOnly(2026, 3, 10)).Should().BeFalse();
        closed.IsWorkingDay(new DateOnly(2026, 3, 12)).Should().BeFalse();
    }
}
