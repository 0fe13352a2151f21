-- Open311 GeoReport v2 for the online channel: API keys issued and revoked by administrators, and the index that finds
-- the requests one key submitted.
--
-- A key is shown once when it is issued and stored only as its SHA-256 hash (keys are 256 random bits, so a fast hash
-- is enough); the hint (its first characters) tells keys apart in lists. Every issue and revocation is appended to
-- open311_key_events, which nobody may rewrite.
create table open311_api_keys (
    id          uuid primary key,
    name        text not null check (length(name) between 1 and 100),
    key_hash    bytea not null unique check (length(key_hash) = 32),
    key_hint    text not null,
    created_at  timestamptz not null,
    created_by  text not null,
    revoked_at  timestamptz,
    revoked_by  text,
    check ((revoked_at is null) = (revoked_by is null))
);

create table open311_key_events (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz not null,
    actor_id        text not null,
    actor_email     text not null,
    key_id          uuid not null references open311_api_keys (id),
    key_name        text not null,
    action          text not null check (action in ('issued', 'revoked')),
    client_address  text
);
create index open311_key_events_key on open311_key_events (key_id, id);

create function open311_key_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'open311_key_events is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger open311_key_events_no_change before update or delete on open311_key_events
    for each row execute function open311_key_events_append_only();
create trigger open311_key_events_no_truncate before truncate on open311_key_events
    for each statement execute function open311_key_events_append_only();

-- A request submitted through Open311 is a ticket whose first event was recorded for the key's actor
-- ('open311:<key id>', role online_intake): the event log binds the key to its requests in the same transaction that
-- registers the ticket. This index finds them.
create index domain_events_online_intake on domain_events (actor_id, occurred_at desc)
    where version = 1 and actor_role = 'online_intake';

-- The application role's grants, now with open311_key_events among the append-only logs (0110 defined the function;
-- the schema step calls it after every run).
create or replace function dispatch_grant_application_role() returns void language plpgsql as $$
declare
    application_role constant text := 'dispatch_app';
    -- ===================================== APPEND-ONLY TABLES =====================================
    -- The application role may insert and read these rows, never update, delete or truncate them.
    -- Add every audit log or *_events table a migration creates (e.g. 'user_admin_events') here.
    append_only constant text[] := array[
        'domain_events',
        'personal_data_access_log',
        'calendar_changes',
        'sla_rule_versions',
        'user_admin_events',
        'open311_key_events',
        -- not a log, but written once by its migration: changing it would change every opaque person id
        'person_id_key'
    ];
    -- ==============================================================================================
    append_only_table text;
begin
    if not exists (select from pg_roles where rolname = application_role) then
        return;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), application_role);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), application_role);
    execute format('grant usage, select, update on all sequences in schema %I to %I', current_schema(), application_role);
    execute format('revoke truncate, references, trigger on all tables in schema %I from %I', current_schema(), application_role);
    foreach append_only_table in array append_only loop
        if to_regclass(append_only_table) is not null then
            execute format('revoke update, delete on %I from %I', append_only_table, application_role);
        end if;
    end loop;
    -- The application reads which migrations ran (to wait for the schema step); it never records one.
    if to_regclass('schema_migrations') is not null then
        execute format('revoke insert, update, delete on schema_migrations from %I', application_role);
    end if;
end
$$;
revoke all on function dispatch_grant_application_role() from public;

select dispatch_grant_application_role();
