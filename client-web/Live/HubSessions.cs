using System.Collections.Concurrent;
using Dispatch.Web.Auth.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Live;

/// <summary>
/// The supervision hub's connections on this instance by sign-in session: when a session is revoked (logout here, or
/// the revocation notice from another instance) its connections are closed; so are they when the session reaches its
/// absolute lifetime, which a connection opened earlier would otherwise outlive.
/// </summary>
public sealed class HubSessions : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> bySession = new();
    private readonly ConcurrentDictionary<string, ITimer> lifetimes = new();
    private readonly SessionRevocations revocations;
    private readonly TimeProvider time;

    public HubSessions(SessionRevocations revocations, TimeProvider time)
    {
        this.revocations = revocations;
        this.time = time;
        revocations.Revoked += Close;
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

    public void Dispose() => revocations.Revoked -= Close;
}
