-- The outbox of outgoing notifications (SMS, e-mail): an item writes a row here in the same transaction as the events that
-- call for it (grains/Notifications/OutboxRows), so a rolled-back write sends nothing and a committed one is never lost.
-- The silos' senders (grains/Notifications/OutboxDelivery) claim due rows with FOR UPDATE SKIP LOCKED, hand them to the
-- channel's sender and mark them sent, or failed with a next attempt, or dead after the last attempt.
-- The recipient is personal data (a phone number or an address): the API shows it masked, logs never show it.
-- A message to a unit takes the unit's phone as it is when the item commits; a unit without one gets no row.
create table outgoing_messages (
    id              uuid primary key default gen_random_uuid(),
    item_type       text not null,
    item_id         uuid not null,
    item_number     text not null,
    county_code     text not null,
    event_version   integer not null,
    channel         text not null check (channel in ('sms', 'email')),
    template        text not null,
    recipient_kind  text not null check (recipient_kind in ('person', 'unit')),
    unit_code       text,
    recipient       text not null,
    placeholders    jsonb not null,
    status          text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'dead')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    updated_at      timestamptz not null,
    -- One message of a template per event of an item: a write repeated after an unknown outcome adds nothing.
    unique (item_id, event_version, template)
);

-- The senders' claim: due rows in order; sent and dead rows drop out of the index.
create index outgoing_messages_due on outgoing_messages (next_attempt_at) where status in ('pending', 'failed', 'sending');
create index outgoing_messages_created on outgoing_messages (created_at desc, id desc);
create index outgoing_messages_item on outgoing_messages (item_id);
