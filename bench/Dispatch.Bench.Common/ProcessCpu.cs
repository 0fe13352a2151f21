using System.Globalization;

namespace Dispatch.Bench.Common;

/// <summary>CPU time of another process on this machine, from /proc/&lt;pid&gt;/stat (user + system, in clock ticks).</summary>
public sealed class ProcessCpu(int pid, string name)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public int Pid { get; } = pid;

    public string Name { get; } = name;

    /// <summary>The first process whose command line mentions <paramref name="marker"/>, e.g. Dispatch.Web.dll.</summary>
    public static ProcessCpu? Find(string marker, string name)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid)
                && TryRead(Path.Combine(folder, "cmdline")) is { } cmdline && cmdline.Contains(marker, StringComparison.Ordinal)
                && !cmdline.Contains("Dispatch.Bench", StringComparison.Ordinal))
            {
                return new ProcessCpu(pid, name);
            }
        }
        return null;
    }

    /// <summary>Every process whose command line mentions the marker (PostgreSQL runs one per connection).</summary>
    public static IReadOnlyList<ProcessCpu> FindAll(string marker, string name) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out _)
                && TryRead(Path.Combine(folder, "cmdline")) is { } cmdline && cmdline.Contains(marker, StringComparison.Ordinal))
            .Select(folder => new ProcessCpu(int.Parse(Path.GetFileName(folder), CultureInfo.InvariantCulture), name))];

    /// <summary>CPU seconds used so far; 0 once the process has gone.</summary>
    public double SecondsOrZero()
    {
        try
        {
            return Seconds();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public double Seconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
