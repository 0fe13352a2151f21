using System.Threading.Channels;
using Dispatch.Live;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Live;

/// <summary>
/// This web instance's observer of the live feed. Orleans hands it batches; one loop sends them, in order, to the
/// SignalR groups of the scopes someone here watches, and marks the scopes whose measures moved.
/// </summary>
public sealed class LivePush(
    IHubContext<SupervisionHub> hub, LiveGroups groups, LiveStatsPublisher stats, LiveMetrics metrics, TimeProvider time, ILogger<LivePush> logger)
    : BackgroundService, ILiveFeedObserver
{
    private readonly Channel<LiveBatch> batches = Channel.CreateUnbounded<LiveBatch>(new UnboundedChannelOptions { SingleReader = true });

    public Task Receive(LiveBatch batch)
    {
        batches.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in batches.Reader.ReadAllAsync(stoppingToken))
        {
            foreach (var change in batch.Changes)
            {
                try
                {
                    await PushAsync(change, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Pushing a change of {Item} failed", change.Item.Id);
                }
            }
        }
    }

    private async Task PushAsync(LiveChange change, CancellationToken cancellationToken)
    {
        stats.MarkChanged(change.StatsScopes);
        foreach (var scope in change.Scopes.Where(groups.IsWatched))
        {
            var group = hub.Clients.Group(LiveGroups.GroupName(scope));
            if (change.Change is { } kind)
            {
                await group.SendAsync(LiveMessageNames.ItemChanged, new ItemChangedMessage(scope, kind, change.Item, change.At), cancellationToken);
                metrics.Sent(LiveMessageNames.ItemChanged);
            }
            foreach (var alert in change.Alerts)
            {
                await group.SendAsync(LiveMessageNames.Alert,
                    new AlertMessage(scope, alert.Kind, change.Item, change.At, alert.MessageZh, alert.MessageEn), cancellationToken);
                metrics.Sent(LiveMessageNames.Alert);
            }
        }
        metrics.Pushed(time.GetUtcNow() - change.At);
    }
}
