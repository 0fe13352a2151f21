using Dispatch.Scopes;
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
            var sends = new List<Task>();
            foreach (var change in batch.Changes)
            {
                Push(change, sends);
            }
            // Each connection writes its messages in order; one slow browser may hold this loop for a moment, not forever.
            var all = Task.WhenAll(sends);
            try
            {
                await all.WaitAsync(SlowClientPatience, time, stoppingToken);
            }
            catch (TimeoutException)
            {
                _ = all.ContinueWith(t => logger.LogDebug(t.Exception, "A live push finished late or failed"), TaskScheduler.Default);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pushing a live batch failed");
            }
        }
    }

    /// <summary>How long a batch waits for browsers that read slowly before the next batch goes out.</summary>
    public static readonly TimeSpan SlowClientPatience = TimeSpan.FromMilliseconds(250);

    private void Push(LiveChange change, List<Task> sends)
    {
        stats.MarkChanged(change.StatsScopes);
        foreach (var scope in change.Scopes.Where(groups.IsWatched))
        {
            var group = hub.Clients.Group(LiveGroups.GroupName(scope));
            if (change.Change is { } kind)
            {
                sends.Add(group.SendAsync(LiveMessageNames.ItemChanged, new ItemChangedMessage(scope, kind, change.Item, change.At)));
                metrics.Sent(LiveMessageNames.ItemChanged);
            }
            foreach (var alert in change.Alerts)
            {
                sends.Add(group.SendAsync(LiveMessageNames.Alert,
                    new AlertMessage(scope, alert.Kind, change.Item, change.At, alert.MessageZh, alert.MessageEn)));
                metrics.Sent(LiveMessageNames.Alert);
            }
        }
        metrics.Pushed(time.GetUtcNow() - change.At);
    }
}
