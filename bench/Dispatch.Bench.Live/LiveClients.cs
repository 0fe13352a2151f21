using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Bench.Live;

/// <summary>
/// Many browsers on the supervision hub, each joined to one scope. Every itemChanged and alert carries the instant of
/// the grain event it reports ("at"); the delay to its arrival here is recorded.
/// </summary>
internal sealed class LiveClients(bool fullClient) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> connections = [];
    private readonly ConcurrentBag<double> delays = [];
    private long items;
    private long alerts;
    private long stats;
    private long snapshots;
    private volatile bool recording;

    public long Items => Interlocked.Read(ref items);
    public long Alerts => Interlocked.Read(ref alerts);
    public long Stats => Interlocked.Read(ref stats);
    public long Snapshots => Interlocked.Read(ref snapshots);
    public IReadOnlyCollection<double> Delays => delays;

    public void StartRecording() => recording = true;

    public void StopRecording() => recording = false;

    /// <summary>Waits until <paramref name="count"/> stops growing for <paramref name="quiet"/>, or <paramref name="limit"/> passes.</summary>
    public static async Task SettledAsync(Func<long> count, TimeSpan quiet, TimeSpan limit)
    {
        var overall = Stopwatch.StartNew();
        var unchanged = Stopwatch.StartNew();
        var last = count();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (unchanged.Elapsed < quiet && overall.Elapsed < limit && await poll.WaitForNextTickAsync())
        {
            var now = count();
            if (now != last)
            {
                last = now;
                unchanged.Restart();
            }
        }
    }

    public async Task ConnectAsync(Uri url, string token, string scope)
    {
        IAsyncDisposable connected = fullClient ? await ConnectFullAsync(url, token, scope) : await ConnectRawAsync(url, token, scope);
        lock (connections)
        {
            connections.Add(connected);
        }
    }

    private async Task<RawHubSocket> ConnectRawAsync(Uri url, string token, string scope)
    {
        var socket = new RawHubSocket((target, at) =>
        {
            switch (target)
            {
                case "itemChanged" when at is { } itemAt: Arrived(itemAt, ref items); break;
                case "alert" when at is { } alertAt: Arrived(alertAt, ref alerts); break;
                case "statsChanged": Interlocked.Increment(ref stats); break;
                case "snapshot": Interlocked.Increment(ref snapshots); break;
            }
        });
        await socket.ConnectAsync(url, token, scope);
        return socket;
    }

    /// <summary>The full SignalR .NET client (--client signalr): what the figures were taken with until 4 Dec 2026.</summary>
    private async Task<HubConnection> ConnectFullAsync(Uri url, string token, string scope)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(url, "/hubs/supervision"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        // Typed to the few fields read, so 500 clients in one process spend little on parsing what they skip.
        connection.On<Stamped>("itemChanged", message => Arrived(message.At, ref items));
        connection.On<Stamped>("alert", message => Arrived(message.At, ref alerts));
        connection.On<Scoped>("statsChanged", _ => Interlocked.Increment(ref stats));
        connection.On<Scoped>("snapshot", _ => Interlocked.Increment(ref snapshots));
        await connection.StartAsync();
        await connection.InvokeAsync("Join", scope);
        return connection;
    }

    private void Arrived(DateTimeOffset at, ref long count)
    {
        if (!recording)
        {
            return;
        }
        Interlocked.Increment(ref count);
        delays.Add((DateTimeOffset.UtcNow - at).TotalMilliseconds);
    }

    /// <summary>itemChanged and alert: the instant of the grain event they report.</summary>
    private sealed record Stamped(DateTimeOffset At);

    private sealed record Scoped(string Scope);

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public async ValueTask DisposeAsync()
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        Console.WriteLine($"closed {connections.Count} connections in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
