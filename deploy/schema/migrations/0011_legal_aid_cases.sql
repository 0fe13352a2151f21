-- Read model of legal-aid cases (法律援助案件), written in the same transaction as each case's
-- events (stream type 'legal_aid_case' in domain_events). Search, the station worklist and the
-- person record read from here; a single case's current state comes from its grain. The case's
-- next clock change lives in the shared clock_watch index (0010), not here.
create table legal_aid_cases (
    id                      uuid primary key,
    number                  text not null unique,
    version                 integer not null,
    status                  text not null,
    case_type               text not null,
    applicant_name          text not null,
    applicant_phone         text not null,
    resident_id             text,
    person_id               text not null,
    county_code             text not null,
    station_code            text not null,
    ticket_id               uuid,
    ticket_number           text,
    summary                 text not null,
    applied_at              timestamptz not null,
    accepted_at             timestamptz,
    decided_at              timestamptz,
    concluded_at            timestamptz,
    archived_at             timestamptz,
    documents_pending       boolean not null default false,
    objection_pending       boolean not null default false,
    handler_name            text,
    outcome                 text,
    decision_due_at         timestamptz,
    assignment_due_at       timestamptz,
    agreement_due_at        timestamptz,
    objection_review_due_at timestamptz,
    clock_state             text,
    at_risk                 boolean not null default false,
    overdue                 boolean not null default false,
    next_due_at             timestamptz,
    supervision_count       integer not null default 0,
    updated_at              timestamptz not null
);
create index legal_aid_cases_station_open on legal_aid_cases (station_code, next_due_at) where status not in ('archived', 'concluded');
create index legal_aid_cases_person on legal_aid_cases (person_id, applied_at desc);
create index legal_aid_cases_county_status on legal_aid_cases (county_code, status, applied_at desc);
create index legal_aid_cases_station_status on legal_aid_cases (station_code, status, applied_at desc);
create index legal_aid_cases_applied on legal_aid_cases (applied_at desc);
create index legal_aid_cases_ticket on legal_aid_cases (ticket_id) where ticket_id is not null;
create index legal_aid_cases_text on legal_aid_cases using gin ((number || ' ' || applicant_name || ' ' || summary) gin_trgm_ops);
