-- Orleans ADO.NET clustering (membership) for Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant "Npgsql".
--
-- The providers read their statements at start with  SELECT QueryKey, QueryText FROM OrleansQuery
-- (unquoted, so the table and its columns are the lower-case orleansquery, querykey, querytext, and Npgsql
-- matches the result column names without regard to case). The clustering table and the client's
-- gateway list provider refuse to start unless every key below exists, except CleanupDefunctSiloEntryKey,
-- which is optional: when present the provider reads all rows and deletes each dead, long-silent silo
-- with that statement, otherwise it uses the bulk CleanupDefunctSiloEntriesKey.
--
-- Parameters (Npgsql type as bound by the provider):
--   DeploymentId text (the ClusterId), Address text, Port int, Generation int, SiloName text,
--   HostName text, Status int (SiloStatus: 3 Active, 6 Dead), ProxyPort int, SuspectTimes text or null
--   ("silo-address,yyyy-MM-dd HH:mm:ss.fff GMT" joined by "|"), Version int (the table version etag the
--   caller read), StartTime and IAmAliveTime timestamptz (DbType.DateTime: Npgsql only accepts UTC values).
-- Results: membership reads return Version plus Address, Port, Generation, SiloName, HostName, Status,
--   ProxyPort, SuspectTimes, StartTime, IAmAliveTime, always at least one row (the version row left
--   joined to the members, where a null StartTime means "no member"). Port, Generation, Status and ProxyPort
--   are read with GetInt32, so they are integer columns. Gateways return Address, ProxyPort, Generation.
--   Inserts and updates return one row with one boolean column: true when the row was written.
-- Concurrency: every membership insert or update must carry the table version the caller read. The
--   statement bumps the version row only if it still holds that version (and the member row is absent
--   for an insert, present for an update), and writes the member row only through that bump, in one
--   statement. The version row's lock serialises writers, so a stale version makes the statement write
--   nothing and answer false, which the membership protocol treats as "read again and retry".
--   I-am-alive updates touch only the member row and leave the version alone.

create table orleansquery (
    querykey  varchar(64) primary key,
    querytext text not null
);

create table orleans_membership_version (
    deployment_id text primary key,
    version       integer not null default 0,
    changed_at    timestamptz not null default now()
);

create table orleans_membership (
    deployment_id   text not null references orleans_membership_version (deployment_id) on delete cascade,
    address         text not null,
    port            integer not null,
    generation      integer not null,
    silo_name       text not null,
    host_name       text not null,
    status          integer not null,
    proxy_port      integer not null,
    suspect_times   text,
    start_time      timestamptz not null,
    i_am_alive_time timestamptz not null,
    primary key (deployment_id, address, port, generation)
);

insert into orleansquery (querykey, querytext) values
('InsertMembershipVersionKey', '
with created as (
    insert into orleans_membership_version (deployment_id, version, changed_at)
    values (@DeploymentId, 0, now())
    on conflict (deployment_id) do nothing
    returning 1
)
select exists (select 1 from created) as "Inserted"
'),

('InsertMembershipKey', '
with bumped as (
    update orleans_membership_version v
       set version = v.version + 1, changed_at = now()
     where v.deployment_id = @DeploymentId
       and v.version = @Version
       and not exists (
           select 1 from orleans_membership m
            where m.deployment_id = @DeploymentId
              and m.address = @Address and m.port = @Port and m.generation = @Generation)
    returning v.deployment_id
), added as (
    insert into orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
         suspect_times, start_time, i_am_alive_time)
    select b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           null, @StartTime, @IAmAliveTime
      from bumped b
    on conflict do nothing
    returning 1
)
select exists (select 1 from added) as "Inserted"
'),

('UpdateMembershipKey', '
with bumped as (
    update orleans_membership_version v
       set version = v.version + 1, changed_at = now()
     where v.deployment_id = @DeploymentId
       and v.version = @Version
       and exists (
           select 1 from orleans_membership m
            where m.deployment_id = @DeploymentId
              and m.address = @Address and m.port = @Port and m.generation = @Generation)
    returning v.deployment_id
), changed as (
    update orleans_membership m
       set status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      from bumped b
     where m.deployment_id = b.deployment_id
       and m.address = @Address and m.port = @Port and m.generation = @Generation
    returning 1
)
select exists (select 1 from changed) as "Updated"
'),

('UpdateIAmAlivetimeKey', '
update orleans_membership
   set i_am_alive_time = @IAmAliveTime
 where deployment_id = @DeploymentId
   and address = @Address and port = @Port and generation = @Generation
'),

('MembershipReadRowKey', '
select v.version         as "Version",
       m.address         as "Address",
       m.port            as "Port",
       m.generation      as "Generation",
       m.silo_name       as "SiloName",
       m.host_name       as "HostName",
       m.status          as "Status",
       m.proxy_port      as "ProxyPort",
       m.suspect_times   as "SuspectTimes",
       m.start_time      as "StartTime",
       m.i_am_alive_time as "IAmAliveTime"
  from orleans_membership_version v
  left join orleans_membership m
    on m.deployment_id = v.deployment_id
   and m.address = @Address and m.port = @Port and m.generation = @Generation
 where v.deployment_id = @DeploymentId
'),

('MembershipReadAllKey', '
select v.version         as "Version",
       m.address         as "Address",
       m.port            as "Port",
       m.generation      as "Generation",
       m.silo_name       as "SiloName",
       m.host_name       as "HostName",
       m.status          as "Status",
       m.proxy_port      as "ProxyPort",
       m.suspect_times   as "SuspectTimes",
       m.start_time      as "StartTime",
       m.i_am_alive_time as "IAmAliveTime"
  from orleans_membership_version v
  left join orleans_membership m on m.deployment_id = v.deployment_id
 where v.deployment_id = @DeploymentId
'),

('GatewaysQueryKey', '
select address as "Address", proxy_port as "ProxyPort", generation as "Generation"
  from orleans_membership
 where deployment_id = @DeploymentId
   and status = @Status
   and proxy_port > 0
'),

-- Removing the version row removes the members of the cluster with it (foreign key cascade).
('DeleteMembershipTableEntriesKey', '
delete from orleans_membership_version
 where deployment_id = @DeploymentId
'),

('CleanupDefunctSiloEntriesKey', '
delete from orleans_membership
 where deployment_id = @DeploymentId
   and status = 6
   and i_am_alive_time < @IAmAliveTime
'),

-- Deletes one dead silo only if nothing about it changed since the provider read it. An empty
-- suspect list may come back as null or as an empty string, so both sides are normalised.
('CleanupDefunctSiloEntryKey', '
delete from orleans_membership
 where deployment_id = @DeploymentId
   and address = @Address and port = @Port and generation = @Generation
   and status = 6
   and start_time = @StartTime
   and i_am_alive_time = @IAmAliveTime
   and coalesce(suspect_times, '''') = coalesce(@SuspectTimes, '''')
');
