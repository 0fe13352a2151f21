using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>
/// The legal-aid case life cycle: applied -> under review (documents asked and received, the decision clock pausing
/// meanwhile; the eligibility checklist recorded; withdrawn when documents never came; transferred to the competent station)
/// -> granted | refused (objection and its review) -> assigned -> in progress -> concluded | terminated -> archived.
/// Pure: no I/O; time comes in through the clock reader.
/// </summary>
public static partial class LegalAidRules
{
    public static readonly ItemVocabulary Words = LegalAidVocabulary.Item;

    /// <summary>What the case's state allows now, whoever asks; a reply to an open supervision order in any status.</summary>
    public static ImmutableArray<string> AllowedActions(LegalAidState s, IClockReader clocks) =>
        s.Exists && s.SupervisionOrders.Any(o => o.Open) ? [.. StatusActions(s, clocks), LegalAidActions.SupervisionReply] : StatusActions(s, clocks);

    private static ImmutableArray<string> StatusActions(LegalAidState s, IClockReader clocks) => !s.Exists ? [] : s.Status switch
    {
        LegalAidStatus.Applied => [LegalAidActions.Accept, LegalAidActions.Transfer, LegalAidActions.Supervise],
        // Withdrawal is offered while documents are awaited; the rule refuses it until the day set for them has passed.
        LegalAidStatus.UnderReview when s.DocumentsPending => [LegalAidActions.ReceiveDocuments, LegalAidActions.Withdraw,
            LegalAidActions.RecordEligibility, LegalAidActions.Refuse, LegalAidActions.Transfer, LegalAidActions.Supervise],
        LegalAidStatus.UnderReview => [LegalAidActions.RequestDocuments, LegalAidActions.RecordEligibility, LegalAidActions.Grant,
            LegalAidActions.Refuse, LegalAidActions.Transfer, LegalAidActions.Supervise],
        LegalAidStatus.Granted => [LegalAidActions.Assign, LegalAidActions.Terminate, LegalAidActions.Supervise],
        LegalAidStatus.Refused when s.Objection is { Decision: null } => [LegalAidActions.DecideObjection, LegalAidActions.Supervise],
        // Without an applicant window (the Law sets none) an objection may come until the refusal is archived.
        LegalAidStatus.Refused when s.Objection is null && s.Rules.ObjectionWindow is null => [LegalAidActions.Object, LegalAidActions.Archive],
        LegalAidStatus.Refused when s.Objection is null && ObjectionWindowOpen(s, clocks) => [LegalAidActions.Object],
        LegalAidStatus.Refused => [LegalAidActions.Archive],
        LegalAidStatus.Assigned => [LegalAidActions.Assign, LegalAidActions.RecordAgreement, LegalAidActions.Terminate, LegalAidActions.Supervise],
        LegalAidStatus.InProgress => [LegalAidActions.RecordProgress, LegalAidActions.Conclude, LegalAidActions.Terminate, LegalAidActions.Supervise],
        LegalAidStatus.Concluded or LegalAidStatus.Withdrawn or LegalAidStatus.Terminated => [LegalAidActions.Archive],
        _ => [],
    };

    /// <summary>
    /// The applicant may still object: refused, no objection yet, and the objection window (when the case's rule version
    /// has one) has not run out.
    /// </summary>
    public static bool ObjectionWindowOpen(LegalAidState s, IClockReader clocks) => s.Rules.ObjectionWindow is null
        ? s.Status == LegalAidStatus.Refused && s.Objection is null
        : s.ObjectionWindow is { Running: true } window && clocks.Evaluate(window).State != ClockState.Overdue;

    /// <summary>The common gate: visible, allowed in this state, and the role fits.</summary>
    private static DomainError? Gate(LegalAidState s, Actor actor, IClockReader clocks, string action, Func<bool> roleAllowed)
    {
        var visible = s.Exists && LegalAidAccess.CanSee(actor, s);
        return ActionGate.Check(Words, visible, s.Status, visible ? AllowedActions(s, clocks) : [], action, visible && roleAllowed());
    }
}
