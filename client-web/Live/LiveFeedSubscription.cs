using Dispatch.Live;

namespace Dispatch.Web.Live;

/// <summary>
/// Registers this web instance's observer with the cluster's live-feed registry and renews it every
/// <see cref="LiveFeed.RenewEvery"/> (retrying each second until the cluster answers); unregisters on shutdown.
/// </summary>
public sealed class LiveFeedSubscription(IGrainFactory grains, LivePush observer, TimeProvider time, ILogger<LiveFeedSubscription> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly string instanceId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private ILiveFeedObserver? reference;
    private volatile bool subscribed;

    /// <summary>True once the cluster knows this instance; readiness waits for it.</summary>
    public bool Subscribed => subscribed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Orleans keeps only a weak reference to the observer object; this service holds it for the process's life.
                reference ??= grains.CreateObjectReference<ILiveFeedObserver>(observer);
                await grains.GetGrain<ILiveSubscribersGrain>(LiveFeed.RegistryKey).Subscribe(instanceId, reference);
                subscribed = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Subscribing to the live feed failed; retrying");
                subscribed = false;
            }
            await Task.Delay(subscribed ? LiveFeed.RenewEvery : RetryAfter, time, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (subscribed)
            {
                await grains.GetGrain<ILiveSubscribersGrain>(LiveFeed.RegistryKey).Unsubscribe(instanceId).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Unsubscribing from the live feed failed; the registry will expire this instance");
        }
        if (reference is not null)
        {
            grains.DeleteObjectReference<ILiveFeedObserver>(reference);
        }
        await base.StopAsync(cancellationToken);
    }
}
