-- Fair routing across units of the same kind (issue 15, item 6). Where several active units of the kind a rule names
-- serve a county (each county's two rehabilitation providers), automatic dispatch, visit requests and plans take the
-- unit with the least open load per unit of its share (grains/Routing/FairRouting.cs), and record the candidates with
-- their loads in the event.
--
-- routing_share: the unit's share of its kind's work in its county, set by administrators (PUT /api/reference/units);
-- 1 for every unit makes the choice "least-loaded".
alter table units add column routing_share integer not null default 1 check (routing_share between 1 and 100);

-- The load is counted per choice from the read models (grains/Routing/OpenWorkTable.cs) for the few candidate units
-- only. Each count walks one partial index over the open items of those units; the predicates are word for word the
-- statement's status conditions (TicketVocabulary.WorklistStatuses, LegalAidVocabulary.WorklistStatuses). Visits use
-- rehab_visits_provider_open (migration 0060), whose predicate is already the providers' open set.
create index tickets_unit_load on tickets (unit_code, urgency) where status in ('dispatched', 'signed');
create index legal_aid_cases_station_load on legal_aid_cases (station_code)
    where status in ('applied', 'under_review', 'granted', 'refused', 'assigned', 'in_progress');
