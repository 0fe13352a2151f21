using System.Collections.Concurrent;
using System.Diagnostics;
using Dispatch.Bench.Common;

namespace Dispatch.Bench.WritePath;

/// <summary>
/// The whole life cycle at a paced rate: new tickets are started at the offered rate whatever the answers (open loop),
/// and each is driven through register → dispatch (routing rules) → sign (staff of the unit routing chose) → resolve →
/// callback → close, every action with If-Match carrying the version of the previous answer, as the UI does.
/// </summary>
internal sealed class Lifecycle(Uri url, TicketClient operatorClient) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TicketClient>>> staff = new(StringComparer.Ordinal);

    /// <summary>Staff of a unit, signed in once (demo accounts: staff.&lt;unit code, lower case&gt;).</summary>
    private Task<TicketClient> StaffOf(string unitCode) =>
        staff.GetOrAdd(unitCode, code => new Lazy<Task<TicketClient>>(
            () => TicketClient.SignInAsync(url, $"staff.{code.ToLowerInvariant()}@jx12385.test"))).Value;

    public async Task<LifecycleResult> RunAsync(int rate, int seconds, string run)
    {
        var latencies = new LatencyRecorder();
        var startLag = new ConcurrentBag<double>();
        var lifecycles = new List<Task<bool>>();
        var duration = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        using (var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(1)))
        {
            while (clock.Elapsed < duration)
            {
                // Start every ticket whose scheduled instant has come; a late tick starts several, so the offered rate holds.
                var due = Math.Min((long)(clock.Elapsed.TotalSeconds * rate) + 1, (long)seconds * rate);
                while (lifecycles.Count < due)
                {
                    var n = lifecycles.Count;
                    var scheduled = TimeSpan.FromSeconds((double)n / rate);
                    lifecycles.Add(Task.Run(() =>
                    {
                        startLag.Add((clock.Elapsed - scheduled).TotalMilliseconds);
                        return DriveAsync(n, run, latencies);
                    }));
                }
                await pace.WaitForNextTickAsync();
            }
        }
        var offeredFor = clock.Elapsed.TotalSeconds;
        var completed = (await Task.WhenAll(lifecycles)).Count(done => done);
        return new LifecycleResult(rate, lifecycles.Count, lifecycles.Count / offeredFor, completed, latencies, [.. startLag.Order()]);
    }

    /// <summary>One ticket's life; false when a request failed (the recorder counts it by status).</summary>
    private async Task<bool> DriveAsync(int n, string run, LatencyRecorder latencies)
    {
        try
        {
            var random = new Random(n);
            var registered = await latencies.Measure("register", () => operatorClient.RegisterAsync(IntakeSamples.Intake(n, random), $"{run}-{n}"));
            var id = registered.Body.GetProperty("id").GetString()!;
            var dispatched = await latencies.Measure("dispatch", () => operatorClient.ActAsync(id, "dispatch", new { }, registered.ETag));
            var unitStaff = await StaffOf(dispatched.Body.GetProperty("unitCode").GetString()!);
            var signed = await latencies.Measure("sign", () => unitStaff.ActAsync(id, "sign", null, dispatched.ETag));
            var resolved = await latencies.Measure("resolve", () => unitStaff.ActAsync(id, "resolve", new { reply = "已核实，已按规定办理并告知来电人。" }, signed.ETag));
            var called = await latencies.Measure("callback", () => operatorClient.ActAsync(id, "callback", new { reached = true, satisfaction = "satisfied" }, resolved.ETag));
            await latencies.Measure("close", () => operatorClient.ActAsync(id, "close", new { }, called.ETag));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var client in staff.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            client.Value.Result.Dispose();
        }
    }
}

/// <summary>The paced run's figures; <see cref="StartLagMs"/> is how late each ticket's first request left, sorted.</summary>
internal sealed record LifecycleResult(int Rate, int Started, double StartedPerSecond, int Completed, LatencyRecorder Latencies, double[] StartLagMs);
