-- Measures and live push for legal-aid cases and rehab visits (issue 5): the read-model columns the
-- counters (stats_counters, item_type legal_aid_case / rehab_visit) are computed from, and the
-- worst running clock that the at-risk and overdue lists show. Written by each case's and visit's
-- projection in the same transaction as its events and counter changes.
alter table legal_aid_cases
    add column first_assigned_at timestamptz,
    add column clock_name        text,
    add column clock_due_at      timestamptz;

alter table rehab_visits
    add column recorded_at  timestamptz,
    add column missed_at    timestamptz,
    add column cancelled_at timestamptz,
    add column clock_name   text,
    add column clock_due_at timestamptz;

create index legal_aid_cases_attention on legal_aid_cases (clock_state, clock_due_at) where clock_state in ('warning', 'overdue');
create index rehab_visits_attention on rehab_visits (clock_state, clock_due_at) where clock_state in ('warning', 'overdue');
