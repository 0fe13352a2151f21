using Dispatch.Calendar;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

public sealed class SlaClockExtensionTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;

    [Fact]
    public void An_extension_moves_the_due_time_by_its_length()
    {
        var view = Clocks.ComplaintHandling().Extend(SlaDuration.WorkingDays(5)).Evaluate(Shanghai.At(2026, 3, 3, 10), Calendar);

        view.DueAt.Should().Be(Shanghai.At(2026, 3, 23, 9));
        view.Allowed.Should().Be(TimeSpan.FromHours(15 * 7.5));
    }

    [Fact]
    public void An_extension_lifts_an_overdue_clock_back_to_running()
    {
        var now = Shanghai.At(2026, 3, 17, 10);
        var clock = Clocks.ComplaintHandling();

        clock.Evaluate(now, Calendar).State.Should().Be(ClockState.Overdue);
        clock.Extend(SlaDuration.WorkingDays(5)).Evaluate(now, Calendar).State
            .Should().Be(ClockState.Running, "83.5 of 112.5 working hours are used, short of 75%");
    }

    [Fact]
    public void A_petitions_60_days_extended_by_30_days_run_90_calendar_days()
    {
        // 60 days alone would end on Saturday 31 October and move to Monday 2 November; the 30 days are added before that move.
        var clock = new SlaClock(SlaDuration.CalendarDays(60), Shanghai.At(2026, 9, 1, 9), 75).Extend(SlaDuration.CalendarDays(30));

        clock.Evaluate(Shanghai.At(2026, 9, 2, 9), Calendar).DueAt.Should().Be(Shanghai.At(2026, 12, 1, 0), "day 90 is Monday 30 November");
    }

    [Fact]
    public void Working_hours_may_extend_a_working_day_clock() =>
        Clocks.UrgentHandling().Extend(SlaDuration.WorkingHours(2)).Evaluate(Shanghai.At(2026, 3, 9, 9), Calendar)
            .DueAt.Should().Be(Shanghai.At(2026, 3, 10, 11));

    [Fact]
    public void An_extension_that_counts_time_differently_is_refused()
    {
        var act = () => Clocks.ComplaintHandling().Extend(SlaDuration.CalendarDays(3));

        act.Should().Throw<ArgumentException>().WithMessage("*3 calendar_days*10 working_days*");
    }
}
