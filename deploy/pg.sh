#!/usr/bin/env bash
# Private PostgreSQL instances for run.sh, test.sh and the test fixture.
#   deploy/pg.sh start <data-dir> <port>   initdb if needed, start on 127.0.0.1:<port>, create database "dispatch"
#   deploy/pg.sh stop  <data-dir>          fast shutdown
#   deploy/pg.sh running <data-dir>        exit 0 when an instance is running there
#   deploy/pg.sh free-port                 print a free loopback TCP port
# Roles: "dispatch" is the instance's superuser (administration only); "dispatch_owner" owns the database and every
# table and runs the migrations; "dispatch_app" is what the silo and the web app connect as (no superuser, owns nothing).
# PostgreSQL refuses to run as root, so as root the instance runs as the unprivileged "postgres" user.
# PG_FSYNC=off (tests only) skips flushes; PG_MAX_CONNECTIONS (default 300) sets max_connections; PG_OPTIONS adds server
# options (e.g. "-c shared_preload_libraries=pg_stat_statements", as bench/write-path.sh does).
set -euo pipefail

PG_BIN=${PG_BIN:-}
if [[ -z "$PG_BIN" ]]; then
  for v in 17 16 15; do
    if [[ -x /usr/lib/postgresql/$v/bin/pg_ctl ]]; then PG_BIN=/usr/lib/postgresql/$v/bin; break; fi
  done
fi

log() { echo "[pg] $*" >&2; }

install_postgres() {
  [[ -n "$PG_BIN" ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    log "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install the Debian package 'postgresql' (needs root)."
    exit 1
  fi
  log "installing PostgreSQL from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  for v in 17 16 15; do
    if [[ -x /usr/lib/postgresql/$v/bin/pg_ctl ]]; then PG_BIN=/usr/lib/postgresql/$v/bin; break; fi
  done
  [[ -n "$PG_BIN" ]] || { log "PostgreSQL installation did not provide pg_ctl"; exit 1; }
}

# Runs a command as the instance owner: ourselves, or "postgres" when we are root.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The owner must be able to reach the data folder; as root, grant traverse (not read) on its ancestors.
ensure_reachable() {
  local dir=$1
  [[ $(id -u) -eq 0 ]] || return 0
  local d
  d=$(dirname "$dir")
  while [[ "$d" != "/" ]]; do
    if ! runuser -u postgres -- test -x "$d"; then
      log "granting traverse permission on $d so the postgres user can reach the data folder"
      chmod o+x "$d"
    fi
    d=$(dirname "$d")
  done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! port_in_use "$p"; then echo "$p"; return 0; fi
  done
  log "no free port found"; exit 1
}

start() {
  local dir=$1 port=$2
  install_postgres
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  ensure_reachable "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    log "initialising a new cluster in $dir"
    as_owner "$PG_BIN/initdb" -D "$dir" -U dispatch --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_owner "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "already running in $dir"
  else
    if port_in_use "$port"; then log "port $port on 127.0.0.1 is already in use"; exit 1; fi
    as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c max_connections=${PG_MAX_CONNECTIONS:-300} -c fsync=${PG_FSYNC:-on} ${PG_OPTIONS:-}" \
      start >/dev/null || { log "PostgreSQL did not start; see $dir/server.log"; tail -n 20 "$dir/server.log" >&2; exit 1; }
  fi
  ensure_roles "$port"
  log "PostgreSQL ready on 127.0.0.1:$port (data in $dir)"
}

# The two roles and the database, idempotent. An instance made before the roles existed (every table owned by the
# superuser "dispatch") is upgraded here: the database and everything in its public schema pass to dispatch_owner.
ensure_roles() {
  local port=$1
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U dispatch -v ON_ERROR_STOP=1 -qtA)
  "${psql[@]}" -d postgres >/dev/null <<'SQL'
do $$
begin
  if not exists (select from pg_roles where rolname = 'dispatch_owner') then
    create role dispatch_owner login nosuperuser nocreaterole createdb;
  end if;
  if not exists (select from pg_roles where rolname = 'dispatch_app') then
    create role dispatch_app login nosuperuser nocreaterole nocreatedb noreplication;
  end if;
end
$$;
SQL
  if ! "${psql[@]}" -d postgres -c "select 1 from pg_database where datname='dispatch'" | grep -q 1; then
    "${psql[@]}" -d postgres -c "create database dispatch owner dispatch_owner" >/dev/null
    return 0
  fi
  "${psql[@]}" -d dispatch >/dev/null <<'SQL'
alter database dispatch owner to dispatch_owner;
do $$
declare
  object record;
begin
  -- Tables, views and sequences not tied to a table column (those follow their table).
  for object in
    select c.oid::regclass as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and c.relowner <> 'dispatch_owner'::regrole
      and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
      and not (c.relkind = 'S' and exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
    order by c.relkind = 'S'
  loop
    execute format('alter %s %s owner to dispatch_owner',
      case object.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
        when 'f' then 'foreign table' else 'table' end, object.name);
  end loop;
  for object in
    select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proowner <> 'dispatch_owner'::regrole
      and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('alter function %s owner to dispatch_owner', object.name);
  end loop;
end
$$;
SQL
}

stop() {
  local dir=$1
  [[ -f "$dir/postmaster.pid" ]] || return 0
  install_postgres
  as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

running() {
  local dir=$1
  [[ -f "$dir/postmaster.pid" ]] || return 1
  install_postgres
  as_owner "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

case "${1:-}" in
  start) start "$2" "$3" ;;
  running) running "$2" ;;
  stop) stop "$2" ;;
  free-port) free_port ;;
  *) echo "usage: $0 start <data-dir> <port> | stop <data-dir> | running <data-dir> | free-port" >&2; exit 2 ;;
esac
