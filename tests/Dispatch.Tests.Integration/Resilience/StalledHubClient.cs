using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dispatch.Tests.Integration.Resilience;

/// <summary>
/// A raw WebSocket on /hubs/supervision that speaks just enough of the SignalR JSON protocol to sign in and join, then
/// never reads: its socket has a small receive buffer, so what the server sends soon fills every buffer on the way.
/// </summary>
public sealed class StalledHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket socket;
    private readonly HttpMessageInvoker invoker;

    private StalledHubClient(ClientWebSocket socket, HttpMessageInvoker invoker, string connectionId)
    {
        this.socket = socket;
        this.invoker = invoker;
        ConnectionId = connectionId;
    }

    /// <summary>The connection id the server knows it by (Context.ConnectionId).</summary>
    public string ConnectionId { get; }

    public static async Task<StalledHubClient> ConnectAsync(LocalWebApp web, string accessToken)
    {
        var query = "access_token=" + Uri.EscapeDataString(accessToken);
        using var negotiate = await web.Client.PostAsync($"/hubs/supervision/negotiate?negotiateVersion=1&{query}", null);
        negotiate.EnsureSuccessStatusCode();
        var ids = await negotiate.Content.ReadFromJsonAsync<JsonElement>();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
                await tcp.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(tcp, ownsSocket: true);
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        var socket = new ClientWebSocket();
        var address = new Uri($"ws://{web.Address.Authority}/hubs/supervision?id={ids.GetProperty("connectionToken").GetString()}&{query}");
        await socket.ConnectAsync(address, invoker, CancellationToken.None);
        var client = new StalledHubClient(socket, invoker, ids.GetProperty("connectionId").GetString()!);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        return client;
    }

    /// <summary>Join without waiting for an answer: the server sends the snapshot, which is never read.</summary>
    public Task JoinAsync(string scope) => SendAsync($$"""{"type":1,"target":"Join","arguments":["{{scope}}"]}""");

    /// <summary>The client still writes (so the server's client timeout does not end it); it only never reads.</summary>
    public Task PingAsync() => SendAsync("""{"type":6}""");

    private Task SendAsync(string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        socket.Abort();
        socket.Dispose();
        invoker.Dispose();
        return ValueTask.CompletedTask;
    }
}
