#!/usr/bin/env bash
# Live receiver benchmark (SPEC §8: ≥ 8,000 acknowledged webhooks/s on loopback at p99 < 50 ms,
# beside the same server's GET /healthz rate under the same wrk load — the ceiling of the
# HTTP stack on this machine in this run) and crash check (SPEC §9: a kill -9 under load loses
# no acknowledged webhook).
#
#   bench/serve.sh [DURATION_SECONDS] [CONNECTIONS]
#
# Needs wrk (apt-get install -y wrk) and sqlite3. Uses the release binary in
# .build/release (run `swift build -c release` first); everything runs on 127.0.0.1 in a temp directory. Prints:
#   0. ceiling: GET /healthz requests per second and latency under the same load;
#   1. throughput: acknowledged (200) webhooks per second and latency percentiles, and
#      their ratio to the ceiling;
#   2. graceful stop: SIGTERM under load, exit status, 200s vs stored raw events;
#   3. crash: kill -9 under load, 200s vs stored raw events (must be ≤).
set -euo pipefail

DURATION=${1:-20}
CONNECTIONS=${2:-64}
THREADS=2
PORT=${BENCH_PORT:-8089}
LOG_LEVEL=${BENCH_LOG_LEVEL:-info}   # info = one line per request, as in production
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/.build/release/switchboard"
WORK=$(mktemp -d /tmp/switchboard-serve-bench.XXXXXX)
export BENCH_META_SECRET="bench-secret-$RANDOM$RANDOM"
export BENCH_SECRET="$BENCH_META_SECRET"
SERVER_PID=""

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -9 "$SERVER_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 1; }

[[ -x "$BIN" ]] || { echo "build first: swift build -c release" >&2; exit 1; }

. "$ROOT/bench/lib.sh"
bench_config "$PORT" "$WORK/config.toml"

# Starts `serve` on a fresh store; sets SERVER_PID once /healthz answers.
start_server() {
  local store=$1 log=$2
  "$BIN" serve --config "$WORK/config.toml" --store "$store" --log-level "$LOG_LEVEL" 2>"$log" &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server did not start; see $log" >&2
  exit 1
}

stored_events() {
  sqlite3 "$1" "SELECT COUNT(*) FROM raw_event"
}

run_wrk() {
  local seconds=$1 out=$2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$ROOT/bench/serve.lua" \
    "http://127.0.0.1:$PORT/webhooks/meta" >"$out" 2>&1 || true
}

acknowledged() { grep -o 'acknowledged=[0-9]*' "$1" | cut -d= -f2; }

echo "== 0. ceiling: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, GET /healthz on the same server"
start_server "$WORK/throughput.sqlite" "$WORK/throughput.log"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/healthz" >"$WORK/healthz.txt" 2>&1 || true
grep -E "Requests/sec|Latency  |  99%" "$WORK/healthz.txt"
HEALTHZ_RATE=$(grep -o 'Requests/sec: *[0-9.]*' "$WORK/healthz.txt" | grep -o '[0-9.]*$' || echo 0)

echo "== 1. throughput: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, signed unique Meta webhooks"
run_wrk 3 "$WORK/warmup.txt"
run_wrk "$DURATION" "$WORK/throughput.txt"
grep -E "Requests/sec|Latency  |acknowledged|latency_p|status_|socket_errors" "$WORK/throughput.txt"
ACK_RUN=$(acknowledged "$WORK/throughput.txt")
ACK_RATE=$(echo "scale=0; $ACK_RUN / $DURATION" | bc)
echo "acknowledged/s = $ACK_RATE beside /healthz $HEALTHZ_RATE req/s: ratio $(echo "scale=2; $ACK_RATE / ($HEALTHZ_RATE + 0.0001)" | bc) (target ≥ 8,000/s at p99 < 50 ms)"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" && echo "serve exited 0 after SIGTERM"
SERVER_PID=""
ACK=$(( $(acknowledged "$WORK/warmup.txt") + $(acknowledged "$WORK/throughput.txt") ))
STORED=$(stored_events "$WORK/throughput.sqlite")
echo "acknowledged (warm-up + run) = $ACK, stored raw events = $STORED"
echo "request log lines: $(grep -c ' info switchboard.serve: request ' "$WORK/throughput.log" || true)"

echo "== 2. SIGTERM under load"
start_server "$WORK/graceful.sqlite" "$WORK/graceful.log"
run_wrk 8 "$WORK/graceful.txt" & WRK_PID=$!
sleep 3
kill -TERM "$SERVER_PID"
set +e; wait "$SERVER_PID"; STATUS=$?; set -e
SERVER_PID=""
wait "$WRK_PID" || true
ACK=$(acknowledged "$WORK/graceful.txt"); STORED=$(stored_events "$WORK/graceful.sqlite")
echo "serve exit status $STATUS; acknowledged = $ACK, stored raw events = $STORED"
[[ "$ACK" -le "$STORED" ]] && echo "OK: every acknowledged webhook is stored" || echo "LOST: $((ACK - STORED)) acknowledged webhooks missing"

echo "== 3. kill -9 under load"
start_server "$WORK/crash.sqlite" "$WORK/crash.log"
run_wrk 8 "$WORK/crash.txt" & WRK_PID=$!
sleep 3
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
wait "$WRK_PID" || true
ACK=$(acknowledged "$WORK/crash.txt")
INTEGRITY=$(sqlite3 "$WORK/crash.sqlite" "PRAGMA integrity_check")
STORED=$(stored_events "$WORK/crash.sqlite")
echo "acknowledged = $ACK, stored raw events = $STORED, integrity_check = $INTEGRITY"
[[ "$ACK" -le "$STORED" ]] && echo "OK: every acknowledged webhook survived kill -9" || echo "LOST: $((ACK - STORED)) acknowledged webhooks missing"
echo "(work files in $WORK)"
