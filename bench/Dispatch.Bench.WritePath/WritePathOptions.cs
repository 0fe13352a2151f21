using System.Globalization;

namespace Dispatch.Bench.WritePath;

/// <summary>
/// Command-line settings (bench/write-path.sh passes them all): --url, --pg-port, --pg-data, --seconds, --warmup,
/// --clients 1,8,32, --rate, --silo-marker, --web-marker, --commit.
/// </summary>
internal sealed record WritePathOptions(
    Uri Url, int PgPort, string PgData, int Seconds, int WarmupSeconds, IReadOnlyList<int> Clients, int Rate,
    string SiloMarker, string WebMarker, string Commit)
{
    public static WritePathOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
        int Number(string name, string fallback) => int.Parse(values.GetValueOrDefault(name, fallback), CultureInfo.InvariantCulture);
        return new WritePathOptions(
            new Uri(Required("url")),
            Number("pg-port", "0") is > 0 and var port ? port : throw new ArgumentException("--pg-port is required"),
            Required("pg-data"),
            Number("seconds", "20"),
            Number("warmup", "10"),
            [.. values.GetValueOrDefault("clients", "1,8,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            Number("rate", "100"),
            Required("silo-marker"),
            Required("web-marker"),
            values.GetValueOrDefault("commit", "unknown"));
    }
}
