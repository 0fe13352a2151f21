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

    /// <summary>
    /// What the ticket's state allows now, whoever asks: the life cycle's actions, and a reply (督办回复) while an order
    /// waits for the unit holding the ticket.
    /// </summary>
    public static ImmutableArray<string> AllowedActions(TicketState s) =>
        !s.Exists ? [] : [.. LifeCycleActions(s), .. When(s.UnitCode is not null && s.OpenOrders.Any(), TicketActions.SupervisionReply)];

    private static ImmutableArray<string> LifeCycleActions(TicketState s)
    {
        var petition = s.Petition;
        if (s.Status == TicketStatus.Closed)
        {
            return [.. When(MayAskReview(s), TicketActions.Review)];
        }
        if (s.Suspension is not null)
        {
            return [TicketActions.Resume, TicketActions.Merge, TicketActions.Supervise];
        }
        // A petition follows the procedure: no answer on the spot, no pause of statutory time, no return once accepted
        // or of a review (the ladder names its body), and its remedy after the answer is review, not rework.
        var returnable = !s.DispatchedByRuling && (petition is null || petition.AwaitsDecision);
        var suspendable = petition is null;
        return s.Status switch
        {
            TicketStatus.Registered => [.. When(petition is null, TicketActions.Answer), TicketActions.Dispatch, TicketActions.Merge, TicketActions.Supervise],
            TicketStatus.Dispatched => [TicketActions.Sign, .. When(returnable, TicketActions.Return), TicketActions.Transfer,
                .. When(suspendable, TicketActions.Suspend), TicketActions.Merge, TicketActions.Supervise, TicketActions.Remind],
            TicketStatus.Signed when petition is { AwaitsDecision: true } => [TicketActions.Acceptance, .. When(returnable, TicketActions.Return),
                TicketActions.Transfer, TicketActions.Merge, TicketActions.Supervise, TicketActions.Remind],
            TicketStatus.Signed => [.. When(returnable, TicketActions.Return), TicketActions.Transfer, .. When(suspendable, TicketActions.Suspend),
                .. When(MayAskExtension(s), TicketActions.ExtensionRequest), .. When(HasPendingExtension(s), TicketActions.ExtensionDecision),
                TicketActions.Resolve, TicketActions.Merge, TicketActions.Supervise, TicketActions.Remind],
            TicketStatus.Resolved => [.. When(s.Details.OwesCallback, TicketActions.Callback),
                .. When(s.Satisfaction == "unsatisfied" && s.MergedInto is null && petition is null, TicketActions.Reopen),
                .. When(MayClose(s), TicketActions.Close), .. When(MayAskReview(s), TicketActions.Review), TicketActions.Supervise],
            _ => [],
        };
    }

    /// <summary>Ordinary tickets ask as often as the cap allows; a petition's extension is asked once, and a review has none.</summary>
    public static bool MayAskExtension(TicketState s) => s.Petition is not { } p || (p.IsPetitionStage && s.Extensions.IsEmpty);

    /// <summary>
    /// The answer of an accepted petition may be reviewed (复查), a review's answer re-reviewed (复核); after that the
    /// matter is final. The petitioner's window is checked when the request comes.
    /// </summary>
    public static bool MayAskReview(TicketState s) =>
        s.Petition is { ReviewedBy: null } p && s.MergedInto is null && s.ResolvedAt is not null && p.InHandling
        && PetitionVocabulary.NextStage(p.Stage) is not null;

    public static bool HasPendingExtension(TicketState s) => s.Extensions.Any(e => e.Approved is null);

    /// <summary>
    /// 归档 once the caller was reached, was answered on the spot, or was told in writing after the last failed attempt;
    /// at once for a caller who left no way to be reached (no callback is owed).
    /// </summary>
    public static bool MayClose(TicketState s) =>
        s.Status == TicketStatus.Resolved && (s.AnsweredOnSpot || s.CallbackDone || s.CallbackNotice is not null || !s.Details.OwesCallback);

    /// <summary>The common gate: visible, allowed in this state, and the role fits.</summary>
    private static DomainError? Gate(TicketState s, Actor actor, string action, Func<bool> roleAllowed)
    {
        var visible = s.Exists && TicketAccess.CanSee(actor, s);
        return ActionGate.Check(Words, visible, s.Status, visible ? AllowedActions(s) : [], action, visible && roleAllowed(), s.Suspension is not null);
    }

    private static DomainError Conflict(TicketState s, string code, string zh, string en) => ActionGate.Conflict(Words, s.Status, AllowedActions(s), code, zh, en);

    private static IEnumerable<string> When(bool condition, string action) => condition ? [action] : [];
}
