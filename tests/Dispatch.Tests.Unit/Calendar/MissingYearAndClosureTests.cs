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
    public void A_year_without_a_file_is_reported_as_missing()
    {
        Calendar.HasYear(2027).Should().BeFalse();
        Calendar.MissingYears(new DateOnly(2026, 12, 1), new DateOnly(2028, 2, 1)).Should().Equal(2027, 2028);
    }

    [Theory]
    [InlineData("2027-01-01", true)]
    [InlineData("2027-01-02", false)]
    [InlineData("2027-02-08", true)]
    public void A_year_without_a_file_falls_back_to_Monday_to_Friday(string date, bool working) =>
        Calendar.IsWorkingDay(Shanghai.Date(date)).Should().Be(working);

    [Fact]
    public void Working_time_runs_on_from_the_last_known_year_into_a_missing_year() =>
        Calendar.AddWorkingTime(Shanghai.At(2026, 12, 31, 10), Calendar.WorkingDayLength)
            .Should().Be(Shanghai.At(2027, 1, 1, 10), "1 January 2027 is a Friday and, without a 2027 file, a working day");

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
