using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>Keeps this silo's rule versions (<see cref="SlaSettings.Versions"/>) equal to the shipped files plus the published log.</summary>
public sealed class SlaRuleFeed(NpgsqlDataSource database, SlaRuleLog log, SlaSettings sla, TimeProvider time, ILogger<SlaRuleFeed> logger)
    : ChangeFeed<int>(database, time, logger)
{
    protected override string Channel => SlaRuleLog.Channel;

    protected override Task<int> StampAsync(CancellationToken cancellationToken) => log.StampAsync(cancellationToken);

    public override Task<bool> RefreshAsync(CancellationToken cancellationToken = default) => RefreshWithAsync(async token =>
    {
        var published = await log.ReadAllAsync(token);
        var versions = SlaRuleVersions.Of([.. sla.ShippedVersions.All, .. published], "reference-data/sla-rules and sla_rule_versions");
        if (!sla.Apply(versions))
        {
            return false;
        }
        logger.LogInformation("Deadline-rule versions up to {Version} loaded ({Published} published)", versions.Latest.Version, published.Count);
        return true;
    }, cancellationToken);
}
