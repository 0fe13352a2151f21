#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume (/docker-entrypoint-initdb.d): the two roles
# of deploy/pg.sh with passwords, and the database owned by the schema owner. "dispatch" (POSTGRES_USER) stays the
# instance's superuser for administration only.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set owner_password="$DISPATCH_DB_OWNER_PASSWORD" --set app_password="$DISPATCH_DB_APP_PASSWORD" <<'SQL'
create role dispatch_owner login nosuperuser nocreaterole createdb password :'owner_password';
create role dispatch_app login nosuperuser nocreaterole nocreatedb noreplication password :'app_password';
create database dispatch owner dispatch_owner;
SQL
