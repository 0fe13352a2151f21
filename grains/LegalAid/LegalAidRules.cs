using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>
/// The legal-aid case life cycle: applied -> under review (documents asked and received, the decision clock pausing
/// meanwhile) -> granted | refused (objection and its review) -> assigned -> in progress -> concluded -> archived.
/// Pure: no I/O; time comes in through the clock reader.
/// </summary>
public static partial class LegalAidRules
{
    public static readonly ItemWords Words = new("法律援助案件", "legal-aid case", StatusZh, ActionZh);

    /// <summary>What the case's state allows now, whoever asks.</summary>
    public static ImmutableArray<string> AllowedActions(LegalAidState s, IClockReader clocks) => !s.Exists ? [] : s.Status switch
    {
        LegalAidStatus.Applied => [LegalAidActions.Accept, LegalAidActions.Supervise],
        LegalAidStatus.UnderReview when s.DocumentsPending => [LegalAidActions.ReceiveDocuments, LegalAidActions.Refuse, LegalAidActions.Supervise],
        LegalAidStatus.UnderReview => [LegalAidActions.RequestDocuments, LegalAidActions.Grant, LegalAidActions.Refuse, LegalAidActions.Supervise],
        LegalAidStatus.Granted => [LegalAidActions.Assign, LegalAidActions.Supervise],
        LegalAidStatus.Refused when s.Objection is { Decision: null } => [LegalAidActions.DecideObjection, LegalAidActions.Supervise],
        LegalAidStatus.Refused when s.Objection is null && ObjectionWindowOpen(s, clocks) => [LegalAidActions.Object],
        LegalAidStatus.Refused => [LegalAidActions.Archive],
        LegalAidStatus.Assigned => [LegalAidActions.Assign, LegalAidActions.RecordAgreement, LegalAidActions.Supervise],
        LegalAidStatus.InProgress => [LegalAidActions.RecordProgress, LegalAidActions.Conclude, LegalAidActions.Supervise],
        LegalAidStatus.Concluded => [LegalAidActions.Archive],
        _ => [],
    };

    /// <summary>The applicant may still object: refused, no objection yet, and the objection window has not run out.</summary>
    public static bool ObjectionWindowOpen(LegalAidState s, IClockReader clocks) =>
        s.ObjectionWindow is { Running: true } window && clocks.Evaluate(window).State != ClockState.Overdue;

    /// <summary>The common gate: visible, allowed in this state, and the role fits.</summary>
    private static DomainError? Gate(LegalAidState s, Actor actor, IClockReader clocks, string action, Func<bool> roleAllowed)
    {
        var visible = s.Exists && LegalAidAccess.CanSee(actor, s);
        return ActionGate.Check(Words, visible, s.Status, visible ? AllowedActions(s, clocks) : [], action, visible && roleAllowed());
    }

    public static string StatusZh(string status) => status switch
    {
        LegalAidStatus.Applied => "已申请",
        LegalAidStatus.UnderReview => "审查中",
        LegalAidStatus.Granted => "决定援助",
        LegalAidStatus.Refused => "不予援助",
        LegalAidStatus.Assigned => "已指派",
        LegalAidStatus.InProgress => "办理中",
        LegalAidStatus.Concluded => "已结案",
        LegalAidStatus.Archived => "已归档",
        _ => status,
    };

    public static string ActionZh(string action) => action switch
    {
        LegalAidActions.Accept => "受理",
        LegalAidActions.RequestDocuments => "通知补充材料",
        LegalAidActions.ReceiveDocuments => "收到补充材料",
        LegalAidActions.Grant => "决定给予援助",
        LegalAidActions.Refuse => "决定不予援助",
        LegalAidActions.Object => "登记异议",
        LegalAidActions.DecideObjection => "异议审查决定",
        LegalAidActions.Assign => "指派承办人",
        LegalAidActions.RecordAgreement => "登记委托协议",
        LegalAidActions.RecordProgress => "登记办理进展",
        LegalAidActions.Conclude => "结案",
        LegalAidActions.Archive => "归档",
        LegalAidActions.Supervise => "督办",
        _ => action,
    };

    public static string ClockZh(string clock) => clock switch
    {
        LegalAidClockNames.Decision => "审查决定时限",
        LegalAidClockNames.Assignment => "指派时限",
        LegalAidClockNames.Agreement => "签订委托协议时限",
        LegalAidClockNames.ObjectionReview => "异议审查时限",
        _ => clock,
    };
}
