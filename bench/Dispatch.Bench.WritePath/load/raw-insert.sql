-- pgbench script: one plain single-row INSERT per transaction (autocommit, durable: fsync on, synchronous_commit on)
-- into bench_raw_insert (a few columns, primary key and one secondary index), the yardstick for a registration.
\set n random(1, 99999999)
\set county random(1, 7)
insert into bench_raw_insert (county_code, caller_phone, topic, content)
values ((array['330402', '330411', '330421', '330424', '330481', '330482', '330483'])[:county],
        '138' || lpad(:n::text, 8, '0'), 'care_services', '来电反映残疾人护理补贴尚未发放，请核实处理。');
