#!/usr/bin/env bash
# Issue 4's benchmark: commit latency of one answer (p50, p99 over 10,000 answers, each its own
# transaction through the real store) against write+fsync of a 4 KiB block on the same disk,
# measured by the same program. Target: commit p99 <= 2x the fsync figure. Durability: WAL with
# synchronous=FULL. Prints each run and the medians of RUNS runs.
# usage: Benchmarks/commit.sh [RUNS] [ANSWERS]   (defaults 5, 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
answers=${2:-10000}
swift build -c release --product commit-latency >/dev/null
out=Benchmarks/out/commit
mkdir -p "$out"
: > "$out/runs.txt"
for run in $(seq "$runs"); do
  .build/release/commit-latency "$answers" "$out" | tee -a "$out/runs.txt" | tail -3
done
python3 - "$out/runs.txt" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
def figures(name):
    return [tuple(map(float, m)) for m in re.findall(name + r"\s+p50 ([\d.]+) ms\s+p99 ([\d.]+) ms", text)]
commit, sync = figures("commit one answer"), figures(r"write\+fsync 4 KiB")
med = lambda values: statistics.median(values)
c50, c99 = med([c[0] for c in commit]), med([c[1] for c in commit])
s50, s99 = med([s[0] for s in sync]), med([s[1] for s in sync])
print(f"medians of {len(commit)} runs: commit p50 {c50:.2f} ms, p99 {c99:.2f} ms; write+fsync p50 {s50:.2f} ms, p99 {s99:.2f} ms")
print(f"commit p99 / fsync p99 = {c99 / s99:.2f} (target <= 2); commit p99 / fsync p50 = {c99 / s50:.2f}")
PY
