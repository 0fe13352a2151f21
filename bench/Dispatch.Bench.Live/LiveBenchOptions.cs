using System.Globalization;

namespace Dispatch.Bench.Live;

/// <summary>
/// Command-line settings: --url, --clients, --rate (ticket events per second), --seconds, --web-pid, --pg-data (the data
/// folder of the PostgreSQL instance whose CPU is reported; deploy/run.sh's .data/postgres by default), --client (raw, the
/// default: a bare WebSocket per browser that reads only what is measured; signalr: the full SignalR .NET client).
/// </summary>
internal sealed record LiveBenchOptions(Uri Url, int Clients, int Rate, int Seconds, int? WebPid, string PgData, bool FullClient)
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
            values.ContainsKey("web-pid") ? Number("web-pid", 0) : null,
            values.GetValueOrDefault("pg-data", Path.Combine(".data", "postgres")),
            values.GetValueOrDefault("client", "raw") switch
            {
                "raw" => false,
                "signalr" => true,
                var other => throw new ArgumentException($"--client must be raw or signalr, not {other}"),
            });
    }
}
