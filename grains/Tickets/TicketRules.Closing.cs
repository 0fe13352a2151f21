using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Sla;
using Dispatch.Items;

namespace Dispatch.Tickets;

public static partial class TicketRules
{
    /// <summary>
    /// 回访: reached with a satisfaction, or a failed attempt. Failed attempts are spaced by
    /// <see cref="TicketLimits.CallbackAttemptSpacing"/>; the last one the rule allows records the written notice (书面告知)
    /// sent to the caller instead, and the ticket may then be closed.
    /// </summary>
    public static Change<TicketEvent> RecordCallback(TicketState s, Actor actor, RecordCallback command, IClockReader clocks)
    {
        if (Gate(s, actor, TicketActions.Callback, () => TicketAccess.IsDispatcher(actor)) is { } refused)
        {
            return refused;
        }
        var lastAttempt = command.Reached == false && s.CallbackNoticeDue;
        var (notice, noticeError) = lastAttempt
            ? PetitionNotices.Read(command.Notice, "notice", s, clocks)
            : (null, command.Notice is null ? null
                : new FieldError("notice", "not_applicable", "只有最后一次未联系上时才登记书面告知。",
                    "A written notice is recorded only with the last failed attempt."));
        var errors = new List<FieldError?>
        {
            command.Reached is null ? new FieldError("reached", "required", "请说明是否联系上来电人。", "Say whether the caller was reached.") : null,
            command.Reached == true && (command.Satisfaction is null || !TicketVocabulary.Satisfactions.Contains(command.Satisfaction))
                ? new FieldError("satisfaction", "unknown_value", "满意度须为 satisfied（满意）、basically_satisfied（基本满意）或 unsatisfied（不满意）。",
                    "Satisfaction must be satisfied, basically_satisfied or unsatisfied.")
                : null,
            command.Reached == false && command.Satisfaction is not null
                ? new FieldError("satisfaction", "not_applicable", "未联系上来电人时不能记录满意度。", "No satisfaction can be recorded when the caller was not reached.")
                : null,
            TextRules.Check("note", command.Note, TextLimits.Note, false, "回访记录", "note"),
            command.Reached is null ? null : noticeError,
        };
        if (TextRules.Invalid([.. errors]) is { } invalid)
        {
            return invalid;
        }
        if (s.CallbackDone)
        {
            return Conflict(s, "callback_done", "该工单已完成回访。", "The callback was already recorded.");
        }
        if (command.Reached == false && s.CallbackNotice is not null)
        {
            return Conflict(s, "callback_attempts_used", "回访次数已用完，已书面告知来电人，可以归档。",
                "Every callback attempt was used and the caller was told in writing; the ticket may be closed.");
        }
        if (command.Reached == false && s.NextCallbackAt is { } next && clocks.Now < next)
        {
            var local = clocks.LocalTime(next);
            return Conflict(s, "callback_too_soon", $"两次回访须间隔{TicketLimits.CallbackAttemptSpacing.Amount}个工作小时，下次回访不早于 {local:yyyy-MM-dd HH:mm}。",
                $"Callback attempts are {TicketLimits.CallbackAttemptSpacing.Amount} working hours apart; the next may be made from {local:yyyy-MM-dd HH:mm} (Asia/Shanghai).");
        }
        var nextAttempt = command.Reached == false && !lastAttempt
            ? clocks.Evaluate(ClockRecord.Start(ClockNames.Callback, TicketLimits.CallbackAttemptSpacing, clocks.Now)).DueAt
            : (DateTimeOffset?)null;
        return Change<TicketEvent>.Of(new CallbackRecorded(command.Reached!.Value, command.Reached == true ? command.Satisfaction : null,
            TextRules.Trimmed(command.Note), nextAttempt, notice));
    }

    /// <summary>重办: the caller was not satisfied; back to the same unit, counted as rework.</summary>
    public static Change<TicketEvent> Reopen(TicketState s, Actor actor, TicketNote command)
    {
        if (Gate(s, actor, TicketActions.Reopen, () => TicketAccess.IsDispatcher(actor)) is { } refused)
        {
            return refused;
        }
        if (TextRules.Invalid(TextRules.Check("note", command.Note, TextLimits.Note, false, "重办说明", "note")) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketReopened(TextRules.Trimmed(command.Note)));
    }

    /// <summary>归档: after a callback, after an answer on the spot, or after repeated failed callback attempts.</summary>
    public static Change<TicketEvent> Close(TicketState s, Actor actor, TicketNote command)
    {
        if (Gate(s, actor, TicketActions.Close, () => TicketAccess.IsDispatcher(actor)) is { } refused)
        {
            return refused;
        }
        if (TextRules.Invalid(TextRules.Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketClosed(TextRules.Trimmed(command.Note)));
    }
}
