namespace Dispatch.Routing;

/// <summary>
/// The active routing rules in this silo's memory, which <see cref="RoutingRuleFeed"/> loads before the silo takes calls
/// and keeps equal to the routing_rules table.
/// </summary>
public sealed class ActiveRoutingRules
{
    private volatile RoutingRule[]? rules;

    /// <summary>The active rules as last loaded, by id.</summary>
    public IReadOnlyList<RoutingRule> Rules =>
        rules ?? throw new InvalidOperationException("The routing rules were read before their first load (RoutingRuleFeed loads them at silo start-up).");

    /// <summary>Holds <paramref name="loaded"/> from now on; false when it equals what is held already.</summary>
    public bool Apply(IEnumerable<RoutingRule> loaded)
    {
        var ordered = loaded.OrderBy(r => r.Id).ToArray();
        if (rules is { } held && held.SequenceEqual(ordered))
        {
            return false;
        }
        rules = ordered;
        return true;
    }
}
