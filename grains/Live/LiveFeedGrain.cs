using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Dispatch.Live;

/// <summary>
/// One per silo: gathers the changes announced by the items on this silo for at most <see cref="FlushAfter"/>, then
/// makes one one-way call per web instance with the whole batch. The cost per change is a list append; the cost per
/// batch is one call per web instance, whatever the number of browsers.
/// </summary>
[StatelessWorker(1)]
[GrainType("live-feed")]
public sealed class LiveFeedGrain(TimeProvider time, ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    // A window of 20 ms keeps one call per web instance for several changes at the benchmark's 200 events/s, and adds at
    // most 20 ms to any change's way to the browsers (at 50 ms the window was a third of the push delay's median).
    public static readonly TimeSpan FlushAfter = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ObserversFreshFor = TimeSpan.FromSeconds(1);
    private const int MaxBatch = 500;

    private readonly List<LiveChange> pending = [];
    private IGrainTimer? flush;
    private ImmutableArray<ILiveFeedObserver> observers = [];
    private DateTimeOffset observersReadAt = DateTimeOffset.MinValue;

    public Task Publish(LiveChange change)
    {
        pending.Add(change);
        flush ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions
        {
            DueTime = FlushAfter,
            Period = Timeout.InfiniteTimeSpan,
        });
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        flush?.Dispose();
        flush = null;
        // Take the changes first: whatever arrives while this flush waits goes into the next one.
        var changes = pending.ToArray();
        pending.Clear();
        var targets = await ObserversAsync();
        var sentAt = time.GetUtcNow();
        foreach (var chunk in changes.Chunk(MaxBatch))
        {
            var batch = new LiveBatch([.. chunk], sentAt);
            foreach (var observer in targets)
            {
                try
                {
                    await observer.Receive(batch);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    logger.LogDebug(ex, "A web instance did not take a live batch");
                }
            }
        }
    }

    private async Task<ImmutableArray<ILiveFeedObserver>> ObserversAsync()
    {
        var now = time.GetUtcNow();
        if (now - observersReadAt < ObserversFreshFor && observersReadAt <= now)
        {
            return observers;
        }
        try
        {
            observers = await GrainFactory.GetGrain<ILiveSubscribersGrain>(LiveFeed.RegistryKey).Observers();
            observersReadAt = now;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Reading the live subscribers failed; using the last list");
        }
        return observers;
    }
}
