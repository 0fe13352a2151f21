-- Orleans ADO.NET grain storage for Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql".
--
-- At start the provider reads WriteToStorageKey, ReadFromStorageKey and ClearStorageKey (all required)
-- and DeleteStorageKey (optional, needed only when DeleteStateOnClear is true) from orleansquery.
--
-- Parameters (Npgsql type as bound by the provider), identical for every statement:
--   GrainIdHash int and GrainTypeHash int (hashes of the key and of the grain type name),
--   GrainIdN0 bigint and GrainIdN1 bigint (the two halves of a Guid key, or 0 and the integer key),
--   GrainTypeString text, GrainIdExtensionString text or null (a string key, or the key extension),
--   ServiceId text. Write and clear add GrainStateVersion int or null (the ETag the grain holds).
--   Write adds PayloadBinary bytea: the provider binds no other payload column in 10.x. With the
--   System.Text.Json grain storage serializer the bytes are UTF-8 JSON.
-- Results: read returns zero or one row with PayloadBinary (null after a clear) and Version. Write,
--   clear and delete return exactly one row whose single column, NewGrainStateVersion, is the new
--   version, or null when nothing was written.
-- Concurrency: the version is the ETag. A write or clear with version n succeeds only on a row still at
--   n and moves it to n + 1. Without a version it only creates a row that does not exist yet (version 1).
--   Delete removes the row only at version n and answers n + 1. The provider raises
--   InconsistentStateException when the answer is null (seen as an empty string), equal to the ETag it
--   sent, or missing while it sent one, so a stale ETag must yield a row holding null, never no row.
--   The unique key (nulls not distinct, so a missing extension counts as one value) stops two
--   activations from both creating the same grain.

create table orleans_storage (
    grain_id_hash             integer not null,
    grain_id_n0               bigint not null,
    grain_id_n1               bigint not null,
    grain_type_hash           integer not null,
    grain_type_string         text not null,
    grain_id_extension_string text,
    service_id                text not null,
    payload_binary            bytea,
    version                   integer not null,
    modified_on               timestamptz not null default now(),
    constraint orleans_storage_grain_key unique nulls not distinct
        (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type_string, grain_id_extension_string)
);

insert into orleansquery (querykey, querytext) values
('ReadFromStorageKey', '
select s.payload_binary as "PayloadBinary", s.version as "Version"
  from orleans_storage s
 where s.grain_id_hash = @GrainIdHash
   and s.grain_type_hash = @GrainTypeHash
   and s.service_id = @ServiceId
   and s.grain_id_n0 = @GrainIdN0
   and s.grain_id_n1 = @GrainIdN1
   and s.grain_type_string = @GrainTypeString
   and s.grain_id_extension_string is not distinct from @GrainIdExtensionString
'),

('WriteToStorageKey', '
with updated as (
    update orleans_storage s
       set payload_binary = @PayloadBinary, version = s.version + 1, modified_on = now()
     where @GrainStateVersion is not null
       and s.version = @GrainStateVersion
       and s.grain_id_hash = @GrainIdHash
       and s.grain_type_hash = @GrainTypeHash
       and s.service_id = @ServiceId
       and s.grain_id_n0 = @GrainIdN0
       and s.grain_id_n1 = @GrainIdN1
       and s.grain_type_string = @GrainTypeString
       and s.grain_id_extension_string is not distinct from @GrainIdExtensionString
    returning s.version
), created as (
    insert into orleans_storage
        (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type_string,
         grain_id_extension_string, service_id, payload_binary, version)
    select @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
     where @GrainStateVersion is null
    on conflict on constraint orleans_storage_grain_key do nothing
    returning version
)
select (select version from updated union all select version from created limit 1) as "NewGrainStateVersion"
'),

-- Clearing keeps the row and its version history: the payload goes, the version moves on.
('ClearStorageKey', '
with updated as (
    update orleans_storage s
       set payload_binary = null, version = s.version + 1, modified_on = now()
     where @GrainStateVersion is not null
       and s.version = @GrainStateVersion
       and s.grain_id_hash = @GrainIdHash
       and s.grain_type_hash = @GrainTypeHash
       and s.service_id = @ServiceId
       and s.grain_id_n0 = @GrainIdN0
       and s.grain_id_n1 = @GrainIdN1
       and s.grain_type_string = @GrainTypeString
       and s.grain_id_extension_string is not distinct from @GrainIdExtensionString
    returning s.version
), created as (
    insert into orleans_storage
        (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type_string,
         grain_id_extension_string, service_id, payload_binary, version)
    select @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, null, 1
     where @GrainStateVersion is null
    on conflict on constraint orleans_storage_grain_key do nothing
    returning version
)
select (select version from updated union all select version from created limit 1) as "NewGrainStateVersion"
'),

('DeleteStorageKey', '
with removed as (
    delete from orleans_storage s
     where s.version = @GrainStateVersion
       and s.grain_id_hash = @GrainIdHash
       and s.grain_type_hash = @GrainTypeHash
       and s.service_id = @ServiceId
       and s.grain_id_n0 = @GrainIdN0
       and s.grain_id_n1 = @GrainIdN1
       and s.grain_type_string = @GrainTypeString
       and s.grain_id_extension_string is not distinct from @GrainIdExtensionString
    returning s.version
)
select (select version + 1 from removed) as "NewGrainStateVersion"
');
