-- User administration: a temporary password must be changed at first sign-in, and every change an
-- administrator (or the user, for their own password and two-factor setting) makes to an account is
-- written to an append-only log. Passwords never appear in it.
alter table "AspNetUsers" add column "MustChangePassword" boolean not null default false;

create table user_admin_events (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz not null,
    actor_id        text not null,
    actor_email     text not null,
    target_user_id  text not null,
    target_email    text not null,
    action          text not null,
    before          jsonb,
    after           jsonb,
    client_address  text
);
create index user_admin_events_target on user_admin_events (target_user_id, id);

create function user_admin_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'user_admin_events is append-only';
end;
$$;
create trigger user_admin_events_no_change before update or delete on user_admin_events
    for each statement execute function user_admin_events_append_only();
