-- One index of next clock changes for every kind of clocked item (tickets, legal-aid cases,
-- rehabilitation visits). Each item writes its row in the same transaction as its events, and the
-- deadline watcher (8 shards, one reminder each) scans only this table, by shard and time, instead
-- of one read-model table per kind. A row exists only while at least one of the item's clocks runs.
create table clock_watch (
    item_type   text not null,
    item_id     uuid not null,
    watch_shard integer not null,
    next_change timestamptz not null,
    primary key (item_type, item_id)
);
create index clock_watch_due on clock_watch (watch_shard, next_change);

insert into clock_watch (item_type, item_id, watch_shard, next_change)
select 'ticket', id, watch_shard, next_clock_change from tickets where next_clock_change is not null;

-- The watcher no longer scans tickets; the column stays as part of the ticket read model.
drop index if exists tickets_clock_watch;
