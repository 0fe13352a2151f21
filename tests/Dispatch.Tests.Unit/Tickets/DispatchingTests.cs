using Dispatch.Errors;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Tests.Unit.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>登记 -> 直接办结 or 派单 -> 签收, and 退单 / 转派 on the way.</summary>
public sealed class DispatchingTests
{
    private static readonly DateTimeOffset NextDay = Shanghai.At(2026, 3, 3, 10);
    private static readonly DateTimeOffset TwoDaysLater = Shanghai.At(2026, 3, 4, 10);

    /// <summary>10 working days from the first dispatch on Monday 2 March 2026 09:00.</summary>
    private static readonly DateTimeOffset ComplaintHandlingDue = Shanghai.At(2026, 3, 16, 9);

    [Fact]
    public void Operator_answers_a_registered_ticket_on_the_spot_with_the_trimmed_reply() =>
        TicketRules.AnswerOnSpot(TicketBuilder.Registered("inquiry").Build(), Actors.Operator, new ReplyToCaller("  已告知所需材料。 "))
            .ShouldRecord(new TicketAnsweredOnSpot("已告知所需材料。"));

    [Theory]
    [InlineData("supervisor")]
    [InlineData("unit_staff")]
    [InlineData("operator")]
    public void Dispatching_a_ticket_that_does_not_exist_is_not_found_for_every_role(string role)
    {
        var actor = role switch
        {
            "supervisor" => Actors.NanhuSupervisor,
            "unit_staff" => Actors.CentreStaff,
            _ => Actors.Operator,
        };
        TicketRules.Dispatch(TicketState.Empty, actor, new DispatchTicket(null, null), null, automatic: true)
            .ShouldBeRefused(DomainErrorKind.NotFound);
    }

    [Fact]
    public void Answer_on_the_spot_needs_a_reply() =>
        TicketRules.AnswerOnSpot(TicketBuilder.Registered("inquiry").Build(), Actors.Operator, new ReplyToCaller("   "))
            .ShouldReportFields(("reply", "required"));

    [Fact]
    public void Ticket_answered_on_the_spot_is_resolved_without_a_unit_and_its_callback_clock_starts()
    {
        var answered = TicketBuilder.Registered("inquiry").AnsweredOnSpot().Build();

        answered.Status.Should().Be(TicketStatus.Resolved);
        answered.AnsweredOnSpot.Should().BeTrue();
        answered.UnitCode.Should().BeNull();
        answered.AwaitingDispatch.Should().BeFalse();
        answered.Handling.Should().BeNull();
        answered.Callback.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == TicketBuilder.Start);
    }

    [Fact]
    public void Registered_ticket_awaits_dispatch() =>
        TicketBuilder.Registered().Build().AwaitingDispatch.Should().BeTrue();

    [Fact]
    public void Operator_dispatches_to_a_chosen_unit_with_a_note() =>
        TicketRules.Dispatch(TicketBuilder.Registered().Build(), Actors.Operator, new DispatchTicket(Units.NanhuCentre, " 请核实 "),
                Units.Target(Units.NanhuCentre), automatic: false)
            .ShouldRecord(new TicketDispatched(Units.NanhuCentre, Automatic: false, Ruling: false, "请核实"));

    [Fact]
    public void Automatic_dispatch_sends_the_ticket_to_the_routed_unit() =>
        TicketRules.Dispatch(TicketBuilder.Registered().Build(), Actors.Operator, new DispatchTicket(null, null),
                Units.Target(Units.NanhuCentre), automatic: true)
            .ShouldRecord(new TicketDispatched(Units.NanhuCentre, Automatic: true, Ruling: false, null));

    [Fact]
    public void Automatic_dispatch_without_a_route_asks_for_a_unit() =>
        TicketRules.Dispatch(TicketBuilder.Registered().Build(), Actors.Operator, new DispatchTicket(null, null), null, automatic: true)
            .ShouldReportFields(("unitCode", "no_route"));

    [Fact]
    public void Dispatch_to_an_unknown_unit_is_a_field_error() =>
        TicketRules.Dispatch(TicketBuilder.Registered().Build(), Actors.Operator, new DispatchTicket("330402-NOWHERE", null), null, automatic: false)
            .ShouldReportFields(("unitCode", "unknown_unit"));

    [Fact]
    public void Dispatch_to_an_inactive_unit_is_a_field_error() =>
        TicketRules.Dispatch(TicketBuilder.Registered().Build(), Actors.Operator, new DispatchTicket(Units.NanhuRehab, null),
                Units.Inactive(Units.NanhuRehab), automatic: false)
            .ShouldReportFields(("unitCode", "inactive_unit"));

    [Fact]
    public void Dispatched_ticket_is_with_its_unit_and_no_longer_awaits_dispatch()
    {
        var dispatched = TicketBuilder.Registered().Dispatched(Units.NanhuCentre).Build();

        dispatched.Status.Should().Be(TicketStatus.Dispatched);
        dispatched.UnitCode.Should().Be(Units.NanhuCentre);
        dispatched.AwaitingDispatch.Should().BeFalse();
        dispatched.FirstDispatchedAt.Should().Be(TicketBuilder.Start);
    }

    [Fact]
    public void Dispatch_starts_the_sign_for_and_handling_clocks_under_the_tickets_rule()
    {
        var dispatched = TicketBuilder.Registered("complaint").Dispatched().Build();

        dispatched.SignFor.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == TicketBuilder.Start && c.Length == SlaDuration.WorkingDays(1));
        dispatched.Handling.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == TicketBuilder.Start && c.Length == SlaDuration.WorkingDays(10));
    }

    [Fact]
    public void Unit_signs_for_its_dispatched_ticket() =>
        TicketRules.Sign(TicketBuilder.Registered().Dispatched().Build(), Actors.CentreStaff).ShouldRecord(new TicketSigned());

    [Fact]
    public void Signing_stops_the_sign_for_clock_and_leaves_the_handling_clock_running()
    {
        var signed = TicketBuilder.Registered().Dispatched().At(NextDay).Signed().Build();

        signed.Status.Should().Be(TicketStatus.Signed);
        signed.SignFor!.StoppedAt.Should().Be(NextDay);
        signed.Handling!.Running.Should().BeTrue();
    }

    [Fact]
    public void Unit_returns_a_ticket_that_is_not_theirs_with_a_reason() =>
        TicketRules.Return(TicketBuilder.Registered().Dispatched().Build(), Actors.CentreStaff, new ReturnTicket("wrong_county", " 属秀洲区 "), ActionRequests.OrderId)
            .ShouldRecord(new TicketReturned(Units.NanhuCentre, "wrong_county", "属秀洲区"));

    [Fact]
    public void Returned_ticket_is_registered_again_awaiting_dispatch_without_a_unit()
    {
        var returned = TicketBuilder.Registered().Dispatched().Signed().Returned().Build();

        returned.Status.Should().Be(TicketStatus.Registered);
        returned.AwaitingDispatch.Should().BeTrue();
        returned.UnitCode.Should().BeNull();
        returned.Returns.Should().ContainSingle().Which.FromUnit.Should().Be(Units.NanhuCentre);
    }

    [Fact]
    public void Returned_ticket_keeps_its_handling_clock_running()
    {
        var redispatched = TicketBuilder.Registered().Dispatched(Units.NanhuCentre)
            .At(NextDay).Returned().At(TwoDaysLater).Dispatched(Units.NanhuLegal).Build();

        redispatched.Handling!.StartedAt.Should().Be(TicketBuilder.Start);
        TicketClocks.Handling(redispatched, TwoDaysLater).DueAt.Should().Be(ComplaintHandlingDue);
    }

    [Fact]
    public void Redispatched_ticket_starts_a_new_sign_for_clock() =>
        TicketBuilder.Registered().Dispatched(Units.NanhuCentre).At(NextDay).Returned().At(TwoDaysLater).Dispatched(Units.NanhuLegal)
            .Build().SignFor.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == TwoDaysLater);

    [Fact]
    public void Unit_transfers_its_ticket_to_another_unit() =>
        TicketRules.Transfer(TicketBuilder.Registered().Dispatched().Signed().Build(), Actors.CentreStaff,
                new TransferTicket(Units.NanhuLegal, "法律援助事项"), Units.Target(Units.NanhuLegal))
            .ShouldRecord(new TicketTransferred(Units.NanhuCentre, Units.NanhuLegal, "法律援助事项"));

    [Fact]
    public void Transferred_ticket_waits_for_the_new_unit_to_sign()
    {
        var transferred = TicketBuilder.Registered().Dispatched().Signed().Transferred(Units.NanhuLegal).Build();

        transferred.Status.Should().Be(TicketStatus.Dispatched);
        transferred.UnitCode.Should().Be(Units.NanhuLegal);
        transferred.TransferCount.Should().Be(1);
    }

    [Fact]
    public void Transferred_ticket_restarts_its_sign_for_clock() =>
        TicketBuilder.Registered().Dispatched().Signed().At(NextDay).Transferred(Units.NanhuLegal)
            .Build().SignFor.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == NextDay);

    [Fact]
    public void Transferred_ticket_keeps_its_handling_clock_running()
    {
        var transferred = TicketBuilder.Registered().Dispatched().Signed().At(NextDay).Transferred(Units.NanhuLegal).Build();

        transferred.Handling!.StartedAt.Should().Be(TicketBuilder.Start);
        TicketClocks.Handling(transferred, NextDay).DueAt.Should().Be(ComplaintHandlingDue);
    }

    [Fact]
    public void Transfer_to_the_unit_that_has_the_ticket_is_a_field_error() =>
        TicketRules.Transfer(TicketBuilder.Registered().Dispatched().Build(), Actors.Operator,
                new TransferTicket(Units.NanhuCentre, null), Units.Target(Units.NanhuCentre))
            .ShouldReportFields(("unitCode", "same_unit"));
}
