using System.Globalization;

namespace Dispatch.Bench.Scale;

/// <summary>The table of every size measured in this run, one column per size, and the targets of issue 13 item 6.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<SizeFigures> sizes)
    {
        var invariant = CultureInfo.InvariantCulture;
        string Ms(double value) => double.IsNaN(value) ? "n/a" : value.ToString(value < 10 ? "0.0" : "0", invariant) + " ms";
        var rows = new List<(string Name, Func<SizeFigures, string> Value)>
        {
            ("open items (tickets)", s => s.OpenItems.ToString("N0", invariant)),
            ("bulk seeding to this size", s => s.SeedSeconds.ToString("0", invariant) + " s"),
            ("silo start-up until ready", s => s.StartupSeconds.ToString("0.0", invariant) + " s"),
            ("silo RSS at rest", s => s.SiloRssMiB.ToString("0", invariant) + " MiB"),
            ("web RSS at rest", s => s.WebRssMiB.ToString("0", invariant) + " MiB"),
            ("silo CPU per idle minute", s => Ms(s.SiloCpuMsPerIdleMinute)),
            ("PostgreSQL CPU per idle minute", s => Ms(s.PostgresCpuMsPerIdleMinute)),
            ("deadline -> overdue stored p50", s => Ms(s.DeadlineP50Ms)),
            ("deadline -> overdue stored p99", s => Ms(s.DeadlineP99Ms)),
            ("deadline -> overdue stored max", s => Ms(s.DeadlineMaxMs)),
            ("deadline probes fired", s => $"{s.Probes - s.ProbesMissing}/{s.Probes}"),
            ("largest unit (open)", s => $"{s.LargestUnit} ({s.LargestUnitOpen:N0})"),
            ("worklist p50 / p99", s => $"{Ms(s.WorklistP50Ms)} / {Ms(s.WorklistP99Ms)}"),
            ("search by number p50 / p99", s => $"{Ms(s.SearchNumberP50Ms)} / {Ms(s.SearchNumberP99Ms)}"),
            ("search by text p50 / p99", s => $"{Ms(s.SearchTextP50Ms)} / {Ms(s.SearchTextP99Ms)}"),
            ("search status+county p50 / p99", s => $"{Ms(s.SearchStatusCountyP50Ms)} / {Ms(s.SearchStatusCountyP99Ms)}"),
            ("stats snapshot p50 / p99", s => $"{Ms(s.StatsP50Ms)} / {Ms(s.StatsP99Ms)}"),
            ("bulk ticket read + resolved", s => s.BulkItemBehaves ? "yes" : "NO"),
        };
        var width = rows.Max(r => r.Name.Length) + 2;
        var columns = sizes.Select(s => Math.Max(16, rows.Max(r => r.Value(s).Length) + 2)).ToList();
        Console.WriteLine();
        Console.WriteLine($"cost curve to a million open items  commit {sizes[^1].Commit}  {Environment.ProcessorCount} cores  measured {sizes[^1].At} UTC");
        foreach (var (name, value) in rows)
        {
            Console.WriteLine(name.PadRight(width) + string.Concat(sizes.Select((s, i) => value(s).PadLeft(columns[i]))));
        }
        Console.WriteLine();
        var largest = sizes[^1];
        var smallest = sizes[0];
        Console.WriteLine("targets:");
        Console.WriteLine($"  deadline p99 under 1 s at {largest.OpenItems:N0}: {Ms(largest.DeadlineP99Ms)} -> {Met(largest.DeadlineP99Ms < 1000 && largest.ProbesMissing == 0)}");
        Console.WriteLine($"  stats snapshot p99 under 50 ms at {largest.OpenItems:N0}: {Ms(largest.StatsP99Ms)} -> {Met(largest.StatsP99Ms < 50)}");
        // "Does not grow": within half again of the smallest size's figure, plus 100 ms of noise on a shared machine.
        var grows = sizes.Any(s => s.SiloCpuMsPerIdleMinute > smallest.SiloCpuMsPerIdleMinute * 1.5 + 100);
        Console.WriteLine($"  silo CPU per idle minute does not grow with open items ({string.Join(" -> ", sizes.Select(s => Ms(s.SiloCpuMsPerIdleMinute)))}; "
            + $"at most 1.5x the smallest size + 100 ms): {Met(!grows)}");
        var pgGrows = sizes.Any(s => s.PostgresCpuMsPerIdleMinute > smallest.PostgresCpuMsPerIdleMinute * 1.5 + 100);
        Console.WriteLine($"  PostgreSQL CPU per idle minute does not grow ({string.Join(" -> ", sizes.Select(s => Ms(s.PostgresCpuMsPerIdleMinute)))}): {Met(!pgGrows)}");
        Console.WriteLine($"  bulk items behave after a restart at every size: {Met(sizes.All(s => s.BulkItemBehaves))}");
    }

    private static string Met(bool met) => met ? "met" : "NOT MET";
}
