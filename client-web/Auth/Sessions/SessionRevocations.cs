using System.Collections.Concurrent;
using Dispatch.Schema.Notifications;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dispatch.Web.Auth.Sessions;

/// <summary>
/// Whether a session still counts, as this instance knows it: what it read from auth_sessions within the last
/// <see cref="SessionOptions.CheckInterval"/>, plus every revocation it made or heard of on the NOTIFY channel. A session
/// revoked here stops at once; one revoked on another instance stops when the notice arrives (or the cached read lapses).
/// When the listening connection was down, the cached reads are dropped on reconnecting and <see cref="Resumed"/> is raised.
/// </summary>
public sealed class SessionRevocations(
    SessionStore store, NpgsqlDataSource database, TimeProvider time, IOptions<SessionOptions> options, ILogger<SessionRevocations> logger)
    : BackgroundService
{
    private const int MaxCached = 20_000;

    private readonly ConcurrentDictionary<Guid, (SessionRecord? Record, DateTimeOffset ReadAt)> known = new();
    private readonly ConcurrentDictionary<Guid, byte> revoked = new();
    private NotificationListener? listener;

    /// <summary>Raised with the session id when a session is revoked here or on another instance.</summary>
    public event Action<Guid>? Revoked;

    /// <summary>
    /// Raised when the revocation channel is listened to again after its connection was down: revocations announced
    /// meanwhile were not heard, so whoever holds sessions open checks them again (<see cref="RecheckAsync"/>).
    /// </summary>
    public event Action? Resumed;

    /// <summary>True while a connection listens on the revocation channel.</summary>
    public bool Listening => listener?.Listening ?? false;

    public async Task<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await ActiveUntilAsync(sessionId, cancellationToken) is not null;

    /// <summary>When the active session reaches its absolute lifetime; null when it is over (revoked, expired, unknown).</summary>
    public async Task<DateTimeOffset?> ActiveUntilAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        if (revoked.ContainsKey(sessionId))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (!known.TryGetValue(sessionId, out var entry) || now - entry.ReadAt >= options.Value.CheckInterval)
        {
            if (known.Count > MaxCached)
            {
                known.Clear();
            }
            entry = (await store.FindAsync(sessionId, cancellationToken), now);
            known[sessionId] = entry;
        }
        return entry.Record is { } record && record.IsActiveAt(now) ? record.AbsoluteExpiry : null;
    }

    public async Task RevokeAsync(Guid sessionId, string reason, CancellationToken cancellationToken = default)
    {
        await store.RevokeAsync(sessionId, reason, time.GetUtcNow(), cancellationToken);
        Forget(sessionId);
    }

    /// <summary>Ends every session of a user (disabled, re-scoped, password reset by an administrator), here at once.</summary>
    public async Task RevokeUserAsync(string userId, string reason, CancellationToken cancellationToken = default)
    {
        foreach (var sessionId in await store.RevokeUserAsync(userId, reason, time.GetUtcNow(), cancellationToken))
        {
            Forget(sessionId);
        }
    }

    /// <summary>Refresh-token rotation; a replayed token revokes its session here and everywhere.</summary>
    public async Task<int?> RotateAsync(SessionStamp presented, CancellationToken cancellationToken = default)
    {
        var (outcome, generation) = await store.RotateAsync(presented.SessionId, presented.Generation, time.GetUtcNow(), cancellationToken);
        switch (outcome)
        {
            case RotationOutcome.Rotated:
                return generation;
            case RotationOutcome.Replayed:
                logger.LogWarning("A used refresh token was presented again for session {SessionId}; the session is revoked", presented.SessionId);
                await RevokeAsync(presented.SessionId, "refresh_token_replayed", cancellationToken);
                return null;
            default:
                return null;
        }
    }

    private void Forget(Guid sessionId)
    {
        if (revoked.TryAdd(sessionId, 0))
        {
            known.TryRemove(sessionId, out _);
            Revoked?.Invoke(sessionId);
        }
    }

    /// <summary>
    /// Reads the given sessions from auth_sessions and treats every one that is over (revoked, expired, gone) as revoked
    /// here, raising <see cref="Revoked"/> for each; returns those. For whoever holds sessions open when revocations may
    /// have gone unheard.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RecheckAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken = default)
    {
        if (sessionIds.Count == 0)
        {
            return [];
        }
        var active = await store.ActiveAmongAsync(sessionIds, time.GetUtcNow(), cancellationToken);
        var ended = sessionIds.Where(id => !active.Contains(id)).ToList();
        foreach (var sessionId in ended)
        {
            Forget(sessionId);
        }
        return ended;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channel = new NotificationListener(database, [SessionStore.RevokedChannel], time, logger);
        listener = channel;
        return channel.RunAsync(Heard, Started, stoppingToken);
    }

    private void Heard(NpgsqlNotificationEventArgs notice)
    {
        if (Guid.TryParse(notice.Payload, out var sessionId))
        {
            Forget(sessionId);
        }
    }

    private void Started(bool afterGap)
    {
        if (!afterGap)
        {
            return;
        }
        // Revocations announced while the connection was down were not heard: what was read before them is not trusted.
        known.Clear();
        Resumed?.Invoke();
    }
}
