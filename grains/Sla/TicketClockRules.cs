namespace Dispatch.Sla;

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
    string RuleKind);

/// <summary>One entry of ticketRules: the clocks for a ticket kind (or "*") and an urgency.</summary>
public sealed record TicketRule(string Kind, string Urgency, TicketClockRules Clocks)
{
    /// <summary>The kind that matches every ticket kind; an exact kind is more specific and wins.</summary>
    public const string AnyKind = "*";

    public bool Matches(string kind, string urgency) =>
        Urgency == urgency && (Kind == kind || Kind == AnyKind);
}
