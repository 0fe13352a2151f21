-- Breach risk for legal-aid cases compares an open case's running stage clock with the same stage clock of past cases
-- of its case type, in the clock's own terms (working time for a limit in working days, elapsed time otherwise, the wait
-- for the applicant's documents left out).
--
-- Per stage, the hours its clock counted when its work was done: the decision (grant or refusal), the first assignment,
-- the agreement, the objection review's decision. A clock stopped otherwise (withdrawal, termination) keeps null: it
-- says nothing about how long the work takes.
--
-- For the running clock (the one clock_name and clock_due_at name), its measure as last written: the hours it will have
-- counted when it falls due (its limit with every extension; for a limit in calendar days also the days a period
-- ending on a day off runs on), the hours it had counted, whether it counts working time, and the instant from which it
-- counts on (the write, or for a limit in calendar days the next local midnight when the period has not begun yet).
--
-- Rows written before this keep nulls until their case is written again: they give no history cell and no estimate.
alter table legal_aid_cases
    add column decision_used_hours double precision,
    add column assignment_used_hours double precision,
    add column agreement_used_hours double precision,
    add column objection_review_used_hours double precision,
    add column clock_allowed_hours double precision,
    add column clock_used_hours double precision,
    add column clock_working boolean,
    add column clock_measured_at timestamptz;
