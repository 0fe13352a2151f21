#!/usr/bin/env bash
# Runs every test project against a throwaway PostgreSQL that this script starts and always stops.
# Exits non-zero on any failure. Called by .ci/run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v dotnet >/dev/null || { echo "[test] the .NET 10 SDK (dotnet) is not installed" >&2; exit 1; }
# The build fetches the UI's npm packages; the browser tests drive Debian's Chromium.
bash "$root/deploy/ui-tools.sh" node
bash "$root/deploy/ui-tools.sh" chromium

pg_dir=$(mktemp -d /tmp/dispatch-test-pg.XXXXXX)
results=$(mktemp -d /tmp/dispatch-test-results.XXXXXX)
cleanup() {
  bash "$root/deploy/pg.sh" stop "$pg_dir" || true
  rm -rf "$pg_dir" "$results"
}
trap cleanup EXIT

port=$(bash "$root/deploy/pg.sh" free-port)
# The test projects run side by side, each starting silos and web apps on databases of their own: room for them all.
PG_FSYNC=off PG_MAX_CONNECTIONS=600 bash "$root/deploy/pg.sh" start "$pg_dir" "$port"
# The application role for everything, the schema owner for the schema step (deploy/pg.sh creates both). Idle pooled
# connections close after 30 s, so the pools of finished tests' databases do not hold slots for Npgsql's default 5 minutes.
export ConnectionStrings__Dispatch="Host=127.0.0.1;Port=$port;Database=dispatch;Username=dispatch_app;Maximum Pool Size=80;Connection Idle Lifetime=30"
export ConnectionStrings__DispatchSchema="Host=127.0.0.1;Port=$port;Database=dispatch;Username=dispatch_owner;Maximum Pool Size=10;Connection Idle Lifetime=30"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "[test] building"
dotnet build "$root/Dispatch.sln" -c Release -nologo -v quiet -clp:ErrorsOnly

# Two lanes side by side on the two cores: the integration tests (the longest project) in one; the other test projects
# one after another in the other, so the browser tests never share the machine with the resilience scenarios' extra
# silos and web apps as well (browser steps timed out in a run with three projects at once and leaking pages; lanes
# and closed pages together brought the load average during the browser tests from 35-58 to 10-21, how much each
# part did was not measured apart).
run_tests() {
  dotnet test "$1" -c Release --no-build --nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$(basename "$1").trx" --results-directory "$results"
}
status=0
run_tests "$root/tests/Dispatch.Tests.Integration" & integration=$!
others=0
for project in "$root"/tests/Dispatch.Tests.*/; do
  project=${project%/}
  case "$project" in */Dispatch.Tests.Integration|*/Dispatch.Tests.Fixtures) continue ;; esac
  run_tests "$project" || others=1
done
wait "$integration" || status=1
[[ $others -eq 0 ]] || status=1

# One closing line for every project together.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
# Figures the tests print ("[figure] ..."): fuzz case counts and seeds, the personal-data scan's coverage.
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  grep -o '\[figure\][^<]*' "$trx" | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#x27;/'"'"'/g' || true
done
# The failed tests last, each with the first lines of its message, so the end of a long CI log says which and why.
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  awk '
    /<UnitTestResult / && /outcome="Failed"/ {
      name = $0; sub(/.* testName="/, "", name); sub(/".*/, "", name); print "[failed] " name; failed = 1; lines = 0; next
    }
    failed && /<Message>/ { inside = 1; sub(/.*<Message>/, "") }
    failed && inside {
      done = sub(/<\/Message>.*/, "")
      if (lines < 12) { print "    " $0; lines++ }
      if (done) { inside = 0; failed = 0 }
    }
  ' "$trx" | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#x27;/'"'"'/g; s/&#xD;//g' || true
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $status -eq 0 && $passed -eq 0 ]]; then echo "[test] no test ran" >&2; status=1; fi
exit $status
