using FluentAssertions;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.Telemetry;

/// <summary>The processes' /metrics after <see cref="TelemetryScenario"/>: the domain counters, by county and kind, exactly.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class DomainMetricsTests(TelemetrySystem system, ITestOutputHelper output)
{
    private const string Received = "dispatch_items_received_total";
    private const string Resolved = "dispatch_items_resolved_total";
    private const string Overdue = "dispatch_items_overdue_total";

    [Fact]
    public async Task The_silo_counts_items_received_resolved_and_gone_overdue_by_county_and_kind()
    {
        await TelemetryScenario.RunOnceAsync(system);

        var scrape = await TelemetrySystem.ScrapeAsync(system.SiloMetricsPort);

        output.WriteLine(string.Join('\n', scrape.Text.Split('\n').Where(l => l.StartsWith("dispatch_items", StringComparison.Ordinal))));
        scrape.Value(Received, ("county", TelemetryScenario.Own), ("kind", "ticket")).Should().Be(4);
        scrape.Value(Received, ("county", TelemetryScenario.Other), ("kind", "ticket")).Should().Be(2);
        scrape.Value(Resolved, ("county", TelemetryScenario.Own), ("kind", "ticket")).Should().Be(2);
        scrape.Value(Resolved, ("county", TelemetryScenario.Other), ("kind", "ticket")).Should().Be(1);
        scrape.Value(Overdue, ("county", TelemetryScenario.Own), ("kind", "ticket")).Should().Be(1);
        scrape.Value(Overdue, ("county", TelemetryScenario.Other), ("kind", "ticket")).Should().BeNull("nothing went overdue in 330411");
        scrape.Series(Received).Concat(scrape.Series(Resolved)).Concat(scrape.Series(Overdue))
            .SelectMany(s => s.Labels.Keys).Distinct().Should().BeSubsetOf(["county", "kind", "otel_scope_name", "otel_scope_version", "job", "instance"],
                "the items' counters carry no tag but county and kind");
    }

    [Fact]
    public async Task The_silo_reports_its_group_commits_and_the_web_app_its_http_requests()
    {
        await TelemetryScenario.RunOnceAsync(system);

        var silo = await TelemetrySystem.ScrapeAsync(system.SiloMetricsPort);
        var web = await TelemetrySystem.ScrapeAsync(system.WebMetricsPort);
        output.WriteLine("[figure] silo series: " + string.Join(' ', silo.Names.Order()));
        output.WriteLine("[figure] web series: " + string.Join(' ', web.Names.Order()));

        // Eleven commits at least: six registrations, three answers, one dispatch and the watcher's alarm.
        silo.Value("dispatch_group_commit_writers_sum").Should().BeGreaterThanOrEqualTo(11);
        silo.Value("dispatch_group_commit_writers_count").Should().BeGreaterThanOrEqualTo(1);
        silo.Value("dispatch_group_commit_duration_seconds_count").Should().Be(silo.Value("dispatch_group_commit_writers_count"));
        web.Names.Should().Contain("http_server_request_duration_seconds_bucket");
        silo.Names.Should().Contain(n => n.StartsWith("orleans_", StringComparison.Ordinal));
    }
}
