using Dispatch.Errors;
using Dispatch.Items;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Items;

/// <summary>The gate every item action passes: invisible is 404, not now is 409 with what is allowed, wrong role is 403.</summary>
public sealed class ActionGateTests
{
    private static readonly ItemVocabulary Words = TicketVocabulary.Item;

    [Fact]
    public void An_item_the_user_may_not_see_does_not_exist_whatever_else_holds()
    {
        var error = ActionGate.Check(Words, visible: false, TicketStatus.Signed, [TicketActions.Resolve], TicketActions.Resolve, roleAllowed: true);

        error!.Kind.Should().Be(DomainErrorKind.NotFound);
    }

    [Fact]
    public void An_action_the_state_does_not_allow_is_a_conflict_naming_status_and_allowed_actions()
    {
        var error = ActionGate.Check(Words, true, TicketStatus.Dispatched, [TicketActions.Sign, TicketActions.Return], TicketActions.Resolve, roleAllowed: false);

        error!.Kind.Should().Be(DomainErrorKind.Conflict);
        error.Code.Should().Be("action_not_allowed");
        error.CurrentStatus.Should().Be(TicketStatus.Dispatched);
        error.AllowedActions.Should().Equal(TicketActions.Sign, TicketActions.Return);
        error.MessageZh.Should().Be("工单当前状态为“已派单”，不能办结。当前可执行：签收、退单。");
        error.MessageEn.Should().Be("The ticket is dispatched; 'resolve' is not allowed now. Allowed: sign, return.");
    }

    [Fact]
    public void A_suspended_item_says_so_in_the_conflict()
    {
        var error = ActionGate.Check(Words, true, TicketStatus.Signed, [TicketActions.Resume], TicketActions.Resolve, true, suspended: true);

        error!.MessageZh.Should().StartWith("工单当前状态为“挂起·办理中”");
        error.MessageEn.Should().StartWith("The ticket is signed (suspended);");
        error.CurrentStatus.Should().Be(TicketStatus.Signed);
    }

    [Fact]
    public void An_allowed_action_by_the_wrong_role_is_forbidden()
    {
        var error = ActionGate.Check(Words, true, TicketStatus.Dispatched, [TicketActions.Sign], TicketActions.Sign, roleAllowed: false);

        error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        error.MessageZh.Should().Contain("签收");
    }

    [Fact]
    public void An_allowed_action_by_the_right_role_passes() =>
        ActionGate.Check(Words, true, TicketStatus.Dispatched, [TicketActions.Sign], TicketActions.Sign, roleAllowed: true).Should().BeNull();

    [Fact]
    public void Nothing_allowed_is_said_in_words()
    {
        var error = ActionGate.NotAllowedNow(Words, TicketStatus.Closed, [], TicketActions.Reopen);

        error.MessageZh.Should().EndWith("当前可执行：无。");
        error.MessageEn.Should().EndWith("Allowed: nothing.");
    }
}
