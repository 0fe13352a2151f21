using System.Globalization;
using Dispatch.Bench.Common;
using Dispatch.Bench.WritePath;

// The write-path benchmark (issue 13, item 3). bench/write-path.sh starts PostgreSQL, the silo and the web app and runs
// this; every figure it prints is measured in this run. Phases, each --seconds long:
//   for each connection count (1, 8, 32): pgbench's plain durable single-row INSERT rate, then ticket registration
//   driven by wrk, with the CPU each part used; then the whole life cycle at --rate tickets/s.
var options = WritePathOptions.Parse(args);
var invariant = CultureInfo.InvariantCulture;
var load = Path.Combine(AppContext.BaseDirectory, "load");
var wrk = Environment.GetEnvironmentVariable("WRK") ?? "wrk";
var pgbench = Environment.GetEnvironmentVariable("PGBENCH") ?? "pgbench";

var silo = ProcessCpu.Find(options.SiloMarker, "silo") ?? throw new InvalidOperationException($"no process runs {options.SiloMarker}");
var web = ProcessCpu.Find(options.WebMarker, "web") ?? throw new InvalidOperationException($"no process runs {options.WebMarker}");
var cpu = new PhaseCpu(silo, web, PostgresCpu.ForDataDirectory(options.PgData));
var raw = new RawInserts(options.PgPort, load);
var registrations = new Registrations(options.Url, load);
var statements = new Statements(options.PgPort);
var profiling = await statements.EnableAsync();
var runId = Guid.NewGuid().ToString("N")[..12];

Console.WriteLine($"write-path benchmark  {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC  commit {options.Commit}  {Environment.ProcessorCount} cores  "
    + $"phases {options.Seconds} s  connections {string.Join('/', options.Clients)}  life cycle {options.Rate} tickets/s");
Console.WriteLine("PostgreSQL (as measured): " + string.Join(", ", (await raw.SettingsAsync()).Select(s => $"{s.Name}={s.Value}")));
Console.WriteLine($"processes: silo pid {silo.Pid}, web pid {web.Pid}, postmaster pid {PostgresCpu.ForDataDirectory(options.PgData).PostmasterPid}");

await raw.CreateAsync();
// The paced driver's operator account stands for a whole shift of operators: no client-side limit on connections.
using var operatorClient = await TicketClient.SignInAsync(options.Url, "operator@jx12385.test", int.MaxValue);
using var lifecycle = new Lifecycle(options.Url, operatorClient);

// Warm-up (not counted): JIT, connection pools, grain directories, one staff sign-in per unit.
if (options.WarmupSeconds > 0)
{
    var warm = await registrations.RunAsync(wrk, operatorClient.AccessToken, 8, options.WarmupSeconds, $"{runId}-warm");
    var warmCycle = await lifecycle.RunAsync(options.Rate, options.WarmupSeconds, $"{runId}-warm-cycle");
    Console.WriteLine($"warm-up (not counted): {warm.Ok} registrations, {warmCycle.Completed} life cycles, "
        + $"{warm.Non2xx + warmCycle.Latencies.Failures} failed requests");
}

// A few seconds with no load: the background CPU of each part, to read the per-operation figures against.
var restStart = cpu.Take();
await Task.Delay(TimeSpan.FromSeconds(5));
var rest = cpu.Take().Since(restStart);

var rows = new List<(RawInsertResult Raw, PhaseCpu.Use RawCpu, RegistrationResult Http, PhaseCpu.Use HttpCpu)>();
// PostgreSQL's statements are profiled in the phases of the largest connection count (the target's), raw and HTTP.
var profiled = options.Clients.Max();
(StatementProfile Raw, StatementProfile Http)? profile = null;
foreach (var clients in options.Clients)
{
    var profileThis = profiling && clients == profiled;
    await raw.ResetTableAsync();
    if (profileThis)
    {
        await statements.ResetAsync();
    }
    var before = cpu.Take();
    var rawResult = await raw.RunAsync(pgbench, clients, options.Seconds);
    await Task.Delay(300); // the backends of pgbench's connections end and are waited for by the postmaster
    var rawCpu = cpu.Take().Since(before);
    var rawProfile = profileThis ? await statements.ReadAsync() : null;

    await raw.CheckpointAsync();
    // A fresh sign-in per phase: an access token lives 30 minutes, long phases must not outlive it.
    using var signedIn = await TicketClient.SignInAsync(options.Url, "operator@jx12385.test");
    if (profileThis)
    {
        await statements.ResetAsync();
    }
    before = cpu.Take();
    var http = await registrations.RunAsync(wrk, signedIn.AccessToken, clients, options.Seconds, $"{runId}-c{clients}");
    var httpCpu = cpu.Take().Since(before);
    if (rawProfile is not null)
    {
        profile = (rawProfile, await statements.ReadAsync());
    }
    rows.Add((rawResult, rawCpu, http, httpCpu));
    Console.WriteLine($"  {clients,2} connections: pgbench {rawResult.Rate:0} rows/s, wrk {http.Rate:0} registrations/s (measured)");
}

await raw.CheckpointAsync();
var cycleBefore = cpu.Take();
var cycle = await lifecycle.RunAsync(options.Rate, options.Seconds, $"{runId}-cycle");
var cycleCpu = cpu.Take().Since(cycleBefore);
await raw.DropAsync();

Report.Print(options, rows, cycle, cycleCpu, rest);
Report.PrintStatements(profiled, profile, rows);
