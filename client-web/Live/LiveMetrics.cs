using System.Diagnostics.Metrics;

namespace Dispatch.Web.Live;

/// <summary>OpenTelemetry-style instruments of the push path (meter "Dispatch.Live").</summary>
public sealed class LiveMetrics : IDisposable
{
    public const string MeterName = "Dispatch.Live";

    private readonly Meter meter = new(MeterName);
    private readonly Histogram<double> pushDelay;
    private readonly Counter<long> messages;
    private readonly Counter<long> drops;

    public LiveMetrics()
    {
        pushDelay = meter.CreateHistogram<double>("dispatch.live.push_delay", "ms", "From the committed change to its hand-off to SignalR on this web instance");
        messages = meter.CreateCounter<long>("dispatch.live.messages", "{message}", "Messages queued for hub connections");
        drops = meter.CreateCounter<long>("dispatch.live.dropped_connections", "{connection}",
            "Connections dropped for falling behind (reason: send_deadline, queue_full, send_failed)");
    }

    public void Pushed(TimeSpan delay) => pushDelay.Record(delay.TotalMilliseconds);

    public void Sent(string kind) => messages.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Dropped(string reason) => drops.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Reports the longest connection queue on this instance as the gauge dispatch.live.outbox_longest.</summary>
    public void ObserveOutboxes(Func<int> longest) =>
        meter.CreateObservableGauge("dispatch.live.outbox_longest", longest, "{message}", "Messages waiting for the most-behind connection");

    public void Dispose() => meter.Dispose();
}
