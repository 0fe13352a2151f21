using Npgsql;

namespace Dispatch.Web.Auth.Sessions;

/// <summary>One row of auth_sessions.</summary>
public sealed record SessionRecord(Guid Id, string UserId, DateTimeOffset CreatedAt, DateTimeOffset AbsoluteExpiry, DateTimeOffset? RevokedAt, int RefreshGeneration)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < AbsoluteExpiry;
}

/// <summary>What presenting a refresh token did to its session.</summary>
public enum RotationOutcome
{
    Rotated,
    /// <summary>The token was of an older generation: someone else used it first. The session is now revoked.</summary>
    Replayed,
    /// <summary>The session is unknown, revoked or past its absolute lifetime.</summary>
    Inactive,
}

/// <summary>The auth_sessions table: start, read, rotate and revoke sessions. Revoking notifies <see cref="RevokedChannel"/>.</summary>
public sealed class SessionStore(NpgsqlDataSource database)
{
    public const string RevokedChannel = "auth_session_revoked";

    public async Task<SessionRecord> StartAsync(string userId, string scheme, DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var record = new SessionRecord(Guid.NewGuid(), userId, now, now + lifetime, null, 0);
        await using var command = database.CreateCommand(
            "insert into auth_sessions (session_id, user_id, scheme, created_at, absolute_expiry) values ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = record.Id });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = scheme });
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        command.Parameters.Add(new() { Value = record.AbsoluteExpiry.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return record;
    }

    public async Task<SessionRecord?> FindAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "select user_id, created_at, absolute_expiry, revoked_at, refresh_generation from auth_sessions where session_id = $1");
        command.Parameters.Add(new() { Value = sessionId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new SessionRecord(sessionId, reader.GetString(0),
            reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4));
    }

    /// <summary>Which of <paramref name="sessionIds"/> are active at <paramref name="now"/> (neither revoked nor past their lifetime).</summary>
    public async Task<IReadOnlySet<Guid>> ActiveAmongAsync(IReadOnlyCollection<Guid> sessionIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "select session_id from auth_sessions where session_id = any($1) and revoked_at is null and absolute_expiry > $2");
        command.Parameters.Add(new() { Value = sessionIds.ToArray() });
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        var active = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            active.Add(reader.GetGuid(0));
        }
        return active;
    }

    /// <summary>Moves an active session from <paramref name="presented"/> to the next generation, atomically.</summary>
    public async Task<(RotationOutcome Outcome, int Generation)> RotateAsync(Guid sessionId, int presented, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using (var command = database.CreateCommand(
            """
            update auth_sessions set refresh_generation = refresh_generation + 1
            where session_id = $1 and refresh_generation = $2 and revoked_at is null and absolute_expiry > $3
            returning refresh_generation
            """))
        {
            command.Parameters.Add(new() { Value = sessionId });
            command.Parameters.Add(new() { Value = presented });
            command.Parameters.Add(new() { Value = now.UtcDateTime });
            if (await command.ExecuteScalarAsync(cancellationToken) is int next)
            {
                return (RotationOutcome.Rotated, next);
            }
        }
        var session = await FindAsync(sessionId, cancellationToken);
        return session is not null && session.IsActiveAt(now) && session.RefreshGeneration != presented
            ? (RotationOutcome.Replayed, session.RefreshGeneration)
            : (RotationOutcome.Inactive, 0);
    }

    /// <summary>Revokes the session (no-op when it already is) and tells every instance on <see cref="RevokedChannel"/>.</summary>
    public Task RevokeAsync(Guid sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RevokeWhereAsync("session_id = $1", sessionId, reason, now, cancellationToken);

    /// <summary>Revokes every active session of the user and tells every instance; returns the sessions it revoked.</summary>
    public Task<IReadOnlyList<Guid>> RevokeUserAsync(string userId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RevokeWhereAsync("user_id = $1", userId, reason, now, cancellationToken);

    /// <param name="condition">Which sessions, on the one parameter <paramref name="key"/> ($1); a constant of this class.</param>
    private async Task<IReadOnlyList<Guid>> RevokeWhereAsync(string condition, object key, string reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"""
            with revoked as (
                update auth_sessions set revoked_at = $2, revoked_reason = $3
                where {condition} and revoked_at is null
                returning session_id)
            select session_id, pg_notify('{RevokedChannel}', session_id::text) from revoked
            """);
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        command.Parameters.Add(new() { Value = reason });
        var sessions = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(reader.GetGuid(0));
        }
        return sessions;
    }
}
