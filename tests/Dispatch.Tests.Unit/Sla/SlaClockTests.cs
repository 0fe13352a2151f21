using Dispatch.Calendar;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

public sealed class SlaClockTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;
    private static readonly DateTimeOffset ComplaintDue = Shanghai.At(2026, 3, 16, 9);

    [Fact]
    public void A_running_clock_is_due_its_limit_after_the_start()
    {
        var view = Clocks.ComplaintHandling().Evaluate(Shanghai.At(2026, 3, 3, 10), Calendar);

        view.State.Should().Be(ClockState.Running);
        view.DueAt.Should().Be(ComplaintDue);
        view.DueAt.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Used_and_remaining_time_are_working_time()
    {
        // Monday 09:00-12:00 and 13:30-17:30, then Tuesday 08:30-10:00.
        var view = Clocks.ComplaintHandling().Evaluate(Shanghai.At(2026, 3, 3, 10), Calendar);

        view.Used.Should().Be(TimeSpan.FromHours(8.5));
        view.Remaining.Should().Be(TimeSpan.FromHours(75 - 8.5));
        view.Allowed.Should().Be(TimeSpan.FromHours(75));
    }

    [Fact]
    public void A_10_working_day_complaint_warns_after_7_and_a_half_working_days()
    {
        // 7 working days bring Wednesday 11 March 09:00; the half day (3.75 h) ends at 14:15 after lunch.
        var warnAt = Shanghai.At(2026, 3, 11, 14, 15);
        var clock = Clocks.ComplaintHandling();

        clock.Evaluate(warnAt.AddMinutes(-1), Calendar).State.Should().Be(ClockState.Running);
        clock.Evaluate(warnAt, Calendar).Should().Match<ClockView>(v => v.State == ClockState.Warning && v.WarnAt == warnAt);
    }

    [Fact]
    public void At_the_due_time_itself_the_clock_is_still_only_warning() =>
        Clocks.ComplaintHandling().Evaluate(ComplaintDue, Calendar).State.Should().Be(ClockState.Warning);

    [Fact]
    public void After_the_due_time_the_clock_is_overdue()
    {
        var view = Clocks.ComplaintHandling().Evaluate(ComplaintDue.AddMinutes(1), Calendar);

        view.State.Should().Be(ClockState.Overdue);
        view.Remaining.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_deadline_at_the_end_of_the_working_day_is_overdue_that_evening()
    {
        var clock = new SlaClock(SlaDuration.WorkingDays(1), Shanghai.At(2026, 3, 9, 17, 30), 75);

        var view = clock.Evaluate(Shanghai.At(2026, 3, 10, 20), Calendar);

        view.DueAt.Should().Be(Shanghai.At(2026, 3, 10, 17, 30));
        view.State.Should().Be(ClockState.Overdue);
    }

    [Fact]
    public void Work_done_before_the_due_time_meets_the_clock_and_freezes_it()
    {
        var view = Clocks.ComplaintHandling().Stop(Shanghai.At(2026, 3, 13, 10)).Evaluate(Shanghai.At(2026, 4, 1, 10), Calendar);

        view.State.Should().Be(ClockState.Met);
        view.DueAt.Should().Be(ComplaintDue);
        view.Used.Should().Be(TimeSpan.FromHours(75 - 6.5), "Friday 13 March 10:00 is 6.5 working hours before the due time");
    }

    [Fact]
    public void Work_done_exactly_at_the_due_time_meets_the_clock() =>
        Clocks.ComplaintHandling().Stop(ComplaintDue).Evaluate(ComplaintDue.AddDays(1), Calendar).State.Should().Be(ClockState.Met);

    [Fact]
    public void Work_done_after_the_due_time_misses_the_clock() =>
        Clocks.ComplaintHandling().Stop(ComplaintDue.AddMinutes(1)).Evaluate(ComplaintDue.AddDays(1), Calendar)
            .State.Should().Be(ClockState.Missed);

    [Fact]
    public void Work_done_on_the_evening_after_a_deadline_at_17_30_misses_it()
    {
        var clock = new SlaClock(SlaDuration.WorkingDays(1), Shanghai.At(2026, 3, 9, 17, 30), 75).Stop(Shanghai.At(2026, 3, 10, 19));

        clock.Evaluate(Shanghai.At(2026, 3, 11, 9), Calendar).State.Should().Be(ClockState.Missed);
    }

    [Fact]
    public void A_stop_later_than_now_is_not_yet_known() =>
        Clocks.ComplaintHandling().Stop(Shanghai.At(2026, 3, 13, 10)).Evaluate(Shanghai.At(2026, 3, 3, 10), Calendar)
            .State.Should().Be(ClockState.Running);

    [Fact]
    public void A_petitions_calendar_day_clock_counts_weekends_from_the_day_after_receipt()
    {
        var view = Clocks.PetitionAcceptance().Evaluate(Shanghai.At(2026, 3, 9, 10), Calendar);

        view.DueAt.Should().Be(Shanghai.At(2026, 3, 18, 0), "days 1-15 are 3-17 March; the period ends at 24:00 on the 17th");
        view.Used.Should().Be(TimeSpan.FromDays(6) + TimeSpan.FromHours(10), "counting began at 00:00 on Tuesday 3 March");
    }

    [Fact]
    public void A_clock_cannot_stop_before_it_started()
    {
        var act = () => Clocks.ComplaintHandling().Stop(Shanghai.At(2026, 3, 1, 9));

        act.Should().Throw<ArgumentException>();
    }
}
