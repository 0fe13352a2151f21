#!/usr/bin/env bash
# The cost curve to a million open items (issue 13, item 6) in one command. It starts its own PostgreSQL (fsync on,
# synchronous_commit on) in a fresh data folder on a free port and the silo and web app through deploy/run.sh (free ports,
# the request rate limits lifted), then runs bench/Dispatch.Bench.Scale:
#   1. verify: a few tickets made through the HTTP API and the same tickets made by the bulk path store the same rows;
#   2. for each size: stop silo and web, bulk-load open tickets up to the size (COPY of the rows the grains would write),
#      start silo and web again (start-up until /health/ready), then measure memory at rest, CPU over an idle minute,
#      deadline latency of probe visits firing on the real clock, a bulk ticket read and resolved, and the reads
#      (worklist of the largest unit, searches, stats snapshot), printing that size's table;
#   3. the table of all sizes with the targets.
# Everything it started is stopped at the end, also on Ctrl-C or an error.
#
#   bench/scale.sh
#   BENCH_SIZES=10000,100000,1000000   open tickets at each step (increasing; each step adds to the previous one)
#   BENCH_IDLE_SECONDS=60              the idle period whose CPU is measured
#   BENCH_PROBES=200                   deadline probes per size, due over BENCH_PROBE_SECONDS=60
#   BENCH_REQUESTS=200                 sequential requests per kind of read
#   BENCH_WORKERS=2                    concurrent bulk-load writers
#   BENCH_DATA=.data/bench-scale       where its PostgreSQL data (recreated every run), the logs and the results go
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
sizes=${BENCH_SIZES:-10000,100000,1000000}
idle=${BENCH_IDLE_SECONDS:-60}
probes=${BENCH_PROBES:-200}
probe_seconds=${BENCH_PROBE_SECONDS:-60}
requests=${BENCH_REQUESTS:-200}
workers=${BENCH_WORKERS:-2}
data=${BENCH_DATA:-$root/.data/bench-scale}
pg_data="$data/postgres"
log="$data/run.log"
results="$data/results.jsonl"

say() { echo "[scale] $*"; }
die() { echo "[scale] ERROR: $*" >&2; exit 1; }

[[ "$sizes" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "BENCH_SIZES must be a comma-separated list of item counts, got '$sizes'"
[[ "$idle$probes$probe_seconds$requests$workers" =~ ^[0-9]+$ && "$probes" -gt 0 && "$requests" -gt 0 && "$workers" -gt 0 ]] \
  || die "BENCH_IDLE_SECONDS, BENCH_PROBES, BENCH_PROBE_SECONDS, BENCH_REQUESTS and BENCH_WORKERS must be whole numbers"
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is not installed"
command -v curl >/dev/null || die "curl is not installed"

mkdir -p "$data"
rm -f "$results"
run_pid=""
stopping=""
stop_system() {
  if [[ -n "$run_pid" ]] && kill -0 "$run_pid" 2>/dev/null; then
    say "stopping the silo and the web app"
    kill -TERM "$run_pid" 2>/dev/null || true
    wait "$run_pid" 2>/dev/null || true
  fi
  run_pid=""
}
stop_all() {
  [[ -n "$stopping" ]] && return
  stopping=1
  stop_system
  say "stopping PostgreSQL"
  bash "$root/deploy/pg.sh" stop "$pg_data" || true
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

say "building the benchmark (Release)"
dotnet build "$root/bench/Dispatch.Bench.Scale/Dispatch.Bench.Scale.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly -tl:off > "$data/build.log" 2>&1 \
  || { tail -n 30 "$data/build.log" >&2; die "build failed; see $data/build.log"; }
bench=(dotnet "$root/bench/Dispatch.Bench.Scale/bin/Release/net10.0/Dispatch.Bench.Scale.dll")

# 1. A fresh PostgreSQL with durable commits (the defaults: fsync on, synchronous_commit on).
bash "$root/deploy/pg.sh" stop "$pg_data"
rm -rf "$pg_data"
pg_port=$(bash "$root/deploy/pg.sh" free-port)
PG_FSYNC=on bash "$root/deploy/pg.sh" start "$pg_data" "$pg_port"

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
url="http://127.0.0.1:$web_port"
ready_at=""

# Silo and web app the way deploy/run.sh starts them, with the request rate limits lifted; ready_at is when
# /health/ready first answered (Unix ms).
start_system() {
  say "starting the silo and the web app (deploy/run.sh; log in $log)"
  WEB_PORT=$web_port SILO_PORT=$silo_port GATEWAY_PORT=$gateway_port SILOS=1 MODE=demo \
    ConnectionStrings__Dispatch="Host=127.0.0.1;Port=$pg_port;Database=dispatch;Username=dispatch_app;Maximum Pool Size=60" \
    ConnectionStrings__DispatchSchema="Host=127.0.0.1;Port=$pg_port;Database=dispatch;Username=dispatch_owner;Maximum Pool Size=4" \
    RateLimits__IntakePerUser__PermitLimit=1000000000 RateLimits__SearchPerUser__PermitLimit=1000000000 \
    RateLimits__SignInPerAccount__PermitLimit=1000000 RateLimits__SignInPerAddress__PermitLimit=1000000 \
    bash "$root/deploy/run.sh" >> "$log" 2>&1 &
  run_pid=$!
  ready_at=""
  for _ in $(seq 1 3000); do
    kill -0 "$run_pid" 2>/dev/null || { tail -n 30 "$log" >&2; die "deploy/run.sh exited; see $log"; }
    if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then ready_at=$(date +%s%3N); break; fi
    sleep 0.2
  done
  [[ -n "$ready_at" ]] || die "not ready after 10 minutes; see $log"
}

commit=$(git -C "$root" rev-parse --short HEAD)
git -C "$root" diff --quiet HEAD -- . ':!*.md' || commit="$commit+uncommitted changes"
common=(--pg-port "$pg_port" --pg-data "$pg_data" --url "$url" --commit "$commit"
  --silo-marker "$root/silo/bin/Release/net10.0/Dispatch.Silo.dll" --web-marker "$root/client-web/bin/Release/net10.0/Dispatch.Web.dll")

# 2. The bulk path against the normal path, on the fresh database.
start_system
say "verify: the bulk path stores what the normal path stores"
"${bench[@]}" verify "${common[@]}" || die "the bulk path does not store what the normal path stores"

# 3. Each size: load with the silo stopped, start, measure.
for size in ${sizes//,/ }; do
  stop_system
  say "size $size: bulk-loading open tickets"
  "${bench[@]}" seed "${common[@]}" --target "$size" --workers "$workers" --seed-file "$data/seed-seconds"
  start_system
  say "size $size: measuring"
  "${bench[@]}" measure "${common[@]}" --ready-at "$ready_at" --seed-file "$data/seed-seconds" --results "$results" \
    --idle-seconds "$idle" --probes "$probes" --probe-seconds "$probe_seconds" --requests "$requests"
done

"${bench[@]}" report --results "$results"
