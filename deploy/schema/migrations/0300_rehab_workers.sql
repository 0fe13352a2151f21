-- The worker roster of each rehabilitation provider (康复人员名册, issue 15 item 5): who the provider can send, on which
-- weekdays (ISO 1 = Monday … 7 = Sunday) and hours (local time, Asia/Shanghai), for which service types and towns of its
-- county, and the leave they take. The roster grain (one per provider) is the single writer; it stores each change and
-- its history row in one transaction. The visit grain reads the roster when a worker is assigned or a visit that keeps
-- its worker is rescheduled. The phone is personal data: answers mask it, the history never holds it.
create table rehab_workers (
    provider_code text not null,
    worker_id     text not null check (worker_id ~ '^[A-Za-z0-9._-]{1,40}$'),
    name          text not null,
    phone         text not null,
    service_types text[] not null check (cardinality(service_types) > 0),
    towns         text[] not null check (cardinality(towns) > 0),
    working_days  integer[] not null check (cardinality(working_days) > 0 and working_days <@ array[1, 2, 3, 4, 5, 6, 7]),
    day_start     time not null,
    day_end       time not null check (day_end > day_start),
    active        boolean not null default true,
    version       integer not null default 1,
    updated_at    timestamptz not null,
    primary key (provider_code, worker_id)
);

create table rehab_worker_leave (
    id            uuid primary key,
    provider_code text not null,
    worker_id     text not null,
    first_day     date not null,
    last_day      date not null check (last_day >= first_day),
    reason        text not null,
    foreign key (provider_code, worker_id) references rehab_workers (provider_code, worker_id)
);
create index rehab_worker_leave_worker on rehab_worker_leave (provider_code, worker_id, first_day);

-- Who changed the roster and when; append-only like every history.
create table rehab_worker_changes (
    id              bigint generated always as identity primary key,
    provider_code   text not null,
    worker_id       text not null,
    action          text not null check (action in ('added', 'changed', 'leave_added', 'leave_removed')),
    summary         text not null,
    changed_by      text not null,
    changed_by_name text not null,
    changed_at      timestamptz not null
);
create index rehab_worker_changes_provider on rehab_worker_changes (provider_code, id desc);

create function rehab_worker_changes_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'rehab_worker_changes is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger rehab_worker_changes_no_change before update or delete on rehab_worker_changes
    for each row execute function rehab_worker_changes_append_only();
create trigger rehab_worker_changes_no_truncate before truncate on rehab_worker_changes
    for each statement execute function rehab_worker_changes_append_only();
