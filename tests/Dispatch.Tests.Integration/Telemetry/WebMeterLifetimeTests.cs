using Dispatch.Web.Hosting;
using Dispatch.Web.Live;
using FluentAssertions;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Dispatch.Tests.Integration.Telemetry;

/// <summary>
/// A web app that stops in the same process (test hosts do) must not silence another's live and failover figures:
/// OpenTelemetry's SDK joins the meters of one name into one stream and stops it when one of them is disposed
/// (open-telemetry/opentelemetry-dotnet#6412), which once left the Grafana test without its push-delay series.
/// </summary>
public sealed class WebMeterLifetimeTests
{
    [Fact]
    public void Figures_of_a_running_instance_still_reach_the_exporter_after_another_instance_is_disposed()
    {
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(LiveMetrics.MeterName, FailoverMetrics.MeterName)
            .AddInMemoryExporter(exported)
            .Build();
        // The stopping instance came first: its meter is the one the exporter's streams were made from.
        var stopped = new LiveMetrics();
        stopped.Pushed(TimeSpan.FromMilliseconds(5));
        stopped.ObserveOutboxes(() => 0);
        provider.ForceFlush().Should().BeTrue();
        var running = new LiveMetrics();
        var failover = new FailoverMetrics();
        stopped.Dispose();
        exported.Clear();

        running.Pushed(TimeSpan.FromMilliseconds(12));
        running.ObserveOutboxes(() => 7);
        failover.Retried();
        provider.ForceFlush().Should().BeTrue();
        // A stream the SDK dropped is still exported once after the dropping; the next collection tells.
        exported.Clear();
        running.Pushed(TimeSpan.FromMilliseconds(13));
        failover.Retried();
        provider.ForceFlush().Should().BeTrue();

        exported.Select(m => m.Name).Should().Contain(["dispatch.live.push_delay", "dispatch.live.outbox_longest", "dispatch.failover.retries"]);
        Longest(exported).Should().BeGreaterThanOrEqualTo(7, "the gauge reads every running instance's outboxes");
        running.Dispose();
    }

    private static long Longest(IEnumerable<Metric> metrics)
    {
        long longest = 0;
        foreach (var metric in metrics.Where(m => m.Name == "dispatch.live.outbox_longest"))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                longest = Math.Max(longest, point.GetGaugeLastValueLong());
            }
        }
        return longest;
    }
}
