-- 督办: one row per supervision order that asks a unit for a written reply (督办回复), kept by its item in the item's
-- event transaction (grains/Items/SupervisionOrderRows), for the supervisors' list of open and escalated orders
-- (GET /api/supervision-orders). The order's note stays on the item (free text, possibly naming the caller); the
-- list names the item by its number only. Orders issued before this migration asked for no reply and are not listed.
create table supervision_orders (
    order_id      uuid primary key,
    item_type     text not null,
    item_id       uuid not null,
    item_number   text not null,
    county_code   text not null,
    unit_code     text,
    cause         text not null,
    issued_at     timestamptz not null,
    level         text not null,
    due_at        timestamptz not null,
    escalated_at  timestamptz,
    replied_at    timestamptz,
    item_version  integer not null
);

-- The open orders of a scope, nearest due first; replied orders drop out of the index.
create index supervision_orders_open on supervision_orders (county_code, due_at) where replied_at is null;
create index supervision_orders_item on supervision_orders (item_type, item_id);
