#!/usr/bin/env bash
# Fuzz the webhook decoders, the identifier classifier and terminal-safe text with libFuzzer.
#   bench/fuzz.sh [SECONDS] [JOBS]     (default 60 s, 1 job)
# Seeds: every sample body under Assets/ (and Tests/WebhooksTests/Fixtures); findings land in
# .build-fuzz/findings/ (crash-*, with the input); each one becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}

swift build -c release --product DecoderFuzzer --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2

corpus=.build-fuzz/corpus
findings=.build-fuzz/findings
mkdir -p "$corpus" "$findings"
find Assets Tests/WebhooksTests/Fixtures -type f \( -name '*.json' -o -name '*.ndjson' \) -exec cp {} "$corpus"/ \;

parallel=()
# libFuzzer's -jobs writes fuzz-N.log files into the current directory: only ask for it when needed.
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
.build-fuzz/release/DecoderFuzzer "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  "${parallel[@]}" -artifact_prefix="$findings/" -print_final_stats=1
