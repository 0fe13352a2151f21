-- The petition procedure of 《信访工作条例》: the city's designated body for reviews (复查 / 复核),
-- and the read-model columns that lists, intake and the measures need about a petition.

alter table units drop constraint units_kind_check;
alter table units add constraint units_kind_check check (kind in ('centre', 'legal_aid', 'rehab', 'petition_review'));

-- A database loaded before this migration gets the designated unit too (an empty one gets it from jiaxing.json).
insert into units (code, name, name_en, kind, area_code, updated_by)
select '330400-REVIEW', '嘉兴市信访事项复查复核委员会办公室', 'Jiaxing Petition Review Committee Office', 'petition_review', '330400', 'migration 0070'
where exists (select 1 from areas where code = '330400')
on conflict (code) do nothing;

alter table tickets
    add column petition_stage     text check (petition_stage in ('petition', 'review', 're_review')),
    add column petition_review_of uuid,
    add column accepted           boolean,
    add column acceptance_due_at  timestamptz,
    add column acceptance_decided_at timestamptz,
    add column review_outcome     text check (review_outcome in ('upheld', 'changed')),
    add column concluded_by       text;

-- "Has this person's matter on this topic been concluded by a re-review?" at every petition's intake.
create index tickets_concluded on tickets (person_id, topic) where petition_stage = 're_review' and resolved_at is not null;

-- The head (负责人) of a unit approves a petition's extension: a flag on unit staff accounts.
alter table "AspNetUsers" add column "UnitHead" boolean not null default false;
