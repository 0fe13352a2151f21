#!/usr/bin/env bash
# Keeps one process running: starts the command, and when it exits without being asked to, logs how and starts it
# again after a back-off (1 s, doubling up to 30 s; back to 1 s once a run lasted 60 s). A start-up failure the
# process itself reports as such (exit code 2: "FATAL Configuration error ...", see Dispatch.Schema.StartupProblem)
# is not retried: supervise.sh exits 2, because starting again cannot help. SIGTERM or SIGINT to supervise.sh stops
# the process (SIGTERM, then SIGKILL after SUPERVISE_STOP_SECONDS) and ends supervise.sh with 0.
#   deploy/supervise.sh <name> <command> [arguments...]
# SUPERVISE_FIRST_DELAY (1), SUPERVISE_MAX_DELAY (30), SUPERVISE_STABLE_AFTER (60), SUPERVISE_STOP_SECONDS (25), in seconds.
set -uo pipefail

name=${1:?usage: supervise.sh <name> <command> [arguments...]}
shift
[[ $# -gt 0 ]] || { echo "usage: supervise.sh <name> <command> [arguments...]" >&2; exit 64; }
first_delay=${SUPERVISE_FIRST_DELAY:-1}
max_delay=${SUPERVISE_MAX_DELAY:-30}
stable_after=${SUPERVISE_STABLE_AFTER:-60}
stop_seconds=${SUPERVISE_STOP_SECONDS:-25}

say() { echo "[supervise] $name: $*"; }

child=""
stop() {
  trap '' TERM INT
  if [[ -n "$child" ]] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null
    local waited=0
    while kill -0 "$child" 2>/dev/null && (( waited < stop_seconds * 5 )); do sleep 0.2; waited=$((waited + 1)); done
    if kill -0 "$child" 2>/dev/null; then
      say "did not stop within ${stop_seconds} s; killing it"
      kill -KILL "$child" 2>/dev/null
    fi
    wait "$child" 2>/dev/null
  fi
  exit 0
}
trap stop TERM INT

delay=$first_delay
restarts=0
while true; do
  started=$SECONDS
  "$@" &
  child=$!
  code=0
  { wait "$child"; } 2>/dev/null || code=$?
  # A trapped signal interrupts wait; stop() then runs and never returns here.
  lasted=$((SECONDS - started))
  child=""
  if [[ $code -eq 2 ]]; then
    say "exited with code 2 (a start-up failure it reported); not restarting"
    exit 2
  fi
  if (( code > 128 )); then how="was killed by signal $((code - 128))"; else how="exited with code $code"; fi
  (( lasted >= stable_after )) && delay=$first_delay
  restarts=$((restarts + 1))
  say "$how after ${lasted} s; restarting in ${delay} s (restart $restarts)"
  # Sleep in the background so that a stop signal is handled at once, not after the sleep.
  sleep "$delay" &
  wait $! || true
  delay=$(( delay * 2 > max_delay ? max_delay : delay * 2 ))
done
