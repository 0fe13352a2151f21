using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dispatch.Bench.Live;

/// <summary>
/// One browser on the supervision hub, spoken to in SignalR's JSON hub protocol over a bare WebSocket: the handshake, a
/// Join, a ping every ten seconds, and for each pushed message only what the benchmark reads (its target and, for
/// itemChanged and alert, the "at" of its payload). This is the load generator's cheap receiving side: 500 full SignalR
/// .NET clients in one process spend more than half a core on dispatching 14 000 messages a second, on the same two cores
/// as the system under test, which browsers on their own machines would not. <c>--client signalr</c> uses the full
/// client instead, for comparison.
/// </summary>
internal sealed class RawHubSocket : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<string, DateTimeOffset?> arrived;
    private Task receiving = Task.CompletedTask;
    private Task pinging = Task.CompletedTask;

    /// <param name="arrived">Called with each pushed message's target and its "at", when it has one.</param>
    public RawHubSocket(Action<string, DateTimeOffset?> arrived) => this.arrived = arrived;

    public async Task ConnectAsync(Uri url, string token, string scope)
    {
        var hub = new UriBuilder(new Uri(url, "/hubs/supervision"))
        {
            Scheme = url.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = "access_token=" + Uri.EscapeDataString(token),
        };
        await socket.ConnectAsync(hub.Uri, stop.Token);
        receiving = Task.Run(ReceiveLoopAsync);
        await SendAsync("""{"protocol":"json","version":1}""");
        await SendAsync($$"""{"type":1,"invocationId":"join","target":"Join","arguments":[{{JsonSerializer.Serialize(scope)}}]}""");
        await joined.Task.WaitAsync(TimeSpan.FromSeconds(30));
        pinging = Task.Run(PingLoopAsync);
    }

    private async Task SendAsync(string record)
    {
        var bytes = Encoding.UTF8.GetBytes(record + (char)RecordSeparator);
        await sending.WaitAsync(stop.Token);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await SendAsync("""{"type":6}""");
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                var result = await socket.ReceiveAsync(buffer.AsMemory(filled), stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    joined.TrySetException(new InvalidOperationException($"the hub closed the connection: {socket.CloseStatusDescription}"));
                    return;
                }
                filled += result.Count;
                var start = 0;
                int end;
                while ((end = Array.IndexOf(buffer, RecordSeparator, start, filled - start)) >= 0)
                {
                    Handle(buffer.AsSpan(start, end - start));
                    start = end + 1;
                }
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            joined.TrySetException(ex);
        }
    }

    /// <summary>One hub protocol record: the handshake answer, the Join's completion, a ping, a close or a push.</summary>
    private void Handle(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        var type = -1;
        string? target = null;
        string? error = null;
        DateTimeOffset? at = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = reader.GetString();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = reader.GetString();
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                at = FirstArgumentAt(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        switch (type)
        {
            case -1 when error is not null: // the handshake refused
            case 3 when error is not null: // Join failed
            case 7: // the server closes
                joined.TrySetException(new InvalidOperationException($"the hub refused: {error ?? "closed"}"));
                break;
            case 3:
                joined.TrySetResult();
                break;
            case 1 when target is not null:
                arrived(target, at);
                break;
        }
    }

    /// <summary>Reads the arguments array (the reader on its start) to its end; the "at" of its first object, if any.</summary>
    private static DateTimeOffset? FirstArgumentAt(ref Utf8JsonReader reader)
    {
        DateTimeOffset? at = null;
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first && reader.TokenType == JsonTokenType.StartObject)
            {
                var depth = reader.CurrentDepth;
                while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
                {
                    var isAt = reader.ValueTextEquals("at"u8);
                    reader.Read();
                    if (isAt && reader.TokenType == JsonTokenType.String)
                    {
                        at = reader.GetDateTimeOffset();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
            first = false;
        }
        return at;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", closing.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        await stop.CancelAsync();
        await Task.WhenAll(receiving, pinging);
        socket.Dispose();
        sending.Dispose();
        stop.Dispose();
    }
}
