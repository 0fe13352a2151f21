using System.Collections.Immutable;

namespace Dispatch.Live;

/// <summary>
/// The web instances listening to the live feed, in memory only: each renews every <see cref="LiveFeed.RenewEvery"/>,
/// so after a restart of this grain the list is whole again within that time, and an instance that stopped renewing
/// is dropped after <see cref="LiveFeed.ExpireAfter"/>.
/// </summary>
[GrainType("live-subscribers")]
public sealed class LiveSubscribersGrain(TimeProvider time) : Grain, ILiveSubscribersGrain
{
    private readonly Dictionary<string, (ILiveFeedObserver Observer, DateTimeOffset RenewedAt)> subscribers = new(StringComparer.Ordinal);

    public Task Subscribe(string instanceId, ILiveFeedObserver observer)
    {
        subscribers[instanceId] = (observer, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Unsubscribe(string instanceId)
    {
        subscribers.Remove(instanceId);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ILiveFeedObserver>> Observers()
    {
        var now = time.GetUtcNow();
        foreach (var expired in subscribers.Where(s => now - s.Value.RenewedAt > LiveFeed.ExpireAfter).Select(s => s.Key).ToList())
        {
            subscribers.Remove(expired);
        }
        return Task.FromResult(subscribers.Values.Select(s => s.Observer).ToImmutableArray());
    }
}
