using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dispatch.Bench.Tickets;

/// <summary>Collects latencies per operation and prints p50/p99.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> samples = new();
    private int failures;

    public int Failures => failures;

    public async Task<T> Measure<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        catch
        {
            Interlocked.Increment(ref failures);
            throw;
        }
        finally
        {
            samples.GetOrAdd(operation, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public int Count(string operation) => samples.TryGetValue(operation, out var bag) ? bag.Count : 0;

    public void Print(string title)
    {
        Console.WriteLine(title);
        foreach (var (operation, bag) in samples.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var sorted = bag.OrderBy(x => x).ToArray();
            Console.WriteLine($"  {operation,-10} n={sorted.Length,6}  p50={Percentile(sorted, 0.50),8:0.0} ms  p99={Percentile(sorted, 0.99),8:0.0} ms  max={sorted[^1],8:0.0} ms");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
