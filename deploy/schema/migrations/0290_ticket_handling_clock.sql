-- Breach risk and the close-today chances compare an open ticket with past ones in the handling clock's own terms
-- (working time for a limit in working days or hours, pauses left out), not in wall-clock hours from first dispatch.
-- The row keeps the handling clock as it was last measured: the time it allows (limit plus extensions), the time it had
-- counted, whether it counts working time, and when it was measured. A running clock has counted more since then, a
-- paused or stopped one has not; a resolved ticket's counted time is its handling time.
-- Rows written before this keep nulls until their ticket is written again; the lists read them in wall-clock hours.
alter table tickets
    add column handling_allowed_hours double precision,
    add column handling_used_hours double precision,
    add column handling_working boolean,
    add column handling_measured_at timestamptz;
