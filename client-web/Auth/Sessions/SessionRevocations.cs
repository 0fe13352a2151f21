using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dispatch.Web.Auth.Sessions;

/// <summary>
/// Whether a session still counts, as this instance knows it: what it read from auth_sessions within the last
/// <see cref="SessionOptions.CheckInterval"/>, plus every revocation it made or heard of on the NOTIFY channel. A session
/// revoked here stops at once; one revoked on another instance stops when the notice arrives (or the cached read lapses).
/// </summary>
public sealed class SessionRevocations(SessionStore store, TimeProvider time, IOptions<SessionOptions> options, ILogger<SessionRevocations> logger)
    : BackgroundService
{
    private const int MaxCached = 20_000;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (SessionRecord? Record, DateTimeOffset ReadAt)> known = new();
    private readonly ConcurrentDictionary<Guid, byte> revoked = new();
    private volatile bool listening;

    /// <summary>Raised with the session id when a session is revoked here or on another instance.</summary>
    public event Action<Guid>? Revoked;

    /// <summary>True while a connection listens on the revocation channel.</summary>
    public bool Listening => listening;

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Listening on {Channel} failed; retrying", SessionStore.RevokedChannel);
                await Task.Delay(RetryAfter, time, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await store.OpenListenerAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            if (Guid.TryParse(e.Payload, out var sessionId))
            {
                Forget(sessionId);
            }
        };
        await using (var listen = new NpgsqlCommand($"listen {SessionStore.RevokedChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        listening = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await connection.WaitAsync(stoppingToken);
            }
        }
        finally
        {
            listening = false;
        }
    }
}
