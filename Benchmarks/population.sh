#!/usr/bin/env bash
# Issue 3's benchmarks, as whole processes (start-up included), medians of RUNS runs:
#  - import a 1,000,000-row case CSV: caseaudit vs `sqlite3 db ".import --csv file cases"`
#    (target: caseaudit <= 1.5x);
#  - draw a stratified sample over 500 teams from those cases: caseaudit (from its database)
#    vs a pandas script reading the CSV and doing groupby(team).sample(n, random_state)
#    (target: caseaudit <= 0.5x).
# usage: Benchmarks/population.sh [RUNS]   (default 5; `make build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
scripts/ensure-deps.sh hyperfine
command -v sqlite3 >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq sqlite3 </dev/null >/dev/null; }
python3 -c "import pandas" 2>/dev/null || python3 -m pip install -q pandas
bin=$PWD/.build/release/caseaudit
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 1; }
out=$PWD/Benchmarks/out/population
mkdir -p "$out"
[ -f "$out/cases.csv" ] || "$bin" generate --out "$out" --teams 500 --cases 1000000 --as-of 2026-11-01 >/dev/null
echo "data: $(wc -l < "$out/cases.csv") lines, $(du -m "$out/cases.csv" | cut -f1) MB, 500 teams"

median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join('%.3f' % x['median'] for x in r))" "$1"; }
report() {
  python3 -c "import sys; a,b=float(sys.argv[2]),float(sys.argv[3]); print('%-40s baseline %6.2f s   caseaudit %6.2f s   ratio %.2f (target %s)' % (sys.argv[1], a, b, b/a, sys.argv[4]))" "$@"
}

hyperfine -N --runs "$runs" --export-json "$out/import.json" \
  --prepare "rm -f $out/sqlite.db" "sqlite3 $out/sqlite.db '.import --csv $out/cases.csv cases'" \
  --prepare "rm -f $out/caseaudit.sqlite $out/caseaudit.sqlite-wal $out/caseaudit.sqlite-shm" \
  "$bin cases import $out/cases.csv --database $out/caseaudit.sqlite" >/dev/null 2>&1
read -r base ours < <(median "$out/import.json")
report "import 1,000,000 cases (CSV)" "$base" "$ours" "<= 1.5"

"$bin" org import "$out/org.csv" --database "$out/caseaudit.sqlite" >/dev/null
cat > "$out/pandas_draw.py" <<'PY'
import sys
import pandas as pd
cases = pd.read_csv(sys.argv[1])
sample = cases.groupby("Allocated Team").sample(n=2, random_state=1)
print(len(sample))
PY
month=$(date -u +%Y-%m)
# The month's first draw; each timed one replaces it (one sample per checklist and month, and
# nothing is scored yet).
"$bin" sample draw --month "$month" --checklist climbie-compliance --per-team 2 --seed 1 \
  --database "$out/caseaudit.sqlite" >/dev/null
hyperfine -N --runs "$runs" --export-json "$out/draw.json" \
  "python3 $out/pandas_draw.py $out/cases.csv" \
  "$bin sample draw --month $month --checklist climbie-compliance --per-team 2 --seed 1 --replace --database $out/caseaudit.sqlite" >/dev/null 2>&1
read -r base ours < <(median "$out/draw.json")
report "draw 2 per team, 500 teams, 1M cases" "$base" "$ours" "<= 0.5"
