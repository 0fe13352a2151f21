using Dispatch.Sla;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Tests.Unit.Items;
using static Dispatch.Tickets.TicketActions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>What each state of a ticket allows, and that everything else is refused with a 409 that says why.</summary>
public sealed class TicketStatesTests
{
    /// <summary>One ticket per state of the life cycle, by name.</summary>
    internal static TicketBuilder InState(string state) => state switch
    {
        "registered" => TicketBuilder.Registered(),
        "dispatched" => TicketBuilder.Registered().Dispatched(),
        "signed" => TicketBuilder.Registered().Dispatched().Signed(),
        "resolved" => TicketBuilder.Registered().Dispatched().Signed().Resolved(),
        "closed" => TicketBuilder.Registered().Dispatched().Signed().Resolved().CalledBack().Closed(),
        "suspended" => TicketBuilder.Registered().Dispatched().Signed().Suspended(),
        "merged" => TicketBuilder.Registered().MergedInto(ActionRequests.EarlierTicket.Id, ActionRequests.EarlierTicket.Number),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No such ticket state in these tests."),
    };

    private static readonly string[] States = ["registered", "dispatched", "signed", "resolved", "closed", "suspended", "merged"];

    public static TheoryData<string, string> ForbiddenMoves()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        {
            var allowed = TicketRules.AllowedActions(InState(state).Build());
            foreach (var action in ActionRequests.All.Except(allowed))
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    [Theory]
    [InlineData("registered", new[] { Answer, TicketActions.Dispatch, Merge, Supervise })]
    [InlineData("dispatched", new[] { Sign, Return, Transfer, Suspend, Merge, Supervise, Remind })]
    [InlineData("signed", new[] { Return, Transfer, Suspend, ExtensionRequest, Resolve, Merge, Supervise, Remind })]
    [InlineData("resolved", new[] { Callback, Supervise })]
    [InlineData("closed", new string[0])]
    [InlineData("suspended", new[] { Resume, Merge, Supervise })]
    [InlineData("merged", new[] { Callback, Supervise })]
    public void Each_state_allows_exactly_its_own_actions(string state, string[] expected) =>
        TicketRules.AllowedActions(InState(state).Build()).Should().Equal(expected);

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void An_action_the_state_does_not_allow_is_a_conflict_naming_the_status_and_what_is_allowed(string state, string action)
    {
        // The administrator passes every role and scope check, so only the state can refuse.
        var ticket = InState(state).Build();

        var error = ActionRequests.Take(action, ticket, Actors.Admin, TicketBuilder.Start).ShouldConflict("action_not_allowed");

        error.CurrentStatus.Should().Be(ticket.Status);
        error.AllowedActions.Should().Equal(TicketRules.AllowedActions(ticket));
    }

    [Fact]
    public void A_conflict_on_a_suspended_ticket_names_its_underlying_status() =>
        ActionRequests.Take(Resolve, InState("suspended").Build(), Actors.Admin, TicketBuilder.Start)
            .ShouldConflict("action_not_allowed").CurrentStatus.Should().Be(TicketStatus.Signed);

    [Fact]
    public void A_pending_extension_may_be_decided() =>
        TicketRules.AllowedActions(InState("signed").ExtensionRequested(SlaDuration.WorkingDays(2)).Build())
            .Should().Contain(ExtensionDecision);

    [Fact]
    public void A_satisfied_callback_allows_closing_but_not_reopening() =>
        TicketRules.AllowedActions(InState("resolved").CalledBack("satisfied").Build())
            .Should().Equal(Callback, Close, Supervise);

    [Fact]
    public void An_unsatisfied_callback_allows_reopening_and_closing() =>
        TicketRules.AllowedActions(InState("resolved").CalledBack("unsatisfied").Build())
            .Should().Equal(Callback, Reopen, Close, Supervise);

    [Fact]
    public void A_merged_duplicate_is_not_reopened_even_when_its_caller_is_unsatisfied() =>
        TicketRules.AllowedActions(InState("merged").CalledBack("unsatisfied").Build())
            .Should().NotContain(Reopen);

    [Fact]
    public void A_ticket_that_was_never_registered_allows_nothing() =>
        TicketRules.AllowedActions(TicketState.Empty).Should().BeEmpty();
}
