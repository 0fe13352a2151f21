using System.Globalization;
using Dispatch.Bench.Common;

namespace Dispatch.Bench.WritePath;

/// <summary>The final tables: registration against the raw INSERT rate, CPU per operation, the paced life cycle.</summary>
internal static class Report
{
    private const double TargetRatio = 0.25;
    private const double TargetP99Ms = 50;
    private const int TargetConnections = 32;
    private static readonly string[] Requests = ["register", "dispatch", "sign", "resolve", "callback", "close"];

    public static void Print(
        WritePathOptions options, IReadOnlyList<(RawInsertResult Raw, PhaseCpu.Use RawCpu, RegistrationResult Http, PhaseCpu.Use HttpCpu)> rows,
        LifecycleResult cycle, PhaseCpu.Use cycleCpu, PhaseCpu.Use rest)
    {
        var cores = Environment.ProcessorCount;
        Console.WriteLine();
        Console.WriteLine(Invariant($"At rest ({rest.Elapsed:0} s with no load, after the warm-up): silo {rest.Cores(rest.Silo)}, web {rest.Cores(rest.Web)}, ")
            + Invariant($"PostgreSQL {rest.Cores(rest.Postgres)} cores; the machine {rest.Cores(rest.Machine)} of {cores} (other work on it)"));
        Console.WriteLine();
        Console.WriteLine($"Registration against PostgreSQL's plain durable single-row INSERT (same instance, same connections, {options.Seconds} s each):");
        Console.WriteLine("| clients | plain durable INSERT (pgbench) | ticket registration (wrk) | ratio | registration p50 | p99 | non-2xx | socket errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (raw, _, http, _) in rows)
        {
            Console.WriteLine(Invariant($"| {raw.Clients} | {raw.Rate:N0}/s | {http.Rate:N0}/s | {Percent(http.Rate / raw.Rate)} | {http.P50Ms:0.0} ms | {http.P99Ms:0.0} ms | {http.Non2xx} | {http.SocketErrors} |"));
        }
        foreach (var (raw, _, http, _) in rows.Where(r => r.Http.Non2xx > 0 || r.Raw.Failed > 0))
        {
            Console.WriteLine(Invariant($"  {raw.Clients} connections: non-2xx by status {http.Statuses}; pgbench failed transactions {raw.Failed}"));
        }
        if (rows.FirstOrDefault(r => r.Raw.Clients == TargetConnections) is { Raw: not null } target)
        {
            var ratio = target.Http.Rate / target.Raw.Rate;
            Console.WriteLine(Invariant($"target at {TargetConnections} connections: registrations >= {Percent(TargetRatio)} of raw: {Percent(ratio)} {Met(ratio >= TargetRatio)}; ")
                + Invariant($"p99 < {TargetP99Ms} ms: {target.Http.P99Ms:0.0} ms {Met(target.Http.P99Ms < TargetP99Ms)}; non-2xx = 0: {target.Http.Non2xx} {Met(target.Http.Non2xx == 0)}"));
        }

        Console.WriteLine();
        Console.WriteLine("CPU per operation, from /proc (utime+stime deltas; PostgreSQL = every process of this instance):");
        foreach (var (raw, rawCpu, http, httpCpu) in rows)
        {
            Console.WriteLine(Invariant($"  registration, {http.Connections,2} connections: silo {PhaseCpu.Use.Ms(httpCpu.Silo, http.Ok)}, web {PhaseCpu.Use.Ms(httpCpu.Web, http.Ok)}, ")
                + Invariant($"PostgreSQL {PhaseCpu.Use.Ms(httpCpu.Postgres, http.Ok)} ({httpCpu.PostgresProcesses} processes); system {PhaseCpu.Use.Ms(httpCpu.System, http.Ok)}. ")
                + Invariant($"Apart: wrk {PhaseCpu.Use.Ms(httpCpu.Children, http.Ok)}. ") + Busy(httpCpu, httpCpu.System + httpCpu.Children, cores));
            Console.WriteLine(Invariant($"  raw INSERT,   {raw.Clients,2} connections: PostgreSQL {PhaseCpu.Use.Ms(rawCpu.Postgres, raw.Rows)}. ")
                + Invariant($"Apart: pgbench {PhaseCpu.Use.Ms(rawCpu.Children, raw.Rows)}. ") + Busy(rawCpu, rawCpu.System + rawCpu.Children, cores));
        }

        Console.WriteLine();
        var failed = cycle.Latencies.FailedStatuses.Count == 0 ? "none"
            : string.Join(", ", cycle.Latencies.FailedStatuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        Console.WriteLine(Invariant($"Whole life cycle at {cycle.Rate} tickets/s offered for {options.Seconds} s (register, dispatch, sign, resolve, callback, close; compiled paced driver):"));
        Console.WriteLine(Invariant($"  tickets started {cycle.Started} ({cycle.StartedPerSecond:0.0}/s), completed {cycle.Completed}; failed requests {cycle.Latencies.Failures} (by status: {failed})"));
        Console.WriteLine($"| request | n | p50 | p99 | max | p99 < {TargetP99Ms:0} ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var operation in Requests.Where(o => cycle.Latencies.Count(o) > 0).Append(null))
        {
            var sorted = cycle.Latencies.Sorted(operation);
            var p99 = LatencyRecorder.Percentile(sorted, 0.99);
            Console.WriteLine(Invariant($"| {operation ?? "all requests"} | {sorted.Length} | {LatencyRecorder.Percentile(sorted, 0.5):0.0} ms | {p99:0.0} ms | {(sorted.Length > 0 ? sorted[^1] : double.NaN):0.0} ms | {Met(p99 < TargetP99Ms)} |"));
        }
        Console.WriteLine(Invariant($"  driver start lag (how late a ticket's first request left against its schedule): p50 {LatencyRecorder.Percentile(cycle.StartLagMs, 0.5):0.0} ms, p99 {LatencyRecorder.Percentile(cycle.StartLagMs, 0.99):0.0} ms"));
        var lives = cycle.Completed;
        Console.WriteLine(Invariant($"  CPU per ticket life cycle (6 requests): silo {PhaseCpu.Use.Ms(cycleCpu.Silo, lives)}, web {PhaseCpu.Use.Ms(cycleCpu.Web, lives)}, ")
            + Invariant($"PostgreSQL {PhaseCpu.Use.Ms(cycleCpu.Postgres, lives)}; system {PhaseCpu.Use.Ms(cycleCpu.System, lives)}. Apart: the driver {PhaseCpu.Use.Ms(cycleCpu.Self, lives)}. ")
            + Busy(cycleCpu, cycleCpu.System + cycleCpu.Self, cores));
    }

    /// <summary>PostgreSQL's statements per raw INSERT and per registration at the profiled connection count.</summary>
    public static void PrintStatements(
        int clients, (StatementProfile Raw, StatementProfile Http)? profile,
        IReadOnlyList<(RawInsertResult Raw, PhaseCpu.Use RawCpu, RegistrationResult Http, PhaseCpu.Use HttpCpu)> rows)
    {
        Console.WriteLine();
        if (profile is not { } p || rows.FirstOrDefault(r => r.Raw.Clients == clients) is not { Raw: not null } row)
        {
            Console.WriteLine("PostgreSQL statements: not profiled (the server was started without pg_stat_statements preloaded).");
            return;
        }
        var inserts = row.Raw.Rows;
        var registrations = row.Http.Ok;
        Console.WriteLine(Invariant($"Where PostgreSQL's work goes at {clients} connections (pg_stat_statements, reset before each phase; per operation):"));
        Console.WriteLine("| per operation | raw INSERT | registration | ratio |");
        Console.WriteLine("|---|---|---|---|");
        void Line(string name, double rawTotal, double httpTotal) => Console.WriteLine(Invariant(
            $"| {name} | {StatementProfile.PerOperation(rawTotal, inserts)} | {StatementProfile.PerOperation(httpTotal, registrations)} | ")
            + (rawTotal > 0 && inserts > 0 && registrations > 0 ? Invariant($"{httpTotal / registrations / (rawTotal / inserts):0.0}x |") : "n/a |"));
        Line("statements executed", p.Raw.Calls, p.Http.Calls);
        Line("rows written", p.Raw.RowsWritten, p.Http.RowsWritten);
        Line("WAL records", p.Raw.WalRecords, p.Http.WalRecords);
        Line("WAL bytes", p.Raw.WalBytes, p.Http.WalBytes);
        Line("execution time, ms (wall, inside the server)", p.Raw.ExecMs, p.Http.ExecMs);
        Console.WriteLine("Registration's statements, most execution time first (calls, ms, rows and WAL bytes per registration):");
        Console.WriteLine("| statement | calls | exec ms | rows | WAL bytes |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var statement in p.Http.Statements.Take(15))
        {
            Console.WriteLine(Invariant($"| `{statement.Query.Replace("|", "\\|", StringComparison.Ordinal)}` | {StatementProfile.PerOperation(statement.Calls, registrations)} | ")
                + Invariant($"{StatementProfile.PerOperation(statement.ExecMs, registrations)} | {StatementProfile.PerOperation(statement.Rows, registrations)} | {StatementProfile.PerOperation(statement.WalBytes, registrations)} |"));
        }
        if (p.Http.Statements.Count > 15)
        {
            var rest = p.Http.Statements.Skip(15).ToList();
            Console.WriteLine(Invariant($"| {rest.Count} other statements | {StatementProfile.PerOperation(rest.Sum(s => s.Calls), registrations)} | {StatementProfile.PerOperation(rest.Sum(s => s.ExecMs), registrations)} | ")
                + Invariant($"{StatementProfile.PerOperation(rest.Sum(s => s.Rows), registrations)} | {StatementProfile.PerOperation(rest.Sum(s => s.WalBytes), registrations)} |"));
        }
    }

    private static string Busy(PhaseCpu.Use use, double measured, int cores) =>
        Invariant($"Cores busy: {use.Cores(use.Machine)} of {cores} (these processes {use.Cores(measured)}, other work on the machine {use.Cores(Math.Max(0, use.Machine - measured))})");

    private static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Met(bool met) => met ? "met" : "NOT met";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
