using System.Globalization;

namespace Dispatch.Bench.Common;

/// <summary>CPU time of another process on this machine, from /proc/&lt;pid&gt;/stat (user + system, in clock ticks).</summary>
public sealed class ProcessCpu(int pid, string name)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public int Pid { get; } = pid;

    public string Name { get; } = name;

    /// <summary>
    /// The first .NET process (run by the dotnet host) whose command line mentions <paramref name="marker"/>, e.g.
    /// Dispatch.Web.dll; not a shell that starts it (deploy/supervise.sh names the dll too).
    /// </summary>
    public static ProcessCpu? Find(string marker, string name)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid)
                && TryRead(Path.Combine(folder, "cmdline")) is { } cmdline && cmdline.Contains(marker, StringComparison.Ordinal)
                && Path.GetFileName(cmdline.Split(' ')[0]) == "dotnet"
                && !cmdline.Contains("Dispatch.Bench", StringComparison.Ordinal))
            {
                return new ProcessCpu(pid, name);
            }
        }
        return null;
    }

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
        var fields = StatFields(Pid.ToString(CultureInfo.InvariantCulture));
        return (Ticks(fields, UserTime) + Ticks(fields, SystemTime)) / TicksPerSecond;
    }

    /// <summary>
    /// CPU seconds of the process and of its children that have ended and been waited for (cutime, cstime): a parent's
    /// own use plus what its finished children used.
    /// </summary>
    public double SecondsWithEndedChildren()
    {
        var fields = StatFields(Pid.ToString(CultureInfo.InvariantCulture));
        return (Ticks(fields, UserTime) + Ticks(fields, SystemTime) + Ticks(fields, ChildrenUserTime) + Ticks(fields, ChildrenSystemTime)) / TicksPerSecond;
    }

    /// <summary>
    /// CPU seconds that this process's ended children used (load generators run as child processes, e.g. wrk): a child
    /// is counted once it has exited and been waited for, which <see cref="System.Diagnostics.Process"/> does.
    /// </summary>
    public static double EndedChildrenOfThisProcessSeconds()
    {
        var fields = StatFields("self");
        return (Ticks(fields, ChildrenUserTime) + Ticks(fields, ChildrenSystemTime)) / TicksPerSecond;
    }

    /// <summary>The processes whose parent is <paramref name="parentPid"/> (e.g. PostgreSQL's backends under the postmaster).</summary>
    public static IReadOnlyList<ProcessCpu> ChildrenOf(int parentPid, string name)
    {
        var children = new List<ProcessCpu>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var id = Path.GetFileName(folder);
            if (!int.TryParse(id, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                if (int.Parse(StatFields(id)[ParentPid], CultureInfo.InvariantCulture) == parentPid)
                {
                    children.Add(new ProcessCpu(pid, name));
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return children;
    }

    // Indexes into the fields after the command name (field 3 of proc(5), the state, is index 0).
    private const int ParentPid = 1;
    private const int UserTime = 11;
    private const int SystemTime = 12;
    private const int ChildrenUserTime = 13;
    private const int ChildrenSystemTime = 14;

    private static string[] StatFields(string pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) start after the last ')'.
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);

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
