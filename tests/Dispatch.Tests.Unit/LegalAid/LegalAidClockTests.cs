using Dispatch.LegalAid;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>
/// The statutory clocks of a case on the shipped 2026 calendar: Spring Festival 15-23 February off, Saturdays 14 and 28
/// February working (调休); Qingming 4-6 April off. A working day is 7.5 working hours (08:30-12:00, 13:30-17:30).
/// </summary>
public sealed class LegalAidClockTests
{
    private static DeadlineView? Deadline(CaseBuilder builder, Func<LegalAidCaseView, DeadlineView?> clock) =>
        clock(LegalAidViews.From(builder.Build(), builder.Clocks));

    [Fact]
    public void The_decision_is_due_seven_working_days_after_acceptance_in_an_ordinary_week()
    {
        var accepted = CaseBuilder.Applied().Accepted(); // Monday 2 March 09:00

        Deadline(accepted, v => v.Deadlines.Decision)!.DueAt.Should().Be(Shanghai.At(2026, 3, 11, 9));
    }

    [Fact]
    public void The_decision_clock_skips_the_spring_festival_and_counts_the_make_up_saturdays()
    {
        // Thursday 12 Feb 10:00; working days after it: Fri 13, Sat 14 (调休), Tue 24 ... Fri 27, Sat 28 (调休).
        var accepted = CaseBuilder.Applied(Shanghai.At(2026, 2, 12, 10)).Accepted();

        var decision = Deadline(accepted, v => v.Deadlines.Decision)!;

        decision.DueAt.Should().Be(Shanghai.At(2026, 2, 28, 10));
        decision.RuleVersion.Should().Be(1);
        decision.Length.Should().Be("7 working_days");
        decision.State.Should().Be("running");
    }

    [Fact]
    public void Time_spent_waiting_for_documents_is_not_counted()
    {
        // Three working days used by Tuesday 24 Feb 10:00; documents awaited until Thursday 26 Feb 10:00 (two working days).
        var waited = CaseBuilder.Applied(Shanghai.At(2026, 2, 12, 10)).Accepted()
            .At(Shanghai.At(2026, 2, 24, 10)).DocumentsRequested()
            .At(Shanghai.At(2026, 2, 26, 10)).DocumentsReceived();

        var decision = Deadline(waited, v => v.Deadlines.Decision)!;

        decision.DueAt.Should().Be(Shanghai.At(2026, 3, 3, 10)); // four days left: Fri 27, Sat 28, Mon 2, Tue 3 March
        decision.PausedHours.Should().Be(15);
    }

    [Fact]
    public void A_decision_clock_waiting_for_documents_is_paused_and_does_not_warn()
    {
        var waiting = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 3, 9)).DocumentsRequested().At(Shanghai.At(2026, 3, 20, 9));

        Deadline(waiting, v => v.Deadlines.Decision)!.State.Should().Be("paused");
        LegalAidRules.ClockEvents(waiting.Build(), waiting.Clocks, Guid.NewGuid).Should().BeEmpty();
        LegalAidProjection.NextClockChange(waiting.Build(), waiting.Clocks).Should().BeNull();
    }

    [Fact]
    public void The_assignment_clock_counts_three_calendar_days_weekend_included()
    {
        var granted = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 6, 16)).Granted(); // Friday 16:00

        // Days 1-3 are Saturday 7 to Monday 9 March; the period ends at 24:00 on Monday.
        Deadline(granted, v => v.Deadlines.Assignment)!.DueAt.Should().Be(Shanghai.At(2026, 3, 10, 0));
    }

    [Fact]
    public void The_agreement_clock_counts_five_calendar_days_from_assignment()
    {
        var assigned = CaseBuilder.Applied().Accepted().Granted().At(Shanghai.At(2026, 3, 4, 11)).Assigned();

        // Days 1-5 are Thursday 5 to Monday 9 March.
        Deadline(assigned, v => v.Deadlines.Agreement)!.DueAt.Should().Be(Shanghai.At(2026, 3, 10, 0));
    }

    [Fact]
    public void The_objection_review_counts_five_working_days_across_qingming()
    {
        // Objection on Thursday 2 April 10:00; 4-6 April are off: Fri 3, Tue 7, Wed 8, Thu 9, Fri 10.
        var objected = CaseBuilder.Applied(Shanghai.At(2026, 4, 1, 9)).Accepted().Refused().At(Shanghai.At(2026, 4, 2, 10)).Objected();

        Deadline(objected, v => v.Deadlines.ObjectionReview)!.DueAt.Should().Be(Shanghai.At(2026, 4, 10, 10));
    }

    [Fact]
    public void The_objection_window_ends_seven_working_days_after_the_refusal()
    {
        var refused = CaseBuilder.Applied().Accepted().Refused(); // Monday 2 March 09:00

        LegalAidViews.From(refused.Build(), refused.Clocks).ObjectionWindowEndsAt.Should().Be(Shanghai.At(2026, 3, 11, 9));
        LegalAidRules.ObjectionWindowOpen(refused.Build(), TicketClocks.At(Shanghai.At(2026, 3, 11, 9))).Should().BeTrue();
        LegalAidRules.ObjectionWindowOpen(refused.Build(), TicketClocks.At(Shanghai.At(2026, 3, 11, 9, 1))).Should().BeFalse();
    }

    [Fact]
    public void An_untouched_decision_warns_at_three_quarters_then_goes_overdue_with_a_supervision_order()
    {
        var accepted = CaseBuilder.Applied().Accepted();
        var orderId = Guid.NewGuid();

        // 5.25 of 7 working days: Monday 9 March 10:52:30.
        var warning = accepted.At(Shanghai.At(2026, 3, 9, 11));
        LegalAidRules.ClockEvents(warning.Build(), warning.Clocks, () => orderId).Should().Equal(new CaseClockWarned("decision"));

        var warned = warning.With(new CaseClockWarned("decision")).At(Shanghai.At(2026, 3, 11, 10));
        LegalAidRules.ClockEvents(warned.Build(), warned.Clocks, () => orderId).Should().Equal(
            new CaseClockOverdue("decision"), new CaseSupervisionOrdered(orderId, "overdue", "审查决定时限已超期。", SlaDuration.WorkingDays(3)));

        var raised = warned.With(new CaseClockOverdue("decision"));
        LegalAidRules.ClockEvents(raised.Build(), raised.Clocks, () => orderId).Should().BeEmpty("each alarm is raised once");
        Deadline(raised, v => v.Deadlines.Decision)!.State.Should().Be("overdue");
    }

    [Fact]
    public void A_decision_made_late_is_shown_as_missed()
    {
        var late = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 12, 9)).Granted();

        Deadline(late, v => v.Deadlines.Decision)!.State.Should().Be("missed");
    }

    [Fact]
    public void The_next_clock_change_of_a_new_decision_is_its_warning_point()
    {
        var accepted = CaseBuilder.Applied().Accepted();

        LegalAidProjection.NextClockChange(accepted.Build(), accepted.Clocks).Should().Be(Deadline(accepted, v => v.Deadlines.Decision)!.WarnAt);
    }
}
