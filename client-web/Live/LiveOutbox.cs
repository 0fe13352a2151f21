using System.Threading.Channels;
using Dispatch.Stats;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Dispatch.Web.Live;

/// <summary>A message waiting for one connection; messages with the same <paramref name="coalesceKey"/> replace each other.</summary>
public sealed class LiveMessage(string name, object payload, string? coalesceKey = null)
{
    private SerializedHubMessage? serialized;

    public string Name { get; } = name;

    public object Payload { get; } = payload;

    public string? CoalesceKey { get; } = coalesceKey;

    /// <summary>
    /// The message as SignalR writes it, shared by every connection it is offered to: it is serialised once per protocol
    /// (the browsers' JSON) however many connections watch its scope.
    /// </summary>
    public SerializedHubMessage Serialized =>
        LazyInitializer.EnsureInitialized(ref serialized, () => new SerializedHubMessage(new InvocationMessage(Name, [Payload])));

    /// <summary>statsChanged: only the newest figures of a scope are worth sending.</summary>
    public static LiveMessage Figures(LiveStats stats) => new(LiveMessageNames.StatsChanged, stats, "stats:" + stats.Scope);
}

/// <summary>
/// One connection's unsent live messages and the loop that sends them, one at a time. The queue is bounded
/// (<see cref="LiveOutboxSettings.QueueCapacity"/>) and coalescing: a newer statsChanged of a scope replaces an older
/// unsent one where it stands; item changes and alerts keep their order. A send that is not done within
/// <see cref="LiveOutboxSettings.SendDeadline"/>, or a message that finds the queue full, drops the connection: the
/// browser reconnects, joins again and reads a fresh snapshot, which is worth more than a backlog of stale changes.
/// A connection that stops reading thus holds at most the queue and one send, and never holds up another connection.
/// </summary>
public sealed class LiveOutbox : IDisposable
{
    private readonly Lock gate = new();
    private readonly LinkedList<LiveMessage> queue = new();
    private readonly Dictionary<string, LinkedListNode<LiveMessage>> queuedByKey = new(StringComparer.Ordinal);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource closing = new();
    private readonly CancellationToken closed;
    private readonly HubCallerContext connection;
    private readonly Func<LiveMessage, CancellationToken, Task> send;
    private readonly LiveOutboxSettings settings;
    private readonly TimeProvider time;
    private readonly Action<LiveOutbox, string> dropped;
    private string? dropReason;
    private int peakLength;
    private long coalesced;
    private DateTimeOffset? sendingSince;

    /// <param name="send">Writes one message to the connection's transport (completes when it is written and flushed).</param>
    public LiveOutbox(HubCallerContext connection, Func<LiveMessage, CancellationToken, Task> send, LiveOutboxSettings settings, TimeProvider time,
        Action<LiveOutbox, string> dropped)
    {
        this.connection = connection;
        this.send = send;
        this.settings = settings;
        this.time = time;
        this.dropped = dropped;
        closed = closing.Token;
        _ = Task.Run(SendLoopAsync);
    }

    public string ConnectionId => connection.ConnectionId;

    /// <summary>Messages waiting (not counting the one being sent).</summary>
    public int Length
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>The most messages that ever waited at once.</summary>
    public int PeakLength => Volatile.Read(ref peakLength);

    /// <summary>How many messages replaced an older unsent one of the same key.</summary>
    public long Coalesced => Interlocked.Read(ref coalesced);

    /// <summary>When the send in progress began (the outbox's clock); null when none is.</summary>
    public DateTimeOffset? SendingSince
    {
        get
        {
            lock (gate)
            {
                return sendingSince;
            }
        }
    }

    /// <summary>Why the connection was dropped ("send_deadline", "queue_full", "send_failed"), or null.</summary>
    public string? DropReason
    {
        get
        {
            lock (gate)
            {
                return dropReason;
            }
        }
    }

    /// <summary>Queues a message; never waits. A full queue drops the connection.</summary>
    public void Offer(LiveMessage message)
    {
        lock (gate)
        {
            if (dropReason is not null || closed.IsCancellationRequested)
            {
                return;
            }
            if (message.CoalesceKey is { } key && queuedByKey.TryGetValue(key, out var queued))
            {
                queued.Value = message;
                coalesced++;
                return;
            }
            if (queue.Count >= settings.QueueCapacity)
            {
                DropLocked("queue_full");
                return;
            }
            var node = queue.AddLast(message);
            if (message.CoalesceKey is { } newKey)
            {
                queuedByKey[newKey] = node;
            }
            peakLength = Math.Max(peakLength, queue.Count);
        }
        wake.Writer.TryWrite(true);
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var _ in wake.Reader.ReadAllAsync(closed))
            {
                while (Next() is { } message)
                {
                    if (!await SendAsync(message))
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
        }
    }

    private LiveMessage? Next()
    {
        lock (gate)
        {
            if (dropReason is not null || queue.First is not { } first)
            {
                return null;
            }
            queue.RemoveFirst();
            if (first.Value.CoalesceKey is { } key)
            {
                queuedByKey.Remove(key);
            }
            sendingSince = time.GetUtcNow();
            return first.Value;
        }
    }

    /// <summary>Sends one message within the deadline; false when the connection was dropped or is closing.</summary>
    private async Task<bool> SendAsync(LiveMessage message)
    {
        try
        {
            await send(message, closed).WaitAsync(settings.SendDeadline, time, closed);
            return true;
        }
        catch (TimeoutException)
        {
            Drop("send_deadline");
            return false;
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            Drop("send_failed");
            return false;
        }
        finally
        {
            lock (gate)
            {
                sendingSince = null;
            }
        }
    }

    private void Drop(string reason)
    {
        lock (gate)
        {
            DropLocked(reason);
        }
    }

    private void DropLocked(string reason)
    {
        if (dropReason is not null)
        {
            return;
        }
        dropReason = reason;
        queue.Clear();
        queuedByKey.Clear();
        connection.Abort();
        // Aborting the hub connection alone leaves its socket to the transport, which waits out a stuck write for up to
        // Live:TransportSendTimeout with its buffers full; aborting the request closes it within the WebSocket close timeout.
        connection.GetHttpContext()?.Abort();
        dropped(this, reason);
    }

    /// <summary>The connection closed: the loop stops, a send in progress is abandoned.</summary>
    public void Dispose()
    {
        closing.Cancel();
        lock (gate)
        {
            queue.Clear();
            queuedByKey.Clear();
        }
        closing.Dispose();
    }
}
