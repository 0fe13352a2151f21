using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.Items;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>The petition procedure of 《信访工作条例》 as the ticket rules carry it out (dates and counting: PetitionDeadlineTests).</summary>
public sealed class PetitionProcedureTests
{
    private static readonly Actor NanhuHead = Actors.CentreStaff with { UserId = "head-nanhu", UnitHead = true };
    private static readonly Actor XiuzhouHead = new("head-xiuzhou", Roles.UnitStaff, Units.XiuzhouCentre, null, UnitHead: true);
    private static readonly DateTimeOffset Later = Shanghai.At(2026, 3, 4, 10);
    private static readonly WrittenNoticeInput ByPost = new("mail", new DateOnly(2026, 3, 4), "EMS 1234");

    private static TicketBuilder Signed(string urgency = "normal") => TicketBuilder.Registered("petition", urgency).Dispatched().Signed();

    private static TicketBuilder Accepted() => Signed().Accepted();

    [Fact]
    public void A_petition_starts_its_acceptance_clock_at_registration_and_has_no_handling_clock_before_acceptance()
    {
        var dispatched = TicketBuilder.Registered("petition").Dispatched().Build();

        dispatched.Acceptance.Should().NotBeNull();
        dispatched.Acceptance!.StartedAt.Should().Be(TicketBuilder.Start);
        dispatched.Acceptance.Length.Should().Be(SlaDuration.CalendarDays(15));
        dispatched.Handling.Should().BeNull("the 60 days run from acceptance, not from dispatch");
        dispatched.SignFor.Should().BeNull("a petition that is not urgent has no first-contact clock");
    }

    [Fact]
    public void An_urgent_petition_adds_only_the_one_working_hour_first_contact_clock()
    {
        var dispatched = TicketBuilder.Registered("petition", "urgent").Dispatched().Build();

        dispatched.SignFor!.Length.Should().Be(SlaDuration.WorkingHours(1));
        dispatched.Acceptance!.Length.Should().Be(SlaDuration.CalendarDays(15));
    }

    [Fact]
    public void Returns_transfers_and_re_dispatch_never_restart_the_acceptance_clock()
    {
        var bounced = TicketBuilder.Registered("petition").Dispatched().At(Later).Returned().Dispatched(Units.XiuzhouCentre)
            .At(Later.AddDays(1)).Transferred(Units.NanhuCentre).Build();

        bounced.Acceptance!.StartedAt.Should().Be(TicketBuilder.Start);
        bounced.Acceptance.Running.Should().BeTrue();
        bounced.Handling.Should().BeNull();
    }

    [Fact]
    public void Accepting_stops_the_acceptance_clock_and_starts_60_days_from_acceptance()
    {
        var accepted = Signed().At(Later).Apply(s => TicketRules.DecideAcceptance(s, Actors.CentreStaff,
            new DecideAcceptance(true, null, null, ByPost), TicketClocks.At(Later))).Build();

        accepted.Acceptance!.StoppedAt.Should().Be(Later);
        accepted.Handling!.StartedAt.Should().Be(Later);
        accepted.Handling.Length.Should().Be(SlaDuration.CalendarDays(60));
        accepted.Petition!.Decision!.Notice.Should().Be(new WrittenNotice("mail", new DateOnly(2026, 3, 4), "EMS 1234"));
        TicketRules.AllowedActions(accepted).Should().Contain([TicketActions.Resolve, TicketActions.ExtensionRequest]).And.NotContain(TicketActions.Return);
    }

    [Fact]
    public void Not_accepting_answers_the_petition_with_the_reason_and_opens_no_review()
    {
        var refused = Signed().At(Later).Apply(s => TicketRules.DecideAcceptance(s, Actors.CentreStaff,
            new DecideAcceptance(false, "legal_channel", "请依法申请行政复议。", ByPost), TicketClocks.At(Later))).Build();

        refused.Status.Should().Be(TicketStatus.Resolved);
        refused.Reply.Should().Be("请依法申请行政复议。");
        refused.Handling.Should().BeNull();
        refused.Callback!.Running.Should().BeTrue();
        refused.Petition!.Decision!.ReasonCode.Should().Be("legal_channel");
        TicketRules.AllowedActions(refused).Should().NotContain(TicketActions.Review);
    }

    [Fact]
    public void The_decision_needs_a_choice_a_known_reason_the_notice_text_and_a_notice_sent_between_receipt_and_today()
    {
        TicketRules.DecideAcceptance(Signed().Build(), Actors.CentreStaff,
                new DecideAcceptance(false, "because", null, new WrittenNoticeInput("pigeon", null, null)), TicketClocks.At(Later))
            .ShouldReportFields(("reasonCode", "unknown_value"), ("note", "required"), ("notice.method", "unknown_value"));
        TicketRules.DecideAcceptance(Signed().Build(), Actors.CentreStaff,
                new DecideAcceptance(null, null, null, ByPost with { SentOn = new DateOnly(2026, 3, 5) }), TicketClocks.At(Later))
            .ShouldReportFields(("accepted", "required"), ("notice.sentOn", "out_of_range"));
        TicketRules.DecideAcceptance(Signed().Build(), Actors.CentreStaff, new DecideAcceptance(true, null, null, null), TicketClocks.At(Later))
            .ShouldReportFields(("notice", "required"));
    }

    [Fact]
    public void Only_the_handling_unit_decides_acceptance()
    {
        TicketRules.DecideAcceptance(Signed().Build(), Actors.Operator, new DecideAcceptance(true, null, null, ByPost), TicketClocks.At(Later))
            .ShouldBeRefused(DomainErrorKind.Forbidden);
        TicketRules.DecideAcceptance(Signed().Build(), Actors.LegalStaff, new DecideAcceptance(true, null, null, ByPost), TicketClocks.At(Later))
            .ShouldBeRefused(DomainErrorKind.NotFound);
    }

    [Fact]
    public void A_petition_is_not_answered_on_the_spot_suspended_or_reworked_and_not_resolved_before_acceptance()
    {
        TicketRules.AllowedActions(TicketBuilder.Registered("petition").Build()).Should().NotContain(TicketActions.Answer);
        TicketRules.AllowedActions(TicketBuilder.Registered("petition").Dispatched().Build()).Should().NotContain(TicketActions.Suspend);
        TicketRules.AllowedActions(Signed().Build()).Should().Equal(
            TicketActions.Acceptance, TicketActions.Return, TicketActions.Transfer, TicketActions.Merge, TicketActions.Supervise, TicketActions.Remind);
        var unsatisfied = Accepted().Answered().CalledBack("unsatisfied").Build();
        TicketRules.AllowedActions(unsatisfied).Should().NotContain(TicketActions.Reopen).And.Contain(TicketActions.Review);
    }

    [Fact]
    public void The_written_reply_records_how_it_was_sent()
    {
        var accepted = Accepted().Build();

        TicketRules.Resolve(accepted, Actors.CentreStaff, new ReplyToCaller("经核实，补贴已发放。"), TicketClocks.At(Later))
            .ShouldReportFields(("notice", "required"));
        TicketRules.Resolve(accepted, Actors.CentreStaff, new ReplyToCaller("经核实，补贴已发放。", ByPost, "upheld"), TicketClocks.At(Later))
            .ShouldReportFields(("outcome", "not_applicable"));
        TicketRules.Resolve(accepted, Actors.CentreStaff, new ReplyToCaller("经核实，补贴已发放。", ByPost), TicketClocks.At(Later))
            .ShouldRecord(new TicketResolved("经核实，补贴已发放。", new WrittenNotice("mail", new DateOnly(2026, 3, 4), "EMS 1234")));
    }

    [Fact]
    public void One_extension_asked_by_the_unit_and_approved_by_its_head_with_the_notice()
    {
        var asked = Accepted().At(Later).Apply(s => TicketRules.RequestExtension(s, Actors.CentreStaff,
            new RequestExtension(30, "calendar_days", "需调取多部门材料"), TicketBuilder.FirstExtension, TicketClocks.At(Later))).Build();

        TicketRules.DecideExtension(asked, Actors.NanhuSupervisor, new DecideExtension(null, true, null, ByPost), TicketClocks.At(Later))
            .ShouldBeRefused(DomainErrorKind.Forbidden).MessageEn.Should().Contain("head of the handling unit");
        TicketRules.DecideExtension(asked, XiuzhouHead, new DecideExtension(null, true, null, ByPost), TicketClocks.At(Later))
            .ShouldBeRefused(DomainErrorKind.NotFound);
        TicketRules.DecideExtension(asked, NanhuHead, new DecideExtension(null, true, null, null), TicketClocks.At(Later))
            .ShouldReportFields(("notice", "required"));
        var approved = new TicketBuilder(asked, Later).Apply(s =>
            TicketRules.DecideExtension(s, NanhuHead, new DecideExtension(null, true, null, ByPost), TicketClocks.At(Later))).Build();

        approved.Handling!.Extensions.Should().Equal(SlaDuration.CalendarDays(30));
        approved.Extensions.Single().Notice.Should().NotBeNull();
        TicketRules.AllowedActions(approved).Should().NotContain(TicketActions.ExtensionRequest);
        TicketRules.RequestExtension(approved, Actors.CentreStaff, new RequestExtension(5, "calendar_days", "再延期"),
                TicketBuilder.SecondExtension, TicketClocks.At(Later))
            .ShouldConflict("extension_once").MessageZh.Should().Contain("只能延长一次");
    }

    [Fact]
    public void A_refused_extension_still_counts_as_the_one_request()
    {
        var refused = Accepted().ExtensionRequested(SlaDuration.CalendarDays(10)).ExtensionDecided(approved: false).Build();

        TicketRules.RequestExtension(refused, Actors.CentreStaff, new RequestExtension(10, "calendar_days", "再次申请"),
                TicketBuilder.SecondExtension, TicketClocks.At(Later))
            .ShouldConflict("extension_once");
    }

    [Fact]
    public void An_extension_beyond_30_days_is_refused()
    {
        TicketRules.RequestExtension(Accepted().Build(), Actors.CentreStaff, new RequestExtension(31, "calendar_days", "材料复杂"),
                TicketBuilder.FirstExtension, TicketClocks.At(Later))
            .ShouldReportFields(("amount", "over_cap"));
    }

    [Fact]
    public void A_review_is_asked_by_an_operator_within_the_window_and_not_twice()
    {
        var answered = Accepted().Answered().Build();

        TicketRules.PlanReview(answered, Actors.CentreStaff, new RequestReview("不服答复，申请复查。", null, "visit"), TicketClocks.At(Later))
            .Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        var plan = TicketRules.PlanReview(answered, Actors.Operator, new RequestReview("不服答复，申请复查。", null, "visit"), TicketClocks.At(Later));
        plan.Value.Should().Be(new ReviewPlan(PetitionVocabulary.Review, new DateOnly(2026, 3, 2), "不服答复，申请复查。", "visit"));

        var requested = new TicketBuilder(answered, Later).Apply(_ => TicketRules.ReviewOpened(plan.Value!, Guid.NewGuid(), "JX12385-20260304-000002")).Build();
        TicketRules.AllowedActions(requested).Should().NotContain(TicketActions.Review);
        TicketRules.PlanReview(requested, Actors.Operator, new RequestReview("再次申请复查。", null, "visit"), TicketClocks.At(Later))
            .Error!.Code.Should().Be("action_not_allowed");
    }

    [Fact]
    public void A_review_asked_after_the_window_is_refused_unless_the_answer_arrived_later()
    {
        var answered = Accepted().Answered().Build();
        var tooLate = TicketClocks.At(Shanghai.At(2026, 4, 10, 10));

        TicketRules.PlanReview(answered, Actors.Operator, new RequestReview("申请复查。", null, "visit"), tooLate)
            .Error!.Code.Should().Be("review_window_passed");
        TicketRules.PlanReview(answered, Actors.Operator, new RequestReview("申请复查。", new DateOnly(2026, 3, 20), "visit"), tooLate)
            .Error.Should().BeNull("the 30 days run from the day the answer reached the petitioner");
    }

    [Fact]
    public void A_review_request_needs_content_a_channel_and_an_arrival_day_between_sending_and_today()
    {
        var answered = Accepted().Answered().Build();

        var error = TicketRules.PlanReview(answered, Actors.Operator, new RequestReview(" ", new DateOnly(2026, 3, 1), "pigeon"), TicketClocks.At(Later)).Error!;

        error.Fields.Select(f => (f.Field, f.Code)).Should().Equal(("content", "required"), ("channel", "unknown_value"), ("answerReceivedOn", "out_of_range"));
    }

    [Fact]
    public void A_review_runs_its_own_30_days_from_receipt_at_the_body_one_level_up_and_answers_with_an_outcome()
    {
        var review = TicketBuilder.RegisteredReview(PetitionVocabulary.Review).Signed().Build();

        review.Handling!.StartedAt.Should().Be(TicketBuilder.Start);
        review.Handling.Length.Should().Be(SlaDuration.CalendarDays(30));
        review.Acceptance.Should().BeNull("a review body answers the request; it takes no acceptance decision");
        review.UnitCode.Should().Be("330400-CENTRE");
        TicketRules.AllowedActions(review).Should().NotContain([TicketActions.Return, TicketActions.ExtensionRequest, TicketActions.Suspend]);
        TicketRules.Resolve(review, Actors.CentreStaff with { UnitCode = "330400-CENTRE" }, new ReplyToCaller("经复查，维持原答复。", ByPost), TicketClocks.At(Later))
            .ShouldReportFields(("outcome", "required"));
    }

    [Fact]
    public void After_the_re_review_the_matter_is_final_and_nothing_more_can_be_asked()
    {
        var reReview = TicketBuilder.RegisteredReview(PetitionVocabulary.ReReview, "330400-REVIEW").Signed().Answered("upheld").Build();

        reReview.Handling!.Length.Should().Be(SlaDuration.CalendarDays(30));
        reReview.Petition!.Outcome.Should().Be("upheld");
        TicketRules.AllowedActions(reReview).Should().NotContain(TicketActions.Review);
        TicketViews.From(reReview, TicketClocks.At(Later)).Petition!.Final.Should().BeTrue();
    }

    [Fact]
    public void A_review_answer_may_be_re_reviewed()
    {
        var review = TicketBuilder.RegisteredReview(PetitionVocabulary.Review).Signed().Answered("changed").Build();

        TicketRules.PlanReview(review, Actors.Operator, new RequestReview("不服复查意见，申请复核。", null, "letter"), TicketClocks.At(Later))
            .Value!.Stage.Should().Be(PetitionVocabulary.ReReview);
    }

    [Fact]
    public void A_closed_petition_can_still_be_reviewed_within_the_window()
    {
        var closed = Accepted().Answered().CalledBack().Closed().Build();

        TicketRules.AllowedActions(closed).Should().Equal(TicketActions.Review);
    }

    [Fact]
    public void The_review_of_one_item_and_stage_always_has_the_same_id()
    {
        var id = Guid.Parse("0b6c3f0e-5d1a-4c8e-9a57-000000000001");

        PetitionReviewIds.Of(id, "review").Should().Be(PetitionReviewIds.Of(id, "review"));
        PetitionReviewIds.Of(id, "review").Should().NotBe(PetitionReviewIds.Of(id, "re_review"));
        PetitionReviewIds.Of(id, "review").ToString()[14].Should().Be('8', "the id is an RFC 9562 version 8 UUID");
    }
}
