using System.Diagnostics;
using Dispatch.Bench.Common;
using Dispatch.Bench.Tickets;

// Ticket load generator: run against a running system (deploy/run.sh), prints its figures.
//   dotnet run -c Release --project bench/Dispatch.Bench.Tickets -- --url http://127.0.0.1:8080 --workers 16 --seconds 20 --rate 100
var options = BenchOptions.Parse(args);
Console.WriteLine($"target {options.Url}  workers {options.Workers}  phase length {options.Seconds} s  paced rate {options.Rate}/s");

using var operatorClient = await TicketClient.SignInAsync(options.Url, "operator@jx12385.test");
var staff = new Dictionary<string, TicketClient>(StringComparer.Ordinal);
foreach (var county in new[] { "330402", "330411", "330421", "330424", "330481", "330482", "330483" })
{
    staff[county] = await TicketClient.SignInAsync(options.Url, $"staff.{county}-centre@jx12385.test");
}
var duration = TimeSpan.FromSeconds(options.Seconds);
var cpu = new CpuMeter();

// 1. Raw durable single-row INSERTs from the same number of connections.
cpu.Start();
var rawRate = await RawInsertBaseline.RunAsync(options.Database, options.Workers, duration);
var rawCpu = cpu.Stop();
Console.WriteLine($"raw INSERT baseline: {rawRate,8:0.0} rows/s ({options.Workers} connections)");
Console.WriteLine(rawCpu.PerOperation(rawRate * rawCpu.Elapsed, "row"));

// 2. Registration as fast as the workers go (durable, audited, indexed).
var saturated = new LatencyRecorder();
var registered = 0;
cpu.Start();
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(async worker =>
{
    for (var n = worker; clock.Elapsed < duration; n += options.Workers)
    {
        await saturated.Measure("register", () => operatorClient.RegisterAsync(n));
        Interlocked.Increment(ref registered);
    }
}));
var registerRate = registered / clock.Elapsed.TotalSeconds;
var registerCpu = cpu.Stop();
Console.WriteLine($"tickets registered:  {registerRate,8:0.0} tickets/s  ratio to raw INSERT {registerRate / rawRate:P0} (target >= 25%)");
Console.WriteLine(registerCpu.PerOperation(registered, "registration"));
saturated.Print("saturated registration latency:");

// 3. Paced load: new tickets at the given rate, each driven through its whole life cycle.
var paced = new LatencyRecorder();
var lifecycles = new List<Task>();
cpu.Start();
clock.Restart();
using (var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / options.Rate)))
{
    for (var n = 0; clock.Elapsed < duration; n++)
    {
        // Catch up when a tick came late, so the offered rate stays the configured one.
        while (lifecycles.Count < (int)(clock.Elapsed.TotalSeconds * options.Rate) + 1)
        {
            var number = 1_000_000 + lifecycles.Count;
            lifecycles.Add(Task.Run(() => DriveAsync(number)));
        }
        await pace.WaitForNextTickAsync();
    }
}
await Task.WhenAll(lifecycles);
var pacedCpu = cpu.Stop();
Console.WriteLine($"paced run: {paced.Count("register") / clock.Elapsed.TotalSeconds:0.0} tickets/s offered, failures {paced.Failures}");
Console.WriteLine(pacedCpu.PerOperation(paced.Count("register"), "ticket life cycle (6 requests)"));
paced.Print($"latency at {options.Rate} tickets/s (target p99 < 100 ms):");

foreach (var client in staff.Values)
{
    client.Dispose();
}

async Task DriveAsync(int n)
{
    var ticket = await paced.Measure("register", () => operatorClient.RegisterAsync(n));
    var id = ticket.GetProperty("id").GetString()!;
    var unitStaff = staff[TicketClient.CountyFor(n)];
    await paced.Measure("dispatch", () => operatorClient.ActAsync(id, "dispatch", new { }));
    await paced.Measure("sign", () => unitStaff.ActAsync(id, "sign", null));
    await paced.Measure("resolve", () => unitStaff.ActAsync(id, "resolve", new { reply = "已核实，补贴已发放。" }));
    await paced.Measure("callback", () => operatorClient.ActAsync(id, "callback", new { reached = true, satisfaction = "satisfied" }));
    await paced.Measure("close", () => operatorClient.ActAsync(id, "close", new { }));
}
