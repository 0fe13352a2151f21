using Orleans.Concurrency;

namespace Dispatch.Tickets;

/// <summary>
/// Watches the deadlines of one shard of tickets so that warnings and overdue fire for tickets nobody touches,
/// also after a restart: one reminder per shard rescans the read model each minute, timers give precision.
/// </summary>
[Alias("Dispatch.Sla.IDeadlineWatchGrain")]
public interface IDeadlineWatchGrain : IGrainWithIntegerKey
{
    /// <summary>A ticket's next clock change (warning point or due time), or null when no clock runs.</summary>
    [OneWay, Alias("Track")] Task Track(Guid ticketId, DateTimeOffset? nextChange);

    /// <summary>Rescans the read model and fires what is due now; the reminder and timers call the same work.</summary>
    [Alias("Tick")] Task<int> Tick();
}

public static class DeadlineWatch
{
    /// <summary>Few reminders, whatever the number of tickets: one per shard.</summary>
    public const int Shards = 8;

    public static int ShardOf(Guid ticketId) => (int)((uint)ticketId.GetHashCode() % Shards);

    /// <summary>Activates every shard's watcher, which then keeps itself alive with its reminder.</summary>
    public static Task StartAllAsync(IGrainFactory grains) =>
        Task.WhenAll(Enumerable.Range(0, Shards).Select(shard => grains.GetGrain<IDeadlineWatchGrain>(shard).Tick()));
}
