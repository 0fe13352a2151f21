#!/usr/bin/env bash
# Sets up and runs the whole system locally: PostgreSQL (private, in .data/), the silo(s) and the web app.
# Stays in the foreground; a silo or web process that exits unexpectedly is restarted (deploy/supervise.sh: back-off,
# logged); Ctrl-C or SIGTERM stops everything it started.
#
#   WEB_PORT=8080        web port (default 8080)
#   SILOS=1              number of silos in the cluster (e.g. SILOS=3)
#   SILO_PORT=11111 GATEWAY_PORT=30000   Orleans ports of the first silo; silo i uses these plus i-1
#   DATABASE_URL / ConnectionStrings__Dispatch   use an existing PostgreSQL instead of the private one
#   PG_PORT=55432        port of the private PostgreSQL (loopback only; MODE=production: 55433, in .data/postgres-production)
#   WEB_HOST=127.0.0.1   address the web app listens on; anything beyond loopback is refused over plain HTTP
#                        unless Proxy__TlsTerminated=true says a TLS reverse proxy is in front (README: "behind a TLS proxy")
#   MODE=demo            (default) Development with the demo accounts (password Demo#12385) and demo rosters, for trying it out
#   MODE=production      Production: no demo accounts (refuses to start if any exist); the first start creates one
#                        administrator (Bootstrap__AdminEmail, default admin@localhost) and prints its one-time
#                        password once; supervisors and admins must set up two-factor sign-in
#                        (Security__RequireTwoFactorFor, default supervisor,admin)
#   ConnectionStrings__DispatchSchema   the schema owner's connection for the schema step (with an existing database)
#   Orleans__Tls__CertificatePath / __KeyPath / __CaPath, DataProtection__CertificatePath / __KeyPath
#                        your own certificates; otherwise a local CA and certificates are made once in .data/tls/
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
WEB_PORT=${WEB_PORT:-8080}
WEB_HOST=${WEB_HOST:-127.0.0.1}
SILOS=${SILOS:-1}
SILO_PORT=${SILO_PORT:-11111}
GATEWAY_PORT=${GATEWAY_PORT:-30000}
PG_PORT=${PG_PORT:-55432}
data="$root/.data"
logs="$data/logs"
mkdir -p "$logs"

say() { echo "[run] $*"; }
die() { echo "[run] ERROR: $*" >&2; exit 1; }

# --- Mode (demo or production) and the plain-HTTP bind check ---------------------------------------------
MODE=${MODE:-demo}
case "$MODE" in
  demo) dotnet_env=Development; export Demo__Rosters=${Demo__Rosters:-true} ;;
  production) dotnet_env=Production ;;
  *) die "MODE must be demo or production, got '$MODE'" ;;
esac
case "$WEB_HOST" in
  127.*|localhost|::1|'[::1]') ;;
  *) [[ "${Proxy__TlsTerminated:-}" == "true" ]] || die "refusing to serve plain HTTP on $WEB_HOST: passwords and personal data would cross the network unencrypted. Keep WEB_HOST=127.0.0.1 behind a TLS reverse proxy and set Proxy__TlsTerminated=true (see the README, \"behind a TLS proxy\"). 拒绝在回环地址以外以明文 HTTP 提供服务：请在 TLS 反向代理之后监听 127.0.0.1，并设置 Proxy__TlsTerminated=true。" ;;
esac
first_admin_file="$data/first-admin.credentials"
pg_data="$data/postgres"
if [[ "$MODE" == production ]]; then
  # Its own private database: the demo one holds demo accounts, which production refuses.
  pg_data="$data/postgres-production"
  [[ "$PG_PORT" == 55432 ]] && PG_PORT=55433
  export Security__RequireTwoFactorFor=${Security__RequireTwoFactorFor:-supervisor,admin}
  export Bootstrap__CredentialFile="$first_admin_file"
  rm -f "$first_admin_file"
fi
# ------------------------------------------------------------------------------------------------------------

[[ "$SILOS" =~ ^[1-9][0-9]?$ ]] || die "SILOS must be a number from 1 to 99, got '$SILOS'"
[[ "$WEB_PORT" =~ ^[0-9]+$ ]] || die "WEB_PORT must be a port number, got '$WEB_PORT'"
[[ "$SILO_PORT$GATEWAY_PORT" =~ ^[0-9]+$ ]] || die "SILO_PORT and GATEWAY_PORT must be port numbers"
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is not installed"
command -v curl >/dev/null || { say "installing curl"; apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
bash "$root/deploy/ui-tools.sh" node

(exec 3<>"/dev/tcp/127.0.0.1/$WEB_PORT") 2>/dev/null && die "port $WEB_PORT is already in use (is another deploy/run.sh running?); set WEB_PORT to use another"

pids=()
own_pg=""
stopping=""
stop_all() {
  [[ -n "$stopping" ]] && return
  stopping=1
  trap '' PIPE  # the terminal may be gone; stopping must still finish
  say "stopping" || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [[ -n "$own_pg" ]]; then bash "$root/deploy/pg.sh" stop "$own_pg"; say "PostgreSQL stopped" || true; fi
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
  if bash "$root/deploy/pg.sh" running "$pg_data"; then
    say "PostgreSQL in $pg_data is already running; using it and leaving it running"
  else
    own_pg="$pg_data"
  fi
  bash "$root/deploy/pg.sh" start "$pg_data" "$PG_PORT"
  # Two roles (deploy/pg.sh): the schema owner runs the migrations, the application role everything else.
  export ConnectionStrings__Dispatch="Host=127.0.0.1;Port=$PG_PORT;Database=dispatch;Username=dispatch_app;Maximum Pool Size=60"
  export ConnectionStrings__DispatchSchema="Host=127.0.0.1;Port=$PG_PORT;Database=dispatch;Username=dispatch_owner;Maximum Pool Size=4"
fi
if [[ -z "${ConnectionStrings__DispatchSchema:-}" ]]; then
  say "ConnectionStrings__DispatchSchema is not set: the schema step uses the application's own connection"
  export ConnectionStrings__DispatchSchema="${ConnectionStrings__Dispatch:-${DATABASE_URL:-}}"
fi

# 1b. Certificates: the cluster's mutual TLS (a private CA and one node certificate for every silo and web instance)
#     and the certificate that encrypts the data-protection keys. Made once with openssl; supply your own instead
#     through the Orleans__Tls__* and DataProtection__* settings.
tls="$data/tls"
if [[ -z "${Orleans__Tls__CertificatePath:-}" || -z "${DataProtection__CertificatePath:-}" ]]; then
  bash "$root/deploy/make-certificates.sh" "$tls" | sed -u "s/^\[certificates\]/[run]/"
fi
if [[ -z "${Orleans__Tls__CertificatePath:-}" ]]; then
  export Orleans__Tls__CertificatePath="$tls/node.pem" Orleans__Tls__KeyPath="$tls/node.key" Orleans__Tls__CaPath="$tls/ca.pem"
fi
if [[ -z "${DataProtection__CertificatePath:-}" ]]; then
  export DataProtection__CertificatePath="$tls/dataprotection.pem" DataProtection__KeyPath="$tls/dataprotection.key"
fi

# 2. Build.
say "building (Release)"
for project in silo/Dispatch.Silo.csproj client-web/Dispatch.Web.csproj; do
  dotnet build "$root/$project" -c Release -nologo -clp:ErrorsOnly -tl:off > "$logs/build.log" 2>&1 \
    || { tail -n 30 "$logs/build.log" >&2; die "build of $project failed; full output in $logs/build.log"; }
done

# 3. Silos: the first applies the schema; the others join the same cluster on their own ports.
# Each process runs under deploy/supervise.sh: one that exits unexpectedly (a crash, kill -9) is logged and started
# again after a back-off, while the others carry on; one that reports a start-up failure (exit code 2) is not, and
# run.sh then stops everything. Ctrl-C or SIGTERM stops the supervisors, which stop their processes.
start_process() { # name, working folder, log, command...
  local name=$1 dir=$2 log=$3; shift 3
  (cd "$dir" && exec bash "$root/deploy/supervise.sh" "$name" "$@") > >(sed -u "s/^/[$name] /" | tee -a "$log") 2>&1 &
  pids+=($!)
}
silo_dll="$root/silo/bin/Release/net10.0/Dispatch.Silo.dll"
for i in $(seq 1 "$SILOS"); do
  start_process "silo-$i" "$root/silo" "$logs/silo-$i.log" env DOTNET_ENVIRONMENT=$dotnet_env \
    Orleans__SiloPort=$((SILO_PORT + i - 1)) Orleans__GatewayPort=$((GATEWAY_PORT + i - 1)) dotnet "$silo_dll"
  if [[ $i -eq 1 && $SILOS -gt 1 ]]; then sleep 5; fi
done

# 4. Web app (an Orleans client; it keeps retrying until a silo answers).
start_process web "$root/client-web" "$logs/web.log" env ASPNETCORE_ENVIRONMENT=$dotnet_env \
  dotnet "$root/client-web/bin/Release/net10.0/Dispatch.Web.dll" --urls "http://$WEB_HOST:$WEB_PORT"

url="http://127.0.0.1:$WEB_PORT"
say "waiting for $url/health/ready"
ready=""
for _ in $(seq 1 240); do
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process could not start; see $logs"; done
  if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then ready=1; break; fi
  sleep 1
done
[[ -n "$ready" ]] || die "not ready after 4 minutes; see $logs"

if [[ "$MODE" == production ]]; then
  cat <<TXT

  12385 dispatch platform is running in PRODUCTION mode: $url
  API reference: $url/api/docs   health: $url/health/ready   Logs: $logs
TXT
  if [[ -f "$first_admin_file" ]]; then
    # Printed this once and deleted: the web app never logs it.
    cat <<TXT
  First administrator (shown only now; change the password at first sign-in, then set up two-factor sign-in):
    $(sed -n 's/^email=/e-mail:   /p' "$first_admin_file")
    $(sed -n 's/^password=/password: /p' "$first_admin_file")
TXT
    rm -f "$first_admin_file"
  fi
  echo "  Press Ctrl-C to stop everything."
else
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
fi

# Stay in the foreground until a signal arrives. Crashed processes are restarted by their supervisors; a supervisor
# ends only when its process reported a start-up failure that a restart cannot mend.
while true; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { say "a process could not start again (see $logs); stopping the rest"; exit 1; }
  done
  sleep 2 & wait $!
done
