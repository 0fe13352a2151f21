using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Dispatch.Web.Live;

/// <summary>
/// OpenTelemetry-style instruments of the push path (meter "Dispatch.Live"). The meter and its instruments are static and
/// never disposed: OpenTelemetry's SDK joins every meter of one name into one stream, and disposing one such meter stops
/// the stream for all of them (open-telemetry/opentelemetry-dotnet#6412), so a web app stopping in the same process (as
/// test hosts do) would silence the others. One web app runs per process in production, where this changes nothing.
/// </summary>
public sealed class LiveMetrics : IDisposable
{
    public const string MeterName = "Dispatch.Live";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> PushDelay =
        Meter.CreateHistogram<double>("dispatch.live.push_delay", "ms", "From the committed change to its hand-off to SignalR on this web instance");

    private static readonly Counter<long> Messages = Meter.CreateCounter<long>("dispatch.live.messages", "{message}", "Messages queued for hub connections");

    private static readonly Counter<long> Drops = Meter.CreateCounter<long>("dispatch.live.dropped_connections", "{connection}",
        "Connections dropped for falling behind (reason: send_deadline, queue_full, send_failed)");

    /// <summary>The outboxes of the running instances, each read by the one gauge.</summary>
    private static readonly ConcurrentDictionary<LiveMetrics, Func<int>> Outboxes = new();

    static LiveMetrics() => Meter.CreateObservableGauge("dispatch.live.outbox_longest",
        () => Outboxes.Values.Select(longest => longest()).DefaultIfEmpty(0).Max(), "{message}", "Messages waiting for the most-behind connection");

    public void Pushed(TimeSpan delay) => PushDelay.Record(delay.TotalMilliseconds);

    public void Sent(string kind) => Messages.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Dropped(string reason) => Drops.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Reports the longest connection queue on this instance through the gauge dispatch.live.outbox_longest.</summary>
    public void ObserveOutboxes(Func<int> longest)
    {
        Outboxes[this] = longest;
    }

    public void Dispose() => Outboxes.TryRemove(this, out _);
}
