using System.Threading.Channels;
using Dispatch.Live;

namespace Dispatch.Web.Live;

/// <summary>
/// This web instance's observer of the live feed. Orleans hands it batches; one loop offers each change to the outboxes
/// of the connections that watch its scopes (never waiting for a browser: see <see cref="LiveOutbox"/>), and marks the
/// scopes whose measures moved.
/// </summary>
public sealed class LivePush(LiveGroups groups, LiveOutboxes outboxes, LiveStatsPublisher stats, LiveMetrics metrics, TimeProvider time)
    : BackgroundService, ILiveFeedObserver
{
    // The loop only queues, so it keeps up with the feed; what a slow browser leaves unread is bounded in its outbox.
    private readonly Channel<LiveBatch> batches = Channel.CreateUnbounded<LiveBatch>(new UnboundedChannelOptions { SingleReader = true });

    public Task Receive(LiveBatch batch)
    {
        batches.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stoppingToken))
            {
                foreach (var change in batch.Changes)
                {
                    Push(change);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Push(LiveChange change)
    {
        stats.MarkChanged(change.StatsScopes);
        foreach (var scope in change.Scopes)
        {
            var connections = groups.ConnectionsOf(scope);
            if (connections.Count == 0)
            {
                continue;
            }
            if (change.Change is { } kind)
            {
                outboxes.Send(connections, new LiveMessage(LiveMessageNames.ItemChanged, new ItemChangedMessage(scope, kind, change.Item, change.At)));
                metrics.Sent(LiveMessageNames.ItemChanged);
            }
            foreach (var alert in change.Alerts)
            {
                // Clock gaming is for supervisors: not pushed to a unit's own group, which its staff watch.
                if (alert.Kind == Dispatch.Stats.ClockGamingAlert.Kind && scope.StartsWith("unit:", StringComparison.Ordinal))
                {
                    continue;
                }
                outboxes.Send(connections, new LiveMessage(LiveMessageNames.Alert,
                    new AlertMessage(scope, alert.Kind, change.Item, change.At, alert.MessageZh, alert.MessageEn)));
                metrics.Sent(LiveMessageNames.Alert);
            }
        }
        // The change's instant comes from the silo's clock: a silo clock a little ahead of this machine's would make the
        // delay negative, which a histogram drops; count such a change as pushed at once.
        var delay = time.GetUtcNow() - change.At;
        metrics.Pushed(delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }
}
