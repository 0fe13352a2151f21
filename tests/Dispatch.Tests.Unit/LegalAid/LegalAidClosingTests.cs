using Dispatch.LegalAid;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>Withdrawal when documents never came (Art. 43), transfer to the competent station (Art. 38), termination (Art. 48).</summary>
public sealed class LegalAidClosingTests
{
    private static readonly Dispatch.Identity.Actor Station = Actors.LegalStaff;
    private static readonly DateOnly DueFriday = new(2026, 3, 6);

    private static CaseBuilder DocumentsAsked(DateOnly? respondBy = null) =>
        CaseBuilder.Applied().Accepted().DocumentsRequested(respondBy ?? DueFriday);

    [Fact]
    public void Asking_for_documents_records_the_day_they_are_due_and_refuses_a_day_already_past()
    {
        var review = CaseBuilder.Applied().Accepted();

        var asked = review.Applying(LegalAidRules.RequestDocuments(review.Build(), Station, new RequestDocuments("工资流水", null, DueFriday), review.Clocks));

        asked.Build().DocumentRequests[^1].RespondBy.Should().Be(DueFriday);
        LegalAidRules.RequestDocuments(review.Build(), Station, new RequestDocuments("工资流水", null, new DateOnly(2026, 3, 1)), review.Clocks)
            .ShouldReportFields(("respondBy", "in_past"));
    }

    [Fact]
    public void On_the_due_day_itself_the_application_cannot_be_deemed_withdrawn()
    {
        var dueDay = DocumentsAsked().At(Shanghai.At(2026, 3, 6, 17));

        LegalAidRules.Withdraw(dueDay.Build(), Station, new CaseNote(null), dueDay.Clocks).ShouldConflict("documents_not_overdue")
            .MessageZh.Should().Contain("2026-03-06");
    }

    [Fact]
    public void After_the_due_day_the_application_is_deemed_withdrawn_and_the_decision_clock_stops()
    {
        var overdue = DocumentsAsked().At(Shanghai.At(2026, 3, 9, 9));

        var withdrawn = overdue.Applying(LegalAidRules.Withdraw(overdue.Build(), Station, new CaseNote("申请人未在期限内补充材料。"), overdue.Clocks)).Build();

        withdrawn.Status.Should().Be(LegalAidStatus.Withdrawn);
        withdrawn.WithdrawnAt.Should().Be(Shanghai.At(2026, 3, 9, 9));
        withdrawn.Decision!.StoppedAt.Should().Be(Shanghai.At(2026, 3, 9, 9));
        withdrawn.Clocks.Should().OnlyContain(c => !c.Running);
    }

    [Fact]
    public void A_request_without_a_day_never_leads_to_withdrawal()
    {
        var asked = CaseBuilder.Applied().Accepted().With(new DocumentsRequested("工资流水", null)).At(Shanghai.At(2026, 4, 1, 9));

        LegalAidRules.Withdraw(asked.Build(), Station, new CaseNote(null), asked.Clocks).ShouldConflict("no_document_deadline");
    }

    [Fact]
    public void A_transfer_moves_the_case_to_the_competent_station_keeps_its_clocks_and_clears_the_checklist()
    {
        var review = CaseBuilder.Applied().Accepted().Eligible();
        var decision = review.Build().Decision;

        var moved = review.Applying(LegalAidRules.Transfer(review.Build(), Station,
            new TransferCase(CaseRequests.XiuzhouStation.Code, "争议处理机关在秀洲区。"), review.Clocks, CaseRequests.XiuzhouStation)).Build();

        moved.StationCode.Should().Be("330411-LEGAL");
        moved.Transfers.Should().ContainSingle(t => t.FromStation == CaseBuilder.Station && t.ToStation == "330411-LEGAL");
        moved.Decision.Should().Be(decision);
        moved.Eligibility.Should().BeNull("the competent station records its own checklist");
        LegalAidAccess.CanSee(Station, moved).Should().BeFalse("the first station no longer holds the case");
    }

    [Fact]
    public void A_transfer_needs_another_active_legal_aid_station_and_a_reason()
    {
        var review = CaseBuilder.Applied().Accepted();
        var centre = new Dispatch.Units.UnitInfo("330402-CENTRE", Dispatch.Units.UnitKinds.Centre, "330402", true);
        var own = new Dispatch.Units.UnitInfo(CaseBuilder.Station, Dispatch.Units.UnitKinds.LegalAid, "330402", true);

        LegalAidRules.Transfer(review.Build(), Station, new TransferCase(centre.Code, null), review.Clocks, centre)
            .ShouldReportFields(("stationCode", "not_a_station"), ("reason", "required"));
        LegalAidRules.Transfer(review.Build(), Station, new TransferCase(own.Code, "重复"), review.Clocks, own)
            .ShouldReportFields(("stationCode", "same_station"));
        LegalAidRules.Transfer(review.Build(), Station, new TransferCase(null, "重复"), review.Clocks, null)
            .ShouldReportFields(("stationCode", "required"));
    }

    [Fact]
    public void Termination_after_assignment_records_the_article_48_reason_and_stops_the_agreement_clock()
    {
        var assigned = CaseBuilder.Applied().Accepted().Granted().Assigned();

        var ended = assigned.Applying(LegalAidRules.Terminate(assigned.Build(), Station, new TerminateAid("own_lawyer_engaged", "受援人已自行委托律师。"),
            assigned.Clocks)).Build();

        ended.Status.Should().Be(LegalAidStatus.Terminated);
        ended.TerminationReason.Should().Be("own_lawyer_engaged");
        ended.Agreement!.Running.Should().BeFalse();
        LegalAidRules.AllowedActions(ended, assigned.Clocks).Should().Equal(LegalAidActions.Archive);
    }

    [Fact]
    public void Termination_needs_a_reason_of_article_48_and_a_note_for_other_grounds()
    {
        var granted = CaseBuilder.Applied().Accepted().Granted();

        LegalAidRules.Terminate(granted.Build(), Station, new TerminateAid("changed_mind", null), granted.Clocks).ShouldReportFields(("reason", "unknown_value"));
        LegalAidRules.Terminate(granted.Build(), Station, new TerminateAid("other_by_law", " "), granted.Clocks).ShouldReportFields(("note", "required"));
        LegalAidVocabulary.TerminationReasons.Should().HaveCount(8, "Art. 48 lists eight grounds");
    }

    [Fact]
    public void Before_the_grant_aid_cannot_be_terminated_and_after_the_decision_the_case_cannot_be_transferred()
    {
        var review = CaseBuilder.Applied().Accepted();
        var granted = CaseBuilder.Applied().Accepted().Granted();

        LegalAidRules.Terminate(review.Build(), Station, new TerminateAid("client_request", null), review.Clocks).ShouldConflict("action_not_allowed");
        LegalAidRules.Transfer(granted.Build(), Station, new TransferCase(CaseRequests.XiuzhouStation.Code, "x"), granted.Clocks, CaseRequests.XiuzhouStation)
            .ShouldConflict("action_not_allowed");
    }
}
