using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>The four clocks of a hotline ticket, as set by one rule of one rule-set version.</summary>
/// <param name="SignFor">From dispatch to sign-for (for a petition: the acceptance decision, from receipt).</param>
/// <param name="Handling">From the first dispatch to resolution (for a petition: from acceptance); returns do not reset it.</param>
/// <param name="Callback">From resolution to the callback to the citizen.</param>
/// <param name="ExtensionCap">The most extra handling time one ticket may be granted.</param>
/// <param name="RuleVersion">The rule-set version the ticket keeps for its whole life.</param>
/// <param name="RuleKind">The kind of the rule that matched: the ticket's kind or "*".</param>
public sealed record TicketClockRules(
    SlaDuration SignFor,
    SlaDuration Handling,
    SlaDuration Callback,
    SlaDuration ExtensionCap,
    int RuleVersion,
    string RuleKind)
{
    /// <summary>The clocks for a ticket of this kind and urgency: the most specific rule wins (an exact kind beats "*").</summary>
    public static TicketClockRules From(SlaRuleSet rules, string kind, string urgency)
    {
        var rule = rules.ForKind(kind, urgency);
        return new(rule.Clock(SlaRuleSet.SignFor), rule.Clock(SlaRuleSet.Handling), rule.Clock(SlaRuleSet.Callback),
            rule.Clock(SlaRuleSet.ExtensionCap), rules.Version, rule.Kind);
    }
}
