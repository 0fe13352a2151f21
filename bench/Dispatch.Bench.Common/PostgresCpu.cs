using System.Globalization;

namespace Dispatch.Bench.Common;

/// <summary>
/// CPU of one PostgreSQL instance, from /proc: the postmaster, every process it started that still runs (backends, WAL
/// writer, checkpointer, ...) and those that have ended (the postmaster waits for them, so their time is in its cutime and
/// cstime). Only this instance: other PostgreSQL servers on the machine are not counted.
/// </summary>
public sealed class PostgresCpu(int postmasterPid)
{
    public int PostmasterPid { get; } = postmasterPid;

    /// <summary>The instance whose data folder is <paramref name="dataDirectory"/>: the postmaster's pid is the first line of postmaster.pid.</summary>
    public static PostgresCpu ForDataDirectory(string dataDirectory) =>
        new(int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture));

    /// <summary>CPU seconds used so far, and how many processes the instance has now.</summary>
    public (double Seconds, int Processes) Sample()
    {
        var postmaster = new ProcessCpu(PostmasterPid, "postgres");
        var total = postmaster.SecondsWithEndedChildren();
        var children = ProcessCpu.ChildrenOf(PostmasterPid, "postgres");
        foreach (var child in children)
        {
            total += child.SecondsOrZero();
        }
        return (total, children.Count + 1);
    }
}
