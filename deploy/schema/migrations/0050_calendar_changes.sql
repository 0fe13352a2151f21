-- Administered changes of the working-day calendar, on top of the shipped year files in
-- reference-data/calendar (the seed): a year's State Council notice published (holiday blocks with
-- names zh/en, make-up working days, the notice text), a county closure added, or one withdrawn.
-- Append-only: every row says who, when and why, and is the audit trail of the calendar. Each change
-- is in force from changed_at; clocks count the time before it on the calendar of its time. Appending
-- notifies the channel calendar_changes, which every silo listens to (and polls as a fallback).
create table calendar_changes (
    sequence     bigint generated always as identity primary key,
    kind         text not null check (kind in ('year_published', 'closure_added', 'closure_withdrawn')),
    year         integer check (year between 2000 and 2100),
    county_code  text references areas (code),
    closure_id   uuid,
    closed_on    date,
    payload      jsonb not null,
    reason       text not null check (length(btrim(reason)) > 0),
    changed_by   text not null,
    changed_role text not null,
    changed_at   timestamptz not null,
    check ((kind = 'year_published') = (year is not null)),
    check ((kind = 'closure_added') = (county_code is not null and closed_on is not null)),
    check ((kind = 'year_published') = (closure_id is null))
);
create index calendar_changes_year on calendar_changes (year, sequence) where year is not null;
-- A closure is added once and withdrawn at most once.
create unique index calendar_changes_closure_once on calendar_changes (closure_id, kind) where closure_id is not null;

create function calendar_changes_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'calendar_changes is append-only: record a new change instead';
end $$;
create trigger calendar_changes_append_only before update or delete on calendar_changes
    for each row execute function calendar_changes_append_only();
