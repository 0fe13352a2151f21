using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Bench.Common;

/// <summary>
/// Where the CPU went during one phase of a benchmark run: the silo, the web app, the benchmark itself and the rest of
/// the machine (PostgreSQL above all), from /proc. The rest is the machine's busy time minus the three processes, so
/// PostgreSQL backends that come and go during the phase are counted too.
/// </summary>
public sealed class CpuMeter
{
    private readonly ProcessCpu? silo = ProcessCpu.Find("Dispatch.Silo.dll", "silo");
    private readonly ProcessCpu? web = ProcessCpu.Find("Dispatch.Web.dll", "web");
    private CpuSample start;

    public void Start() => start = Sample();

    /// <summary>CPU seconds each part used since <see cref="Start"/>.</summary>
    public CpuUse Stop()
    {
        var end = Sample();
        var elapsed = Stopwatch.GetElapsedTime(start.At, end.At).TotalSeconds;
        var siloUsed = end.Silo - start.Silo;
        var webUsed = end.Web - start.Web;
        var selfUsed = end.Self - start.Self;
        var machine = end.Machine - start.Machine;
        return new CpuUse(elapsed, machine, silo is null ? null : siloUsed, web is null ? null : webUsed, selfUsed,
            Math.Max(0, machine - siloUsed - webUsed - selfUsed));
    }

    private CpuSample Sample() =>
        new(MachineBusySeconds(), silo?.SecondsOrZero() ?? 0, web?.SecondsOrZero() ?? 0,
            Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, Stopwatch.GetTimestamp());

    private readonly record struct CpuSample(double Machine, double Silo, double Web, double Self, long At);

    /// <summary>Busy CPU seconds of all cores since boot: the first line of /proc/stat, without idle and iowait.</summary>
    public static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user).
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]) / 100.0;
    }
}

/// <summary>CPU seconds per part over a phase; null where the process was not found on this machine.</summary>
public sealed record CpuUse(double Elapsed, double Machine, double? Silo, double? Web, double Self, double Rest)
{
    /// <summary>One line: milliseconds of CPU per operation for each part, and how busy the machine's cores were.</summary>
    public string PerOperation(double operations, string operation)
    {
        string Ms(double? seconds) => seconds is { } s && operations > 0
            ? (s * 1000 / operations).ToString("0.00", CultureInfo.InvariantCulture) + " ms" : "n/a";
        var busy = (Machine / Elapsed).ToString("0.00", CultureInfo.InvariantCulture);
        return $"  CPU per {operation}: silo {Ms(Silo)}, web {Ms(Web)}, benchmark {Ms(Self)}, rest (PostgreSQL, OS) {Ms(Rest)}; "
            + $"total {Ms(Machine)} (cores busy {busy} of {Environment.ProcessorCount})";
    }
}
