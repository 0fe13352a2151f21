using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Items;
using Dispatch.Tests.Unit.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>At most two returns (退单); then the dispatcher must rule (审定) and a supervision order follows.</summary>
public sealed class ReturnRulingTests
{
    private static TicketBuilder ReturnedOnce() => TicketBuilder.Registered().Dispatched(Units.NanhuCentre).Returned();

    private static TicketBuilder ReturnedTwice() => ReturnedOnce().Dispatched(Units.NanhuLegal).Returned();

    private static Change<TicketEvent> SecondReturn() => TicketRules.Return(
        ReturnedOnce().Dispatched(Units.NanhuLegal).Build(), Actors.LegalStaff, new ReturnTicket("not_our_responsibility", null), ActionRequests.OrderId);

    private static Change<TicketEvent> AutomaticDispatch(TicketState s) => TicketRules.Dispatch(
        s, Actors.Operator, new DispatchTicket(null, null), Units.Target(Units.NanhuCentre), automatic: true);

    private static Change<TicketEvent> Ruling(TicketState s, Actor actor) => TicketRules.Dispatch(
        s, actor, new DispatchTicket(Units.NanhuRehab, "审定：由康复服务机构办理"), Units.Target(Units.NanhuRehab), automatic: false);

    [Fact]
    public void First_return_issues_no_supervision_order() =>
        TicketRules.Return(TicketBuilder.Registered().Dispatched().Build(), Actors.CentreStaff,
                new ReturnTicket("not_our_responsibility", null), ActionRequests.OrderId)
            .Events.Should().ContainSingle().Which.Should().BeOfType<TicketReturned>();

    [Fact]
    public void Ticket_returned_once_may_be_dispatched_automatically() =>
        AutomaticDispatch(ReturnedOnce().Build()).Error.Should().BeNull();

    [Fact]
    public void Second_return_issues_a_supervision_order_for_repeated_returns()
    {
        var events = SecondReturn().Events;

        events.Should().HaveCount(2);
        events[0].Should().Be(new TicketReturned(Units.NanhuLegal, "not_our_responsibility", null));
        events[1].Should().BeOfType<SupervisionOrderIssued>().Which.Should().Match<SupervisionOrderIssued>(
            o => o.OrderId == ActionRequests.OrderId && o.Cause == SupervisionCauses.RepeatedReturns);
    }

    [Fact]
    public void Ticket_returned_twice_awaits_a_ruling_with_the_supervision_order_on_record()
    {
        var returned = ReturnedOnce().Dispatched(Units.NanhuLegal).Applying(SecondReturn()).Build();

        returned.AwaitingRuling.Should().BeTrue();
        returned.SupervisionOrders.Should().ContainSingle().Which.Cause.Should().Be(SupervisionCauses.RepeatedReturns);
    }

    [Fact]
    public void Automatic_dispatch_is_refused_while_a_ruling_is_awaited() =>
        AutomaticDispatch(ReturnedTwice().Build()).ShouldReportFields(("unitCode", "ruling_required"));

    [Fact]
    public void Dispatchers_ruling_with_a_unit_dispatches_the_ticket() =>
        Ruling(ReturnedTwice().Build(), Actors.Operator)
            .ShouldRecord(new TicketDispatched(Units.NanhuRehab, Automatic: false, Ruling: true, "审定：由康复服务机构办理"));

    [Fact]
    public void Ruled_ticket_no_longer_awaits_a_ruling() =>
        ReturnedTwice().Applying(Ruling(ReturnedTwice().Build(), Actors.Operator)).Build().AwaitingRuling.Should().BeFalse();

    [Fact]
    public void Ruled_ticket_can_no_longer_be_returned()
    {
        var ruled = ReturnedTwice().Applying(Ruling(ReturnedTwice().Build(), Actors.Operator)).Build();

        var error = TicketRules.Return(ruled, Actors.RehabStaff,
            new ReturnTicket("not_our_responsibility", null), ActionRequests.OrderId).ShouldConflict("action_not_allowed");

        error.AllowedActions.Should().NotContain(TicketActions.Return).And.Contain(TicketActions.Sign);
    }

    [Fact]
    public void Ruled_ticket_can_no_longer_be_returned_even_after_signing() =>
        TicketRules.AllowedActions(ReturnedTwice().Dispatched(Units.NanhuRehab).Signed().Build())
            .Should().NotContain(TicketActions.Return).And.Contain(TicketActions.Transfer);

    [Fact]
    public void County_supervisor_may_rule_on_a_ticket_awaiting_a_ruling() =>
        Ruling(ReturnedTwice().Build(), Actors.NanhuSupervisor).Error.Should().BeNull();

    [Fact]
    public void Supervisor_may_not_dispatch_a_ticket_that_awaits_no_ruling() =>
        Ruling(ReturnedOnce().Build(), Actors.NanhuSupervisor).ShouldBeRefused(DomainErrorKind.Forbidden);
}
