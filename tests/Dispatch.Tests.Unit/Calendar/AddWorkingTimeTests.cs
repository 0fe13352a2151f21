using Dispatch.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Calendar;

public sealed class AddWorkingTimeTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;
    private static readonly TimeSpan OneDay = Calendar.WorkingDayLength;

    private static DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime) => Calendar.AddWorkingTime(start, workingTime);

    [Fact]
    public void One_working_day_from_Friday_13_February_2026_lands_on_the_make_up_Saturday() =>
        Add(Shanghai.At(2026, 2, 13, 10), OneDay).Should().Be(Shanghai.At(2026, 2, 14, 10));

    [Fact]
    public void One_working_day_from_the_make_up_Saturday_afternoon_jumps_the_Spring_Festival() =>
        // 16:00-17:30 on Saturday 14 February is 1.5 h; the other 6 h run on Tuesday 24 February 08:30-12:00, 13:30-16:00.
        Add(Shanghai.At(2026, 2, 14, 16), OneDay).Should().Be(Shanghai.At(2026, 2, 24, 16));

    [Fact]
    public void One_working_day_from_Friday_27_February_2026_lands_on_the_second_make_up_Saturday() =>
        Add(Shanghai.At(2026, 2, 27, 10), OneDay).Should().Be(Shanghai.At(2026, 2, 28, 10));

    [Fact]
    public void One_working_day_from_New_Years_Eve_2025_lands_on_Sunday_4_January_2026() =>
        Add(Shanghai.At(2025, 12, 31, 10), OneDay).Should().Be(Shanghai.At(2026, 1, 4, 10));

    [Fact]
    public void Seven_working_days_across_National_Day_2026_count_the_make_up_Saturday() =>
        // Wed 30 Sep + 8 Oct, 9 Oct, 10 Oct (Sat, working), 12, 13, 14, 15 Oct.
        Add(Shanghai.At(2026, 9, 30, 10), OneDay * 7).Should().Be(Shanghai.At(2026, 10, 15, 10));

    [Fact]
    public void One_working_hour_from_11_30_skips_the_lunch_break() =>
        Add(Shanghai.At(2026, 3, 9, 11, 30), TimeSpan.FromHours(1)).Should().Be(Shanghai.At(2026, 3, 9, 14));

    [Fact]
    public void Work_that_ends_exactly_at_noon_is_due_at_noon() =>
        Add(Shanghai.At(2026, 3, 9, 11), TimeSpan.FromHours(1)).Should().Be(Shanghai.At(2026, 3, 9, 12));

    [Fact]
    public void A_start_in_the_lunch_break_begins_counting_at_13_30() =>
        Add(Shanghai.At(2026, 3, 9, 12, 15), TimeSpan.FromHours(1)).Should().Be(Shanghai.At(2026, 3, 9, 14, 30));

    [Fact]
    public void A_start_in_the_evening_begins_counting_the_next_working_morning() =>
        Add(Shanghai.At(2026, 3, 9, 19), TimeSpan.FromHours(1)).Should().Be(Shanghai.At(2026, 3, 10, 9, 30));

    [Fact]
    public void A_start_at_night_begins_counting_at_08_30() =>
        Add(Shanghai.At(2026, 3, 10, 2), TimeSpan.FromHours(2)).Should().Be(Shanghai.At(2026, 3, 10, 10, 30));

    [Fact]
    public void A_start_on_a_holiday_begins_counting_on_the_next_working_day() =>
        Add(Shanghai.At(2026, 2, 18, 10), TimeSpan.FromHours(1)).Should().Be(Shanghai.At(2026, 2, 24, 9, 30));

    [Fact]
    public void One_working_day_from_Friday_evening_is_due_at_the_end_of_Monday() =>
        Add(Shanghai.At(2026, 3, 6, 18), OneDay).Should().Be(Shanghai.At(2026, 3, 9, 17, 30));

    [Fact]
    public void A_partial_day_that_spans_the_evening_continues_the_next_morning() =>
        // 17:00-17:30 is half an hour, then 2.5 h from 08:30.
        Add(Shanghai.At(2026, 3, 9, 17), TimeSpan.FromHours(3)).Should().Be(Shanghai.At(2026, 3, 10, 11));

    [Fact]
    public void Adding_zero_inside_working_hours_returns_the_start() =>
        Add(Shanghai.At(2026, 3, 9, 10, 17), TimeSpan.Zero).Should().Be(Shanghai.At(2026, 3, 9, 10, 17));

    [Fact]
    public void The_result_is_a_UTC_instant() =>
        Add(Shanghai.At(2026, 3, 9, 10), TimeSpan.FromHours(1)).Offset.Should().Be(TimeSpan.Zero);

    [Fact]
    public void Negative_working_time_is_refused()
    {
        var act = () => Add(Shanghai.At(2026, 3, 9, 10), TimeSpan.FromMinutes(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Every_working_day_of_2025_and_2026_is_counted_in_one_step()
    {
        // 2025 has 248 working days and 2026 has 248 (Monday-Friday minus weekday holidays plus make-up days).
        var twoYears = OneDay * (248 + 248);

        Add(Shanghai.At(2025, 1, 1, 0), twoYears).Should().Be(Shanghai.At(2026, 12, 31, 17, 30));
        // 1 January 2027 is New Year's Day in the provisional 2027 (a Friday); the next working day is Monday 4 January.
        Add(Shanghai.At(2025, 1, 1, 0), twoYears + TimeSpan.FromMinutes(1)).Should().Be(Shanghai.At(2027, 1, 4, 8, 31));
    }
}
