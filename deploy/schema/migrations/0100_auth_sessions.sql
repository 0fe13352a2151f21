-- Server-side sign-in sessions: one row per sign-in (cookie or bearer). Access tokens, refresh tokens and cookies
-- carry the session id; a revoked or expired session makes all of them useless. Each refresh bumps the generation
-- the refresh token must carry, so an older refresh token presented again is a theft signal that revokes the session.
-- Revoking notifies the channel auth_session_revoked with the session id, so every web instance drops it at once.
create table auth_sessions (
    session_id         uuid primary key,
    user_id            text not null,
    scheme             text not null check (scheme in ('cookie', 'bearer')),
    created_at         timestamptz not null,
    absolute_expiry    timestamptz not null check (absolute_expiry > created_at),
    revoked_at         timestamptz,
    revoked_reason     text,
    refresh_generation integer not null default 0 check (refresh_generation >= 0)
);

create index auth_sessions_user on auth_sessions (user_id) where revoked_at is null;
