-- Every silo holds the service units and the active routing rules in memory (grains/Units/UnitFeed.cs,
-- grains/Routing/RoutingRuleFeed.cs). Any statement that changes either table - the admin grains, a migration, the
-- reference-data seeder or plain SQL from another tool - bumps the table's version here and notifies the table's
-- channel in the same transaction (delivered at commit), so no writer can forget to tell the silos. The silos listen
-- and also poll the version, so a missed notice still converges.
create table reference_table_versions (
    table_name text primary key,
    version    bigint not null check (version >= 1)
);
insert into reference_table_versions (table_name, version) values ('units', 1), ('routing_rules', 1);

-- TG_ARGV[0]: the NOTIFY channel; the payload is the table's new version.
create function reference_table_changed() returns trigger language plpgsql as $$
declare
    changed bigint;
begin
    update reference_table_versions set version = version + 1 where table_name = TG_TABLE_NAME returning version into changed;
    perform pg_notify(TG_ARGV[0], coalesce(changed::text, ''));
    return null;
end
$$;

create trigger units_changed after insert or update or delete or truncate on units
    for each statement execute function reference_table_changed('units_changed');
create trigger routing_rules_changed after insert or update or delete or truncate on routing_rules
    for each statement execute function reference_table_changed('routing_rules_changed');
