using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Tests.Resilience.Harness;

/// <summary>
/// A supervisor's dashboard as client-web/wwwroot/js/dashboard/live.js keeps it, with the .NET SignalR client: joins one
/// scope, reconnects by itself with the same delays, joins again after every reconnect (which sends a fresh snapshot),
/// and keeps the latest figures from the snapshot and every statsChanged.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private static readonly TimeSpan[] ReconnectDelays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)];

    private readonly HubConnection connection;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private int snapshots;
    private int reconnects;
    private TimeSpan? lostAt;
    private TimeSpan? reconnectedAt;
    private int snapshotsAtReconnect = -1;
    private string? figures;

    private LiveClient(string scope, HubConnection connection)
    {
        Scope = scope;
        this.connection = connection;
        connection.On<JsonElement>("snapshot", message => Heard(message, snapshot: true));
        connection.On<JsonElement>("statsChanged", message => Heard(message, snapshot: false));
        connection.Reconnecting += _ =>
        {
            lock (gate)
            {
                lostAt ??= clock.Elapsed;
            }
            return Task.CompletedTask;
        };
        connection.Reconnected += async _ =>
        {
            lock (gate)
            {
                reconnects++;
                reconnectedAt = clock.Elapsed;
                snapshotsAtReconnect = snapshots;
            }
            // Pushes may have been missed while away: joining again sends a fresh snapshot (as live.js does).
            await connection.InvokeAsync("Join", Scope);
        };
    }

    public string Scope { get; }

    public int Reconnects
    {
        get
        {
            lock (gate)
            {
                return reconnects;
            }
        }
    }

    /// <summary>How long the connection was away, from losing it to being connected again; null if it never was lost.</summary>
    public TimeSpan? Away
    {
        get
        {
            lock (gate)
            {
                return lostAt is { } lost && reconnectedAt is { } back ? back - lost : null;
            }
        }
    }

    /// <summary>True once a snapshot arrived after the last reconnect.</summary>
    public bool SnapshotSinceReconnect
    {
        get
        {
            lock (gate)
            {
                return snapshotsAtReconnect >= 0 && snapshots > snapshotsAtReconnect;
            }
        }
    }

    /// <summary>The day's and the month's ticket figures as last heard (snapshot or statsChanged), as JSON text.</summary>
    public string? Figures
    {
        get
        {
            lock (gate)
            {
                return figures;
            }
        }
    }

    /// <summary>Connects over WebSockets only, with no negotiate round trip, so one TCP connection carries the session.</summary>
    /// <param name="address">A web app, or the forwarder standing for the load balancer.</param>
    public static async Task<LiveClient> JoinAsync(Uri address, string token, string scope)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/supervision"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .WithAutomaticReconnect(ReconnectDelays)
            .Build();
        var client = new LiveClient(scope, connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Join", scope);
        await Eventually.Get(() => Task.FromResult(client.Figures), f => f is not null, TimeSpan.FromSeconds(20), $"the first snapshot of {scope}");
        return client;
    }

    private void Heard(JsonElement message, bool snapshot)
    {
        if (message.GetProperty("scope").GetString() != Scope)
        {
            return;
        }
        var text = $"day {message.GetProperty("stats").GetProperty("tickets").GetRawText()} month {message.GetProperty("month").GetProperty("tickets").GetRawText()}";
        lock (gate)
        {
            figures = text;
            if (snapshot)
            {
                snapshots++;
            }
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
