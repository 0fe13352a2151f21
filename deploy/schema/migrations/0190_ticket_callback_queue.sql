-- The callback queue (待回访, GET /api/callback-queue): resolved tickets whose caller is still owed a callback, oldest
-- resolution first, with the failed attempts made and the earliest instant of the next one (attempts are spaced by
-- TicketLimits.CallbackAttemptSpacing). callback_next_at is null unless a callback is owed: the partial index then
-- holds only the queue's rows, however many tickets were ever closed.
alter table tickets
    add column callback_failed_attempts integer not null default 0,
    add column callback_next_at timestamptz;

create index tickets_callback_queue on tickets (resolved_at, id) where callback_next_at is not null;

-- Tickets already waiting for a callback: the failed attempts since the last reopening, from the event log; the next
-- attempt may be made at once (attempts recorded before the spacing rule scheduled none), the first at resolution.
with owed as (
    select t.id, t.resolved_at,
           count(e.version) filter (where e.event_type = 'callback_recorded' and not (e.payload ->> 'reached')::boolean) as failed,
           max(e.occurred_at) filter (where e.event_type = 'callback_recorded') as last_attempt_at
    from tickets t
    left join domain_events e
        on e.stream_id = 'ticket-' || replace(t.id::text, '-', '')
       and e.event_type = 'callback_recorded'
       and e.version > coalesce((select max(r.version) from domain_events r
                                 where r.stream_id = 'ticket-' || replace(t.id::text, '-', '') and r.event_type = 'reopened'), 0)
    where t.status = 'resolved' and t.satisfaction is null
    group by t.id, t.resolved_at
)
update tickets t
set callback_failed_attempts = owed.failed,
    callback_next_at = coalesce(owed.last_attempt_at, owed.resolved_at)
from owed
where t.id = owed.id;
