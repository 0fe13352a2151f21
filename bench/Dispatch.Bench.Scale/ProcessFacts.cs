using System.Globalization;

namespace Dispatch.Bench.Scale;

/// <summary>Memory and start time of a process, from /proc.</summary>
internal static class ProcessFacts
{
    /// <summary>Resident set size in MiB (VmRSS of /proc/&lt;pid&gt;/status).</summary>
    public static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    /// <summary>When the process started: boot time (btime of /proc/stat) plus its start time in clock ticks (field 22 of its stat).</summary>
    public static DateTimeOffset StartedAt(int pid)
    {
        var boot = long.Parse(File.ReadLines("/proc/stat").First(l => l.StartsWith("btime ", StringComparison.Ordinal))[6..], CultureInfo.InvariantCulture);
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[19], CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeSeconds(boot).AddSeconds(ticks / 100.0);
    }
}
