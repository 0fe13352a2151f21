using System.Globalization;

namespace Dispatch.Bench.Live;

/// <summary>Command-line settings: --url, --clients, --rate (ticket events per second), --seconds, --web-pid.</summary>
internal sealed record LiveBenchOptions(Uri Url, int Clients, int Rate, int Seconds, int? WebPid)
{
    public static LiveBenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new LiveBenchOptions(
            new Uri(values.GetValueOrDefault("url", "http://127.0.0.1:8080")),
            Number("clients", 500),
            Number("rate", 200),
            Number("seconds", 30),
            values.ContainsKey("web-pid") ? Number("web-pid", 0) : null);
    }
}
