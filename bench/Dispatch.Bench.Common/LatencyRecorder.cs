using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dispatch.Bench.Common;

/// <summary>Collects latencies per operation and prints p50/p99.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> samples = new();
    private readonly ConcurrentDictionary<string, int> failedStatuses = new();
    private int failures;

    public int Failures => failures;

    /// <summary>Failed requests by HTTP status ("none" when no answer came), e.g. {"412": 3}.</summary>
    public IReadOnlyDictionary<string, int> FailedStatuses => failedStatuses;

    public IEnumerable<string> Operations => samples.Keys.Order(StringComparer.Ordinal);

    public async Task<T> Measure<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref failures);
            var status = e is HttpRequestException { StatusCode: { } code } ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
            failedStatuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            throw;
        }
        finally
        {
            samples.GetOrAdd(operation, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public int Count(string operation) => samples.TryGetValue(operation, out var bag) ? bag.Count : 0;

    /// <summary>The latencies of one operation, or of all together when <paramref name="operation"/> is null, sorted.</summary>
    public double[] Sorted(string? operation) =>
        [.. (operation is null ? samples.Values.SelectMany(b => b) : samples.TryGetValue(operation, out var bag) ? bag : []).Order()];

    public void Print(string title)
    {
        Console.WriteLine(title);
        foreach (var (operation, bag) in samples.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var sorted = bag.OrderBy(x => x).ToArray();
            Console.WriteLine($"  {operation,-10} n={sorted.Length,6}  p50={Percentile(sorted, 0.50),8:0.0} ms  p99={Percentile(sorted, 0.99),8:0.0} ms  max={sorted[^1],8:0.0} ms");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
