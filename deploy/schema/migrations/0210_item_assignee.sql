-- 承办人: the member of the handling unit who works a ticket, legal-aid case or visit (POST .../assignee, .../unassign),
-- kept on each read model so the worklists filter "mine" (assignee_id = the user) and "unassigned" (null) in the same
-- scan as their unit condition. The name is the account's display name when assigned, shown in the worklist column.
-- Items written before this migration have no assignee: nobody had taken them.
alter table tickets add column assignee_id text, add column assignee_name text;
alter table legal_aid_cases add column assignee_id text, add column assignee_name text;
alter table rehab_visits add column assignee_id text, add column assignee_name text;

-- "Mine" across a unit's open work: one user's items of the unit.
create index tickets_assignee on tickets (unit_code, assignee_id) where assignee_id is not null;
create index legal_aid_cases_assignee on legal_aid_cases (station_code, assignee_id) where assignee_id is not null;
create index rehab_visits_assignee on rehab_visits (provider_code, assignee_id) where assignee_id is not null;
