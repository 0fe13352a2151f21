using System.Diagnostics.Metrics;

namespace Dispatch.Web.Live;

/// <summary>OpenTelemetry-style instruments of the push path (meter "Dispatch.Live").</summary>
public sealed class LiveMetrics : IDisposable
{
    public const string MeterName = "Dispatch.Live";

    private readonly Meter meter = new(MeterName);
    private readonly Histogram<double> pushDelay;
    private readonly Counter<long> messages;

    public LiveMetrics()
    {
        pushDelay = meter.CreateHistogram<double>("dispatch.live.push_delay", "ms", "From the committed change to its hand-off to SignalR on this web instance");
        messages = meter.CreateCounter<long>("dispatch.live.messages", "{message}", "Messages sent to SignalR groups");
    }

    public void Pushed(TimeSpan delay) => pushDelay.Record(delay.TotalMilliseconds);

    public void Sent(string kind) => messages.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Dispose() => meter.Dispose();
}
