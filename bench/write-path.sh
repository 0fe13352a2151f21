#!/usr/bin/env bash
# The write-path benchmark (issue 13, item 3) in one command. It starts its own PostgreSQL (fsync on, synchronous_commit
# on: every commit durable) in a fresh data folder on a free port, the silo and the web app through deploy/run.sh (free
# ports, the request rate limits lifted), waits for /health/ready, then runs bench/Dispatch.Bench.WritePath, which prints:
#   - pgbench's plain durable single-row INSERT rate and wrk-driven ticket registration at each connection count, with
#     the ratio, p50/p99 and the non-2xx count (the table of issue 13) and the targets;
#   - CPU per registration (silo, web, PostgreSQL) and per raw INSERT, the load generators' own CPU apart;
#   - the whole ticket life cycle at a paced rate: p50/p99 per request kind and overall, CPU per ticket.
# Everything it started is stopped at the end, also on Ctrl-C or an error.
#
#   bench/write-path.sh
#   BENCH_SECONDS=20     length of every measured phase (pgbench, wrk at each connection count, the life cycle)
#   BENCH_WARMUP=45      warm-up before the measured phases (wrk at 8 connections, then the paced life cycle), not counted;
#                        long enough for the JIT's tiered recompilation to settle (it ran on for a minute under load)
#   BENCH_CLIENTS=1,8,32 connection counts for pgbench and wrk
#   BENCH_RATE=100       tickets per second offered in the life-cycle phase
#   BENCH_STATEMENTS=1   profile PostgreSQL's statements (pg_stat_statements preloaded) in the phases of the largest
#                        connection count; 0 leaves the extension out
#   BENCH_DATA=.data/bench   where its PostgreSQL data (recreated every run) and the logs go
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-45}
clients=${BENCH_CLIENTS:-1,8,32}
rate=${BENCH_RATE:-100}
data=${BENCH_DATA:-$root/.data/bench}
pg_data="$data/postgres"
log="$data/run.log"

say() { echo "[bench] $*"; }
die() { echo "[bench] ERROR: $*" >&2; exit 1; }

[[ "$seconds$warmup$rate" =~ ^[0-9]+$ && "$seconds" -gt 0 && "$rate" -gt 0 ]] || die "BENCH_SECONDS, BENCH_WARMUP and BENCH_RATE must be whole numbers"
[[ "$clients" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "BENCH_CLIENTS must be a comma-separated list of connection counts, got '$clients'"
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is not installed"

# The load generators: wrk (Debian package wrk) and pgbench (Debian's PostgreSQL client packages).
install_packages() {
  [[ $(id -u) -eq 0 ]] || die "$* missing; install the Debian package(s) $* (needs root)"
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v wrk >/dev/null || install_packages wrk
command -v curl >/dev/null || install_packages curl
pgbench=""
for candidate in /usr/lib/postgresql/{17,16,15}/bin/pgbench "$(command -v pgbench || true)"; do
  if [[ -n "$candidate" && -x "$candidate" ]]; then pgbench=$candidate; break; fi
done
if [[ -z "$pgbench" ]]; then
  install_packages postgresql-client postgresql-contrib
  pgbench=$(command -v pgbench) || die "pgbench not found after installing the PostgreSQL client packages"
fi

mkdir -p "$data"
run_pid=""
stopping=""
stop_all() {
  [[ -n "$stopping" ]] && return
  stopping=1
  if [[ -n "$run_pid" ]] && kill -0 "$run_pid" 2>/dev/null; then
    say "stopping the silo and the web app"
    kill -TERM "$run_pid" 2>/dev/null || true
    wait "$run_pid" 2>/dev/null || true
  fi
  say "stopping PostgreSQL"
  bash "$root/deploy/pg.sh" stop "$pg_data" || true
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

say "building the benchmark (Release)"
dotnet build "$root/bench/Dispatch.Bench.WritePath/Dispatch.Bench.WritePath.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly -tl:off > "$data/build.log" 2>&1 \
  || { tail -n 30 "$data/build.log" >&2; die "build failed; see $data/build.log"; }

# 1. A fresh PostgreSQL with durable commits (the defaults: fsync on, synchronous_commit on).
bash "$root/deploy/pg.sh" stop "$pg_data"
rm -rf "$pg_data"
pg_port=$(bash "$root/deploy/pg.sh" free-port)
pg_options=""
[[ "${BENCH_STATEMENTS:-1}" == 0 ]] || pg_options="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=1000"
PG_FSYNC=on PG_OPTIONS="$pg_options" bash "$root/deploy/pg.sh" start "$pg_data" "$pg_port"

# 2. Silo and web app the way deploy/run.sh starts them, on free ports, with the request rate limits lifted.
free_port() {
  local p
  while true; do
    p=$(bash "$root/deploy/pg.sh" free-port)
    [[ " $* " == *" $p "* ]] || { echo "$p"; return; }
  done
}
web_port=$(free_port "$pg_port")
silo_port=$(free_port "$pg_port" "$web_port")
gateway_port=$(free_port "$pg_port" "$web_port" "$silo_port")
say "starting the silo and the web app (deploy/run.sh; log in $log)"
WEB_PORT=$web_port SILO_PORT=$silo_port GATEWAY_PORT=$gateway_port SILOS=1 MODE=demo \
  ConnectionStrings__Dispatch="Host=127.0.0.1;Port=$pg_port;Database=dispatch;Username=dispatch_app;Maximum Pool Size=60" \
  ConnectionStrings__DispatchSchema="Host=127.0.0.1;Port=$pg_port;Database=dispatch;Username=dispatch_owner;Maximum Pool Size=4" \
  RateLimits__IntakePerUser__PermitLimit=1000000000 RateLimits__SearchPerUser__PermitLimit=1000000000 \
  RateLimits__SignInPerAccount__PermitLimit=1000000 RateLimits__SignInPerAddress__PermitLimit=1000000 \
  bash "$root/deploy/run.sh" > "$log" 2>&1 &
run_pid=$!

url="http://127.0.0.1:$web_port"
say "waiting for $url/health/ready"
ready=""
for _ in $(seq 1 600); do
  kill -0 "$run_pid" 2>/dev/null || { tail -n 30 "$log" >&2; die "deploy/run.sh exited; see $log"; }
  if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then ready=1; break; fi
  sleep 1
done
[[ -n "$ready" ]] || die "not ready after 10 minutes; see $log"

commit=$(git -C "$root" rev-parse --short HEAD)
git -C "$root" diff --quiet HEAD -- . ':!*.md' || commit="$commit+uncommitted changes"  # documentation does not change a figure
counts=$(tr ',' '\n' <<<"$clients" | wc -l)
say "ready; measuring (about $(( counts * 2 * seconds + seconds + 2 * warmup )) s)"
WRK=$(command -v wrk) PGBENCH=$pgbench dotnet "$root/bench/Dispatch.Bench.WritePath/bin/Release/net10.0/Dispatch.Bench.WritePath.dll" \
  --url "$url" --pg-port "$pg_port" --pg-data "$pg_data" --seconds "$seconds" --warmup "$warmup" --clients "$clients" --rate "$rate" \
  --silo-marker "$root/silo/bin/Release/net10.0/Dispatch.Silo.dll" --web-marker "$root/client-web/bin/Release/net10.0/Dispatch.Web.dll" \
  --commit "$commit"
