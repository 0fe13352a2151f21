-- The event log: every change of every ticket, legal-aid case and rehabilitation visit, append-only.
-- (stream_id, version) is the primary key, so two writers that both think they are at version n
-- cannot both append n + 1: the second insert fails and its transaction (events and read-model
-- update together) rolls back. This log is the audit trail and the source of each actor's state.
create table domain_events (
    stream_id    text not null,
    version      integer not null check (version > 0),
    stream_type  text not null,
    event_type   text not null,
    payload      jsonb not null,
    actor_id     text not null,
    actor_role   text not null,
    actor_unit   text,
    actor_area   text,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null default now(),
    primary key (stream_id, version)
);
create index domain_events_type_time on domain_events (stream_type, occurred_at);

-- Human-readable ticket numbers, one counter per local day: JX12385-20261129-000042.
create table ticket_number_counters (
    day  date primary key,
    last integer not null
);

-- Who looked at a full (unmasked) ID or phone number, as the Personal Information Protection Law asks.
create table personal_data_access_log (
    id          bigint generated always as identity primary key,
    user_id     text not null,
    user_role   text not null,
    subject     text not null,
    item_id     text not null,
    accessed_at timestamptz not null default now()
);
create index personal_data_access_log_item on personal_data_access_log (item_id);
