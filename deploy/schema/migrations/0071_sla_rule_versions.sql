-- Deadline-rule versions published by administrators, on top of the shipped files in
-- reference-data/sla-rules (v1, v2...). Append-only: a version is never edited; a new one with a later
-- effectiveFrom is published instead, and items keep the version they were received under. Every row
-- says who, when and why, and is the audit trail of the rules. Appending notifies the channel
-- sla_rule_versions, which every silo listens to (and polls as a fallback).
create table sla_rule_versions (
    version        integer primary key check (version >= 1),
    effective_from date not null,
    body           jsonb not null,
    reason         text not null check (length(btrim(reason)) > 0),
    published_by   text not null,
    published_role text not null,
    published_at   timestamptz not null
);

create function sla_rule_versions_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'sla_rule_versions is append-only: publish a new version instead';
end $$;
create trigger sla_rule_versions_append_only before update or delete on sla_rule_versions
    for each row execute function sla_rule_versions_append_only();
