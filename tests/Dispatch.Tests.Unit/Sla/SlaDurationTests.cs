using Dispatch.Calendar;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

public sealed class SlaDurationTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;

    [Fact]
    public void A_petitions_15_calendar_days_run_straight_through_the_Spring_Festival() =>
        // Days 1-15 are 10-24 February; the 24th is the first working day after the holiday.
        SlaDuration.CalendarDays(15).AddTo(Shanghai.At(2026, 2, 9, 10), Calendar).Should().Be(Shanghai.At(2026, 2, 25, 0));

    [Fact]
    public void A_petitions_60_calendar_days_landing_on_a_Saturday_end_on_Monday() =>
        SlaDuration.CalendarDays(60).AddTo(Shanghai.At(2026, 9, 1, 9), Calendar).Should().Be(Shanghai.At(2026, 11, 3, 0));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 12)]
    [InlineData(5, 16)]
    [InlineData(10, 23)]
    public void N_working_days_from_inside_working_hours_are_due_at_the_same_local_time_N_working_days_later(int days, int dueDayOfMarch) =>
        SlaDuration.WorkingDays(days).AddTo(Shanghai.At(2026, 3, 9, 10, 20), Calendar).Should().Be(Shanghai.At(2026, 3, dueDayOfMarch, 10, 20));

    [Fact]
    public void Elapsed_hours_run_through_the_evening() =>
        SlaDuration.Hours(2).AddTo(Shanghai.At(2026, 3, 9, 17), Calendar).Should().Be(Shanghai.At(2026, 3, 9, 19));

    [Fact]
    public void Working_hours_wait_for_the_next_working_morning() =>
        SlaDuration.WorkingHours(1).AddTo(Shanghai.At(2026, 3, 9, 17), Calendar).Should().Be(Shanghai.At(2026, 3, 10, 9));

    [Fact]
    public void Half_a_working_day_is_half_the_working_day_length() =>
        SlaDuration.WorkingDays(0.5m).Length(Calendar).Should().Be(TimeSpan.FromHours(3.75));

    [Theory]
    [InlineData(10, SlaUnit.WorkingDays, 75)]
    [InlineData(1, SlaUnit.WorkingHours, 1)]
    [InlineData(15, SlaUnit.CalendarDays, 360)]
    [InlineData(2, SlaUnit.Hours, 2)]
    public void The_length_is_in_the_clocks_own_terms(int amount, SlaUnit unit, int hours) =>
        new SlaDuration(amount, unit).Length(Calendar).Should().Be(TimeSpan.FromHours(hours));

    [Fact]
    public void A_working_clock_measures_only_working_time() =>
        // Friday 17:00-17:30 and Monday 08:30-09:00.
        SlaDuration.WorkingDays(1).MeasureBetween(Shanghai.At(2026, 3, 6, 17), Shanghai.At(2026, 3, 9, 9), Calendar)
            .Should().Be(TimeSpan.FromHours(1));

    [Fact]
    public void A_calendar_day_clock_measures_elapsed_time() =>
        SlaDuration.CalendarDays(15).MeasureBetween(Shanghai.At(2026, 3, 6, 17), Shanghai.At(2026, 3, 9, 9), Calendar)
            .Should().Be(TimeSpan.FromHours(64));

    [Fact]
    public void A_negative_amount_is_refused()
    {
        var act = () => SlaDuration.WorkingDays(-1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void It_reads_with_the_unit_name_of_the_rules_file() =>
        SlaDuration.WorkingDays(10).ToString().Should().Be("10 working_days");
}
