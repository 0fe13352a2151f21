using System.Collections.Immutable;
using Dispatch.Identity;
using Orleans.Concurrency;

namespace Dispatch.Live;

/// <summary>
/// The fan-out point on each silo: items announce their committed changes here (one-way, the item never waits), and it
/// forwards them in batches to every web instance's observer.
/// </summary>
[SiloOnly, Alias("Dispatch.Live.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("Publish")]
    Task Publish(LiveChange change);
}

/// <summary>Implemented by each web instance; receives the batches and pushes them to its SignalR groups.</summary>
[Alias("Dispatch.Live.ILiveFeedObserver")]
public interface ILiveFeedObserver : IGrainObserver
{
    [OneWay, Alias("Receive")]
    Task Receive(LiveBatch batch);
}

/// <summary>
/// Which web instances listen. Each registers its observer under its own id and renews it periodically; an entry that
/// is not renewed expires, so a web instance that died stops costing calls.
/// </summary>
[Alias("Dispatch.Live.ILiveSubscribersGrain")]
public interface ILiveSubscribersGrain : IGrainWithIntegerKey
{
    [Alias("Subscribe")]
    Task Subscribe(string instanceId, ILiveFeedObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(string instanceId);

    [SiloOnly, Alias("Observers")]
    Task<ImmutableArray<ILiveFeedObserver>> Observers();
}

public static class LiveFeed
{
    /// <summary>A web instance renews its subscription this often...</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    /// <summary>...and is dropped when it has not renewed for this long.</summary>
    public static readonly TimeSpan ExpireAfter = TimeSpan.FromSeconds(35);

    /// <summary>There is one registry for the cluster.</summary>
    public const long RegistryKey = 0;
}
