-- 0009 replaced the per-day counter rows with sequences but started each sequence at 1, so a day
-- that already had tickets numbered by the counter could be given a number twice. Move every
-- existing day sequence past the highest number already issued that day.
do $$
declare
    day_sequence record;
    highest integer;
begin
    for day_sequence in
        select sequencename from pg_sequences where schemaname = current_schema() and sequencename like 'ticket\_number\_%'
    loop
        select max(substring(number from 18)::int) into highest
        from tickets
        where number like 'JX12385-' || substring(day_sequence.sequencename from 15) || '-%';
        if highest is not null then
            execute format('select setval(%L, greatest(%s, (select last_value from %I)), true)',
                day_sequence.sequencename, highest, day_sequence.sequencename);
        end if;
    end loop;
end
$$;
