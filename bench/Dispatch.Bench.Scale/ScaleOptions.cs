using System.Globalization;

namespace Dispatch.Bench.Scale;

/// <summary>
/// The command (seed, verify, measure, report) and its settings, as bench/scale.sh passes them: --pg-port, --pg-data,
/// --url, --target, --size, --ready-at (Unix ms), --results, --idle-seconds, --probes, --probe-seconds, --requests,
/// --silo-marker, --web-marker, --commit.
/// </summary>
internal sealed class ScaleOptions
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public ScaleOptions(string[] args)
    {
        Command = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Dispatch.Bench.Scale seed|verify|measure|report --option value ...");
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
    }

    public string Command { get; }

    public string Text(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public long Number(string name) => long.Parse(Text(name), CultureInfo.InvariantCulture);

    public long Number(string name, long fallback) => values.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public Uri Url => new(Text("url"));

    public string OwnerConnection => $"Host=127.0.0.1;Port={Number("pg-port")};Database=dispatch;Username=dispatch_owner;Maximum Pool Size=8;Command Timeout=0";

    public string AppConnection => $"Host=127.0.0.1;Port={Number("pg-port")};Database=dispatch;Username=dispatch_app;Maximum Pool Size=4";
}
