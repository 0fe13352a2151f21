-- 时限异常监测: the ways a unit games its clocks, one row per signal, written by the item in its event transaction
-- (grains/Stats/ClockGamingRules decide, ClockGamingRows write) so a signal exists exactly when its event does. The
-- evidence names the item by its number and carries figures only (clock, share used, counts, the other unit, event
-- versions): never a person's data. Reading a scope's signals for a period is a range scan of one of the indexes.
create table clock_gaming_signals (
    item_type     text not null,
    item_id       uuid not null,
    event_version integer not null,
    kind          text not null,
    item_number   text not null,
    unit_code     text not null,
    county_code   text not null,
    occurred_at   timestamptz not null,
    evidence      jsonb not null,
    primary key (item_type, item_id, event_version, kind)
);

create index clock_gaming_signals_unit on clock_gaming_signals (unit_code, occurred_at);
create index clock_gaming_signals_county on clock_gaming_signals (county_code, occurred_at);
create index clock_gaming_signals_time on clock_gaming_signals (occurred_at);

-- 退单 passed on: a ticket returned by one unit (from_unit) and dispatched next to another (to_unit); the heat map of
-- returns between units counts these rows per pair for a scope and period.
create table return_passes (
    item_type     text not null,
    item_id       uuid not null,
    event_version integer not null,
    item_number   text not null,
    from_unit     text not null,
    to_unit       text not null,
    county_code   text not null,
    occurred_at   timestamptz not null,
    primary key (item_type, item_id, event_version)
);

create index return_passes_county on return_passes (county_code, occurred_at);
create index return_passes_time on return_passes (occurred_at);
