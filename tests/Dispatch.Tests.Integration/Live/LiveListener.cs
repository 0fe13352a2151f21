using System.Net;
using System.Text.Json;
using Dispatch.Tests.Integration.Cluster;
using Dispatch.Tests.Integration.Web;
using Microsoft.AspNetCore.SignalR.Client;
using Dispatch.Items;

namespace Dispatch.Tests.Integration.Live;

/// <summary>A real SignalR .NET client on /hubs/supervision that records every message it gets.</summary>
public sealed class LiveListener : IAsyncDisposable
{
    private static readonly string[] Messages = ["snapshot", "statsChanged", "itemChanged", "alert"];
    private static readonly string[] Described = ["scope", "change", "kind"];
    private readonly HubConnection connection;
    private readonly List<(string Name, JsonElement Payload)> received = [];
    private readonly Lock gate = new();

    private LiveListener(HubConnection connection)
    {
        this.connection = connection;
        foreach (var name in Messages)
        {
            connection.On<JsonElement>(name, payload =>
            {
                lock (gate)
                {
                    received.Add((name, payload));
                }
            });
        }
    }

    /// <summary>Connects with the bearer token in the access_token query, as a browser's WebSocket does.</summary>
    public static async Task<LiveListener> ConnectAsync(LocalWebApp web, string email)
    {
        var token = await LiveSystem.TokenAsync(web, email);
        return await StartAsync(new HubConnectionBuilder()
            .WithUrl(new Uri(web.Address, "/hubs/supervision"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build());
    }

    public static async Task<LiveListener> ConnectWithCookiesAsync(LocalWebApp web, CookieContainer cookies) =>
        await StartAsync(new HubConnectionBuilder().WithUrl(new Uri(web.Address, "/hubs/supervision"), o => o.Cookies = cookies).Build());

    private static async Task<LiveListener> StartAsync(HubConnection connection)
    {
        var listener = new LiveListener(connection);
        await connection.StartAsync();
        return listener;
    }

    public Task JoinAsync(string scope) => connection.InvokeAsync("Join", scope);

    public Task LeaveAsync(string scope) => connection.InvokeAsync("Leave", scope);

    public IReadOnlyList<(string Name, JsonElement Payload)> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    /// <summary>Waits for the first message of that name matching the condition.</summary>
    public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool> match, string what, TimeSpan? within = null)
    {
        try
        {
            var found = await Eventually.Get(
                () => Task.FromResult(Received.Where(m => m.Name == name).Select(m => (JsonElement?)m.Payload).FirstOrDefault(p => match(p!.Value))),
                p => p is not null, within ?? TimeSpan.FromSeconds(20), what);
            return found!.Value;
        }
        catch (TimeoutException ex)
        {
            var seen = Received.Select(m => $"{m.Name} {Describe(m.Payload)}");
            throw new TimeoutException($"{ex.Message}; received: {string.Join(" | ", seen)}", ex);
        }
    }

    private static string Describe(JsonElement payload) =>
        string.Join(" ", Described.Where(p => payload.TryGetProperty(p, out _)).Select(p => payload.GetProperty(p).ToString())
            .Concat(payload.TryGetProperty("item", out var item) ? [item.GetProperty("id").ToString()] : []));

    /// <summary>Every message that concerns one item, whatever its name.</summary>
    public IEnumerable<(string Name, JsonElement Payload)> About(string itemId) =>
        Received.Where(m => m.Payload.TryGetProperty("item", out var item) && item.GetProperty("id").GetString() == itemId);

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}

public static class LivePayload
{
    public static string Scope(this JsonElement payload) => payload.GetProperty("scope").GetString()!;

    public static string ItemId(this JsonElement payload) => payload.GetProperty("item").GetProperty("id").GetString()!;

    public static string Change(this JsonElement payload) => payload.GetProperty("change").GetString()!;

    public static long Received(this JsonElement stats) => stats.GetProperty("tickets").GetProperty("received").GetInt64();
}
