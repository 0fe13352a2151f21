using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dispatch.Bench.Live;

/// <summary>
/// Drives ticket events over HTTP at a steady rate: each tick performs one life-cycle step (register, dispatch, sign,
/// resolve, callback, close) of a ticket that is waiting for its next step, or registers a new one.
/// </summary>
internal sealed class TicketDriver(ApiClient operatorClient, IReadOnlyDictionary<string, ApiClient> centreStaff)
{
    private static readonly string[] Actions = ["dispatch", "sign", "resolve", "callback", "close"];
    private static readonly string[] Counties = ["330402", "330411", "330421", "330424", "330481", "330482", "330483"];
    private readonly ConcurrentQueue<DrivenTicket> waiting = new();
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> byAction = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<(DateTimeOffset, double)> timeline = [];
    private int registered;
    private int failures;
    private int steps;

    public int Steps => steps;
    public int Failures => failures;
    public IReadOnlyCollection<double> Latencies => latencies;

    /// <summary>The step latencies of each action (register, dispatch, sign, resolve, callback, close).</summary>
    public IReadOnlyDictionary<string, ConcurrentBag<double>> LatenciesByAction => byAction;

    /// <summary>When each step finished (wall clock, to compare with the servers' logs) and how long it took.</summary>
    public IReadOnlyCollection<(DateTimeOffset Finished, double Milliseconds)> Timeline => timeline;

    public async Task RunAsync(int rate, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var issued = 0L;
        while (clock.Elapsed < duration)
        {
            // Catch up after a late tick, so the offered rate stays the configured one.
            while (issued < (long)(clock.Elapsed.TotalSeconds * rate))
            {
                running.Add(StepAsync());
                issued++;
            }
            await tick.WaitForNextTickAsync();
        }
        await Task.WhenAll(running);
    }

    private async Task StepAsync()
    {
        var started = Stopwatch.GetTimestamp();
        DrivenTicket? ticket = null;
        var action = "register";
        try
        {
            if (!waiting.TryDequeue(out ticket))
            {
                var n = Interlocked.Increment(ref registered);
                var county = Counties[n % Counties.Length];
                ticket = new DrivenTicket(await operatorClient.RegisterAsync(n, county), county);
            }
            else
            {
                action = Actions[Math.Min(ticket.Step, Actions.Length - 1)];
                await NextAsync(ticket);
            }
            Interlocked.Increment(ref steps);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(elapsed);
            byAction.GetOrAdd(action, _ => []).Add(elapsed);
            timeline.Add((DateTimeOffset.UtcNow, elapsed));
            if (ticket.Step < 5)
            {
                waiting.Enqueue(ticket);
            }
        }
        catch (HttpRequestException ex)
        {
            if (Interlocked.Increment(ref failures) <= 3)
            {
                Console.WriteLine($"  step failed: {ex.Message}");
            }
        }
    }

    private async Task NextAsync(DrivenTicket ticket)
    {
        var staff = centreStaff[ticket.County];
        switch (ticket.Step)
        {
            case 0: await operatorClient.ActAsync(ticket.Id, "dispatch", new { unitCode = ticket.County + "-CENTRE" }); break;
            case 1: await staff.ActAsync(ticket.Id, "sign", null); break;
            case 2: await staff.ActAsync(ticket.Id, "resolve", new { reply = "已核实处理。" }); break;
            case 3: await operatorClient.ActAsync(ticket.Id, "callback", new { reached = true, satisfaction = "satisfied" }); break;
            default: await operatorClient.ActAsync(ticket.Id, "close", new { }); break;
        }
        ticket.Step++;
    }

    private sealed class DrivenTicket(string id, string county)
    {
        public string Id { get; } = id;
        public string County { get; } = county;
        public int Step { get; set; }
    }
}
