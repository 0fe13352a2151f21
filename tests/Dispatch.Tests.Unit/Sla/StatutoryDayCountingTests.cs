using System.Globalization;
using Dispatch.Calendar;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

/// <summary>
/// calendar_days are the statutory days (日) of 《信访工作条例》 and the Legal Aid Law: the start day is not counted, the period
/// ends at 24:00 of its last day, and a last day off moves the end to 24:00 of the next working day. The expected dates
/// below were counted by hand on the printed 2025/2026 State Council notices, not computed.
/// </summary>
public sealed class StatutoryDayCountingTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;

    [Theory]
    // start (local)     days  due: 24:00 of the last day, written as 00:00 of the day after
    [InlineData("2026-03-06 19:00", 15, "2026-03-24 00:00")] // Friday evening; day 15 is Saturday 21 March -> Monday 23
    [InlineData("2026-03-02 00:00", 15, "2026-03-18 00:00")] // received at 00:00: that day still does not count; day 15 is Tuesday 17
    [InlineData("2026-03-02 23:59", 15, "2026-03-18 00:00")] // the same day, one minute before midnight
    [InlineData("2026-09-16 10:00", 15, "2026-10-09 00:00")] // day 15 is 1 October, National Day (1-7 Oct off) -> Thursday 8
    [InlineData("2026-09-25 10:00", 15, "2026-10-11 00:00")] // day 15 is Saturday 10 October, a make-up working day: no move
    [InlineData("2026-09-30 10:00", 3, "2026-10-09 00:00")] // days 1-3 all in the National Day block -> Thursday 8 October
    [InlineData("2026-02-01 09:00", 15, "2026-02-25 00:00")] // day 15 is 16 February, Spring Festival (15-23 Feb) -> Tuesday 24
    [InlineData("2026-02-13 15:00", 1, "2026-02-15 00:00")] // day 1 is Saturday 14 February, a make-up working day
    [InlineData("2026-04-20 10:00", 15, "2026-05-07 00:00")] // day 15 is 5 May, Labour Day (1-5 May) -> Wednesday 6
    [InlineData("2025-09-26 10:00", 2, "2025-09-29 00:00")] // day 2 is Sunday 28 September 2025, a make-up working day
    [InlineData("2026-12-31 10:00", 1, "2027-01-05 00:00")] // day 1 is 1 January 2027 (provisional New Year) -> Monday 4
    [InlineData("2026-03-02 10:00", 60, "2026-05-07 00:00")] // day 60 is 1 May (Labour Day) -> Wednesday 6 May
    public void A_period_in_days_ends_at_24_00_of_its_last_day_or_of_the_next_working_day(string start, int days, string due) =>
        new SlaClock(SlaDuration.CalendarDays(days), Local(start), 75).Evaluate(Local(start), Calendar).DueAt.Should().Be(Local(due));

    [Fact]
    public void At_24_00_of_the_last_day_the_clock_is_not_yet_overdue_and_one_tick_later_it_is()
    {
        var clock = Clocks.PetitionAcceptance(); // Monday 2 March 10:00, 15 days: ends 24:00 on Tuesday 17 March
        var end = Local("2026-03-18 00:00");

        clock.Evaluate(end, Calendar).State.Should().Be(ClockState.Warning);
        clock.Evaluate(end.AddTicks(1), Calendar).State.Should().Be(ClockState.Overdue);
    }

    [Fact]
    public void The_warning_point_is_the_warning_share_counted_from_the_next_midnight()
    {
        // 75% of 15 days is 11 days 6 hours from 00:00 on Tuesday 3 March.
        Clocks.PetitionAcceptance().Evaluate(Local("2026-03-03 09:00"), Calendar).WarnAt.Should().Be(Local("2026-03-14 06:00"));
    }

    [Fact]
    public void An_extension_is_added_before_the_move_to_a_working_day()
    {
        // 15 days from Friday 6 March end on Saturday 21 (moved to Monday 23); with 2 more days day 17 is Monday 23 itself.
        var clock = new SlaClock(SlaDuration.CalendarDays(15), Local("2026-03-06 19:00"), 75).Extend(SlaDuration.CalendarDays(2));

        clock.Evaluate(Local("2026-03-07 09:00"), Calendar).DueAt.Should().Be(Local("2026-03-24 00:00"));
    }

    [Fact]
    public void A_pause_that_ends_inside_a_day_carries_the_period_to_the_end_of_that_day()
    {
        // 36 hours paused: the counted time runs out at 12:00 on Thursday 19 March; the period ends at 24:00 that day.
        var clock = Clocks.PetitionAcceptance().Pause(Local("2026-03-04 10:00")).Resume(Local("2026-03-05 22:00"));

        clock.Evaluate(Local("2026-03-06 09:00"), Calendar).DueAt.Should().Be(Local("2026-03-20 00:00"));
    }

    [Fact]
    public void Time_on_the_day_of_receipt_is_not_used()
    {
        var view = Clocks.PetitionAcceptance().Evaluate(Local("2026-03-02 23:00"), Calendar);

        view.Used.Should().Be(TimeSpan.Zero);
        view.State.Should().Be(ClockState.Running);
    }

    [Fact]
    public void Work_done_on_the_day_of_receipt_meets_the_clock() =>
        Clocks.PetitionAcceptance().Stop(Local("2026-03-02 16:00")).Evaluate(Local("2026-03-05 09:00"), Calendar).State
            .Should().Be(ClockState.Met);

    [Fact]
    public void Working_days_keep_counting_working_time_from_the_start_instant() =>
        // Unchanged by the statutory rule: 1 working day from Friday 19:00 is Monday 17:30.
        SlaDuration.WorkingDays(1).AddTo(Local("2026-03-06 19:00"), Calendar).Should().Be(Local("2026-03-09 17:30"));

    [Fact]
    public void Elapsed_hours_keep_counting_from_the_start_instant() =>
        SlaDuration.Hours(30).AddTo(Local("2026-03-06 19:00"), Calendar).Should().Be(Local("2026-03-08 01:00"));

    private static DateTimeOffset Local(string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Shanghai.Offset);
    }
}
