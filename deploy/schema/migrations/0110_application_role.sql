-- Least privilege: the schema owner (dispatch_owner, the role this migration runs as) owns every table and is the
-- only role that changes the schema; the silo and the web app connect as dispatch_app, which owns nothing, may not
-- create anything in the schema, reads and writes rows where it must, and may never rewrite an append-only log.
-- Nothing here runs where the role dispatch_app does not exist (a database used by one role only).

-- Grants the application role its DML and takes back what an append-only table must never allow. The schema step
-- (SchemaMigrator) calls it again after every run, so tables added by later migrations are covered too.
create function dispatch_grant_application_role() returns void language plpgsql as $$
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

-- The application role creates no table and no sequence. Ticket, case and visit numbers come from one sequence per
-- local day, created on the day's first number: this function creates it on the application's behalf, as the
-- owner, and accepts only the three known series and the read-model table each one's numbers are issued in.
create function dispatch_create_daily_sequence(sequence_name text, number_prefix text, issued_in text) returns void
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    highest integer;
begin
    if not ((sequence_name ~ '^ticket_number_[0-9]{8}$' and issued_in = 'tickets' and number_prefix ~ '^JX12385-[0-9]{8}-$')
         or (sequence_name ~ '^legal_aid_number_[0-9]{8}$' and issued_in = 'legal_aid_cases' and number_prefix ~ '^JXFY-[0-9]{8}-$')
         or (sequence_name ~ '^rehab_visit_number_[0-9]{8}$' and issued_in = 'rehab_visits' and number_prefix ~ '^JXKF-[0-9]{8}-$'))
    then
        raise exception 'not a daily number series: % % %', sequence_name, number_prefix, issued_in using errcode = '22023';
    end if;
    execute format('create sequence if not exists %I as integer', sequence_name);
    execute format('select max(substring(number from %s)::int) from %I where number like %L',
        length(number_prefix) + 1, issued_in, number_prefix || '%') into highest;
    if highest is not null then
        execute format('select setval(%L, greatest(%s, (select last_value from %I)), true)', sequence_name, highest, sequence_name);
    end if;
    if exists (select from pg_roles where rolname = 'dispatch_app') then
        execute format('grant usage, select, update on sequence %I to dispatch_app', sequence_name);
    end if;
end
$$;
revoke all on function dispatch_create_daily_sequence(text, text, text) from public;

do $$
begin
    if exists (select from pg_roles where rolname = 'dispatch_app') then
        grant execute on function dispatch_create_daily_sequence(text, text, text) to dispatch_app;
        -- Tables and sequences later migrations create (as this role) are granted at once.
        alter default privileges in schema public grant select, insert, update, delete on tables to dispatch_app;
        alter default privileges in schema public grant usage, select, update on sequences to dispatch_app;
        -- Only the owner creates in the schema.
        revoke create on schema public from public;
    end if;
end
$$;

select dispatch_grant_application_role();
