using System.Collections.Concurrent;
using Dispatch.Web.Auth.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Web.Live;

/// <summary>
/// The supervision hub's connections on this instance by sign-in session: when a session is revoked (logout here, or
/// the revocation notice from another instance) its connections are closed.
/// </summary>
public sealed class HubSessions : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> bySession = new();
    private readonly SessionRevocations revocations;

    public HubSessions(SessionRevocations revocations)
    {
        this.revocations = revocations;
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
        return await revocations.IsActiveAsync(session.SessionId, connection.ConnectionAborted);
    }

    public void Disconnected(HubCallerContext connection)
    {
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
