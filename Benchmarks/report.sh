#!/usr/bin/env bash
# Issue 5's benchmark: `caseaudit report monthly --month M --format json` as a whole process,
# against DuckDB computing the same per-team and per-item figures for the same month from the
# same data already loaded into DuckDB tables (only its query and output are timed).
# Data: about 250,000 submitted audits (about 10,000,000 answers) across 500 teams and 24
# months, made by `caseaudit generate --audits`. Target: caseaudit <= 1.0x DuckDB.
# usage: Benchmarks/report.sh [RUNS]   (default 10; `make build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
scripts/ensure-deps.sh hyperfine
command -v sqlite3 >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq sqlite3 </dev/null >/dev/null; }
python3 -c "import duckdb" 2>/dev/null || python3 -m pip install -q duckdb
bin=$PWD/.build/release/caseaudit
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 1; }
source Benchmarks/lib/report-data.sh

read -r duck teams items < <(python3 "$out/duck_report.py" "$out" "$month" "$runs")
hyperfine -N --warmup 2 --runs "$runs" --export-json "$out/caseaudit.json" \
  "$bin report monthly --month $month --format json --database $out/audits.sqlite -o $out/caseaudit-report" >/dev/null 2>&1
ours=$(python3 -c "import json; print('%.4f' % json.load(open('$out/caseaudit.json'))['results'][0]['median'])")
python3 -c "import sys; d, o = float(sys.argv[1]), float(sys.argv[2]); print('DuckDB query+output (%s teams, %s items) %.1f ms   caseaudit report (whole process) %.1f ms   ratio %.2f (target <= 1.0)' % (sys.argv[3], sys.argv[4], d*1000, o*1000, o/d))" "$duck" "$ours" "$teams" "$items"
