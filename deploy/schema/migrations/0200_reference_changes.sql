-- History of the reference data administrators change (issue 15, item 7): every change of a unit, a town or a routing
-- rule, with who made it (user id, and the display name the account had then), when (the platform's clock), and the
-- record before and after as JSON (the API's field names). The registry grains write the row in the transaction that
-- changes the record, so a refused or failed change leaves no history. Append-only, like every other audit log.
create table reference_changes (
    id              bigint generated always as identity primary key,
    table_name      text not null check (table_name in ('units', 'towns', 'routing_rules')),
    record_key      text not null check (length(record_key) between 1 and 40),
    action          text not null check (action in ('added', 'changed')),
    before          jsonb,
    after           jsonb not null,
    changed_by      text not null,
    changed_by_name text not null,
    changed_role    text not null,
    changed_at      timestamptz not null,
    check ((action = 'added') = (before is null))
);
create index reference_changes_record on reference_changes (table_name, record_key, id desc);

create function reference_changes_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'reference_changes is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger reference_changes_no_change before update or delete on reference_changes
    for each row execute function reference_changes_append_only();
create trigger reference_changes_no_truncate before truncate on reference_changes
    for each statement execute function reference_changes_append_only();

-- The application role's grants, now with reference_changes among the append-only logs (0110 defined the function;
-- the schema step calls it after every run).
create or replace function dispatch_grant_application_role() returns void language plpgsql as $$
declare
    application_role constant text := 'dispatch_app';
    -- ===================================== APPEND-ONLY TABLES =====================================
    -- The application role may insert and read these rows, never update, delete or truncate them.
    -- Add every audit log or *_events table a migration creates (e.g. 'user_admin_events') here.
    append_only constant text[] := array[
        'domain_events',
        'personal_data_access_log',
        'calendar_changes',
        'sla_rule_versions',
        'user_admin_events',
        'open311_key_events',
        'reference_changes',
        -- not a log, but written once by its migration: changing it would change every opaque person id
        'person_id_key'
    ];
    -- ==============================================================================================
    append_only_table text;
begin
    if not exists (select from pg_roles where rolname = application_role) then
        return;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), application_role);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), application_role);
    execute format('grant usage, select, update on all sequences in schema %I to %I', current_schema(), application_role);
    execute format('revoke truncate, references, trigger on all tables in schema %I from %I', current_schema(), application_role);
    foreach append_only_table in array append_only loop
        if to_regclass(append_only_table) is not null then
            execute format('revoke update, delete on %I from %I', append_only_table, application_role);
        end if;
    end loop;
    -- The application reads which migrations ran (to wait for the schema step); it never records one.
    if to_regclass('schema_migrations') is not null then
        execute format('revoke insert, update, delete on schema_migrations from %I', application_role);
    end if;
end
$$;
revoke all on function dispatch_grant_application_role() from public;

select dispatch_grant_application_role();
