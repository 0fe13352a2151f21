-- Units' e-mail address for notices (issue 15 item 3): a unit notice (a ticket dispatched or transferred to it, a
-- supervision order, an overdue clock) goes by SMS to the unit's phone when it has one and by e-mail to this address when
-- it has one, each its own outbox row (grains/Notifications/OutboxRows takes the address the message's channel needs from
-- this table when the item commits; a unit without it gets no row on that channel). Set by administrators
-- (PUT /api/reference/units); the shipped reference data carries no unit contact, so every unit starts without one.
-- The outbox's uniqueness (item, event version, template) holds: the e-mail of a notice has its own template id.
alter table units add column email text;
