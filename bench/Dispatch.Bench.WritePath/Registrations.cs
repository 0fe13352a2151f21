using System.Globalization;
using System.Text.RegularExpressions;

namespace Dispatch.Bench.WritePath;

/// <summary>
/// Ticket registration driven by wrk (a compiled HTTP load generator, closed loop: each connection sends its next
/// request when the answer came) with load/register.lua: POST /api/tickets as the operator, a unique Idempotency-Key
/// and a varied valid body per request.
/// </summary>
internal sealed partial class Registrations(Uri url, string loadFolder)
{
    public async Task<RegistrationResult> RunAsync(string wrk, string token, int connections, int seconds, string run)
    {
        var output = await Tool.RunAsync(wrk,
        [
            "-t", Math.Min(connections, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--timeout", "10s", "--latency",
            "-s", Path.Combine(loadFolder, "register.lua"), new Uri(url, "/api/tickets").ToString(),
        ], new Dictionary<string, string> { ["BENCH_TOKEN"] = token, ["BENCH_RUN"] = run });
        var line = ResultLine().Match(output);
        if (!line.Success)
        {
            throw new InvalidOperationException($"wrk printed no WRK_RESULT line:\n{output}");
        }
        var values = line.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        long Long(string name) => long.Parse(values[name], CultureInfo.InvariantCulture);
        double Ms(string name) => Long(name) / 1000.0;
        return new RegistrationResult(connections, Long("requests"), Long("ok"), Long("non2xx"), values["statuses"],
            Long("connect") + Long("read") + Long("write") + Long("timeout"), Long("duration_us") / 1e6,
            Ms("p50_us"), Ms("p90_us"), Ms("p99_us"), Ms("max_us"));
    }

    [GeneratedRegex(@"WRK_RESULT (.*)")]
    private static partial Regex ResultLine();
}

/// <summary>wrk's figures for one connection count; <see cref="Rate"/> counts only 2xx answers (registrations).</summary>
internal sealed record RegistrationResult(
    int Connections, long Requests, long Ok, long Non2xx, string Statuses, long SocketErrors, double Seconds,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public double Rate => Ok / Seconds;
}
