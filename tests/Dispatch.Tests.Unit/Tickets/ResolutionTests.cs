using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Tests.Unit.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>办结 by the unit, 回访 by the operator, then 归档 or 重办.</summary>
public sealed class ResolutionTests
{
    private static readonly DateTimeOffset ResolvedAt = Shanghai.At(2026, 3, 5, 15);
    private static readonly DateTimeOffset CalledAt = Shanghai.At(2026, 3, 6, 10);
    private static readonly ClockReader AtCall = TicketClocks.At(CalledAt);

    private static TicketBuilder Resolved() => TicketBuilder.Registered().Dispatched().Signed().At(ResolvedAt).Resolved().At(CalledAt);

    [Fact]
    public void Unit_resolves_its_signed_ticket_with_a_reply() =>
        TicketRules.Resolve(TicketBuilder.Registered().Dispatched().Signed().Build(), Actors.CentreStaff, new ReplyToCaller(" 补贴已发放。 "), TicketClocks.Later)
            .ShouldRecord(new TicketResolved("补贴已发放。"));

    [Fact]
    public void Resolving_needs_a_reply() =>
        TicketRules.Resolve(TicketBuilder.Registered().Dispatched().Signed().Build(), Actors.CentreStaff, new ReplyToCaller(null), TicketClocks.Later)
            .ShouldReportFields(("reply", "required"));

    [Fact]
    public void Resolving_stops_the_handling_clock_and_starts_the_callback_clock()
    {
        var resolved = Resolved().Build();

        resolved.Status.Should().Be(TicketStatus.Resolved);
        resolved.ResolvedAt.Should().Be(ResolvedAt);
        resolved.Handling!.StoppedAt.Should().Be(ResolvedAt);
        resolved.Callback.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == ResolvedAt && c.Length == SlaDuration.WorkingDays(2));
    }

    [Fact]
    public void Operator_records_a_callback_that_reached_the_caller() =>
        TicketRules.RecordCallback(Resolved().Build(), Actors.Operator, new RecordCallback(true, "basically_satisfied", " 基本认可 "), AtCall)
            .ShouldRecord(new CallbackRecorded(true, "basically_satisfied", "基本认可"));

    [Fact]
    public void Reached_callback_keeps_the_satisfaction_and_stops_the_callback_clock()
    {
        var called = Resolved().CalledBack("satisfied").Build();

        called.CallbackDone.Should().BeTrue();
        called.Satisfaction.Should().Be("satisfied");
        called.Callback!.StoppedAt.Should().Be(CalledAt);
    }

    [Fact]
    public void Unreached_callback_attempt_keeps_the_callback_clock_running()
    {
        var attempted = Resolved().CallbackMissed().Build();

        attempted.Callbacks.Should().ContainSingle().Which.Reached.Should().BeFalse();
        attempted.CallbackDone.Should().BeFalse();
        attempted.Callback!.Running.Should().BeTrue();
    }

    [Fact]
    public void Reached_callback_needs_a_known_satisfaction() =>
        TicketRules.RecordCallback(Resolved().Build(), Actors.Operator, new RecordCallback(true, "thrilled", null), AtCall)
            .ShouldReportFields(("satisfaction", "unknown_value"));

    [Fact]
    public void Unreached_callback_cannot_carry_a_satisfaction() =>
        TicketRules.RecordCallback(Resolved().Build(), Actors.Operator, new RecordCallback(false, "satisfied", null), AtCall)
            .ShouldReportFields(("satisfaction", "not_applicable"));

    [Fact]
    public void A_second_reached_callback_is_refused() =>
        TicketRules.RecordCallback(Resolved().CalledBack("satisfied").Build(), Actors.Operator, new RecordCallback(true, "unsatisfied", null), AtCall)
            .ShouldConflict("callback_done");

    [Fact]
    public void Operator_reopens_a_ticket_whose_caller_is_unsatisfied() =>
        TicketRules.Reopen(Resolved().CalledBack("unsatisfied").Build(), Actors.Operator, new TicketNote("来电人认为补贴金额有误"))
            .ShouldRecord(new TicketReopened("来电人认为补贴金额有误"));

    [Fact]
    public void Reopened_ticket_is_dispatched_again_to_the_same_unit_as_rework()
    {
        var reopened = Resolved().CalledBack("unsatisfied").Reopened().Build();

        reopened.Status.Should().Be(TicketStatus.Dispatched);
        reopened.UnitCode.Should().Be(Units.NanhuCentre);
        reopened.ReworkCount.Should().Be(1);
        reopened.Reply.Should().BeNull();
    }

    [Fact]
    public void Reopened_ticket_starts_new_sign_for_and_handling_clocks()
    {
        var reopened = Resolved().CalledBack("unsatisfied").Reopened().Build();

        reopened.SignFor.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == CalledAt);
        reopened.Handling.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == CalledAt);
        reopened.Callback.Should().BeNull();
    }

    [Fact]
    public void Reworked_ticket_needs_a_new_callback_before_it_can_close()
    {
        var reworked = Resolved().CalledBack("unsatisfied").Reopened().Signed().Resolved().Build();

        TicketRules.Close(reworked, Actors.Operator, new TicketNote(null)).ShouldConflict("action_not_allowed");
    }

    [Fact]
    public void Reworked_ticket_takes_a_new_callback() =>
        TicketRules.RecordCallback(Resolved().CalledBack("unsatisfied").Reopened().Signed().Resolved().Build(), Actors.Operator,
                new RecordCallback(true, "satisfied", null), AtCall)
            .ShouldRecord(new CallbackRecorded(true, "satisfied", null));

    [Fact]
    public void Reworked_ticket_is_not_reopened_on_the_strength_of_the_earlier_callback() =>
        TicketRules.AllowedActions(Resolved().CalledBack("unsatisfied").Reopened().Signed().Resolved().Build())
            .Should().NotContain(TicketActions.Reopen);

    [Fact]
    public void Reopened_answer_on_the_spot_awaits_dispatch_instead_of_sitting_with_no_unit()
    {
        var reopened = TicketBuilder.Registered("inquiry").AnsweredOnSpot().CalledBack("unsatisfied").Reopened().Build();

        reopened.Status.Should().Be(TicketStatus.Registered);
        reopened.AwaitingDispatch.Should().BeTrue();
        reopened.SignFor.Should().BeNull();
        TicketRules.AllowedActions(reopened).Should().Contain(TicketActions.Dispatch);
    }

    [Fact]
    public void Operator_closes_a_ticket_after_its_callback() =>
        TicketRules.Close(Resolved().CalledBack("satisfied").Build(), Actors.Operator, new TicketNote(" 归档 "))
            .ShouldRecord(new TicketClosed("归档"));

    [Fact]
    public void Operator_closes_a_ticket_answered_on_the_spot_without_a_callback() =>
        TicketRules.Close(TicketBuilder.Registered("inquiry").AnsweredOnSpot().Build(), Actors.Operator, new TicketNote(null))
            .ShouldRecord(new TicketClosed(null));

    [Fact]
    public void Operator_closes_a_ticket_after_three_failed_callback_attempts_and_the_written_notice() =>
        TicketRules.Close(Resolved().CallbackMissed().CallbackMissed().CallbackMissed(TicketBuilder.Notice).Build(), Actors.Operator, new TicketNote(null))
            .ShouldRecord(new TicketClosed(null));

    [Fact]
    public void Three_failed_callback_attempts_without_the_written_notice_are_not_enough_to_close() =>
        TicketRules.Close(Resolved().CallbackMissed().CallbackMissed().CallbackMissed().Build(), Actors.Operator, new TicketNote(null))
            .ShouldConflict("action_not_allowed");

    [Fact]
    public void Two_failed_callback_attempts_are_not_enough_to_close() =>
        TicketRules.Close(Resolved().CallbackMissed().CallbackMissed().Build(), Actors.Operator, new TicketNote(null))
            .ShouldConflict("action_not_allowed");

    [Fact]
    public void Closed_ticket_has_every_clock_stopped()
    {
        var closed = Resolved().CallbackMissed().CallbackMissed().CallbackMissed().Closed().Build();

        closed.Status.Should().Be(TicketStatus.Closed);
        closed.ClosedAt.Should().Be(CalledAt);
        closed.Clocks.Should().OnlyContain(c => !c.Running).And.HaveCount(3);
    }
}
