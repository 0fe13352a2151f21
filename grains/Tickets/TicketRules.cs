using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;

namespace Dispatch.Tickets;

/// <summary>
/// The ticket life cycle: registered -> (answered on the spot | dispatched -> signed) -> resolved -> callback -> closed,
/// with returns, transfers, suspensions, extensions, reopening, merging and supervision. Pure: no I/O, no clock.
/// </summary>
public static partial class TicketRules
{
    public static readonly ItemVocabulary Words = TicketVocabulary.Item;

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

    /// <summary>The common gate: visible, allowed in this state, and the role fits.</summary>
    private static DomainError? Gate(TicketState s, Actor actor, string action, Func<bool> roleAllowed)
    {
        var visible = s.Exists && TicketAccess.CanSee(actor, s);
        return ActionGate.Check(Words, visible, s.Status, visible ? AllowedActions(s) : [], action, visible && roleAllowed(), s.Suspension is not null);
    }

    private static DomainError Conflict(TicketState s, string code, string zh, string en) => ActionGate.Conflict(Words, s.Status, AllowedActions(s), code, zh, en);

    private static IEnumerable<string> When(bool condition, string action) => condition ? [action] : [];
}
