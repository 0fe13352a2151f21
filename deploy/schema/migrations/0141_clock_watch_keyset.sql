-- The deadline watcher catches up after an outage page by page, in (next_change, item_type, item_id) order; with the
-- whole key in the index a page is one index range scan even when thousands of items fell due at the same instant.
create index clock_watch_due_keyset on clock_watch (watch_shard, next_change, item_type, item_id);
drop index clock_watch_due;
