using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>The clocks of a hotline ticket, as set by one rule of one rule-set version.</summary>
/// <param name="SignFor">From dispatch to sign-for; null for a petition that is not urgent (it has no first-contact clock).</param>
/// <param name="Handling">From the first dispatch to resolution (for a petition: the written reply, from acceptance); returns do not reset it.</param>
/// <param name="Callback">From resolution to the callback to the citizen.</param>
/// <param name="ExtensionCap">The most extra handling time one ticket may be granted.</param>
/// <param name="RuleVersion">The rule-set version the ticket keeps for its whole life.</param>
/// <param name="RuleKind">The kind of the rule that matched: the ticket's kind, "*", or "petition" for the procedure's rules.</param>
public sealed record TicketClockRules(
    SlaDuration? SignFor,
    SlaDuration Handling,
    SlaDuration Callback,
    SlaDuration ExtensionCap,
    int RuleVersion,
    string RuleKind)
{
    /// <summary>The statutory limits of the petition procedure; null for every other kind (and for petitions registered before it).</summary>
    public PetitionLimits? Petition { get; init; }

    /// <summary>
    /// The clocks for a ticket of this kind and urgency: the most specific rule wins (an exact kind beats "*"). A petition
    /// takes the procedure's limits instead: urgency adds only the first-contact clock and never shortens the statute.
    /// </summary>
    public static TicketClockRules From(SlaRuleSet rules, string kind, string urgency)
    {
        if (kind == TicketVocabulary.PetitionKind)
        {
            return new(urgency == TicketVocabulary.UrgentUrgency ? rules.Petition(SlaRuleSet.PetitionFirstContact) : null,
                rules.Petition(SlaRuleSet.PetitionReply), rules.Petition(SlaRuleSet.PetitionCallback), rules.Petition(SlaRuleSet.PetitionExtension),
                rules.Version, TicketVocabulary.PetitionKind)
            {
                Petition = PetitionLimits.From(rules),
            };
        }
        var rule = rules.ForKind(kind, urgency);
        return new(rule.Clock(SlaRuleSet.SignFor), rule.Clock(SlaRuleSet.Handling), rule.Clock(SlaRuleSet.Callback),
            rule.Clock(SlaRuleSet.ExtensionCap), rules.Version, rule.Kind);
    }
}

/// <summary>The limits of 《信访工作条例》 a petition keeps for its whole life, from the rule version it was registered under.</summary>
/// <param name="Acceptance">Deciding 受理 / 不予受理 and telling the petitioner, from receipt.</param>
/// <param name="Reply">The written reply (书面答复), from acceptance.</param>
/// <param name="ReviewRequest">The petitioner's window to ask for review (复查), from receiving the written reply.</param>
/// <param name="Review">The reviewing body's written answer, from receiving the request.</param>
/// <param name="ReReviewRequest">The window to ask for re-review (复核), from receiving the review answer.</param>
/// <param name="ReReview">The re-reviewing body's answer, from receiving the request.</param>
public sealed record PetitionLimits(
    SlaDuration Acceptance, SlaDuration Reply, SlaDuration ReviewRequest, SlaDuration Review, SlaDuration ReReviewRequest, SlaDuration ReReview)
{
    public static PetitionLimits From(SlaRuleSet rules) => new(
        rules.Petition(SlaRuleSet.PetitionAcceptance), rules.Petition(SlaRuleSet.PetitionReply),
        rules.Petition(SlaRuleSet.PetitionReviewRequest), rules.Petition(SlaRuleSet.PetitionReview),
        rules.Petition(SlaRuleSet.PetitionReReviewRequest), rules.Petition(SlaRuleSet.PetitionReReview));
}
