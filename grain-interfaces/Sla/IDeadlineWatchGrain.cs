using Dispatch.Identity;
using Orleans.Concurrency;

namespace Dispatch.Sla;

/// <summary>
/// Watches the deadlines of one shard of clocked items (tickets, legal-aid cases, visits) so that warnings and overdue
/// fire for items nobody touches, also after a restart: one reminder per shard rescans the shared clock_watch index
/// each minute, timers give precision.
/// </summary>
[SiloOnly, Alias("Dispatch.Sla.IDeadlineWatchGrain")]
public interface IDeadlineWatchGrain : IGrainWithIntegerKey
{
    /// <summary>An item's next clock change (warning point or due time), or null when none of its clocks runs.</summary>
    [OneWay, Alias("TrackItem")] Task Track(ClockedItemRef item, DateTimeOffset? nextChange);

    /// <summary>Rescans the index and fires what is due now; the reminder and timers call the same work.</summary>
    [Alias("Tick")] Task<int> Tick();

    /// <summary>Starts a rescan without the caller waiting for it: silo start-up uses it, so a long catch-up does not hold start-up.</summary>
    [OneWay, Alias("Wake")] Task Wake();

    /// <summary>What this activation has done so far; answers even while a rescan runs.</summary>
    [AlwaysInterleave, Alias("Progress")] Task<WatchProgress> Progress();
}

/// <summary>
/// A shard watcher's work since its activation: index pages read, items evaluated (and how many of those calls failed),
/// and the most item evaluations it had running at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.WatchProgress")]
public sealed record WatchProgress(
    [property: Id(0)] long Pages, [property: Id(1)] long Fired, [property: Id(2)] long Failed, [property: Id(3)] int PeakInFlight);

/// <summary>
/// An item whose clocks the watcher tracks. <see cref="ItemType"/> is the item's grain type ("ticket",
/// "legal_aid_case", "rehab_visit"), so the watcher can reach any kind of item through <see cref="IClockedItem"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Sla.ClockedItemRef")]
public sealed record ClockedItemRef([property: Id(0)] string ItemType, [property: Id(1)] Guid Id);

/// <summary>
/// An item with deadline clocks: the watcher calls it when one of them reaches its warning point or runs out, and the
/// calendar administration asks it how a calendar change would move them.
/// </summary>
[SiloOnly, Alias("Dispatch.Sla.IClockedItem")]
public interface IClockedItem : IGrainWithGuidKey
{
    /// <summary>Raises warnings and overdue for clocks that reached those points; called by the deadline watcher.</summary>
    [Alias("EvaluateClocks")] Task EvaluateClocks();

    /// <summary>How the item's running clocks would move under a proposed calendar change; changes nothing.</summary>
    [Alias("PreviewClocks")] Task<System.Collections.Immutable.ImmutableArray<ClockShiftView>> PreviewClocks(CalendarProposal proposal);
}

public static class DeadlineWatch
{
    /// <summary>Few reminders, whatever the number of items: one per shard.</summary>
    public const int Shards = 8;

    public static int ShardOf(Guid itemId) => (int)((uint)itemId.GetHashCode() % Shards);

    /// <summary>
    /// Wakes every shard's watcher, which then keeps itself alive with its reminder. Returns once the calls are sent: the
    /// first rescan (after an outage, a catch-up) runs on its own.
    /// </summary>
    public static Task StartAllAsync(IGrainFactory grains) =>
        Task.WhenAll(Enumerable.Range(0, Shards).Select(shard => grains.GetGrain<IDeadlineWatchGrain>(shard).Wake()));

    /// <summary>Tells the item's shard when its clocks next change, so that a near deadline gets a timer.</summary>
    public static Task TrackAsync(IGrainFactory grains, ClockedItemRef item, DateTimeOffset? nextChange) =>
        grains.GetGrain<IDeadlineWatchGrain>(ShardOf(item.Id)).Track(item, nextChange);

    /// <summary>The item behind a reference, whatever its kind.</summary>
    public static IClockedItem Item(IGrainFactory grains, ClockedItemRef item) =>
        grains.GetGrain<IClockedItem>(GrainId.Create(GrainType.Create(item.ItemType), GrainIdKeyExtensions.CreateGuidKey(item.Id)));
}
