using Dispatch.LegalAid;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;
using A = Dispatch.LegalAid.LegalAidActions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>What each state of a legal-aid case allows, and that everything else is refused with a 409 that says why.</summary>
public sealed class LegalAidStatesTests
{
    /// <summary>Three weeks after the refusal: the 7-working-day objection window is over.</summary>
    private static readonly DateTimeOffset WindowOver = CaseBuilder.Start.AddDays(21);

    internal static CaseBuilder InState(string state) => state switch
    {
        "applied" => CaseBuilder.Applied(),
        // Under review with the eligibility checklist complete, so that granting is among what succeeds.
        "under_review" => CaseBuilder.Applied().Accepted().Eligible(),
        // The documents were due by Friday 6 March and it is Monday 9 March: a withdrawal is possible.
        "documents_pending" => CaseBuilder.Applied().Accepted().DocumentsRequested(new DateOnly(2026, 3, 6)).At(Shanghai.At(2026, 3, 9, 9)),
        "granted" => CaseBuilder.Applied().Accepted().Granted(),
        "refused" => CaseBuilder.Applied().Accepted().Refused(),
        "refused_window_over" => CaseBuilder.Applied().Accepted().Refused().At(WindowOver),
        "objection_pending" => CaseBuilder.Applied().Accepted().Refused().Objected(),
        "refusal_upheld" => CaseBuilder.Applied().Accepted().Refused().Objected().ObjectionDecided(ObjectionRulings.UpholdRefusal),
        "assigned" => CaseBuilder.Applied().Accepted().Granted().Assigned(),
        "in_progress" => CaseBuilder.Applied().Accepted().Granted().Assigned().AgreementSigned(),
        "concluded" => CaseBuilder.Applied().Accepted().Granted().Assigned().AgreementSigned().Concluded(),
        "archived" => CaseBuilder.Applied().Accepted().Granted().Assigned().AgreementSigned().Concluded().Archived(),
        "withdrawn" => CaseBuilder.Applied().Accepted().DocumentsRequested(new DateOnly(2026, 3, 6)).Withdrawn(),
        "terminated" => CaseBuilder.Applied().Accepted().Granted().Assigned().Terminated(),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No such case state in these tests."),
    };

    private static readonly string[] States =
    [
        "applied", "under_review", "documents_pending", "granted", "refused", "refused_window_over", "objection_pending",
        "refusal_upheld", "assigned", "in_progress", "concluded", "archived", "withdrawn", "terminated",
    ];

    public static TheoryData<string, string> ForbiddenMoves()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        {
            var builder = InState(state);
            foreach (var action in CaseRequests.All.Except(LegalAidRules.AllowedActions(builder.Build(), builder.Clocks)))
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    [Theory]
    [InlineData("applied", new[] { A.Accept, A.Transfer, A.Supervise })]
    [InlineData("under_review", new[] { A.RequestDocuments, A.RecordEligibility, A.Grant, A.Refuse, A.Transfer, A.Supervise })]
    [InlineData("documents_pending", new[] { A.ReceiveDocuments, A.Withdraw, A.RecordEligibility, A.Refuse, A.Transfer, A.Supervise })]
    [InlineData("granted", new[] { A.Assign, A.Terminate, A.Supervise })]
    [InlineData("refused", new[] { A.Object })]
    [InlineData("refused_window_over", new[] { A.Archive })]
    [InlineData("objection_pending", new[] { A.DecideObjection, A.Supervise })]
    [InlineData("refusal_upheld", new[] { A.Archive })]
    [InlineData("assigned", new[] { A.Assign, A.RecordAgreement, A.Terminate, A.Supervise })]
    [InlineData("in_progress", new[] { A.RecordProgress, A.Conclude, A.Terminate, A.Supervise })]
    [InlineData("concluded", new[] { A.Archive })]
    [InlineData("archived", new string[0])]
    [InlineData("withdrawn", new[] { A.Archive })]
    [InlineData("terminated", new[] { A.Archive })]
    public void Each_state_allows_exactly_its_own_actions(string state, string[] expected)
    {
        var builder = InState(state);
        LegalAidRules.AllowedActions(builder.Build(), builder.Clocks).Should().Equal(expected);
    }

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void An_action_the_state_does_not_allow_is_a_conflict_naming_the_status_and_what_is_allowed(string state, string action)
    {
        // The administrator passes every role and scope check, so only the state can refuse.
        var builder = InState(state);
        var @case = builder.Build();

        var change = CaseRequests.Take(action, @case, Actors.Admin, builder.Now);

        var error = change.ShouldBeRefused(Dispatch.Errors.DomainErrorKind.Conflict);
        error.Code.Should().BeOneOf("action_not_allowed", "objection_window_closed");
        error.CurrentStatus.Should().Be(@case.Status);
        error.AllowedActions.Should().Equal(LegalAidRules.AllowedActions(@case, builder.Clocks));
        error.MessageZh.Should().Contain(LegalAidVocabulary.Item.StatusZh(@case.Status));
        error.MessageEn.Should().Contain(@case.Status);
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Every_action_the_state_allows_succeeds_for_the_administrator(string state, string action)
    {
        var builder = InState(state);

        var change = CaseRequests.Take(action, builder.Build(), Actors.Admin, builder.Now);

        change.Error.Should().BeNull();
        change.Events.Should().NotBeEmpty();
    }

    public static TheoryData<string, string> AllowedMoves()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        {
            var builder = InState(state);
            foreach (var action in LegalAidRules.AllowedActions(builder.Build(), builder.Clocks))
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    [Fact]
    public void A_case_that_does_not_exist_is_not_found_for_any_action()
    {
        CaseRequests.Take(A.Accept, LegalAidState.Empty, Actors.Admin, CaseBuilder.Start)
            .ShouldBeRefused(Dispatch.Errors.DomainErrorKind.NotFound);
    }

    [Fact]
    public void An_objection_after_the_window_closed_is_refused_saying_so()
    {
        var closed = InState("refused").At(Shanghai.At(2026, 3, 11, 9, 1));

        var error = CaseRequests.Take(A.Object, closed.Build(), Actors.Operator, closed.Now).ShouldConflict("objection_window_closed");

        error.MessageEn.Should().Contain("objection window");
        error.AllowedActions.Should().Equal(A.Archive);
    }
}
