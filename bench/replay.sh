#!/usr/bin/env bash
# Replay speed beside its write floor, in ONE run on this machine (SPEC §8).
#
#   swift build -c release && bench/replay.sh [EVENTS]        (default 1,000,000)
#
# 1. `switchboard generate` writes EVENTS synthetic Meta webhooks (every 10th a delivery status).
# 2. The floor: the sqlite3 shell writes the rows the store must write for them, and nothing
#    else, in one transaction, into a WAL database with synchronous=NORMAL (the store's
#    settings):
#      - raw_event: every body with a 16-byte dedupe key (UNIQUE), provider, channel, time;
#      - conversation: one row per customer with its counts, last time, preview and triage
#        columns, with the store's indexes on it: UNIQUE(channel, contact), activity, status
#        and assignee in activity order, the triage counts, the contact;
#      - message: one row per message with its conversation, provider id (UNIQUE per
#        channel), type, text and time, with the conversation-history index and the partial
#        index of outgoing messages.
#    The bodies are staged into the database first (not timed); the timed part is the
#    transaction alone, JSON extraction included. It is a floor, not a target: it resolves
#    no identity (no contacts, identifiers, merges) and checks no order.
# 3. `switchboard replay` (release build) ingests the same file into an empty store.
# Prints events/s of both, the ratio (target ≥ 0.5) and replay's peak RSS (target < 150 MB).
set -euo pipefail
EVENTS=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/.build/release/switchboard"
[[ -x "$BIN" ]] || { echo "build first: swift build -c release" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 1; }
WORK=$(mktemp -d /tmp/switchboard-replay-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

"$BIN" generate --events "$EVENTS" --output "$WORK/events.ndjson" >/dev/null

now() { date +%s.%N; }
rate() { echo "scale=0; $1 / ($3 - $2)" | bc; }

# Stage the bodies (one per line; ASCII mode splits records on RS, never inside JSON).
tr '\n' '\036' < "$WORK/events.ndjson" > "$WORK/events.rs"
sqlite3 "$WORK/floor.sqlite" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
CREATE TABLE staging (body TEXT NOT NULL);
.mode ascii
.separator "\037" "\036"
.import $WORK/events.rs staging
CREATE TABLE raw_event (id INTEGER PRIMARY KEY, dedupe_key BLOB NOT NULL UNIQUE, provider TEXT NOT NULL,
                        channel TEXT, received_at REAL NOT NULL, body BLOB NOT NULL);
CREATE TABLE conversation (id INTEGER PRIMARY KEY, channel TEXT NOT NULL, contact TEXT NOT NULL, unread INTEGER NOT NULL,
                           message_count INTEGER NOT NULL, last_message_at REAL, last_message_preview TEXT,
                           status TEXT NOT NULL DEFAULT 'open', snoozed_until REAL, assignee TEXT,
                           UNIQUE (channel, contact));
CREATE INDEX conversation_activity ON conversation (last_message_at DESC, id DESC);
CREATE INDEX conversation_contact ON conversation (contact);
CREATE INDEX conversation_status_activity ON conversation (status, last_message_at DESC, id DESC);
CREATE INDEX conversation_assignee_activity ON conversation (assignee, last_message_at DESC, id DESC);
CREATE INDEX conversation_triage_counts ON conversation (status, snoozed_until, assignee, unread);
CREATE TABLE message (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, channel TEXT NOT NULL,
                      provider_message_id TEXT, direction TEXT NOT NULL, type TEXT NOT NULL, text TEXT,
                      timestamp REAL NOT NULL, UNIQUE (channel, provider_message_id));
CREATE INDEX message_conversation ON message (conversation_id, timestamp DESC, id DESC);
CREATE INDEX message_outbound ON message (conversation_id, timestamp DESC, id DESC) WHERE direction = 'out';
SQL
STAGED=$(sqlite3 "$WORK/floor.sqlite" "SELECT count(*) FROM staging")

start=$(now)
sqlite3 "$WORK/floor.sqlite" <<'SQL'
PRAGMA synchronous = NORMAL;
BEGIN;
INSERT INTO raw_event (dedupe_key, provider, channel, received_at, body)
  SELECT substr(sha3(body), 1, 16), 'meta', 'support', 1767225600, CAST(body AS BLOB) FROM staging ORDER BY rowid;
CREATE TEMP TABLE incoming AS
  SELECT rowid AS n,
         json_extract(body, '$.entry[0].changes[0].value.messages[0].from_user_id') AS contact,
         json_extract(body, '$.entry[0].changes[0].value.messages[0].id') AS provider_id,
         json_extract(body, '$.entry[0].changes[0].value.messages[0].type') AS type,
         json_extract(body, '$.entry[0].changes[0].value.messages[0].text.body') AS text,
         CAST(json_extract(body, '$.entry[0].changes[0].value.messages[0].timestamp') AS REAL) AS at
  FROM staging WHERE json_extract(body, '$.entry[0].changes[0].value.messages[0].id') IS NOT NULL;
INSERT INTO conversation (channel, contact, unread, message_count, last_message_at, last_message_preview)
  SELECT 'support', contact, count(*), count(*), max(at), max(text) FROM incoming GROUP BY contact;
INSERT INTO message (conversation_id, channel, provider_message_id, direction, type, text, timestamp)
  SELECT c.id, 'support', i.provider_id, 'in', i.type, i.text, i.at
  FROM incoming i JOIN conversation c ON c.channel = 'support' AND c.contact = i.contact ORDER BY i.n;
COMMIT;
SQL
end=$(now)
FLOOR_RATE=$(rate "$STAGED" "$start" "$end")

start=$(now)
/usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" replay --store "$WORK/store.sqlite" --config "$ROOT/Assets/config.toml" \
  "$WORK/events.ndjson" > "$WORK/replay.out" 2>&1
end=$(now)
REPLAY_RATE=$(rate "$EVENTS" "$start" "$end")
RSS_MB=$(( $(cat "$WORK/rss") / 1024 ))
echo "replay of $EVENTS events ($(grep -o 'ingested [0-9]*' "$WORK/replay.out" | head -1))"
printf "  floor (sqlite3, same rows, one transaction): %8d events/s\n" "$FLOOR_RATE"
printf "  switchboard replay (release):                %8d events/s   peak RSS %d MB (target < 150)\n" "$REPLAY_RATE" "$RSS_MB"
printf "  ratio: %s (target ≥ 0.5)\n" "$(echo "scale=2; $REPLAY_RATE / $FLOOR_RATE" | bc)"
