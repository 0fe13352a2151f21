-- Read model of home-rehabilitation visits (上门康复服务), written in the same transaction as each
-- visit's events (stream type 'rehab_visit'). The provider's worklist, its calendar per worker and
-- day, and the person record read from here. The visit's next clock change lives in clock_watch (0010).
create table rehab_visits (
    id                 uuid primary key,
    number             text not null unique,
    version            integer not null,
    status             text not null,
    service_type       text not null,
    person_name        text not null,
    person_phone       text not null,
    resident_id        text,
    person_id          text not null,
    county_code        text not null,
    town_code          text,
    address            text,
    provider_code      text not null,
    worker_id          text,
    worker_name        text,
    plan_id            uuid,
    plan_sequence      integer,
    ticket_id          uuid,
    ticket_number      text,
    requested_at       timestamptz not null,
    window_start       timestamptz,
    window_end         timestamptz,
    checked_in_at      timestamptz,
    completed_at       timestamptz,
    record_pending     boolean not null default false,
    first_visit_due_at timestamptz,
    window_due_at      timestamptz,
    record_due_at      timestamptz,
    clock_state        text,
    at_risk            boolean not null default false,
    overdue            boolean not null default false,
    next_due_at        timestamptz,
    supervision_count  integer not null default 0,
    reschedule_count   integer not null default 0,
    updated_at         timestamptz not null
);
create index rehab_visits_provider_open on rehab_visits (provider_code, next_due_at)
    where status in ('requested', 'scheduled', 'assigned', 'checked_in', 'missed') or record_pending;
create index rehab_visits_provider_day on rehab_visits (provider_code, window_start);
create index rehab_visits_worker_day on rehab_visits (provider_code, worker_id, window_start) where worker_id is not null;
create index rehab_visits_person on rehab_visits (person_id, requested_at desc);
create index rehab_visits_plan on rehab_visits (plan_id, plan_sequence) where plan_id is not null;
create index rehab_visits_ticket on rehab_visits (ticket_id) where ticket_id is not null;
create index rehab_visits_county_status on rehab_visits (county_code, status, requested_at desc);

-- One worker, one place at a time: the window a visit holds its worker for, while the visit is
-- assigned, under way or done. The exclusion constraint makes two overlapping windows for the same
-- provider and worker impossible, whichever visit grains, silos or requests race for them: the
-- losing visit's transaction (events, read model and booking together) rolls back.
create extension if not exists btree_gist;

create table rehab_bookings (
    visit_id      uuid primary key references rehab_visits (id),
    provider_code text not null,
    worker_id     text not null,
    during        tstzrange not null check (not isempty(during)),
    constraint rehab_bookings_no_overlap exclude using gist (provider_code with =, worker_id with =, during with &&)
);
