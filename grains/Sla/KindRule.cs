namespace Dispatch.Sla;

/// <summary>
/// One entry of ticketRules: the named clocks (signFor, handling, callback, extensionCap) for an item kind (or "*") and
/// an urgency. The ticket turns them into its <c>TicketClockRules</c>.
/// </summary>
public sealed record KindRule(string Kind, string Urgency, IReadOnlyDictionary<string, SlaDuration> Clocks)
{
    /// <summary>The kind that matches every kind; an exact kind is more specific and wins.</summary>
    public const string AnyKind = "*";

    public bool Matches(string kind, string urgency) =>
        Urgency == urgency && (Kind == kind || Kind == AnyKind);

    public SlaDuration Clock(string name) => Clocks[name];
}
