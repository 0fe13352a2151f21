using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dispatch.Web.Live;

/// <summary>How much a connection may fall behind before it is dropped (configuration section "Live").</summary>
public sealed class LiveOutboxSettings
{
    public const string Section = "Live";

    /// <summary>Messages that may wait for one connection; one more drops it. statsChanged of a scope coalesce.</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How long one message may take to reach a connection's transport before the connection is dropped.</summary>
    public TimeSpan SendDeadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes the transport holds for one connection before a send waits: a browser may fall this far behind (a burst of
    /// changes with their measures) before its outbox starts to fill.
    /// </summary>
    public int TransportBufferSize { get; set; } = 512 * 1024;

    /// <summary>
    /// How long the transport waits on one stuck socket write before it closes the connection itself: a backstop for a
    /// socket that stays stuck with less than the buffer queued; a full buffer is the outbox's to judge (SendDeadline),
    /// which drops the connection sooner and counts why.
    /// </summary>
    public TimeSpan TransportSendTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the measures of the scopes whose counters moved are read and sent (statsChanged): at most once per
    /// interval per scope, the newest replacing an unsent older one.
    /// </summary>
    public TimeSpan StatsInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// The outboxes of this instance's hub connections: the push path offers each message to the outboxes of the
/// connections that watch its scope and never waits for a browser. The outboxes' clock is the keyed service
/// <see cref="ClockKey"/> (the app's clock unless a test replaces it), so a test moves send deadlines on its own.
/// </summary>
public sealed class LiveOutboxes
{
    public const string ClockKey = "live-outbox";

    private readonly ConcurrentDictionary<string, LiveOutbox> outboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> drops = new(StringComparer.Ordinal);
    private readonly LiveConnections connections;
    private readonly IOptions<LiveOutboxSettings> settings;
    private readonly TimeProvider time;
    private readonly LiveMetrics metrics;
    private readonly ILogger<LiveOutboxes> logger;

    public LiveOutboxes(LiveConnections connections, IOptions<LiveOutboxSettings> settings,
        [FromKeyedServices(ClockKey)] TimeProvider time, LiveMetrics metrics, ILogger<LiveOutboxes> logger)
    {
        this.connections = connections;
        this.settings = settings;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger;
        metrics.ObserveOutboxes(() => Longest);
    }

    public LiveOutboxSettings Settings => settings.Value;

    public void Opened(HubCallerContext connection) =>
        outboxes[connection.ConnectionId] = new LiveOutbox(connection, SenderOf(connection.ConnectionId), settings.Value, time, Dropped);

    /// <summary>
    /// Writes the message, serialised once for all its connections, to this connection. The lifetime manager records a
    /// connection before the hub hears of it, so an open connection is always there.
    /// </summary>
    private Func<LiveMessage, CancellationToken, Task> SenderOf(string connectionId)
    {
        var context = connections.Find(connectionId) ?? throw new InvalidOperationException($"Hub connection {connectionId} is not open.");
        return (message, cancellation) => context.WriteAsync(message.Serialized, cancellation).AsTask();
    }

    public void Closed(string connectionId)
    {
        if (outboxes.TryRemove(connectionId, out var outbox))
        {
            outbox.Dispose();
        }
    }

    /// <summary>The outbox of a connection on this instance, or null (unknown, or closed).</summary>
    public LiveOutbox? Find(string connectionId) => outboxes.GetValueOrDefault(connectionId);

    /// <summary>The most messages waiting for any one connection now.</summary>
    public int Longest => outboxes.Values.Select(o => o.Length).DefaultIfEmpty(0).Max();

    /// <summary>Connections dropped since start, by reason.</summary>
    public long DroppedFor(string reason) => drops.GetValueOrDefault(reason);

    public void Send(IEnumerable<string> connectionIds, LiveMessage message)
    {
        foreach (var id in connectionIds)
        {
            if (outboxes.TryGetValue(id, out var outbox))
            {
                outbox.Offer(message);
            }
        }
    }

    private void Dropped(LiveOutbox outbox, string reason)
    {
        drops.AddOrUpdate(reason, 1, (_, n) => n + 1);
        metrics.Dropped(reason);
        logger.LogInformation("Dropped live connection {ConnectionId}: {Reason}; it reconnects and reads a new snapshot", outbox.ConnectionId, reason);
    }
}
