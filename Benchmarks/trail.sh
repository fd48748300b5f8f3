#!/usr/bin/env bash
# Issue 14's verify benchmark: `caseaudit log verify` over a trail of 10,000,000 events (answer
# events as scoring writes them, in a SQLite store) against `sha256sum` over the same bytes
# verify hashes (each event's previous hash and its canonical bytes), written to a file, side
# by side in one hyperfine run. Target: verify's speed at least 80% of sha256sum's (its time
# at most 1.25x). The commit benchmark with and without the trail is Benchmarks/commit.sh.
# usage: Benchmarks/trail.sh [RUNS] [EVENTS]   (defaults 5, 10000000; `make build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
events=${2:-10000000}
scripts/ensure-deps.sh hyperfine
bin=$PWD/.build/release/caseaudit
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 1; }
swift build -c release --product trail-verify >/dev/null
out=$PWD/Benchmarks/out/trail
mkdir -p "$out"
db=$out/trail-$events.sqlite
[ -f "$db" ] || .build/release/trail-verify fill "$db" "$events"
[ -f "$out/canonical-$events.bin" ] || .build/release/trail-verify canonical "$db" "$out/canonical-$events.bin"
echo "data: $events events, $(du -h "$db" | cut -f1) database, $(du -h "$out/canonical-$events.bin" | cut -f1) of canonical bytes"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/verify.json" \
  "sha256sum $out/canonical-$events.bin" \
  "$bin log verify --database $db" >/dev/null
python3 - "$out/verify.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base, ours = r[0]["median"], r[1]["median"]
print(f"log verify over the trail: sha256sum {base:.3f} s, caseaudit log verify {ours:.3f} s (medians of {len(r[0]['times'])} runs)")
print(f"verify's speed / sha256sum's = {base / ours:.2f} (target >= 0.80)")
PY
