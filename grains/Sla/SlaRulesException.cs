namespace Dispatch.Sla;

/// <summary>The SLA rules file is missing or wrong; the message names the bad entry.</summary>
public sealed class SlaRulesException : Exception
{
    public SlaRulesException(string message) : base(message) { }
    public SlaRulesException(string message, Exception inner) : base(message, inner) { }
    public SlaRulesException() { }
}

/// <summary>No rule in the rule set covers what was asked (an unknown ticket kind, urgency or clock name).</summary>
public sealed class SlaRuleNotFoundException : Exception
{
    public SlaRuleNotFoundException(string message) : base(message) { }
    public SlaRuleNotFoundException(string message, Exception inner) : base(message, inner) { }
    public SlaRuleNotFoundException() { }
}
