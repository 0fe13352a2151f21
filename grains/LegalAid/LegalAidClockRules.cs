using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>The clocks of a legal-aid case, as set by one rule-set version; a case keeps them for its whole life.</summary>
/// <param name="Decision">决定: from acceptance, or from receipt when <paramref name="DecisionFromReceipt"/>; time spent waiting for the applicant's documents is not counted.</param>
/// <param name="Assignment">指派: from the decision to grant aid.</param>
/// <param name="Agreement">委托协议: from assignment.</param>
/// <param name="ObjectionWindow">The time the applicant has to object to a refusal, when the version sets one (none under the Law).</param>
/// <param name="ObjectionReview">异议审查 by the justice bureau, from the objection.</param>
/// <param name="DecisionFromReceipt">
/// True under 《法律援助法》 Art. 43: the decision clock runs from receipt of the application (registration). False (and
/// so for every case stored before versions said it) under the 2012 procedural rules: from acceptance (受理).
/// </param>
public sealed record LegalAidClockRules(
    SlaDuration Decision, SlaDuration Assignment, SlaDuration Agreement, SlaDuration? ObjectionWindow, SlaDuration ObjectionReview, int RuleVersion,
    bool DecisionFromReceipt = false)
{
    public static LegalAidClockRules From(SlaRuleSet rules) => new(
        rules.LegalAid(SlaRuleSet.LegalAidDecision), rules.LegalAid(SlaRuleSet.LegalAidAssignment), rules.LegalAid(SlaRuleSet.LegalAidAgreement),
        rules.LegalAidObjectionWindow, rules.LegalAid(SlaRuleSet.LegalAidObjectionReview), rules.Version,
        rules.LegalAidDecisionFrom == SlaRuleSet.FromReceipt);
}
