namespace Dispatch.Bench.Tickets;

/// <summary>Command-line settings: --url, --db, --workers, --seconds, --rate.</summary>
internal sealed record BenchOptions(Uri Url, string Database, int Workers, int Seconds, int Rate)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new BenchOptions(
            new Uri(values.GetValueOrDefault("url", "http://127.0.0.1:8080")),
            values.GetValueOrDefault("db") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Dispatch")
                ?? "Host=127.0.0.1;Port=55432;Database=dispatch;Username=dispatch",
            int.Parse(values.GetValueOrDefault("workers", "16"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("seconds", "20"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("rate", "100"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
