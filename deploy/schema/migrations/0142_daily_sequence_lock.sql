-- The day's first numbers can be asked for by many callers at the same instant (every silo, every grain that was
-- told the sequence does not exist yet). "create sequence if not exists" is not safe against a concurrent create
-- (a unique violation on pg_class), and two GRANTs on the same new sequence collide ("tuple concurrently updated",
-- XX000). The function now takes a transaction advisory lock per sequence name first: the callers queue, the first
-- creates and grants, the others find the sequence and leave it alone.
create or replace function dispatch_create_daily_sequence(sequence_name text, number_prefix text, issued_in text) returns void
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
    perform pg_advisory_xact_lock(hashtext('dispatch_create_daily_sequence'), hashtext(sequence_name));
    if to_regclass(sequence_name) is not null then
        return;
    end if;
    execute format('create sequence %I as integer', sequence_name);
    execute format('select max(substring(number from %s)::int) from %I where number like %L',
        length(number_prefix) + 1, issued_in, number_prefix || '%') into highest;
    if highest is not null then
        execute format('select setval(%L, %s, true)', sequence_name, highest);
    end if;
    if exists (select from pg_roles where rolname = 'dispatch_app') then
        execute format('grant usage, select, update on sequence %I to dispatch_app', sequence_name);
    end if;
end
$$;
revoke all on function dispatch_create_daily_sequence(text, text, text) from public;
