-- The legal-aid station's roster (issue 15, item 4): the lawyers (律师) and legal workers (基层法律服务工作者) a station
-- assigns cases to, with their fields of practice (the case types), status and leave, a cap of open cases and the
-- parties they declared a conflict for. One row per member; the roster grain of the station is its single writer and
-- records every change in reference_changes (table_name 'legal_aid_roster') in the same transaction. Phone and
-- practice-licence number are personal data: the API masks them, a full view is logged in personal_data_access_log.
create table legal_aid_roster (
    id                 uuid primary key,
    station_code       text not null references units (code),
    name               text not null check (length(name) between 1 and 50),
    kind               text not null check (kind in ('lawyer', 'legal_worker')),
    organisation       text,
    phone              text,
    licence_number     text,
    fields             text[] not null default '{}',
    status             text not null check (status in ('active', 'on_leave', 'left')),
    leave_from         date,
    leave_until        date,
    max_open_cases     integer not null check (max_open_cases between 1 and 200),
    declared_conflicts text[] not null default '{}',
    version            integer not null default 1,
    updated_by         text not null,
    updated_at         timestamptz not null,
    check ((status = 'on_leave') = (leave_from is not null and leave_until is not null)),
    check (leave_until is null or leave_until >= leave_from)
);
create index legal_aid_roster_station on legal_aid_roster (station_code, name);

alter table reference_changes drop constraint reference_changes_table_name_check;
alter table reference_changes add constraint reference_changes_table_name_check
    check (table_name in ('units', 'towns', 'routing_rules', 'legal_aid_roster'));

-- The roster member a case is assigned to, when it was assigned, and the opposing party (对方当事人) with the names as
-- compared by the conflict check (NFKC, trimmed, one space, lower case), so "a member's open cases" and "has this member
-- acted for or against this party" are indexed reads of the case rows.
alter table legal_aid_cases
    add column handler_member_id   uuid,
    add column handler_assigned_at timestamptz,
    add column opposing_party      text,
    add column applicant_key       text,
    add column opposing_party_key  text;
create index legal_aid_cases_handler_member on legal_aid_cases (handler_member_id, status) where handler_member_id is not null;
