#!/usr/bin/env bash
# The receiver's latency while a replay writes into the same store (SPEC §8/§9: serve stays
# under p99 500 ms while a replay runs). Measures, in one run on this machine:
#   1. serve alone: wrk with signed unique Meta webhooks, latency percentiles;
#   2. the same while `replay` ingests EVENTS generated webhooks into the same store.
#
#   swift build -c release && bench/serve-during-replay.sh [EVENTS] [SECONDS] [CONNECTIONS]
#
# Needs wrk (apt-get install -y wrk). Uses the README's release build (.build/release).
set -euo pipefail
EVENTS=${1:-300000}
SECONDS_RUN=${2:-20}
CONNECTIONS=${3:-32}
PORT=${BENCH_PORT:-8091}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/.build/release/switchboard"
WORK=$(mktemp -d /tmp/switchboard-serve-replay.XXXXXX)
export BENCH_META_SECRET="bench-secret-$RANDOM$RANDOM"
export BENCH_SECRET="$BENCH_META_SECRET"
SERVER_PID=""
trap '[[ -n "$SERVER_PID" ]] && kill -9 "$SERVER_PID" 2>/dev/null || true' EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -x "$BIN" ]] || { echo "build first: swift build -c release" >&2; exit 1; }

. "$ROOT/bench/lib.sh"
bench_config "$PORT" "$WORK/config.toml"

"$BIN" generate --events "$EVENTS" --output "$WORK/events.ndjson" >&2
"$BIN" serve --config "$WORK/config.toml" --store "$WORK/store.sqlite" --log-level warning 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

run_wrk() {
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s "$ROOT/bench/serve.lua" \
    "http://127.0.0.1:$PORT/webhooks/meta" >"$1" 2>&1 || true
}
report() { grep -E "Requests/sec|acknowledged|^ +(50|90|99)%|latency_p" "$1" | sed 's/^/  /'; }

echo "== 1. serve alone (wrk -c$CONNECTIONS, ${SECONDS_RUN}s)"
run_wrk "$WORK/alone.txt"
report "$WORK/alone.txt"

echo "== 2. serve while replay ingests $EVENTS webhooks into the same store"
START=$(date +%s.%N)
"$BIN" replay --config "$WORK/config.toml" --store "$WORK/store.sqlite" "$WORK/events.ndjson" >"$WORK/replay.txt" 2>&1 &
REPLAY_PID=$!
sleep 1
run_wrk "$WORK/during.txt"
report "$WORK/during.txt"
wait "$REPLAY_PID" || true
END=$(date +%s.%N)
echo "  replay: $(tail -1 "$WORK/replay.txt"), $(echo "$EVENTS / ($END - $START)" | bc) events/s"
echo "(work files in $WORK)"
