using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>Keeps this silo's rule versions (<see cref="SlaSettings.Versions"/>) equal to the shipped files plus the published log.</summary>
public sealed class SlaRuleFeed(NpgsqlDataSource database, SlaRuleLog log, SlaSettings sla, ILogger<SlaRuleFeed> logger) : ChangeFeed(database, logger)
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private int loaded;

    protected override string Channel => SlaRuleLog.Channel;

    public override async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            var stamp = await log.StampAsync(cancellationToken);
            if (stamp == loaded)
            {
                return false;
            }
            var published = await log.ReadAllAsync(cancellationToken);
            var versions = SlaRuleVersions.Of([.. sla.ShippedVersions.All, .. published], "reference-data/sla-rules and sla_rule_versions");
            loaded = stamp;
            if (!sla.Apply(versions))
            {
                return false;
            }
            logger.LogInformation("Deadline-rule versions up to {Version} loaded ({Published} published)", versions.Latest.Version, published.Count);
            return true;
        }
        finally
        {
            refreshing.Release();
        }
    }

    public override void Dispose()
    {
        refreshing.Dispose();
        base.Dispose();
    }
}
