-- Two corrections found in review (session 17).
--
-- tickets.open_supervision counted every supervision order of a ticket, answered or not, and orders that ask for no
-- reply; it now counts the orders still waiting for the unit's reply (grains/Tickets/TicketProjection writes it so on
-- every commit). Rows written before are corrected here from the order rows: supervision_orders holds exactly the
-- orders with a reply time, and an order is open until it is replied to.
update tickets t
set open_supervision = coalesce((
        select count(*) from supervision_orders o
        where o.item_type = 'ticket' and o.item_id = t.id and o.replied_at is null), 0)
where t.open_supervision <> coalesce((
        select count(*) from supervision_orders o
        where o.item_type = 'ticket' and o.item_id = t.id and o.replied_at is null), 0);

-- The notices list of a county supervisor (GET /api/notifications) filters by county and reads the newest first: an
-- index in that order, so the page does not scan the whole outbox as it grows.
create index outgoing_messages_county_created on outgoing_messages (county_code, created_at desc, id desc);
