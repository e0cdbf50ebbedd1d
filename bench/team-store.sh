#!/usr/bin/env bash
# The team store against the embedded one, in ONE run on this machine (SPEC §8/§10):
#   1. replay EVENTS generated webhooks into SQLite, then into PostgreSQL: events/s of each;
#   2. wrk with signed unique Meta webhooks for SECONDS against one receiver on SQLite, then
#      against TWO receivers (two processes) on one PostgreSQL database at once: acknowledged/s.
# PostgreSQL runs in a throw-away cluster with its durable defaults (fsync on), as the
# `postgres` user, on a local port; SQLite in WAL with synchronous=NORMAL (the store's setting).
#
#   swift build -c release && bench/team-store.sh [EVENTS] [SECONDS] [CONNECTIONS]
#
# Needs wrk (apt-get install -y wrk) and PostgreSQL's server packages.
set -euo pipefail
EVENTS=${1:-200000}
SECONDS_RUN=${2:-15}
CONNECTIONS=${3:-32}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/.build/release/switchboard"
WORK=$(mktemp -d /tmp/switchboard-team-bench.XXXXXX)
chmod 755 "$WORK"   # the cluster inside runs as the postgres user
PG_DIR="$WORK/pg"
PG_PORT=${BENCH_PG_PORT:-55499}
export BENCH_META_SECRET="bench-secret-$RANDOM$RANDOM"
export BENCH_SECRET="$BENCH_META_SECRET"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  "$ROOT/Scripts/postgres-test-cluster.sh" stop "$PG_DIR" "$PG_PORT" || true
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -x "$BIN" ]] || { echo "build first: swift build -c release" >&2; exit 1; }

ADMIN=$(PG_DURABLE=1 "$ROOT/Scripts/postgres-test-cluster.sh" start "$PG_DIR" "$PG_PORT")
new_database() {
  psql -q "$ADMIN" -c "CREATE DATABASE $1" >/dev/null
  echo "postgres://postgres@127.0.0.1:$PG_PORT/$1?sslmode=disable"
}

. "$ROOT/bench/lib.sh"
config() { bench_config "$1" "$WORK/config-$1.toml"; echo "$WORK/config-$1.toml"; }

rate() { echo "scale=0; $1 / ($3 - $2)" | bc; }

echo "== 1. replay $EVENTS events"
"$BIN" generate --events "$EVENTS" --output "$WORK/events.ndjson" >/dev/null 2>&1
CONFIG=$(config 8190)
START=$(date +%s.%N)
"$BIN" replay --config "$CONFIG" --store "$WORK/replay.sqlite" "$WORK/events.ndjson" >"$WORK/replay-sqlite.txt" 2>&1
END=$(date +%s.%N)
SQLITE_RATE=$(rate "$EVENTS" "$START" "$END")
PG_REPLAY=$(new_database replay)
START=$(date +%s.%N)
"$BIN" replay --config "$CONFIG" --store "$PG_REPLAY" "$WORK/events.ndjson" >"$WORK/replay-pg.txt" 2>&1
END=$(date +%s.%N)
PG_RATE=$(rate "$EVENTS" "$START" "$END")
echo "  sqlite:     $SQLITE_RATE events/s   ($(tail -1 "$WORK/replay-sqlite.txt"))"
echo "  postgresql: $PG_RATE events/s   ($(tail -1 "$WORK/replay-pg.txt"))"
echo "  ratio postgresql/sqlite: $(echo "scale=3; $PG_RATE / $SQLITE_RATE" | bc)"

serve() { # PORT STORE
  "$BIN" serve --config "$(config "$1")" --store "$2" --log-level warning 2>"$WORK/serve-$1.log" &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "receiver on $1 did not start" >&2; cat "$WORK/serve-$1.log" >&2; exit 1
}
load() { # PORT OUT RUN
  BENCH_RUN="$3" wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s "$ROOT/bench/serve.lua" \
    "http://127.0.0.1:$1/webhooks/meta" >"$2" 2>&1 || true
}
acked() { grep -o 'acknowledged=[0-9]*' "$1" | cut -d= -f2; }
p99() { grep -E '^ +99%' "$1" | awk '{print $2}'; }

echo "== 2. receivers under wrk (-c$CONNECTIONS each, ${SECONDS_RUN}s)"
serve 8191 "$WORK/serve.sqlite"
load 8191 "$WORK/wrk-sqlite.txt" sqlite
echo "  one receiver, sqlite:          $(( $(acked "$WORK/wrk-sqlite.txt") / SECONDS_RUN )) acknowledged/s, p99 $(p99 "$WORK/wrk-sqlite.txt")"
PG_SERVE=$(new_database serve)
serve 8192 "$PG_SERVE"
serve 8193 "$PG_SERVE"
load 8192 "$WORK/wrk-pg-a.txt" a & A=$!
load 8193 "$WORK/wrk-pg-b.txt" b & B=$!
wait $A $B
TOTAL=$(( $(acked "$WORK/wrk-pg-a.txt") + $(acked "$WORK/wrk-pg-b.txt") ))
echo "  two receivers, one postgresql: $(( TOTAL / SECONDS_RUN )) acknowledged/s together, p99 $(p99 "$WORK/wrk-pg-a.txt") / $(p99 "$WORK/wrk-pg-b.txt")"
LOGGED=$(psql -tA "$PG_SERVE" -c "SELECT count(*) FROM raw_event" 2>/dev/null || echo "?")
echo "  raw events in the team store: $LOGGED (acknowledged: $TOTAL)"
echo "(work files in $WORK)"
