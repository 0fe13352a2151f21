-- Every silo start looks for person ids still in raw form (id:..., phone:..., from before migration 0080) in the three
-- read models (PersonIdRewrite). Without an index that is a full scan of each table, so start-up grew with the number of
-- items: 141 ms for 100,000 tickets, seconds at a million (bench/scale.sh). These partial indexes hold only the raw ids,
-- which no write makes any more: they stay empty, cost a write nothing but the predicate, and turn the lookup into a
-- scan of an empty index.
create index tickets_raw_person_id on tickets (person_id) where person_id like 'id:%' or person_id like 'phone:%';
create index legal_aid_cases_raw_person_id on legal_aid_cases (person_id) where person_id like 'id:%' or person_id like 'phone:%';
create index rehab_visits_raw_person_id on rehab_visits (person_id) where person_id like 'id:%' or person_id like 'phone:%';
