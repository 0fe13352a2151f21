-- Read model of tickets, written in the same transaction as the ticket's events, so it never
-- disagrees with the event log. Lists, search, worklists, the dispatch queue and the person
-- record read from here; a single ticket's current state comes from its grain.
create extension if not exists pg_trgm;

create table tickets (
    id                uuid primary key,
    number            text not null unique,
    version           integer not null,
    status            text not null,
    suspended         boolean not null default false,
    suspend_reason    text,
    merged_into       uuid,
    channel           text not null,
    kind              text not null,
    topic             text not null,
    urgency           text not null,
    caller_name       text not null,
    caller_phone      text not null,
    resident_id       text,
    person_id         text not null,
    county_code       text not null,
    town_code         text,
    unit_code         text,
    title             text not null,
    content           text not null,
    received_at       timestamptz not null,
    first_dispatched_at timestamptz,
    resolved_at       timestamptz,
    closed_at         timestamptz,
    answered_on_spot  boolean not null default false,
    awaiting_dispatch boolean not null default false,
    awaiting_ruling   boolean not null default false,
    return_count      integer not null default 0,
    transfer_count    integer not null default 0,
    rework_count      integer not null default 0,
    repeat_count      integer not null default 0,
    satisfaction      text,
    open_supervision  integer not null default 0,
    sign_due_at       timestamptz,
    handling_due_at   timestamptz,
    callback_due_at   timestamptz,
    clock_state       text,
    at_risk           boolean not null default false,
    overdue           boolean not null default false,
    next_clock_change timestamptz,
    watch_shard       integer not null,
    updated_at        timestamptz not null
);
create index tickets_unit_open on tickets (unit_code, handling_due_at) where status in ('dispatched', 'signed', 'resolved');
create index tickets_dispatch_queue on tickets (awaiting_dispatch, return_count desc, received_at) where awaiting_dispatch;
create index tickets_person on tickets (person_id, received_at desc);
create index tickets_phone on tickets (caller_phone, received_at desc);
create index tickets_county_status on tickets (county_code, status, received_at desc);
create index tickets_received on tickets (received_at desc);
create index tickets_clock_watch on tickets (watch_shard, next_clock_change) where next_clock_change is not null;
create index tickets_text on tickets using gin ((title || ' ' || content || ' ' || caller_name) gin_trgm_ops);
