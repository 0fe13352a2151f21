using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.Telemetry;

/// <summary>deploy/grafana/dispatch.json parses, and every series its panels query is one the processes really export.</summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class GrafanaDashboardTests(TelemetrySystem system, ITestOutputHelper output)
{
    private static readonly HashSet<string> PromQlWords =
    [
        "sum", "rate", "irate", "increase", "histogram_quantile", "by", "without", "on", "ignoring", "le", "avg", "max", "min",
        "count", "topk", "clamp_min", "and", "or", "unless", "offset", "bool", "county", "kind", "job", "instance", "service_name",
        "otel_scope_name", "type", "http_route", "http_response_status_code", "gc_heap_generation", "db_client_connection_state",
    ];

    [Fact]
    public async Task Every_panel_queries_a_series_that_web_app_or_silo_exports()
    {
        await TelemetryScenario.RunOnceAsync(system);
        var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "deploy/grafana/dispatch.json"))).RootElement;
        var panels = dashboard.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();
        var silo = await TelemetrySystem.ScrapeAsync(system.SiloMetricsPort);
        var web = await TelemetrySystem.ScrapeAsync(system.WebMetricsPort);
        var exported = silo.Names.Concat(web.Names).ToHashSet();

        var missing = new List<string>();
        foreach (var panel in panels)
        {
            var expressions = panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!).ToList();
            expressions.Should().NotBeEmpty($"panel '{panel.GetProperty("title").GetString()}' queries something");
            missing.AddRange(expressions.SelectMany(MetricNames).Where(name => !exported.Contains(name))
                .Select(name => $"{panel.GetProperty("title").GetString()}: {name}"));
        }

        output.WriteLine($"[figure] grafana dashboard: {panels.Count} panels; exported series: {string.Join(' ', exported.Order())}");
        panels.Should().HaveCountGreaterThanOrEqualTo(12);
        missing.Should().BeEmpty();
    }

    /// <summary>The identifiers of a PromQL expression that name series (not functions, keywords, labels or label values).</summary>
    private static IEnumerable<string> MetricNames(string expression)
    {
        var withoutStrings = QuotedText().Replace(expression, "\"\"");
        var withoutSelectors = LabelMatchers().Replace(withoutStrings, "");
        var withoutGroupings = RangeBrackets().Replace(Groupings().Replace(withoutSelectors, ""), "");
        return Identifier().Matches(withoutGroupings).Select(m => m.Value).Where(w => !PromQlWords.Contains(w) && !w.All(char.IsAsciiDigit)).Distinct();
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Groupings();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeBrackets();

    [GeneratedRegex(@"[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
