-- The shadow of stats_counters that a rebuild computes into while item writes go on; a short transaction then swaps
-- its rows in. Only one rebuild runs at a time (the fold's advisory lock), so one shadow table is enough. Unlogged:
-- it holds nothing that a crash could lose, a rebuild starts by emptying it.
create unlogged table stats_counters_rebuilt (
    item_type    text not null,
    scope        text not null,
    period       text not null,
    period_start date not null,
    measure      text not null,
    value        bigint not null
);
