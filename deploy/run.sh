#!/usr/bin/env bash
# Sets up and runs the whole system locally: PostgreSQL (private, in .data/), the silo(s) and the web app.
# Stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
#
#   WEB_PORT=8080        web port (default 8080)
#   SILOS=1              number of silos in the cluster (e.g. SILOS=3)
#   DATABASE_URL / ConnectionStrings__Dispatch   use an existing PostgreSQL instead of the private one
#   PG_PORT=55432        port of the private PostgreSQL (loopback only)
#   WEB_HOST=127.0.0.1   address the web app listens on (0.0.0.0 to reach it from other machines)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
WEB_PORT=${WEB_PORT:-8080}
WEB_HOST=${WEB_HOST:-127.0.0.1}
SILOS=${SILOS:-1}
PG_PORT=${PG_PORT:-55432}
data="$root/.data"
logs="$data/logs"
mkdir -p "$logs"

say() { echo "[run] $*"; }
die() { echo "[run] ERROR: $*" >&2; exit 1; }

[[ "$SILOS" =~ ^[1-9][0-9]?$ ]] || die "SILOS must be a number from 1 to 99, got '$SILOS'"
[[ "$WEB_PORT" =~ ^[0-9]+$ ]] || die "WEB_PORT must be a port number, got '$WEB_PORT'"
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is not installed"
command -v curl >/dev/null || { say "installing curl"; apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

pids=()
own_pg=""
stopping=""
stop_all() {
  [[ -n "$stopping" ]] && return
  stopping=1
  say "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [[ -n "$own_pg" ]]; then bash "$root/deploy/pg.sh" stop "$own_pg"; say "PostgreSQL stopped"; fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# 1. Database.
if [[ -n "${ConnectionStrings__Dispatch:-}" ]]; then
  say "using the database from ConnectionStrings__Dispatch"
elif [[ -n "${DATABASE_URL:-}" ]]; then
  say "using the database from DATABASE_URL"
else
  own_pg="$data/postgres"
  bash "$root/deploy/pg.sh" start "$own_pg" "$PG_PORT"
  export ConnectionStrings__Dispatch="Host=127.0.0.1;Port=$PG_PORT;Database=dispatch;Username=dispatch;Maximum Pool Size=60"
fi

# 2. Build.
say "building (Release)"
dotnet build "$root/silo/Dispatch.Silo.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build "$root/client-web/Dispatch.Web.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly

# 3. Silos: the first applies the schema; the others join the same cluster on their own ports.
start_process() { # name, log, command...
  local name=$1 log=$2; shift 2
  "$@" > >(sed -u "s/^/[$name] /" | tee -a "$log") 2>&1 &
  pids+=($!)
}
silo_dll="$root/silo/bin/Release/net10.0/Dispatch.Silo.dll"
for i in $(seq 1 "$SILOS"); do
  start_process "silo-$i" "$logs/silo-$i.log" env DOTNET_ENVIRONMENT=Development \
    Orleans__SiloPort=$((11110 + i)) Orleans__GatewayPort=$((29999 + i)) dotnet "$silo_dll"
  if [[ $i -eq 1 && $SILOS -gt 1 ]]; then sleep 5; fi
done

# 4. Web app (an Orleans client; it keeps retrying until a silo answers).
start_process web "$logs/web.log" env ASPNETCORE_ENVIRONMENT=Development \
  dotnet "$root/client-web/bin/Release/net10.0/Dispatch.Web.dll" --urls "http://$WEB_HOST:$WEB_PORT"

url="http://127.0.0.1:$WEB_PORT"
say "waiting for $url/health/ready"
ready=""
for _ in $(seq 1 240); do
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process exited during start-up; see $logs"; done
  if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then ready=1; break; fi
  sleep 1
done
[[ -n "$ready" ]] || die "not ready after 4 minutes; see $logs"

cat <<TXT

  12385 dispatch platform is running: $url
  API reference: $url/api/docs   OpenAPI: $url/openapi/v1.json   health: $url/health/ready
  Demo logins (password for all: Demo#12385):
    operator@jx12385.test                       operator   话务员
    admin@jx12385.test                          admin      管理员
    supervisor@jx12385.test                     supervisor 市级督办 (city)
    supervisor.<county code>@jx12385.test       supervisor 县级督办, e.g. supervisor.330402@jx12385.test
    staff.<unit code, lower case>@jx12385.test  unit_staff 承办人, e.g. staff.330402-centre@jx12385.test
  Logs: $logs    Press Ctrl-C to stop everything.

TXT

# Stay in the foreground until a signal arrives or a process dies.
while true; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { say "a process exited; stopping the rest"; exit 1; }
  done
  sleep 2
done
