-- Breach risk for home-rehabilitation visits compares an open visit's running clock with past visits of the same
-- service type whose same clock stopped, in each clock's own terms (working time for the first visit and the record,
-- elapsed time for the window; no visit clock pauses). The row keeps, per clock, the hours it had counted when its work
-- stopped it (firstVisit: check-in; window: completion; record: the filed record), null while it runs and when it was
-- stopped otherwise (a cancelled visit, a missed window); and the stage clock now running (firstVisit, else window,
-- else record: stage_clock holds its name) as last measured: the hours it allows, the hours it had counted, whether it
-- counts working time, and from when it counts on (the measure's instant, or the window's start when it had not begun).
-- Rows written before this keep nulls until their visit is written again: they give no history cell and are not listed.
alter table rehab_visits
    add column first_visit_used_hours double precision,
    add column window_used_hours double precision,
    add column record_used_hours double precision,
    add column stage_clock text,
    add column stage_allowed_hours double precision,
    add column stage_used_hours double precision,
    add column stage_working boolean,
    add column stage_measured_at timestamptz;
