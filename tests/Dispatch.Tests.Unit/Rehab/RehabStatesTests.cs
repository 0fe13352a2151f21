using Dispatch.Errors;
using Dispatch.Rehab;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;
using A = Dispatch.Rehab.RehabActions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>What each state of a visit allows, and that everything else is refused with a 409 that says why.</summary>
public sealed class RehabStatesTests
{
    private static readonly DateTimeOffset InWindow = VisitBuilder.WindowStart;

    internal static VisitBuilder InState(string state) => state switch
    {
        "requested" => VisitBuilder.Requested(),
        "accepted" => VisitBuilder.AcceptedRequest(),
        "scheduled" => VisitBuilder.AcceptedRequest().Scheduled().At(InWindow),
        "assigned" => VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(InWindow),
        "checked_in" => VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(InWindow).CheckedIn(),
        "completed" => VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(InWindow).CheckedIn().Completed(),
        "recorded" => VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(InWindow).CheckedIn().Completed("完成康复训练。"),
        "missed" => VisitBuilder.AcceptedRequest().Scheduled().Assigned().At(InWindow.AddHours(3)).Missed(),
        "cancelled" => VisitBuilder.AcceptedRequest().Scheduled().Cancelled(),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No such visit state in these tests."),
    };

    private static readonly string[] States = ["requested", "accepted", "scheduled", "assigned", "checked_in", "completed", "recorded", "missed", "cancelled"];

    public static TheoryData<string, string> ForbiddenMoves() => Moves(allowed: false);

    public static TheoryData<string, string> AllowedMoves() => Moves(allowed: true);

    private static TheoryData<string, string> Moves(bool allowed)
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        {
            var permitted = RehabRules.AllowedActions(InState(state).Build());
            foreach (var action in VisitRequests.All.Where(a => permitted.Contains(a) == allowed))
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    [Theory]
    [InlineData("requested", new[] { A.Accept, A.Cancel, A.Supervise })]
    [InlineData("accepted", new[] { A.Schedule, A.Cancel, A.Supervise })]
    [InlineData("scheduled", new[] { A.Assign, A.Reschedule, A.Miss, A.Cancel, A.Supervise })]
    [InlineData("assigned", new[] { A.CheckIn, A.Assign, A.Reschedule, A.Miss, A.Cancel, A.Supervise })]
    [InlineData("checked_in", new[] { A.Complete, A.Supervise })]
    [InlineData("completed", new[] { A.Record, A.Supervise })]
    [InlineData("recorded", new string[0])]
    [InlineData("missed", new[] { A.Reschedule, A.Cancel })]
    [InlineData("cancelled", new string[0])]
    public void Each_state_allows_exactly_its_own_actions(string state, string[] expected) =>
        RehabRules.AllowedActions(InState(state).Build()).Should().Equal(expected);

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void An_action_the_state_does_not_allow_is_a_conflict_naming_the_status_and_what_is_allowed(string state, string action)
    {
        var builder = InState(state);
        var visit = builder.Build();

        var error = VisitRequests.Take(action, visit, Actors.Admin, builder.Now).ShouldConflict("action_not_allowed");

        error.CurrentStatus.Should().Be(visit.Status);
        error.AllowedActions.Should().Equal(RehabRules.AllowedActions(visit));
        error.MessageZh.Should().Contain(RehabVocabulary.Item.StatusZh(visit.Status));
        error.MessageEn.Should().Contain(visit.Status);
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Every_action_the_state_allows_succeeds_for_the_administrator(string state, string action)
    {
        var builder = InState(state);

        var change = VisitRequests.Take(action, builder.Build(), Actors.Admin, builder.Now);

        change.Error.Should().BeNull();
        change.Events.Should().NotBeEmpty();
    }

    [Fact]
    public void A_visit_that_does_not_exist_is_not_found()
    {
        VisitRequests.Take(A.Schedule, RehabState.Empty, Actors.Admin, VisitBuilder.Start).ShouldBeRefused(DomainErrorKind.NotFound);
    }
}
