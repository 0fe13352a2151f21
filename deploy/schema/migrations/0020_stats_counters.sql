-- Supervision measures, kept incrementally. Every ticket (later also legal-aid case and visit)
-- write adds the change of its contribution to these counters in the same transaction as its
-- events and read-model row, so the counters always equal an aggregate over the read model.
-- One row per item type, scope (city | county:<code> | unit:<code>), period (day | month | year,
-- starting at period_start in Asia/Shanghai; 'current' for gauges such as open or overdue, with
-- period_start 1970-01-01), measure and shard. The shard (0-3, from the item id) spreads the
-- hot city-wide rows so concurrent writers rarely wait on each other; readers sum over shards.
create table stats_counters (
    item_type    text not null,
    scope        text not null,
    period       text not null check (period in ('day', 'month', 'year', 'current')),
    period_start date not null,
    measure      text not null,
    shard        smallint not null,
    value        bigint not null,
    primary key (item_type, scope, period, period_start, measure, shard)
) with (fillfactor = 70);  -- room on each page, so the constant stream of value updates stays HOT (no index writes)

-- What the measures need from a ticket that the read model did not keep yet:
-- signed_at: when the unit signed for the current dispatch (null before signing, and again after
-- a transfer, return or reopening asks for a new signature);
-- clock_name / clock_due_at: the running clock in the worst state (clock_state) and its due time,
-- for the at-risk and overdue lists. Rows written before this migration get them on their next change.
alter table tickets
    add column signed_at    timestamptz,
    add column clock_name   text,
    add column clock_due_at timestamptz;

create index tickets_attention on tickets (clock_state, clock_due_at) where clock_state in ('warning', 'overdue');
