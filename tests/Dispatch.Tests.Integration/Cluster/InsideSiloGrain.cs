using Dispatch.Sla;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>
/// A test-only grain through which a test reaches what only the silo may call (the silo refuses such calls from its
/// clients): it runs inside the silo, as the deadline watcher's reminder does.
/// </summary>
[Alias("Dispatch.Tests.IInsideSiloGrain")]
public interface IInsideSiloGrain : IGrainWithIntegerKey
{
    /// <summary>Ticks the deadline watcher of the item's shard now.</summary>
    [Alias("TickWatcherOf")] Task<int> TickWatcherOf(Guid itemId);
}

[GrainType("test-inside-silo")]
public sealed class InsideSiloGrain : Grain, IInsideSiloGrain
{
    public Task<int> TickWatcherOf(Guid itemId) => GrainFactory.GetGrain<IDeadlineWatchGrain>(DeadlineWatch.ShardOf(itemId)).Tick();
}

public static class InsideSilo
{
    /// <summary>Ticks the watcher of the item's shard from inside the cluster.</summary>
    public static Task<int> TickWatcherAsync(IGrainFactory grains, Guid itemId) => grains.GetGrain<IInsideSiloGrain>(0).TickWatcherOf(itemId);
}
