using Dispatch.Sla;

namespace Dispatch.LegalAid;

/// <summary>The statutory clocks of a legal-aid case, as set by one rule-set version; a case keeps them for its whole life.</summary>
/// <param name="Decision">决定: from acceptance; time spent waiting for the applicant's documents is not counted.</param>
/// <param name="Assignment">指派: from the decision to grant aid.</param>
/// <param name="Agreement">委托协议: from assignment.</param>
/// <param name="ObjectionWindow">The time the applicant has to object to a refusal.</param>
/// <param name="ObjectionReview">异议审查 by the justice bureau, from the objection.</param>
public sealed record LegalAidClockRules(
    SlaDuration Decision, SlaDuration Assignment, SlaDuration Agreement, SlaDuration ObjectionWindow, SlaDuration ObjectionReview, int RuleVersion)
{
    public static LegalAidClockRules From(SlaRuleSet rules) => new(
        rules.LegalAid("decision"), rules.LegalAid("assignment"), rules.LegalAid("agreement"),
        rules.LegalAid("objection_window"), rules.LegalAid("objection_review"), rules.Version);
}
