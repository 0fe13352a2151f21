using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Tickets;

/// <summary>The outcome of asking the life cycle for a change: the events to record, or why not.</summary>
public sealed record Decision(IReadOnlyList<TicketEvent> Events, DomainError? Error)
{
    public static Decision Of(params TicketEvent[] events) => new(events, null);

    public static implicit operator Decision(DomainError error) => new([], error);
}

/// <summary>
/// The ticket life cycle: registered -> (answered on the spot | dispatched -> signed) -> resolved -> callback -> closed,
/// with returns, transfers, suspensions, extensions, reopening, merging and supervision. Pure: no I/O, no clock.
/// </summary>
public static partial class TicketLifecycle
{
    public const int MaxNoteLength = 1000;
    public const int MaxReplyLength = 4000;

    /// <summary>What the ticket's state allows now, whoever asks.</summary>
    public static ImmutableArray<string> AllowedActions(TicketState s)
    {
        if (!s.Exists || s.Status == TicketStatus.Closed)
        {
            return [];
        }
        if (s.Suspension is not null)
        {
            return [TicketActions.Resume, TicketActions.Merge, TicketActions.Supervise];
        }
        var returnable = !s.DispatchedByRuling;
        return s.Status switch
        {
            TicketStatus.Registered => [TicketActions.Answer, TicketActions.Dispatch, TicketActions.Merge, TicketActions.Supervise],
            TicketStatus.Dispatched => [TicketActions.Sign, .. When(returnable, TicketActions.Return), TicketActions.Transfer,
                TicketActions.Suspend, TicketActions.Merge, TicketActions.Supervise],
            TicketStatus.Signed => [.. When(returnable, TicketActions.Return), TicketActions.Transfer, TicketActions.Suspend,
                TicketActions.ExtensionRequest, .. When(HasPendingExtension(s), TicketActions.ExtensionDecision),
                TicketActions.Resolve, TicketActions.Merge, TicketActions.Supervise],
            TicketStatus.Resolved => [TicketActions.Callback, .. When(s.Satisfaction == "unsatisfied" && s.MergedInto is null, TicketActions.Reopen),
                .. When(MayClose(s), TicketActions.Close), TicketActions.Supervise],
            _ => [],
        };
    }

    public static bool HasPendingExtension(TicketState s) => s.Extensions.Any(e => e.Approved is null);

    public static bool MayClose(TicketState s) =>
        s.Status == TicketStatus.Resolved
        && (s.AnsweredOnSpot || s.CallbackDone || s.CurrentCallbacks.Count(c => !c.Reached) >= TicketLimits.CallbackAttemptsBeforeClose);

    /// <summary>Common gate: the ticket exists for this user, the action is allowed in its state, and the role fits.</summary>
    private static DomainError? Gate(TicketState s, Actor actor, string action, Func<bool> roleAllowed)
    {
        if (!s.Exists || !TicketAccess.CanSee(actor, s))
        {
            return DomainError.NotFound("Ticket", "工单");
        }
        var allowed = AllowedActions(s);
        if (!allowed.Contains(action))
        {
            return NotAllowedNow(s, action, allowed);
        }
        return roleAllowed()
            ? null
            : DomainError.Forbidden($"您的角色无权对该工单执行“{ActionNameZh(action)}”。", $"Your role may not {action} this ticket.");
    }

    private static DomainError NotAllowedNow(TicketState s, string action, ImmutableArray<string> allowed)
    {
        var status = s.Suspension is null ? s.Status : s.Status + " (suspended)";
        return Conflict("action_not_allowed",
            $"工单当前状态为“{StatusNameZh(s)}”，不能{ActionNameZh(action)}。当前可执行：{string.Join("、", allowed.Select(ActionNameZh))}。",
            $"The ticket is {status}; '{action}' is not allowed now. Allowed: {string.Join(", ", allowed)}.",
            s.Status, allowed);
    }

    private static DomainError Conflict(string code, string zh, string en, string status, ImmutableArray<string> allowed) =>
        DomainError.Conflict(code, zh, en) with { CurrentStatus = status, AllowedActions = allowed };

    private static IEnumerable<string> When(bool condition, string action) => condition ? [action] : [];

    private static FieldError? CheckText(string field, string? text, int max, bool required, string whatZh, string whatEn)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? new FieldError(field, "required", $"请填写{whatZh}。", $"The {whatEn} is required.") : null;
        }
        return text.Trim().Length > max
            ? new FieldError(field, "too_long", $"{whatZh}不能超过 {max} 个字符。", $"The {whatEn} must be at most {max} characters.")
            : null;
    }

    private static DomainError? Invalid(params FieldError?[] errors)
    {
        var found = errors.OfType<FieldError>().ToArray();
        return found.Length == 0 ? null : DomainError.Validation(found);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string StatusNameZh(TicketState s) => (s.Suspension is not null ? "挂起·" : "") + s.Status switch
    {
        TicketStatus.Registered => "已登记",
        TicketStatus.Dispatched => "已派单",
        TicketStatus.Signed => "已签收",
        TicketStatus.Resolved => "已办结",
        TicketStatus.Closed => "已归档",
        _ => s.Status,
    };

    public static string ActionNameZh(string action) => action switch
    {
        TicketActions.Answer => "直接办结",
        TicketActions.Dispatch => "派单",
        TicketActions.Sign => "签收",
        TicketActions.Return => "退单",
        TicketActions.Transfer => "转派",
        TicketActions.Suspend => "挂起",
        TicketActions.Resume => "恢复",
        TicketActions.ExtensionRequest => "申请延期",
        TicketActions.ExtensionDecision => "审批延期",
        TicketActions.Resolve => "办结",
        TicketActions.Callback => "回访",
        TicketActions.Reopen => "重办",
        TicketActions.Close => "归档",
        TicketActions.Merge => "合并",
        TicketActions.Supervise => "督办",
        _ => action,
    };
}
