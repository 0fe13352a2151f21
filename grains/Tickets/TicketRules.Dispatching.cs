using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Routing;

namespace Dispatch.Tickets;

public static partial class TicketRules
{
    public static Change<TicketEvent> AnswerOnSpot(TicketState s, Actor actor, ReplyToCaller command)
    {
        if (Gate(s, actor, TicketActions.Answer, () => TicketAccess.IsDispatcher(actor)) is { } refused)
        {
            return refused;
        }
        if (TextRules.Invalid(TextRules.Check("reply", command.Reply, TextLimits.LongText, true, "答复内容", "reply")) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketAnsweredOnSpot(command.Reply!.Trim()));
    }

    /// <summary>派单. After two returns only a dispatcher's explicit ruling (审定) with a chosen unit sends it out again.</summary>
    public static Change<TicketEvent> Dispatch(TicketState s, Actor actor, DispatchTicket command, UnitTarget? target, bool automatic)
    {
        // The role check runs inside the gate, after it has found the ticket: a ticket that does not exist has no county.
        if (Gate(s, actor, TicketActions.Dispatch,
                () => TicketAccess.IsDispatcher(actor) || (s.AwaitingRuling && TicketAccess.IsSupervisorInScope(actor, s))) is { } refused)
        {
            return refused;
        }
        if (s.AwaitingRuling && automatic)
        {
            return DomainError.Validation(new FieldError("unitCode", "ruling_required",
                "该工单已被退回两次，须由派单员审定并指定承办单位。", "This ticket was returned twice; a dispatcher must rule and name the unit."));
        }
        if (TextRules.Invalid(TextRules.Check("note", command.Note, TextLimits.Note, false, "备注", "note"), UnitProblem("unitCode", target, command.UnitCode, automatic)) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketDispatched(target!.Code, automatic, s.AwaitingRuling, TextRules.Trimmed(command.Note), target.Why));
    }

    public static Change<TicketEvent> Sign(TicketState s, Actor actor)
    {
        if (Gate(s, actor, TicketActions.Sign, () => TicketAccess.IsHandlingUnit(actor, s)) is { } refused)
        {
            return refused;
        }
        return Change<TicketEvent>.Of(new TicketSigned());
    }

    /// <summary>退单. The second return also issues a supervision order: the dispatcher must rule.</summary>
    public static Change<TicketEvent> Return(TicketState s, Actor actor, ReturnTicket command, Guid orderId)
    {
        if (Gate(s, actor, TicketActions.Return, () => TicketAccess.IsHandlingUnit(actor, s)) is { } refused)
        {
            return refused;
        }
        var reason = command.ReasonCode is not null && TicketVocabulary.ReturnReasons.Contains(command.ReasonCode)
            ? null
            : new FieldError("reasonCode", "unknown_value", $"退单原因须为：{string.Join("、", TicketVocabulary.ReturnReasons)}。",
                $"The return reason must be one of: {string.Join(", ", TicketVocabulary.ReturnReasons)}.");
        if (TextRules.Invalid(reason, TextRules.Check("note", command.Note, TextLimits.Note, command.ReasonCode == "other", "退单说明", "note")) is { } invalid)
        {
            return invalid;
        }
        var returned = new TicketReturned(s.UnitCode!, command.ReasonCode!, TextRules.Trimmed(command.Note));
        return s.Returns.Count + 1 >= TicketLimits.ReturnsBeforeRuling
            ? Change<TicketEvent>.Of(returned, new SupervisionOrderIssued(orderId, SupervisionCauses.RepeatedReturns,
                $"工单已被退回 {s.Returns.Count + 1} 次，请派单员审定承办单位。"))
            : Change<TicketEvent>.Of(returned);
    }

    /// <summary>转派: the handling clock keeps running from the first dispatch.</summary>
    public static Change<TicketEvent> Transfer(TicketState s, Actor actor, TransferTicket command, UnitTarget? target)
    {
        if (Gate(s, actor, TicketActions.Transfer, () => TicketAccess.IsHandlingUnit(actor, s) || TicketAccess.IsDispatcher(actor)) is { } refused)
        {
            return refused;
        }
        var sameUnit = target is not null && target.Code == s.UnitCode
            ? new FieldError("unitCode", "same_unit", "不能转派给当前承办单位。", "The ticket is already with this unit.")
            : null;
        if (TextRules.Invalid(UnitProblem("unitCode", target, command.UnitCode, automatic: false), sameUnit,
                TextRules.Check("note", command.Note, TextLimits.Note, false, "备注", "note")) is { } invalid)
        {
            return invalid;
        }
        return Change<TicketEvent>.Of(new TicketTransferred(s.UnitCode!, target!.Code, TextRules.Trimmed(command.Note)));
    }

    /// <summary>Merge this ticket into an earlier one as a duplicate; each caller keeps their own callback.</summary>
    /// <param name="field">How the request named the target: intoTicketId, or intoNumber.</param>
    public static Change<TicketEvent> Merge(TicketState s, Actor actor, TicketView? into, string field = "intoTicketId")
    {
        if (Gate(s, actor, TicketActions.Merge, () => TicketAccess.IsDispatcher(actor)) is { } refused)
        {
            return refused;
        }
        if (into is null)
        {
            return DomainError.Validation(new FieldError(field, "not_found", "目标工单不存在。", "The target ticket does not exist."));
        }
        if (into.Id == s.Id || into.MergedInto is not null || into.Status == TicketStatus.Closed)
        {
            return DomainError.Validation(new FieldError(field, "invalid_target",
                "目标工单须为另一张未归档、未被合并的工单。", "The target must be another ticket that is neither closed nor merged."));
        }
        return Change<TicketEvent>.Of(new TicketMerged(into.Id, into.Number));
    }

    private static FieldError? UnitProblem(string field, UnitTarget? target, string? requested, bool automatic)
    {
        if (target is null)
        {
            return automatic
                ? new FieldError(field, "no_route", "没有适用的派单规则，请手动选择承办单位。", "No routing rule applies; choose the unit.")
                : new FieldError(field, string.IsNullOrWhiteSpace(requested) ? "required" : "unknown_unit",
                    $"承办单位 {requested} 不存在。", $"The unit {requested} does not exist.");
        }
        return target.Active ? null : new FieldError(field, "inactive_unit", $"承办单位 {target.Code} 已停用。", $"The unit {target.Code} is not active.");
    }
}
