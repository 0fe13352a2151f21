using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tests.Unit.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.LegalAid;

/// <summary>Each step of a legal-aid case: what it records and where it leaves the case and its clocks.</summary>
public sealed class LegalAidTransitionTests
{
    private static readonly Dispatch.Identity.Actor Station = Actors.LegalStaff;

    [Fact]
    public void An_opened_application_waits_for_acceptance_with_no_clock_running()
    {
        var opened = CaseBuilder.Applied().Build();

        opened.Status.Should().Be(LegalAidStatus.Applied);
        opened.Clocks.Should().BeEmpty();
        opened.StationCode.Should().Be(Tickets.Units.NanhuLegal);
    }

    [Fact]
    public void Accepting_puts_the_case_under_review_and_starts_the_decision_clock()
    {
        var applied = CaseBuilder.Applied();

        var accepted = applied.Applying(LegalAidRules.Accept(applied.Build(), Station, new CaseNote("材料齐全，予以受理"), applied.Clocks)).Build();

        accepted.Status.Should().Be(LegalAidStatus.UnderReview);
        accepted.AcceptedAt.Should().Be(CaseBuilder.Start);
        accepted.Decision.Should().Match<ClockRecord>(c => c.Running && c.StartedAt == CaseBuilder.Start && c.Length == SlaDuration.WorkingDays(7));
    }

    [Fact]
    public void Asking_for_documents_pauses_the_decision_clock_and_receiving_them_resumes_it()
    {
        var review = CaseBuilder.Applied().Accepted();

        var asked = review.Applying(LegalAidRules.RequestDocuments(review.Build(), Station, new RequestDocuments("劳动合同", null), review.Clocks));
        asked.Build().DocumentsPending.Should().BeTrue();
        asked.Build().Decision!.Paused.Should().BeTrue();

        var received = asked.Applying(LegalAidRules.ReceiveDocuments(asked.Build(), Station, new CaseNote(null), asked.Clocks)).Build();
        received.DocumentsPending.Should().BeFalse();
        received.Decision!.Paused.Should().BeFalse();
        received.DocumentRequests.Should().ContainSingle(d => d.Documents == "劳动合同" && d.ReceivedAt != null);
    }

    [Fact]
    public void Granting_stops_the_decision_clock_and_starts_the_assignment_clock()
    {
        var review = CaseBuilder.Applied().Accepted().Eligible();

        var granted = review.Applying(LegalAidRules.Grant(review.Build(), Station, new CaseNote(null), review.Clocks)).Build();

        granted.Status.Should().Be(LegalAidStatus.Granted);
        granted.Decision!.StoppedAt.Should().Be(CaseBuilder.Start);
        granted.Assignment.Should().Match<ClockRecord>(c => c.Running && c.Length == SlaDuration.CalendarDays(3));
    }

    [Fact]
    public void Refusing_needs_reasons()
    {
        var review = CaseBuilder.Applied().Accepted();

        LegalAidRules.Refuse(review.Build(), Station, new RefuseAid("  "), review.Clocks).ShouldReportFields(("reasons", "required"));
    }

    [Fact]
    public void Refusing_stops_the_decision_clock_even_while_documents_are_awaited_and_opens_the_objection_window()
    {
        var waiting = CaseBuilder.Applied().Accepted().DocumentsRequested();

        var refused = waiting.Applying(LegalAidRules.Refuse(waiting.Build(), Station, new RefuseAid("逾期未补充材料。"), waiting.Clocks)).Build();

        refused.Status.Should().Be(LegalAidStatus.Refused);
        refused.RefusalReasons.Should().Be("逾期未补充材料。");
        refused.Decision!.Running.Should().BeFalse();
        refused.Decision.Paused.Should().BeFalse();
        refused.ObjectionWindow.Should().Match<ClockRecord>(c => c.Running && c.Length == SlaDuration.WorkingDays(7));
        refused.Clocks.Should().NotContain(c => c.Running, "the objection window is the applicant's time, not a station deadline");
    }

    [Fact]
    public void An_objection_is_recorded_by_the_hotline_and_starts_the_review_clock()
    {
        var refused = CaseBuilder.Applied().Accepted().Refused();

        var objected = refused.Applying(LegalAidRules.RecordObjection(refused.Build(), Actors.Operator, new RecordObjection("收入低于标准"), refused.Clocks)).Build();

        objected.Objection!.Grounds.Should().Be("收入低于标准");
        objected.ObjectionReview.Should().Match<ClockRecord>(c => c.Running && c.Length == SlaDuration.WorkingDays(5));
        objected.ObjectionWindow!.Running.Should().BeFalse();
    }

    [Fact]
    public void An_objection_decided_for_the_applicant_grants_aid_and_starts_the_assignment_clock()
    {
        var objected = CaseBuilder.Applied().Accepted().Refused().Objected();

        var decided = objected.Applying(LegalAidRules.DecideObjection(objected.Build(), Actors.NanhuSupervisor,
            new DecideObjection("grant", null), objected.Clocks)).Build();

        decided.Status.Should().Be(LegalAidStatus.Granted);
        decided.Objection!.Decision.Should().Be("grant");
        decided.ObjectionReview!.Running.Should().BeFalse();
        decided.Assignment!.Running.Should().BeTrue();
    }

    [Fact]
    public void Upholding_a_refusal_needs_the_reasons_and_leaves_the_case_refused()
    {
        var objected = CaseBuilder.Applied().Accepted().Refused().Objected();

        LegalAidRules.DecideObjection(objected.Build(), Actors.NanhuSupervisor, new DecideObjection("uphold_refusal", null), objected.Clocks)
            .ShouldReportFields(("note", "required"));
        LegalAidRules.DecideObjection(objected.Build(), Actors.NanhuSupervisor, new DecideObjection("maybe", "x"), objected.Clocks)
            .ShouldReportFields(("decision", "unknown_value"));
        var upheld = objected.Applying(LegalAidRules.DecideObjection(objected.Build(), Actors.NanhuSupervisor,
            new DecideObjection("uphold_refusal", "经复核，不符合经济困难标准。"), objected.Clocks)).Build();
        upheld.Status.Should().Be(LegalAidStatus.Refused);
        upheld.ObjectionReview!.Running.Should().BeFalse();
    }

    [Fact]
    public void Assigning_a_handler_stops_the_assignment_clock_and_starts_the_agreement_clock()
    {
        var granted = CaseBuilder.Applied().Accepted().Granted();
        var member = RosterBuilder.Member("王律师");

        var assigned = granted.Applying(LegalAidRules.Assign(granted.Build(), Station, new AssignHandler(member.Id), granted.Clocks,
            RosterBuilder.OfferOf(member))).Build();

        assigned.Status.Should().Be(LegalAidStatus.Assigned);
        assigned.Handler.Should().Match<Handler>(h => h.Name == "王律师" && h.Kind == "lawyer" && h.Phone == "13900001111" && h.MemberId == member.Id);
        assigned.Assignment!.Running.Should().BeFalse();
        assigned.Agreement.Should().Match<ClockRecord>(c => c.Running && c.Length == SlaDuration.CalendarDays(5));
    }

    [Fact]
    public void A_handler_assigned_by_hand_before_the_roster_still_folds()
    {
        var assigned = CaseBuilder.Applied().Accepted().Granted().Assigned("钱律师").Build();

        assigned.Status.Should().Be(LegalAidStatus.Assigned);
        assigned.Handler.Should().Match<Handler>(h => h.Name == "钱律师" && h.MemberId == null);
    }

    [Fact]
    public void A_new_handler_does_not_restart_the_agreement_clock()
    {
        var assigned = CaseBuilder.Applied().Accepted().Granted().Assigned();
        var later = assigned.At(CaseBuilder.Start.AddDays(2));
        var member = RosterBuilder.Member("赵法律工作者", kind: "legal_worker");

        var reassigned = later.Applying(LegalAidRules.Assign(later.Build(), Station, new AssignHandler(member.Id), later.Clocks,
            RosterBuilder.OfferOf(member))).Build();

        reassigned.Handler!.Name.Should().Be("赵法律工作者");
        reassigned.Agreement!.StartedAt.Should().Be(CaseBuilder.Start);
    }

    [Fact]
    public void Recording_the_agreement_puts_the_case_in_progress_and_meets_the_agreement_clock()
    {
        var assigned = CaseBuilder.Applied().Accepted().Granted().Assigned();

        var signed = assigned.Applying(LegalAidRules.RecordAgreement(assigned.Build(), Station,
            new RecordAgreement(new DateOnly(2026, 3, 2), null), assigned.Clocks, new DateOnly(2026, 3, 2))).Build();

        signed.Status.Should().Be(LegalAidStatus.InProgress);
        signed.AgreementSignedOn.Should().Be(new DateOnly(2026, 3, 2));
        assigned.Clocks.Evaluate(signed.Agreement!).State.Should().Be(ClockState.Met);
    }

    [Fact]
    public void An_agreement_cannot_be_dated_in_the_future()
    {
        var assigned = CaseBuilder.Applied().Accepted().Granted().Assigned();

        LegalAidRules.RecordAgreement(assigned.Build(), Station, new RecordAgreement(new DateOnly(2026, 3, 3), null), assigned.Clocks, new DateOnly(2026, 3, 2))
            .ShouldReportFields(("signedOn", "in_future"));
    }

    [Fact]
    public void Progress_is_recorded_with_its_author_and_keeps_the_case_in_progress()
    {
        var working = CaseBuilder.Applied().Accepted().Granted().Assigned().AgreementSigned();

        var progressed = working.Applying(LegalAidRules.RecordProgress(working.Build(), Station, new CaseNote("已提交劳动仲裁申请。"), working.Clocks)).Build();

        progressed.Status.Should().Be(LegalAidStatus.InProgress);
        progressed.Progress.Should().ContainSingle(p => p.Note == "已提交劳动仲裁申请。" && p.By == Station.UserId);
    }

    [Fact]
    public void Concluding_needs_a_known_outcome_and_a_summary()
    {
        var working = CaseBuilder.Applied().Accepted().Granted().Assigned().AgreementSigned();

        LegalAidRules.Conclude(working.Build(), Station, new ConcludeCase("victory", null), working.Clocks)
            .ShouldReportFields(("outcome", "unknown_value"), ("summary", "required"));
        var concluded = working.Applying(LegalAidRules.Conclude(working.Build(), Station, new ConcludeCase("won", "胜诉。"), working.Clocks)).Build();
        concluded.Status.Should().Be(LegalAidStatus.Concluded);
        concluded.Outcome.Should().Be("won");
    }

    [Fact]
    public void Archiving_a_concluded_case_ends_its_life_cycle()
    {
        var concluded = CaseBuilder.Applied().Accepted().Granted().Assigned().AgreementSigned().Concluded();

        var archived = concluded.Applying(LegalAidRules.Archive(concluded.Build(), Station, new CaseNote(null), concluded.Clocks)).Build();

        archived.Status.Should().Be(LegalAidStatus.Archived);
        LegalAidRules.AllowedActions(archived, concluded.Clocks).Should().BeEmpty();
    }

    [Fact]
    public void A_manual_supervision_order_needs_a_note_and_is_recorded()
    {
        var review = CaseBuilder.Applied().Accepted();
        var orderId = Guid.NewGuid();

        LegalAidRules.Supervise(review.Build(), Actors.CitySupervisor, new CaseNote(null), review.Clocks, orderId).ShouldReportFields(("note", "required"));
        LegalAidRules.Supervise(review.Build(), Actors.CitySupervisor, new CaseNote("请按时作出决定"), review.Clocks, orderId)
            .ShouldRecord(new CaseSupervisionOrdered(orderId, "manual", "请按时作出决定", review.Clocks.Supervision.ReplyAt(SupervisionLevels.Unit)));
    }
}
