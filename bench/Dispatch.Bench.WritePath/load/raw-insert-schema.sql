-- The scratch table for the raw-insert yardstick, in its own database (bench_raw) of the system's PostgreSQL instance.
drop table if exists bench_raw_insert;
create table bench_raw_insert (
    id bigint generated always as identity primary key,
    county_code text not null,
    caller_phone text not null,
    topic text not null,
    content text not null,
    received_at timestamptz not null default now()
);
create index bench_raw_insert_county on bench_raw_insert (county_code, received_at);
