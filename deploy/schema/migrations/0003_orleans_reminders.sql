-- Orleans ADO.NET reminders for Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant "Npgsql".
--
-- The reminder table refuses to start unless all seven keys below exist in orleansquery.
--
-- Parameters (Npgsql type as bound by the provider):
--   ServiceId text, GrainId text (GrainId.ToString(), e.g. "unit/42"), ReminderName text,
--   StartTime timestamptz (UTC only, Npgsql rejects other kinds), Period int, or bigint when the period
--   exceeds int.MaxValue milliseconds, GrainHash int (the uniform hash of the grain, a uint cast to int),
--   BeginHash int and EndHash int (a ring range, also cast from uint), Version int (the ETag).
-- Results: reads return GrainId, ReminderName, StartTime, Period (read with GetInt64, so bigint) and
--   Version. Upsert returns one row with Version, the new ETag. Delete of one row returns one row with
--   one boolean column: true when the row was removed.
-- Ranges: the provider compares the hashes as signed ints. ReadRangeRows1Key serves begin < end and
--   reads (begin, end]. ReadRangeRows2Key serves begin >= end, the range that wraps past the top of the
--   ring, and reads hash > begin or hash <= end (begin = end is the whole ring).
-- Concurrency: upsert always wins and moves the version on. Delete removes the row only while it still
--   holds the ETag the caller read, so a caller with a stale ETag deletes nothing and gets false.

create table orleans_reminders (
    service_id    text not null,
    grain_id      text not null,
    reminder_name text not null,
    start_time    timestamptz not null,
    period        bigint not null,
    grain_hash    integer not null,
    version       integer not null,
    primary key (service_id, grain_id, reminder_name)
);

create index orleans_reminders_by_hash on orleans_reminders (service_id, grain_hash);

insert into orleansquery (querykey, querytext) values
('UpsertReminderRowKey', '
insert into orleans_reminders as r
    (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
values (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
on conflict (service_id, grain_id, reminder_name) do update
   set start_time = excluded.start_time,
       period     = excluded.period,
       grain_hash = excluded.grain_hash,
       version    = r.version + 1
returning r.version as "Version"
'),

('ReadReminderRowKey', '
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period as "Period", version as "Version"
  from orleans_reminders
 where service_id = @ServiceId and grain_id = @GrainId and reminder_name = @ReminderName
'),

('ReadReminderRowsKey', '
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period as "Period", version as "Version"
  from orleans_reminders
 where service_id = @ServiceId and grain_id = @GrainId
'),

('ReadRangeRows1Key', '
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period as "Period", version as "Version"
  from orleans_reminders
 where service_id = @ServiceId
   and grain_hash > @BeginHash and grain_hash <= @EndHash
'),

('ReadRangeRows2Key', '
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period as "Period", version as "Version"
  from orleans_reminders
 where service_id = @ServiceId
   and (grain_hash > @BeginHash or grain_hash <= @EndHash)
'),

('DeleteReminderRowKey', '
with removed as (
    delete from orleans_reminders
     where service_id = @ServiceId and grain_id = @GrainId and reminder_name = @ReminderName
       and version = @Version
    returning 1
)
select exists (select 1 from removed) as "Deleted"
'),

('DeleteReminderRowsKey', '
delete from orleans_reminders
 where service_id = @ServiceId
');
