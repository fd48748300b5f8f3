#!/usr/bin/env bash
# Issue 4's benchmark, and issue 14's: commit latency of one answer (p50, p99 over 10,000
# answers, each its own transaction through the real store) with its trail event and without
# the trail, against write+fsync of a 4 KiB block on the same disk, measured by the same
# program, interleaved. Targets: commit p99 <= 2x the fsync figure (issue 4, SQLite); commit
# p99 with the trail <= 1.2x without (issue 14, on SQLite and on PostgreSQL). Durability: SQLite
# WAL with synchronous=FULL; PostgreSQL 15's defaults (fsync, synchronous_commit on) on a
# throwaway server. Prints each run and the medians of RUNS runs.
# usage: Benchmarks/commit.sh [RUNS] [ANSWERS]   (defaults 5, 10000)
#        ENGINES=sqlite Benchmarks/commit.sh     runs one engine only (sqlite,postgresql)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
answers=${2:-10000}
engines=${ENGINES:-sqlite,postgresql}
swift build -c release --product commit-latency >/dev/null
out=$PWD/Benchmarks/out/commit
mkdir -p "$out"
summarise() {
python3 - "$1" "$2" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
def figures(name):
    return [tuple(map(float, m)) for m in re.findall(name + r"\s+p50 ([\d.]+) ms\s+p99 ([\d.]+) ms", text)]
commit, bare, sync = figures("commit one answer"), figures("commit without trail"), figures(r"write\+fsync 4 KiB")
med = lambda values: statistics.median(values)
c50, c99 = med([c[0] for c in commit]), med([c[1] for c in commit])
b50, b99 = med([c[0] for c in bare]), med([c[1] for c in bare])
s50, s99 = med([s[0] for s in sync]), med([s[1] for s in sync])
ratios = [c[1] / b[1] for c, b in zip(commit, bare)]
print(f"{sys.argv[2]}: medians of {len(commit)} runs: commit p50 {c50:.2f} ms, p99 {c99:.2f} ms; without the trail p50 {b50:.2f} ms, p99 {b99:.2f} ms; write+fsync p50 {s50:.2f} ms, p99 {s99:.2f} ms")
print(f"{sys.argv[2]}: commit p99 / fsync p99 = {c99 / s99:.2f} (issue 4 target <= 2); with trail / without, p99: median {med(ratios):.2f} of runs {', '.join('%.2f' % r for r in ratios)} (target <= 1.2)")
PY
}
if [[ ",$engines," == *",sqlite,"* ]]; then
  : > "$out/sqlite.txt"
  for run in $(seq "$runs"); do
    .build/release/commit-latency "$answers" "$out" | tee -a "$out/sqlite.txt" | tail -4
  done
  summarise "$out/sqlite.txt" SQLite
fi
if [[ ",$engines," == *",postgresql,"* ]]; then
  scripts/ensure-deps.sh postgresql
  source scripts/throwaway-server.sh
  throwaway_server bench-commit 54331 bench
  : > "$out/postgresql.txt"
  for run in $(seq "$runs"); do
    for name in trail$run bare$run; do "$PGBIN/psql" -X -q -d "host=$T port=54331 user=bench dbname=postgres" -c "CREATE DATABASE $name"; done
    .build/release/commit-latency "$answers" "$out" "host=$T port=54331 user=bench dbname=trail$run" \
      "host=$T port=54331 user=bench dbname=bare$run" | tee -a "$out/postgresql.txt" | tail -4
  done
  summarise "$out/postgresql.txt" PostgreSQL
fi
