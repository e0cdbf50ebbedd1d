#!/usr/bin/env bash
# The inbox in the release build on a large store (SPEC §8: 50,000 conversations, 1,000,000
# messages): first frame, key → frame p50/p99 over list moves, views and unread jumps, message
# pane scrolling, search, peak RSS — beside the floor of a frame (drawing the same state with
# no store query) measured in the same run.
#
#   swift build -c release && bench/inbox.sh [MESSAGES] [CONTACTS]
#
# The store is built once per size and kept in /tmp (replaying 1,000,000 events takes minutes);
# BENCH_INBOX_STORE=path reuses another one.
set -euo pipefail
MESSAGES=${1:-1000000}
CONTACTS=${2:-50000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/.build/release/switchboard"
BENCH="$ROOT/.build/release/inbox-benchmark"
[[ -x "$BIN" && -x "$BENCH" ]] || { echo "build first: swift build -c release" >&2; exit 1; }
# `generate` makes every 10th event a delivery status: ask for enough events to get MESSAGES.
EVENTS=$(( MESSAGES * 10 / 9 + 1 ))
STORE=${BENCH_INBOX_STORE:-/tmp/switchboard-inbox-bench-$MESSAGES-$CONTACTS.sqlite}
if [[ ! -s "$STORE" ]]; then
  WORK=$(mktemp -d /tmp/switchboard-inbox-bench.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
  echo "building $STORE: $EVENTS events for $CONTACTS customers (once)" >&2
  "$BIN" generate --events "$EVENTS" --contacts "$CONTACTS" --output "$WORK/events.ndjson" >/dev/null
  "$BIN" replay --store "$STORE" --config "$ROOT/Assets/config.toml" "$WORK/events.ndjson" >/dev/null
fi
"$BENCH" "$STORE"
