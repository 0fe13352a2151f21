using System.Collections.Concurrent;
using System.Collections.Immutable;
using Dispatch.Stats;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Live;

/// <summary>
/// Sends statsChanged at most once per <see cref="LiveOutboxSettings.StatsInterval"/> per scope: the scopes whose counters moved and that
/// someone here watches are read in one grain call (one database round trip) and offered to the outboxes of the
/// connections watching them, where newer figures replace older unsent ones.
/// </summary>
public sealed class LiveStatsPublisher(
    IGrainFactory grains, LiveGroups groups, LiveOutboxes outboxes, LiveMetrics metrics, IOptions<LiveOutboxSettings> settings, TimeProvider time,
    ILogger<LiveStatsPublisher> logger)
    : BackgroundService
{

    private readonly ConcurrentDictionary<string, byte> changed = new(StringComparer.Ordinal);

    public void MarkChanged(IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
        {
            changed.TryAdd(scope, 0);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var tick = new PeriodicTimer(settings.Value.StatsInterval, time);
        while (await tick.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PublishAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Refreshing the live measures failed");
            }
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        var due = new List<string>();
        foreach (var scope in changed.Keys)
        {
            changed.TryRemove(scope, out _);
            if (groups.IsWatched(scope))
            {
                due.Add(scope);
            }
        }
        if (due.Count == 0)
        {
            return;
        }
        foreach (var stats in await grains.GetGrain<IStatsGrain>(0).LiveStats([.. due]))
        {
            outboxes.Send(groups.ConnectionsOf(stats.Scope), LiveMessage.Figures(stats));
            metrics.Sent(LiveMessageNames.StatsChanged);
        }
    }
}
