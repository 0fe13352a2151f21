using System.Collections.Concurrent;
using System.Threading.Channels;
using Dispatch.Web.Auth.Sessions;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace Dispatch.Web.Live;

/// <summary>
/// The supervision hub's connections on this instance by sign-in session: when a session is revoked (logout here, or
/// the revocation notice from another instance) its connections are closed; so are they when the session reaches its
/// absolute lifetime, which a connection opened earlier would otherwise outlive. A notice can go unheard (the listening
/// connection was down), so the open sessions are also checked against auth_sessions whenever listening resumes and every
/// <see cref="RecheckInterval"/>.
/// </summary>
public sealed class HubSessions : BackgroundService
{
    /// <summary>How often the open connections' sessions are read again, whatever was heard.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> bySession = new();
    private readonly ConcurrentDictionary<string, ITimer> lifetimes = new();
    private readonly Channel<bool> recheck = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SessionRevocations revocations;
    private readonly TimeProvider time;
    private readonly ILogger<HubSessions> logger;

    public HubSessions(SessionRevocations revocations, TimeProvider time, ILogger<HubSessions> logger)
    {
        this.revocations = revocations;
        this.time = time;
        this.logger = logger;
        revocations.Revoked += Close;
        revocations.Resumed += AskRecheck;
    }

    /// <summary>Tracks the connection; false when its session is already over (the caller then aborts it).</summary>
    public async Task<bool> ConnectedAsync(HubCallerContext connection)
    {
        if (connection.User?.ReadSession() is not { } session)
        {
            return false;
        }
        bySession.GetOrAdd(session.SessionId, _ => new())[connection.ConnectionId] = connection;
        // Checked after tracking, so a revocation between the two still reaches this connection.
        if (await revocations.ActiveUntilAsync(session.SessionId, connection.ConnectionAborted) is not { } until)
        {
            return false;
        }
        var remaining = until - time.GetUtcNow();
        lifetimes[connection.ConnectionId] = time.CreateTimer(_ => connection.Abort(), null,
            remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return true;
    }

    public void Disconnected(HubCallerContext connection)
    {
        if (lifetimes.TryRemove(connection.ConnectionId, out var lifetime))
        {
            lifetime.Dispose();
        }
        if (connection.User?.ReadSession() is { } session && bySession.TryGetValue(session.SessionId, out var connections))
        {
            connections.TryRemove(connection.ConnectionId, out _);
            if (connections.IsEmpty)
            {
                bySession.TryRemove(KeyValuePair.Create(session.SessionId, connections));
            }
        }
    }

    /// <summary>Reads the sessions of the open connections again and closes those that are over; returns how many were.</summary>
    public async Task<int> RecheckAsync(CancellationToken cancellationToken = default) =>
        (await revocations.RecheckAsync([.. bySession.Keys], cancellationToken)).Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var every = time.CreateTimer(_ => AskRecheck(), null, RecheckInterval, RecheckInterval);
        try
        {
            await foreach (var _ in recheck.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (await RecheckAsync(stoppingToken) is > 0 and var closed)
                    {
                        logger.LogInformation("Closed the hub connections of {Sessions} sessions that ended unheard", closed);
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    logger.LogWarning(ex, "Checking the hub connections' sessions failed; trying again on the next check");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void AskRecheck() => recheck.Writer.TryWrite(true);

    private void Close(Guid sessionId)
    {
        if (bySession.TryRemove(sessionId, out var connections))
        {
            foreach (var connection in connections.Values)
            {
                connection.Abort();
            }
        }
    }

    public override void Dispose()
    {
        revocations.Revoked -= Close;
        revocations.Resumed -= AskRecheck;
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
