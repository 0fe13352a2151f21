using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Sla;
using Dispatch.Items;

namespace Dispatch.Tickets;

public static partial class TicketRules
{
    /// <summary>挂起: needs a reason code; the sign-for and handling clocks pause until resumed.</summary>
    public static Change<TicketEvent> Suspend(TicketState s, Actor actor, SuspendTicket command)
    {
        if (Gate(s, actor, TicketActions.Suspend, () => TicketAccess.IsHandlingUnit(actor, s)) is { } refused)
        {
            return refused;
        }
        var reason = command.ReasonCode is not null && TicketVocabulary.SuspendReasons.Contains(command.ReasonCode)
            ? null
            : new FieldError("reasonCode", "unknown_value", $"挂起原因须为：{string.Join("、", TicketVocabulary.SuspendReasons)}。",
                $"The suspension reason must be one of: {string.Join(", ", TicketVocabulary.SuspendReasons)}.");
        if (TextRules.Invalid(reason, TextRules.Check("note", command.Note, TextLimits.Note, command.ReasonCode == "other", "挂起说明", "note")) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketSuspended(command.ReasonCode!, TextRules.Trimmed(command.Note)));
    }

    public static Change<TicketEvent> Resume(TicketState s, Actor actor, TicketNote command)
    {
        if (Gate(s, actor, TicketActions.Resume, () => TicketAccess.IsHandlingUnit(actor, s) || TicketAccess.IsDispatcher(actor)) is { } refused)
        {
            return refused;
        }
        if (TextRules.Invalid(TextRules.Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketResumed(TextRules.Trimmed(command.Note)));
    }

    /// <summary>延期申请: before the handling deadline, one pending at a time, never beyond the rule's cap in total.</summary>
    /// <summary>
    /// No rule grants more than a year of extra time in any unit; larger amounts are refused before they are measured
    /// (a billion working days would not fit in a TimeSpan).
    /// </summary>
    public const int MaxExtensionAmount = 3650;

    public static Change<TicketEvent> RequestExtension(TicketState s, Actor actor, RequestExtension command, Guid requestId, IClockReader clocks)
    {
        if (s.Petition is { IsPetitionStage: true } && !s.Extensions.IsEmpty && s.Status == TicketStatus.Signed && s.Suspension is null
            && TicketAccess.CanSee(actor, s))
        {
            return Conflict(s, "extension_once", "信访事项的办理期限只能延长一次，本事项已申请过延期。",
                "A petition's time limit may be extended only once; this petition already asked for its extension.");
        }
        if (Gate(s, actor, TicketActions.ExtensionRequest, () => TicketAccess.IsHandlingUnit(actor, s)) is { } refused)
        {
            return refused;
        }
        var errors = new List<FieldError?>
        {
            TextRules.Check("reason", command.Reason, TextLimits.Note, true, "延期理由", "reason"),
        };
        SlaDuration? amount = null;
        if (command.Amount is not (> 0 and <= MaxExtensionAmount))
        {
            errors.Add(new FieldError("amount", "invalid_value", $"延期时长须为 1 到 {MaxExtensionAmount} 之间的整数。",
                $"The extension amount must be a whole number from 1 to {MaxExtensionAmount}."));
        }
        else if (!SlaUnitNames.TryParse(command.Unit, out var unit))
        {
            errors.Add(new FieldError("unit", "unknown_value", "时长单位须为 working_days、working_hours、calendar_days 或 hours。",
                "The unit must be working_days, working_hours, calendar_days or hours."));
        }
        else if (unit.CountsWorkingTime() != s.Rules.Handling.CountsWorkingTime)
        {
            errors.Add(new FieldError("unit", "incompatible_unit",
                $"延期单位须与办理时限的计时方式一致（{s.Rules.Handling}）。", $"The extension must count time the way the handling limit does ({s.Rules.Handling})."));
        }
        else
        {
            amount = new SlaDuration(command.Amount.Value, unit);
        }
        if (TextRules.Invalid([.. errors]) is { } invalid)
        {
            return invalid;
        }
        if (HasPendingExtension(s))
        {
            return Conflict(s, "extension_pending", "已有待审批的延期申请。", "An extension request is already waiting for a decision.");
        }
        var handling = clocks.Evaluate(s.Handling!);
        if (handling.State is ClockState.Overdue or ClockState.Missed)
        {
            return Conflict(s, "deadline_passed", "办理期限已过，不能再申请延期。", "The handling deadline has passed; an extension must be asked before it.");
        }
        var granted = s.Extensions.Where(e => e.Approved == true).Sum(e => clocks.Measure(e.Amount).Ticks);
        var cap = clocks.Measure(s.Rules.ExtensionCap);
        if (granted + clocks.Measure(amount!).Ticks > cap.Ticks)
        {
            return DomainError.Validation(new FieldError("amount", "over_cap",
                $"延期总时长不能超过规则上限（{s.Rules.ExtensionCap}）。", $"Extensions may not exceed the rule's cap ({s.Rules.ExtensionCap}) in total."));
        }
        return Change<TicketEvent>.Of(new ExtensionRequested(requestId, amount!, command.Reason!.Trim()));
    }

    /// <summary>
    /// 延期审批 by a supervisor whose scope covers the ticket; a petition's by the head (负责人) of the handling unit, who
    /// also records how the petitioner was told of the extension and its reason.
    /// </summary>
    public static Change<TicketEvent> DecideExtension(TicketState s, Actor actor, DecideExtension command, IClockReader clocks)
    {
        var petition = s.Petition is not null;
        if (Gate(s, actor, TicketActions.ExtensionDecision,
                () => petition ? TicketAccess.IsHeadOfHandlingUnit(actor, s) : TicketAccess.IsSupervisorInScope(actor, s)) is { } refused)
        {
            return refused with
            {
                MessageZh = refused.Kind == DomainErrorKind.Forbidden && petition ? "信访事项的延期须由承办单位负责人审批。" : refused.MessageZh,
                MessageEn = refused.Kind == DomainErrorKind.Forbidden && petition ? "A petition's extension is approved by the head of the handling unit." : refused.MessageEn,
            };
        }
        var (notice, noticeError) = PetitionNotices.Read(command.Notice, "notice", s, clocks, required: petition && command.Approved == true);
        var pending = s.Extensions.FirstOrDefault(e => e.Approved is null);
        var errors = new List<FieldError?>
        {
            command.Approved is null ? new FieldError("approved", "required", "请选择批准或不批准。", "Say whether the extension is approved.") : null,
            command.RequestId is { } id && id != pending?.RequestId
                ? new FieldError("requestId", "unknown_request", "该延期申请不存在或已审批。", "That extension request does not exist or was already decided.")
                : null,
            TextRules.Check("note", command.Note, TextLimits.Note, command.Approved == false, "审批意见", "note"),
            noticeError,
        };
        if (TextRules.Invalid([.. errors]) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new ExtensionDecided(pending!.RequestId, command.Approved!.Value, TextRules.Trimmed(command.Note), notice));
    }

    /// <summary>办结; a petition's reply is the written reply (书面答复) and records how it was sent.</summary>
    public static Change<TicketEvent> Resolve(TicketState s, Actor actor, ReplyToCaller command, IClockReader clocks)
    {
        if (Gate(s, actor, TicketActions.Resolve, () => TicketAccess.IsHandlingUnit(actor, s)) is { } refused)
        {
            return refused;
        }
        var errors = PetitionAnswerErrors(s, command, clocks, out var notice);
        errors.Insert(0, TextRules.Check("reply", command.Reply, TextLimits.LongText, true, s.Petition is null ? "办理答复" : "书面答复", "reply"));
        if (TextRules.Invalid([.. errors]) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketResolved(command.Reply!.Trim(), notice, s.Petition is null ? null : command.Outcome));
    }
}
