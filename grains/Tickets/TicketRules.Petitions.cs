using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Routing;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>The steps of the petition procedure of 《信访工作条例》 that other tickets do not have.</summary>
public static partial class TicketRules
{
    /// <summary>
    /// 受理 / 不予受理 by the handling unit, with the written notice to the petitioner. Acceptance stops the acceptance
    /// clock and starts the reply clock; not accepting answers the petition with the notice's text and reason.
    /// </summary>
    public static Change<TicketEvent> DecideAcceptance(TicketState s, Actor actor, DecideAcceptance command, IClockReader clocks)
    {
        if (Gate(s, actor, TicketActions.Acceptance, () => TicketAccess.IsHandlingUnit(actor, s)) is { } refused)
        {
            return refused;
        }
        var (notice, noticeError) = PetitionNotices.Read(command.Notice, "notice", s, clocks);
        var errors = new List<FieldError?>
        {
            command.Accepted is null
                ? new FieldError("accepted", "required", "请选择受理或不予受理。", "Say whether the petition is accepted.")
                : null,
            command.Accepted == false
                ? TextRules.Choice("reasonCode", command.ReasonCode, PetitionVocabulary.NotAcceptedReasons, "不予受理理由", "reason for not accepting")
                : null,
            command.Accepted == true && command.ReasonCode is not null
                ? new FieldError("reasonCode", "not_applicable", "受理时不填写不予受理理由。", "A reason for not accepting does not apply to an acceptance.")
                : null,
            TextRules.Check("note", command.Note, TextLimits.LongText, command.Accepted == false, "告知书内容", "text of the notice"),
            noticeError,
        };
        if (TextRules.Invalid([.. errors]) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new AcceptanceDecided(command.Accepted!.Value, command.Accepted == false ? command.ReasonCode : null,
            TextRules.Trimmed(command.Note), notice!, s.UnitCode!));
    }

    /// <summary>
    /// The written answer: a petition's reply (书面答复) or a review's opinion, with how it was sent; a review also says
    /// whether it upholds or changes the answer it reviewed.
    /// </summary>
    private static List<FieldError?> PetitionAnswerErrors(TicketState s, ReplyToCaller command, IClockReader clocks, out WrittenNotice? notice)
    {
        var read = PetitionNotices.Read(command.Notice, "notice", s, clocks, required: s.Petition is not null);
        notice = read.Notice;
        var stage = s.Petition?.Stage;
        return
        [
            read.Error,
            stage is PetitionVocabulary.Review or PetitionVocabulary.ReReview
                ? TextRules.Choice("outcome", command.Outcome, PetitionVocabulary.Outcomes, "复查（复核）结论", "outcome of the review")
                : command.Outcome is null ? null
                : new FieldError("outcome", "not_applicable", "只有复查、复核意见需要填写结论。", "Only a review or re-review has an outcome."),
        ];
    }

    /// <summary>
    /// 复查 / 复核 申请, taken by an operator for the petitioner: the answer must be one that may be reviewed, asked within
    /// the petitioner's window from the day the answer arrived (by default the day it was sent).
    /// </summary>
    public static Outcome<ReviewPlan> PlanReview(TicketState s, Actor actor, RequestReview command, IClockReader clocks)
    {
        if (Gate(s, actor, TicketActions.Review, () => TicketAccess.IsDispatcher(actor)) is { } refused)
        {
            return refused;
        }
        var petition = s.Petition!;
        var sentOn = petition.AnswerNotice?.SentOn ?? clocks.LocalDate(s.ResolvedAt!.Value);
        var receivedOn = command.AnswerReceivedOn ?? sentOn;
        var errors = new List<FieldError?>
        {
            TextRules.Check("content", command.Content, TextLimits.LongText, true, "复查（复核）请求", "request"),
            TextRules.Choice("channel", command.Channel, TicketVocabulary.Channels, "来访渠道", "channel"),
            receivedOn < sentOn || receivedOn > clocks.LocalDate(clocks.Now)
                ? new FieldError("answerReceivedOn", "out_of_range", $"收到答复的日期须在 {sentOn:yyyy-MM-dd}（寄出日）与今天之间。",
                    $"The day the answer arrived must lie between {sentOn:yyyy-MM-dd} (the day it was sent) and today.")
                : null,
        };
        if (TextRules.Invalid([.. errors]) is { } invalid)
        {
            return invalid;
        }
        var stage = PetitionVocabulary.NextStage(petition.Stage)!;
        var limits = s.Rules.Petition!;
        var windowEnds = clocks.PeriodEnd(receivedOn, stage == PetitionVocabulary.Review ? limits.ReviewRequest : limits.ReReviewRequest);
        if (clocks.Now > windowEnds)
        {
            return Conflict(s, "review_window_passed",
                $"申请{StageZh(stage)}的期限已于 {windowEnds.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 届满。",
                $"The time to ask for {StageEn(stage)} ended at {windowEnds:O}.");
        }
        return Outcome<ReviewPlan>.Success(new ReviewPlan(stage, receivedOn, command.Content!.Trim(), command.Channel!));
    }

    /// <summary>Records on the reviewed item that its review was opened.</summary>
    public static Change<TicketEvent> ReviewOpened(ReviewPlan plan, Guid reviewId, string reviewNumber) =>
        Change<TicketEvent>.Of(new ReviewRequested(reviewId, reviewNumber, plan.Stage, plan.AnswerReceivedOn));

    /// <summary>The review ticket: registered as a petition at its stage and sent at once to the body that must answer it.</summary>
    public static Change<TicketEvent> OpenReview(
        ValidIntake valid, string personId, string number, SlaRuleSet rules, string fingerprint, PetitionReviewOf reviewOf, UnitTarget? body)
    {
        if (body is null || !body.Active)
        {
            return DomainError.Validation(new FieldError("unitCode", "no_review_body",
                $"没有可受理{StageZh(reviewOf.Stage)}的上一级单位（{reviewOf.UnitCode}）。", $"No active body one level up ({reviewOf.UnitCode}) can take the {StageEn(reviewOf.Stage)}."));
        }
        var registered = Register(valid, personId, 0, number, rules, fingerprint);
        var opened = (TicketRegistered)registered.Events[0] with
        {
            Petition = new PetitionOpening(reviewOf.Stage, reviewOf.ReviewOfId, reviewOf.ReviewOfNumber, null),
        };
        return Change<TicketEvent>.Of(opened, new TicketDispatched(body.Code, Automatic: true, Ruling: false,
            $"{StageZh(reviewOf.Stage)}：原事项 {reviewOf.ReviewOfNumber}"));
    }

    public static string StageZh(string stage) => stage switch
    {
        PetitionVocabulary.Review => "复查",
        PetitionVocabulary.ReReview => "复核",
        _ => "信访事项",
    };

    private static string StageEn(string stage) => stage switch
    {
        PetitionVocabulary.Review => "review",
        PetitionVocabulary.ReReview => "re-review",
        _ => "petition",
    };
}

/// <summary>A review the petitioner asked for: its stage, when the answer arrived, the request and how it came.</summary>
public sealed record ReviewPlan(string Stage, DateOnly AnswerReceivedOn, string Content, string Channel);
