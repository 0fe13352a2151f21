using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dispatch.Tests.Browser;

/// <summary>
/// Plays the server side of /hubs/supervision (SignalR JSON protocol over WebSockets) and of the stats REST calls,
/// exactly as the live contract describes them, so the dashboard can be tested on its own.
/// </summary>
public sealed class HubScript
{
    private const char Separator = '\u001e';
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly object[] WebSocketsOnly = [new { transport = "WebSockets", transferFormats = new[] { "Text", "Binary" } }];
    private IWebSocketRoute? socket;

    public ConcurrentQueue<string> Joined { get; } = new();

    public required object Snapshot { get; init; }

    public static async Task<HubScript> AttachAsync(IPage page, object snapshot, object stats)
    {
        var hub = new HubScript { Snapshot = snapshot };
        await page.RouteAsync("**/api/stats/trend?**", r => r.FulfillAsync(new() { Json = Array.Empty<object>() }));
        await page.RouteAsync("**/api/stats/at-risk?**", r => r.FulfillAsync(new() { Json = Array.Empty<object>() }));
        await page.RouteAsync("**/api/stats/overdue?**", r => r.FulfillAsync(new() { Json = Array.Empty<object>() }));
        await page.RouteAsync("**/api/stats?**", r => r.FulfillAsync(new() { Json = stats }));
        await page.RouteAsync("**/hubs/supervision/negotiate**", r => r.FulfillAsync(new()
        {
            Json = new
            {
                negotiateVersion = 1, connectionId = "c1", connectionToken = "t1",
                availableTransports = WebSocketsOnly,
            },
        }));
        await page.RouteWebSocketAsync("**/hubs/supervision**", hub.Accept);
        return hub;
    }

    private void Accept(IWebSocketRoute route)
    {
        socket = route;
        route.OnMessage(frame =>
        {
            foreach (var text in (frame.Text ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries))
            {
                Answer(route, JsonDocument.Parse(text).RootElement);
            }
        });
    }

    private void Answer(IWebSocketRoute route, JsonElement message)
    {
        if (message.TryGetProperty("protocol", out _))
        {
            route.Send("{}" + Separator);
            return;
        }
        if (message.GetProperty("type").GetInt32() != 1 || message.GetProperty("target").GetString() != "Join")
        {
            return;
        }
        var scope = message.GetProperty("arguments")[0].GetString()!;
        Joined.Enqueue(scope);
        route.Send(JsonSerializer.Serialize(new { type = 3, invocationId = message.GetProperty("invocationId").GetString() }, Json) + Separator);
        Push("snapshot", Snapshot);
    }

    public void Push(string target, object argument) =>
        socket?.Send(JsonSerializer.Serialize(new { type = 1, target, arguments = new[] { argument } }, Json) + Separator);

    /// <summary>Drops the connection as a restarting server would.</summary>
    public Task DropAsync() => socket?.CloseAsync() ?? Task.CompletedTask;
}
