using System.Globalization;
using System.Text.RegularExpressions;

namespace Dispatch.Tests.Integration.Telemetry;

/// <summary>One sample of a scrape: the series name, its labels and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>A Prometheus text-format scrape, parsed into samples.</summary>
public sealed partial class PrometheusText(IReadOnlyList<PrometheusSample> samples, string text)
{
    public IReadOnlyList<PrometheusSample> Samples => samples;

    public string Text => text;

    public IEnumerable<string> Names => samples.Select(s => s.Name).Distinct();

    /// <summary>The value of the series with these labels (other labels, such as otel_scope_name, ignored); null when absent.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value))
            .Select(s => (double?)s.Value).SingleOrDefault();

    /// <summary>Every series of a name, each with its labels.</summary>
    public IEnumerable<PrometheusSample> Series(string name) => samples.Where(s => s.Name == name);

    public static PrometheusText Parse(string text)
    {
        var parsed = new List<PrometheusSample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"Not a Prometheus sample line: {line}");
            }
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => Regex.Unescape(m.Groups["value"].Value));
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, CultureInfo.InvariantCulture),
            };
            parsed.Add(new PrometheusSample(match.Groups["name"].Value, labels, value));
        }
        return new PrometheusText(parsed, text);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
