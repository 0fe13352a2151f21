using Dispatch.LegalAid;
using Dispatch.Stats;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.LegalAid;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Stats;

/// <summary>
/// The stage-clock history behind legal-aid breach risk: one 'current' cell per scope for each stage whose work was done,
/// by case type and clock, at the bucket of the hours its clock counted. Cases are received under rule version 1 (the
/// decision and the objection review count working days, the assignment and the agreement calendar days).
/// </summary>
public sealed class LegalAidHandlingHistoryTests
{
    private static readonly string[] CaseScopes = ["city", "county:330402", "unit:330402-LEGAL"];

    private static LegalAidStatsRow Row(CaseBuilder c) => LegalAidProjection.Row(c.Build(), c.Clocks);

    private static string Cell(string clock, long edge) => HandlingHistory.Measure("labour_dispute", clock, edge);

    private static List<string> History(CaseBuilder c) => [.. LegalAidHandlingHistory.Of(Row(c)).Select(m => m.Measure)];

    [Fact]
    public void A_decision_adds_one_history_cell_by_case_type_and_the_working_hours_its_clock_counted_in_each_scope()
    {
        // Accepted Monday 09:00, granted Tuesday 15:00: 7 working hours on Monday and 5 on Tuesday (08:30-12:00, 13:30-15:00).
        var accepted = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 3, 15));
        var granted = accepted.Granted();

        Row(granted).DecisionUsedHours.Should().Be(12);
        var changes = CounterDelta.Between(StatsContribution.Of(Row(accepted)), StatsContribution.Of(Row(granted)))
            .Where(c => c.Measure.StartsWith(HandlingHistory.Prefix, StringComparison.Ordinal)).ToList();
        changes.Should().BeEquivalentTo(CaseScopes.Select(scope =>
            new CounterChange("legal_aid_case", scope, StatsPeriod.Current, StatsPeriod.CurrentStart, Cell("decision", 12), 1)));
    }

    [Fact]
    public void An_open_decision_adds_no_history()
    {
        var accepted = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 3, 15));

        History(accepted).Should().BeEmpty();
    }

    [Fact]
    public void Time_spent_waiting_for_documents_is_left_out_of_the_decision_time()
    {
        // One working hour before the request (Monday 09:00-10:00), two after the documents came (Wednesday 10:00-12:00).
        var decided = CaseBuilder.Applied().Accepted()
            .At(Shanghai.At(2026, 3, 2, 10)).DocumentsRequested()
            .At(Shanghai.At(2026, 3, 4, 10)).DocumentsReceived()
            .At(Shanghai.At(2026, 3, 4, 12)).Refused();

        Row(decided).DecisionUsedHours.Should().Be(3);
        History(decided).Should().Equal(Cell("decision", 3));
    }

    [Fact]
    public void A_withdrawn_application_adds_no_decision_history()
    {
        var withdrawn = CaseBuilder.Applied().Accepted().DocumentsRequested().At(Shanghai.At(2026, 3, 9, 10)).Withdrawn();

        Row(withdrawn).DecisionUsedHours.Should().BeNull();
        History(withdrawn).Should().BeEmpty();
    }

    [Fact]
    public void The_assignment_counts_statutory_days_from_the_midnight_after_the_grant()
    {
        // Granted Friday 16:00; the days count from Saturday 00:00, so an assignment on Monday 10:00 took 58 hours.
        var assigned = CaseBuilder.Applied().Accepted().At(Shanghai.At(2026, 3, 6, 16)).Granted().At(Shanghai.At(2026, 3, 9, 10)).Assigned();

        Row(assigned).AssignmentUsedHours.Should().Be(58);
        History(assigned).Should().Contain(Cell("assignment", 58));
    }

    [Fact]
    public void Aid_terminated_before_an_assignment_adds_no_assignment_history()
    {
        var terminated = CaseBuilder.Applied().Accepted().Granted().At(Shanghai.At(2026, 3, 3, 10)).Terminated();

        Row(terminated).AssignmentUsedHours.Should().BeNull();
        History(terminated).Should().Equal(Cell("decision", 0));
    }

    [Fact]
    public void An_agreement_and_an_objection_review_each_add_their_own_clocks_history()
    {
        // Agreement: assigned Wednesday 11:00, signed Friday 15:00; the days count from Thursday 00:00: 39 hours.
        var signed = CaseBuilder.Applied().Accepted().Granted().At(Shanghai.At(2026, 3, 4, 11)).Assigned().At(Shanghai.At(2026, 3, 6, 15)).AgreementSigned();
        // Objection review: objected Tuesday 09:00, decided Wednesday 09:00: 7 working hours on Tuesday, 0.5 on Wednesday.
        var reviewed = CaseBuilder.Applied().Accepted().Refused().At(Shanghai.At(2026, 3, 3, 9)).Objected()
            .At(Shanghai.At(2026, 3, 4, 9)).ObjectionDecided(ObjectionRulings.UpholdRefusal);

        Row(signed).AgreementUsedHours.Should().Be(39);
        History(signed).Should().Contain(Cell("agreement", 39));
        Row(reviewed).ObjectionReviewUsedHours.Should().Be(7.5);
        History(reviewed).Should().Contain(Cell("objectionReview", 7));
    }

    [Fact]
    public void A_row_written_before_the_stage_hours_were_kept_adds_no_history()
    {
        var row = Row(CaseBuilder.Applied().Accepted().Granted().Assigned().AgreementSigned()) with
        {
            DecisionUsedHours = null, AssignmentUsedHours = null, AgreementUsedHours = null, ObjectionReviewUsedHours = null,
        };

        LegalAidHandlingHistory.Of(row).Should().BeEmpty();
        LegalAidTallies.Of(row).Should().NotContain(c => c.Measure.StartsWith(HandlingHistory.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void The_history_query_reads_case_cells_of_the_stations_their_counties_and_the_city()
    {
        var query = LegalAidHandlingHistory.Query(["330402-LEGAL", "330402-LEGAL"], ["330402"]);

        query.ItemType.Should().Be("legal_aid_case");
        query.Scopes.Should().Equal("city", "unit:330402-LEGAL", "county:330402");
        query.Breakdown.Should().Be(HandlingHistory.Prefix);
    }
}
