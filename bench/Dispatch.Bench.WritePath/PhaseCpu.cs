using System.Diagnostics;
using System.Globalization;
using Dispatch.Bench.Common;

namespace Dispatch.Bench.WritePath;

/// <summary>
/// CPU each part used over one phase, from /proc: the silo, the web app, this PostgreSQL instance (every process of it),
/// the load generator (wrk or pgbench, a child process, counted once it has exited; or this process when it drives the
/// load itself) and the whole machine (which also shows how much other work shared the cores).
/// </summary>
internal sealed class PhaseCpu(ProcessCpu silo, ProcessCpu web, PostgresCpu postgres)
{
    public Sample Take()
    {
        var (pg, processes) = postgres.Sample();
        return new Sample(silo.SecondsOrZero(), web.SecondsOrZero(), pg, processes,
            ProcessCpu.EndedChildrenOfThisProcessSeconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            CpuMeter.MachineBusySeconds(), Stopwatch.GetTimestamp());
    }

    public readonly record struct Sample(double Silo, double Web, double Postgres, int PostgresProcesses, double Children, double Self, double Machine, long At)
    {
        public Use Since(Sample start) => new(Stopwatch.GetElapsedTime(start.At, At).TotalSeconds, Silo - start.Silo, Web - start.Web,
            Postgres - start.Postgres, PostgresProcesses, Children - start.Children, Self - start.Self, Machine - start.Machine);
    }

    /// <summary>CPU seconds per part over a phase of <see cref="Elapsed"/> seconds.</summary>
    public sealed record Use(double Elapsed, double Silo, double Web, double Postgres, int PostgresProcesses, double Children, double Self, double Machine)
    {
        public double System => Silo + Web + Postgres;

        public static string Ms(double seconds, double operations) =>
            operations > 0 ? (seconds * 1000 / operations).ToString("0.000", CultureInfo.InvariantCulture) + " ms" : "n/a";

        public string Cores(double seconds) => (seconds / Elapsed).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
