using System.Collections.Immutable;
using Dispatch.Sla;

namespace Dispatch.Tests.Integration.Resilience;

/// <summary>Test-only: reads and ticks every shard's deadline watcher from inside the silo (the watcher is silo-only).</summary>
[Alias("Dispatch.Tests.IWatchProbeGrain")]
public interface IWatchProbeGrain : IGrainWithIntegerKey
{
    [Alias("Progress")] Task<ImmutableArray<WatchProgress>> Progress();

    [Alias("TickAll")] Task<int> TickAll();

    /// <summary>The silo's catch-up bounds: page size, then parallelism per shard.</summary>
    [Alias("Bounds")] Task<ImmutableArray<int>> Bounds();
}

[GrainType("test-watch-probe")]
public sealed class WatchProbeGrain(DeadlineWatchSettings settings) : Grain, IWatchProbeGrain
{
    public async Task<ImmutableArray<WatchProgress>> Progress() =>
        [.. await Task.WhenAll(Shards().Select(shard => shard.Progress()))];

    public async Task<int> TickAll() => (await Task.WhenAll(Shards().Select(shard => shard.Tick()))).Sum();

    public Task<ImmutableArray<int>> Bounds() => Task.FromResult<ImmutableArray<int>>([settings.CatchUpBatch, settings.Parallelism]);

    private IEnumerable<IDeadlineWatchGrain> Shards() =>
        Enumerable.Range(0, DeadlineWatch.Shards).Select(shard => GrainFactory.GetGrain<IDeadlineWatchGrain>(shard));
}
