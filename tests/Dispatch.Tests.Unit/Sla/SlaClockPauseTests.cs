using Dispatch.Calendar;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

public sealed class SlaClockPauseTests
{
    private static readonly WorkingCalendar Calendar = Shanghai.Calendar;

    [Fact]
    public void A_clock_paused_for_two_working_hours_is_due_two_working_hours_later()
    {
        // Paused 10:00-12:30: two working hours, the lunch half hour is not working time anyway.
        var clock = Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 9, 10)).Resume(Shanghai.At(2026, 3, 9, 12, 30));

        var view = clock.Evaluate(Shanghai.At(2026, 3, 9, 15), Calendar);

        view.DueAt.Should().Be(Shanghai.At(2026, 3, 10, 11));
        view.PausedTotal.Should().Be(TimeSpan.FromHours(2));
        view.Used.Should().Be(TimeSpan.FromHours(2.5), "09:00-10:00 and 13:30-15:00 counted");
        view.State.Should().Be(ClockState.Running);
    }

    [Fact]
    public void A_paused_clock_reports_paused_and_is_due_as_if_resumed_now()
    {
        var clock = Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 9, 10));

        var view = clock.Evaluate(Shanghai.At(2026, 3, 9, 15), Calendar);

        view.State.Should().Be(ClockState.Paused);
        view.Used.Should().Be(TimeSpan.FromHours(1));
        view.Remaining.Should().Be(TimeSpan.FromHours(6.5));
        view.PausedTotal.Should().Be(TimeSpan.FromHours(3.5));
        view.DueAt.Should().Be(Shanghai.At(2026, 3, 10, 14), "15:00-17:30 today, then 08:30-12:00 and 13:30-14:00 tomorrow");
        view.NextChangeAt.Should().BeNull();
    }

    [Fact]
    public void While_paused_the_due_time_moves_with_now()
    {
        var clock = Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 9, 10));

        clock.Evaluate(Shanghai.At(2026, 3, 10, 9), Calendar).DueAt.Should().Be(Shanghai.At(2026, 3, 10, 17));
    }

    [Fact]
    public void A_clock_paused_past_its_warning_point_shows_paused()
    {
        var view = Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 9, 16, 30)).Evaluate(Shanghai.At(2026, 3, 9, 17), Calendar);

        view.WarnAt.Should().Be(Shanghai.At(2026, 3, 9, 16, 7).AddSeconds(30), "75% of 7.5 h is 5 h 37.5 min");
        view.State.Should().Be(ClockState.Paused);
    }

    [Fact]
    public void A_clock_paused_after_it_ran_out_stays_overdue()
    {
        var view = Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 10, 10)).Evaluate(Shanghai.At(2026, 3, 10, 11), Calendar);

        view.State.Should().Be(ClockState.Overdue);
        view.DueAt.Should().Be(Shanghai.At(2026, 3, 10, 9));
    }

    [Fact]
    public void A_pause_of_a_whole_working_day_moves_the_due_time_a_working_day()
    {
        var clock = Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 9, 10)).Resume(Shanghai.At(2026, 3, 10, 10));

        var view = clock.Evaluate(Shanghai.At(2026, 3, 10, 10), Calendar);

        view.PausedTotal.Should().Be(TimeSpan.FromHours(7.5));
        view.DueAt.Should().Be(Shanghai.At(2026, 3, 11, 9));
    }

    [Fact]
    public void A_pause_outside_working_hours_changes_nothing_on_a_working_clock()
    {
        var clock = Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 9, 18)).Resume(Shanghai.At(2026, 3, 10, 8));

        var view = clock.Evaluate(Shanghai.At(2026, 3, 10, 8, 30), Calendar);

        view.PausedTotal.Should().Be(TimeSpan.Zero);
        view.DueAt.Should().Be(Shanghai.At(2026, 3, 10, 9));
    }

    [Fact]
    public void A_calendar_day_clock_paused_for_three_days_is_due_three_days_later()
    {
        var clock = Clocks.PetitionAcceptance().Pause(Shanghai.At(2026, 3, 3, 10)).Resume(Shanghai.At(2026, 3, 6, 10));

        var view = clock.Evaluate(Shanghai.At(2026, 3, 9, 10), Calendar);

        view.PausedTotal.Should().Be(TimeSpan.FromDays(3));
        view.DueAt.Should().Be(Shanghai.At(2026, 3, 21, 0), "without the pause it ends at 24:00 on Tuesday 17 March; three days later is Friday 20 March, 24:00");
    }

    [Fact]
    public void Overlapping_pauses_are_counted_once()
    {
        var clock = Clocks.PetitionAcceptance() with
        {
            Pauses =
            [
                new ClockPause(Shanghai.At(2026, 3, 3, 10), Shanghai.At(2026, 3, 5, 10)),
                new ClockPause(Shanghai.At(2026, 3, 4, 10), Shanghai.At(2026, 3, 6, 10)),
            ],
        };

        clock.Evaluate(Shanghai.At(2026, 3, 9, 10), Calendar).PausedTotal.Should().Be(TimeSpan.FromDays(3));
    }

    [Fact]
    public void A_paused_clock_cannot_be_paused_again()
    {
        var act = () => Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 9, 10)).Pause(Shanghai.At(2026, 3, 9, 11));

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_pause_cannot_start_before_the_previous_one_ended()
    {
        var clock = Clocks.UrgentHandling().Pause(Shanghai.At(2026, 3, 9, 10)).Resume(Shanghai.At(2026, 3, 9, 11));

        var act = () => clock.Pause(Shanghai.At(2026, 3, 9, 10, 30));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_running_clock_cannot_be_resumed()
    {
        var act = () => Clocks.UrgentHandling().Resume(Shanghai.At(2026, 3, 9, 11));

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_pause_cannot_end_before_it_starts()
    {
        var act = () => new ClockPause(Shanghai.At(2026, 3, 9, 11), Shanghai.At(2026, 3, 9, 10));

        act.Should().Throw<ArgumentException>();
    }
}
