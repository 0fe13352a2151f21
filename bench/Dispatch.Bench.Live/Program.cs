using System.Diagnostics;
using Dispatch.Bench.Common;
using Dispatch.Bench.Live;

// Live push benchmark: run against a running system (deploy/run.sh), prints its figures.
//   dotnet run -c Release --project bench/Dispatch.Bench.Live -- --url http://127.0.0.1:8080 --clients 500 --rate 200 --seconds 30
var options = LiveBenchOptions.Parse(args);
Console.WriteLine($"target {options.Url}  clients {options.Clients} ({(options.FullClient ? "SignalR .NET client" : "bare WebSocket, hub protocol JSON")})  ticket events {options.Rate}/s  for {options.Seconds} s");
var web = options.WebPid is { } pid ? new ProcessCpu(pid, "web") : ProcessCpu.Find("Dispatch.Web.dll", "web");
var silo = ProcessCpu.Find("Dispatch.Silo.dll", "silo");

using var operatorClient = await ApiClient.SignInAsync(options.Url, "operator@jx12385.test");
var units = await operatorClient.UnitsAsync();
var counties = units.Select(u => u.County).Where(c => c != "330400").Distinct().Order(StringComparer.Ordinal).ToList();
var centreStaff = new Dictionary<string, ApiClient>(StringComparer.Ordinal);
foreach (var county in counties)
{
    centreStaff[county] = await ApiClient.SignInAsync(options.Url, $"staff.{county}-centre@jx12385.test");
}

// Scopes across the tree: a tenth city-wide, four tenths counties, the rest units (one account per scope).
var tokens = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["city"] = (await ApiClient.SignInAsync(options.Url, "supervisor@jx12385.test")).Token,
};
foreach (var county in counties)
{
    tokens[$"county:{county}"] = (await ApiClient.SignInAsync(options.Url, $"supervisor.{county}@jx12385.test")).Token;
}
foreach (var (code, _) in units)
{
    tokens[$"unit:{code}"] = (await ApiClient.SignInAsync(options.Url, $"staff.{code.ToLowerInvariant()}@jx12385.test")).Token;
}
var countyScopes = tokens.Keys.Where(k => k.StartsWith("county:", StringComparison.Ordinal)).ToList();
var unitScopes = tokens.Keys.Where(k => k.StartsWith("unit:", StringComparison.Ordinal)).ToList();
string ScopeOf(int i) => (i % 10) switch
{
    0 => "city",
    <= 4 => countyScopes[i % countyScopes.Count],
    _ => unitScopes[i % unitScopes.Count],
};

await using var clients = new LiveClients(options.FullClient);
var connecting = Stopwatch.StartNew();
using (var gate = new SemaphoreSlim(32))
{
    await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            await clients.ConnectAsync(options.Url, tokens[ScopeOf(i)], ScopeOf(i));
        }
        finally
        {
            gate.Release();
        }
    }));
}
// A snapshot's handler can run just after its Join returns.
await LiveClients.SettledAsync(() => clients.Snapshots >= options.Clients ? -1 : clients.Snapshots, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
Console.WriteLine($"{options.Clients} clients connected and joined in {connecting.Elapsed.TotalSeconds:0.0} s ({clients.Snapshots} snapshots)");

var driver = new TicketDriver(operatorClient, centreStaff);
var webCpu = web?.Seconds();
var siloCpu = silo?.Seconds();
// The whole instance (backends, WAL writer, checkpointer, autovacuum), not only the connections open at the start.
var postgres = File.Exists(Path.Combine(options.PgData, "postmaster.pid")) ? PostgresCpu.ForDataDirectory(options.PgData) : null;
var postgresCpu = postgres?.Sample().Seconds ?? 0;
var benchCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
var run = Stopwatch.StartNew();
clients.StartRecording();
await driver.RunAsync(options.Rate, TimeSpan.FromSeconds(options.Seconds));
var driving = run.Elapsed;
var webUsed = web is null ? (double?)null : web.Seconds() - webCpu!.Value;
var siloUsed = silo is null ? (double?)null : silo.Seconds() - siloCpu!.Value;
var postgresUsed = postgres is null ? (double?)null : postgres.Sample().Seconds - postgresCpu;
var benchUsed = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - benchCpu;
// Messages still in flight when driving stops count too: wait until deliveries stop arriving.
await LiveClients.SettledAsync(() => clients.Items + clients.Alerts, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
clients.StopRecording();

var delays = clients.Delays.Order().ToArray();
var steps = driver.Latencies.Order().ToArray();
Console.WriteLine($"ticket events: {driver.Steps / driving.TotalSeconds:0.0}/s over {driving.TotalSeconds:0.0} s ({driver.Steps} events, {driver.Failures} failures)");
Console.WriteLine($"  HTTP step latency        p50={LiveClients.Percentile(steps, 0.5),7:0.0} ms  p99={LiveClients.Percentile(steps, 0.99),7:0.0} ms");
foreach (var (action, values) in driver.LatenciesByAction.OrderBy(a => a.Key, StringComparer.Ordinal))
{
    var sorted = values.Order().ToArray();
    Console.WriteLine($"    {action,-10} n={sorted.Length,5}  p50={LiveClients.Percentile(sorted, 0.5),7:0.0} ms  p99={LiveClients.Percentile(sorted, 0.99),7:0.0} ms");
}
// The slowest seconds of the run, to set beside the servers' logs and metrics: a stall shows as a second whose slowest step is long.
var slowest = driver.Timeline.GroupBy(t => new DateTimeOffset(t.Finished.Ticks - t.Finished.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero))
    .Select(g => (Second: g.Key, Max: g.Max(t => t.Milliseconds))).OrderByDescending(g => g.Max).Take(5).OrderBy(g => g.Second).ToList();
Console.WriteLine($"    slowest seconds (UTC, slowest step): {string.Join(", ", slowest.Select(g => $"{g.Second:HH:mm:ss} {g.Max:0} ms"))}");
Console.WriteLine($"pushed messages received: itemChanged {clients.Items}, alert {clients.Alerts}, statsChanged {clients.Stats}");
Console.WriteLine($"  grain event -> client    p50={LiveClients.Percentile(delays, 0.5),7:0.0} ms  p99={LiveClients.Percentile(delays, 0.99),7:0.0} ms  max={(delays.Length == 0 ? double.NaN : delays[^1]),7:0.0} ms  (target p99 < 250 ms)");
foreach (var (process, used) in new[] { (web, webUsed), (silo, siloUsed) })
{
    if (process is not null && used is { } seconds)
    {
        Console.WriteLine($"  {process.Name} process {process.Pid} CPU: {seconds:0.0} s in {driving.TotalSeconds:0.0} s = {100 * seconds / driving.TotalSeconds:0}% of one core ({Environment.ProcessorCount} cores here)");
    }
}
Console.WriteLine(postgresUsed is { } pgSeconds
    ? $"  PostgreSQL (the instance in {options.PgData}) CPU: {100 * pgSeconds / driving.TotalSeconds:0}% of one core"
    : $"  PostgreSQL CPU not measured: no postmaster.pid in {options.PgData} (pass --pg-data)");
Console.WriteLine($"  this benchmark's own CPU (the load generator and its {options.Clients} clients, apart): {100 * benchUsed / driving.TotalSeconds:0}% of one core");
if (web is null)
{
    Console.WriteLine("  web process not found: pass --web-pid");
}
foreach (var client in centreStaff.Values)
{
    client.Dispose();
}
