using Dispatch.Sla;

namespace Dispatch.Rehab;

/// <summary>The clocks of a visit as set by one rule-set version; a visit keeps them for its whole life.</summary>
/// <param name="FirstVisit">From the provider's acceptance (受理) to the first visit (check-in).</param>
/// <param name="DefaultWindow">The window length when a schedule does not give one.</param>
/// <param name="Record">From the end of the visit to its completed record.</param>
public sealed record RehabClockRules(SlaDuration FirstVisit, SlaDuration DefaultWindow, SlaDuration Record, int RuleVersion)
{
    public const int MinWindowMinutes = 30;
    public const int MaxWindowMinutes = 480;

    public static RehabClockRules From(SlaRuleSet rules) =>
        new(rules.Rehab(SlaRuleSet.RehabFirstVisit), rules.Rehab(SlaRuleSet.RehabVisitWindow), rules.Rehab(SlaRuleSet.RehabRecord), rules.Version);

    /// <summary>The default window in minutes: the rule counts elapsed hours.</summary>
    public int DefaultWindowMinutes => (int)(DefaultWindow.Amount * (DefaultWindow.Unit == SlaUnit.Hours ? 60 : 1440));
}
