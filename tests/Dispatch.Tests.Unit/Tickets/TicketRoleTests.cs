using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Sla;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Items;
using Dispatch.Tests.Unit.Items;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>
/// Who may act: a role that sees the ticket but may not do this gets Forbidden; someone whose scope does not cover the
/// ticket does not see it at all and gets NotFound.
/// </summary>
public sealed class TicketRoleTests
{
    private static readonly TicketState Registered = TicketBuilder.Registered().Build();
    private static readonly TicketState Dispatched = TicketBuilder.Registered().Dispatched(Units.NanhuCentre).Build();
    private static readonly TicketState Resolved = TicketBuilder.Registered().Dispatched(Units.NanhuCentre).Signed().Resolved().Build();
    private static readonly TicketState PendingExtension = TicketBuilder.Registered().Dispatched(Units.NanhuCentre).Signed()
        .ExtensionRequested(SlaDuration.WorkingDays(3)).Build();

    private static Change<TicketEvent> Take(string action, TicketState s, Actor actor) =>
        ActionRequests.Take(action, s, actor, TicketBuilder.Start);

    [Fact]
    public void Operator_may_not_sign_for_a_unit() =>
        TicketRules.Sign(Dispatched, Actors.Operator).ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void Supervisor_may_not_sign_for_a_unit() =>
        TicketRules.Sign(Dispatched, Actors.NanhuSupervisor).ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void Unit_staff_do_not_see_a_ticket_waiting_for_dispatch_so_cannot_dispatch_it() =>
        Take(TicketActions.Dispatch, Registered, Actors.CentreStaff).ShouldBeRefused(DomainErrorKind.NotFound);

    [Fact]
    public void Unit_staff_may_not_merge_their_own_ticket() =>
        Take(TicketActions.Merge, Dispatched, Actors.CentreStaff).ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void Unit_staff_may_not_record_the_callback_on_their_own_ticket() =>
        Take(TicketActions.Callback, Resolved, Actors.CentreStaff).ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void Unit_staff_may_not_approve_their_own_extension() =>
        Take(TicketActions.ExtensionDecision, PendingExtension, Actors.CentreStaff).ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void Operator_may_not_approve_an_extension() =>
        Take(TicketActions.ExtensionDecision, PendingExtension, Actors.Operator).ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void Operator_may_not_issue_a_supervision_order() =>
        Take(TicketActions.Supervise, Dispatched, Actors.Operator).ShouldBeRefused(DomainErrorKind.Forbidden);

    [Fact]
    public void Staff_of_another_unit_do_not_see_the_ticket() =>
        TicketRules.Sign(Dispatched, Actors.LegalStaff).ShouldBeRefused(DomainErrorKind.NotFound);

    [Fact]
    public void Staff_of_the_previous_unit_lose_sight_of_a_transferred_ticket() =>
        TicketRules.Sign(TicketBuilder.Registered().Dispatched(Units.NanhuCentre).Transferred(Units.NanhuLegal).Build(), Actors.CentreStaff)
            .ShouldBeRefused(DomainErrorKind.NotFound);

    [Fact]
    public void Staff_of_the_new_unit_sign_for_a_transferred_ticket() =>
        TicketRules.Sign(TicketBuilder.Registered().Dispatched(Units.NanhuCentre).Transferred(Units.NanhuLegal).Build(), Actors.LegalStaff)
            .ShouldRecord(new TicketSigned());

    [Fact]
    public void Supervisor_of_another_county_does_not_see_the_ticket() =>
        Take(TicketActions.Supervise, Dispatched, Actors.XiuzhouSupervisor).ShouldBeRefused(DomainErrorKind.NotFound);

    [Fact]
    public void Supervisor_of_another_county_may_not_decide_its_extension() =>
        Take(TicketActions.ExtensionDecision, PendingExtension, Actors.XiuzhouSupervisor).ShouldBeRefused(DomainErrorKind.NotFound);

    [Fact]
    public void County_supervisor_decides_an_extension_in_scope() =>
        Take(TicketActions.ExtensionDecision, PendingExtension, Actors.NanhuSupervisor)
            .ShouldRecord(new ExtensionDecided(TicketBuilder.FirstExtension, true, null));

    [Fact]
    public void City_supervisor_decides_an_extension_in_any_county() =>
        Take(TicketActions.ExtensionDecision, PendingExtension, Actors.CitySupervisor).Error.Should().BeNull();

    [Fact]
    public void Operator_may_transfer_a_ticket_between_units() =>
        Take(TicketActions.Transfer, Dispatched, Actors.Operator).Error.Should().BeNull();

    [Fact]
    public void Operator_may_resume_a_suspended_ticket() =>
        Take(TicketActions.Resume, TicketBuilder.Registered().Dispatched().Signed().Suspended().Build(), Actors.Operator).Error.Should().BeNull();

    [Fact]
    public void Administrator_may_act_for_the_handling_unit() =>
        TicketRules.Sign(Dispatched, Actors.Admin).ShouldRecord(new TicketSigned());

    [Fact]
    public void Nobody_acts_on_a_ticket_that_was_never_registered() =>
        TicketRules.Sign(TicketState.Empty, Actors.Admin).ShouldBeRefused(DomainErrorKind.NotFound);

    [Fact]
    public void A_ticket_out_of_sight_is_not_found_before_its_state_is_considered() =>
        TicketRules.Resolve(Registered, Actors.LegalStaff, new ReplyToCaller("答复"), TicketClocks.Later).ShouldBeRefused(DomainErrorKind.NotFound);
}
