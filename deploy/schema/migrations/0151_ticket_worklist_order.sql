-- A unit's worklist (GET /api/units/{code}/worklist, TicketReadModel.WorklistAsync) lists its dispatched and signed
-- tickets in the order "not suspended first, then the running deadline (sign-for while dispatched, handling once
-- signed), then receipt", 500 at most. No index had that order, so every request read and sorted all of the unit's open
-- tickets: 9,693 rows, 60 ms warm and 370 ms cold at 100,000 open tickets (bench/scale.sh); about 100,000 rows for the
-- largest centre at a million. With the order in an index the first 500 are read in order (EXPLAIN ANALYZE at 100,000:
-- 5.8 ms). The expression must stay exactly the worklist's ORDER BY; the statuses are TicketVocabulary.WorklistStatuses.
create index tickets_worklist_order on tickets (
    unit_code,
    suspended,
    (coalesce(case when status = 'dispatched' then sign_due_at else handling_due_at end, 'infinity'::timestamptz)),
    received_at)
where status in ('dispatched', 'signed');
