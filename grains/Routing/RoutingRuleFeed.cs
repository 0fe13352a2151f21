using Dispatch.Sla;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Routing;

/// <summary>
/// Keeps this silo's <see cref="ActiveRoutingRules"/> equal to the routing_rules table: the table's trigger notifies
/// routing_rules_changed with every change, whoever makes it; the feed listens, polls as every
/// <see cref="ChangeFeed{TStamp}"/> does, and the routing-rules grain refreshes it at once after its own writes.
/// </summary>
public sealed class RoutingRuleFeed(
    NpgsqlDataSource database, RoutingRuleTable table, ActiveRoutingRules active, TimeProvider time, ILogger<RoutingRuleFeed> logger)
    : ChangeFeed<long>(database, time, logger)
{
    protected override string Channel => "routing_rules_changed";

    protected override Task<long> StampAsync(CancellationToken cancellationToken) => table.VersionAsync(cancellationToken);

    public override Task<bool> RefreshAsync(CancellationToken cancellationToken = default) => RefreshWithAsync(async token =>
    {
        var loaded = await table.ReadActiveAsync(token);
        if (!active.Apply(loaded))
        {
            return false;
        }
        logger.LogInformation("Routing rules loaded ({Count} active)", loaded.Count);
        return true;
    }, cancellationToken);
}
