using Dispatch.Rehab;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>
/// A visit's clocks on the shipped 2026 calendar: first visit within 5 working days of the request, the visit inside its
/// window, the record within 1 working day. Mid-Autumn (25-27 September) and National Day (1-7 October) are off.
/// </summary>
public sealed class RehabClockTests
{
    private static RehabDeadlines Deadlines(VisitBuilder builder) => RehabViews.From(builder.Build(), builder.Clocks).Deadlines;

    [Fact]
    public void The_first_visit_is_due_five_working_days_after_the_request_skipping_the_october_holidays()
    {
        // Thursday 24 September 10:00; working days after it: Mon 28, Tue 29, Wed 30 September, Thu 8, Fri 9 October.
        var requested = VisitBuilder.AcceptedRequest(Shanghai.At(2026, 9, 24, 10));

        var firstVisit = Deadlines(requested).FirstVisit!;

        firstVisit.DueAt.Should().Be(Shanghai.At(2026, 10, 9, 10));
        firstVisit.Length.Should().Be("5 working_days");
        firstVisit.RuleVersion.Should().Be(1);
    }

    [Fact]
    public void A_later_visit_of_a_plan_has_no_first_visit_clock()
    {
        Deadlines(VisitBuilder.AcceptedRequest(firstVisit: false)).FirstVisit.Should().BeNull();
    }

    [Fact]
    public void The_window_clock_runs_out_at_the_end_of_the_window_and_an_untouched_visit_goes_overdue_with_a_supervision_order()
    {
        var scheduled = VisitBuilder.AcceptedRequest().Scheduled().Assigned();
        var orderId = Guid.NewGuid();
        Deadlines(scheduled).Window!.DueAt.Should().Be(VisitBuilder.WindowStart.AddHours(2));

        var warning = scheduled.At(VisitBuilder.WindowStart.AddMinutes(95));
        RehabRules.ClockEvents(warning.Build(), warning.Clocks, () => orderId).Should().Equal(new VisitClockWarned("window"));

        var late = warning.With(new VisitClockWarned("window")).At(VisitBuilder.WindowStart.AddMinutes(121));
        RehabRules.ClockEvents(late.Build(), late.Clocks, () => orderId).Should().Equal(
            new VisitClockOverdue("window"), new VisitSupervisionOrdered(orderId, "overdue", "上门时段已超期。", SlaDuration.WorkingDays(3)));
    }

    [Fact]
    public void A_window_not_yet_open_is_running_and_its_next_change_is_its_warning_point()
    {
        var scheduled = VisitBuilder.AcceptedRequest(firstVisit: false).Scheduled();

        var window = Deadlines(scheduled).Window!;

        window.State.Should().Be("running");
        RehabProjection.NextClockChange(scheduled.Build(), scheduled.Clocks).Should().Be(VisitBuilder.WindowStart.AddMinutes(90));
    }

    [Fact]
    public void A_visit_completed_inside_its_window_meets_it_and_a_missed_one_is_shown_missed()
    {
        var done = VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(VisitBuilder.WindowStart).CheckedIn()
            .At(VisitBuilder.WindowStart.AddMinutes(90)).Completed("训练完成。");
        Deadlines(done).Window!.State.Should().Be("met");
        Deadlines(done).FirstVisit!.State.Should().Be("met");

        var missed = VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(VisitBuilder.WindowStart.AddMinutes(30)).Missed();
        Deadlines(missed).Window!.State.Should().Be("missed");
    }

    [Fact]
    public void The_record_is_due_one_working_day_after_the_visit_over_the_weekend()
    {
        // Completed Friday 6 March 17:00: half an hour left on Friday, seven hours on Monday (08:30-12:00, 13:30-17:00).
        var friday = Shanghai.At(2026, 3, 6, 17);
        var done = VisitBuilder.AcceptedRequest().Scheduled(Shanghai.At(2026, 3, 6, 15)).Assigned().At(Shanghai.At(2026, 3, 6, 15)).CheckedIn().At(friday).Completed();

        Deadlines(done).Record!.DueAt.Should().Be(Shanghai.At(2026, 3, 9, 17));
    }

    [Fact]
    public void A_visit_done_before_its_window_opened_meets_the_window_at_once()
    {
        var early = VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(VisitBuilder.WindowStart.AddMinutes(-45)).CheckedIn()
            .At(VisitBuilder.WindowStart.AddMinutes(-5)).Completed("提前完成。");

        early.Build().WindowClock!.StoppedAt.Should().Be(VisitBuilder.WindowStart.AddMinutes(-5));
        Deadlines(early).Window!.State.Should().Be("met");
    }
}
