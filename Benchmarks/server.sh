#!/usr/bin/env bash
# Issue 13's benchmarks: the server store against PostgreSQL's own tools and the usual peers,
# on one throwaway PostgreSQL 15 (a temporary folder, a Unix socket, default durability:
# fsync and synchronous_commit on), in one run, medians of RUNS runs:
#  - import 1,000,000 cases (the generator's 500-team council): `caseaudit cases import` vs
#    `psql \copy` of the same CSV into a plain table (target: caseaudit <= 1.5x); each run starts
#    from no case lists, as the baseline starts from an empty table;
#  - draw 2 per team from that population: `caseaudit sample draw` vs pandas `read_csv` +
#    `groupby().sample()` (target: <= 0.5x);
#  - 200 auditors scoring at once (Benchmarks/ServerLoad: 200 connections, each holding its
#    lease and committing one answer at a time, think time 0) vs pgbench running a custom
#    script of the same single-row upsert and update per transaction at 200 clients: p99
#    commit latency (target: <= 1.5x) and errors shown to users (target: none);
#  - the monthly summary on about 250,000 audits (moved to the server with `server import`)
#    vs DuckDB on the same data (target: <= 1.5x), a whole process; and, to read it by, the
#    same inside one process (Benchmarks/ReportLoop), as DuckDB's own figure is taken.
# usage: Benchmarks/server.sh [RUNS]   (default 5; `make build` first)
#        PARTS=load Benchmarks/server.sh  runs only some: import,draw,load,report (all by default)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
parts=${PARTS:-import,draw,load,report}
part() { [[ ",$parts," == *",$1,"* ]]; }
scripts/ensure-deps.sh hyperfine postgresql
command -v sqlite3 >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq sqlite3 </dev/null >/dev/null; }
python3 -c "import pandas, duckdb" 2>/dev/null || python3 -m pip install -q pandas duckdb
bin=$PWD/.build/release/caseaudit
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 1; }
swift build -c release --product server-load >/dev/null
load=$PWD/.build/release/server-load
PORT=54330
source scripts/throwaway-server.sh
throwaway_server bench-server "$PORT" bench -c max_connections=450 -c shared_buffers=256MB
db() { echo "host=$T port=$PORT user=bench dbname=$1"; }
sql() { PGOPTIONS='-c client_min_messages=warning' "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$(db "$1")" -c "$2"; }
for name in cases copied load pgb report; do sql postgres "CREATE DATABASE $name"; done

median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join('%.3f' % x['median'] for x in r))" "$1"; }
report() {
  python3 -c "import sys; a,b=float(sys.argv[2]),float(sys.argv[3]); print('%-44s baseline %8.3f   caseaudit %8.3f   ratio %.2f (target %s)' % (sys.argv[1], a, b, b/a, sys.argv[4]))" "$@"
}

# 1. Import a million cases.
pop=$PWD/Benchmarks/out/population
mkdir -p "$pop"
[ -f "$pop/cases.csv" ] || "$bin" generate --out "$pop" --teams 500 --cases 1000000 --as-of 2026-11-01 >/dev/null
sout=$PWD/Benchmarks/out/server
mkdir -p "$sout"
echo "data: $(wc -l < "$pop/cases.csv") lines of case CSV, 500 teams; server: PostgreSQL 15, default durability"
# The org chart, with a login for a quality lead, and the rights: a lead's import goes through
# row-level security (a temporary table, then the policies), the schema's owner's straight in.
awk -F, 'NR == 1 { print $0 ",login"; next } { print $0 "," }' "$pop/org.csv" | tr -d '\r' > "$sout/org.csv"
echo 'qa-bench,"Quality Lead (bench)",QA,,,dcs,qa_bench' >> "$sout/org.csv"
"$bin" org import "$sout/org.csv" --database "$(db cases)" >/dev/null
"$bin" server init --database "$(db cases)" >/dev/null
"$bin" server grant --database "$(db cases)" >/dev/null
lead="host=$T port=$PORT user=qa_bench dbname=cases"
if part import || part draw; then
# Each timed run starts from a checkpoint, so that none pays for writing out what the runs
# before it left (a million rows is about 150 MB of WAL: a checkpoint fell in the first
# caseaudit runs, after psql's, every time).
hyperfine -N --runs "$runs" --export-json "$sout/import.json" \
  --prepare "$PGBIN/psql -X -q -d '$(db copied)' -c 'DROP TABLE IF EXISTS cases; CREATE TABLE cases (reference text, case_type text, team text, worker text, opened text, last_seen text)' -c CHECKPOINT" \
  "$PGBIN/psql -X -q -d '$(db copied)' -c \"\\copy cases FROM '$pop/cases.csv' WITH (FORMAT csv, HEADER)\"" \
  --prepare "$PGBIN/psql -X -q -d '$(db cases)' -c 'TRUNCATE case_snapshot, case_record CASCADE' -c CHECKPOINT" \
  "$bin cases import $pop/cases.csv --database '$(db cases)'" \
  --prepare "$PGBIN/psql -X -q -d '$(db cases)' -c 'TRUNCATE case_snapshot, case_record CASCADE' -c CHECKPOINT" \
  "$bin cases import $pop/cases.csv --database '$lead'" >/dev/null
read -r base ours theirs < <(median "$sout/import.json")
report "import 1,000,000 cases (s)" "$base" "$ours" "<= 1.5"
report "the same, as a quality lead (s)" "$base" "$theirs" "<= 1.5"
fi

# 2. Draw 2 files per team.
if part draw; then
cat > "$sout/pandas_draw.py" <<'PY'
import sys
import pandas as pd
cases = pd.read_csv(sys.argv[1])
sample = cases.groupby("Allocated Team").sample(n=2, random_state=1)
print(len(sample))
PY
# The population as the server keeps it once autovacuum has been by (a draw comes days after
# the month's import), so that no run pays for, or competes with, the import's aftermath.
sql cases "VACUUM ANALYZE"
# The month's first draw; each timed one replaces it (nothing is scored yet).
"$bin" sample draw --month 2026-12 --checklist climbie-compliance --per-team 2 --seed 1 --database "$(db cases)" >/dev/null
hyperfine -N --runs "$runs" --export-json "$sout/draw.json" \
  "python3 $sout/pandas_draw.py $pop/cases.csv" \
  "$bin sample draw --month 2026-12 --checklist climbie-compliance --per-team 2 --seed 1 --replace --database '$(db cases)'" \
  >/dev/null
read -r base ours < <(median "$sout/draw.json")
report "draw 2 per team, 500 teams, 1M cases (s)" "$base" "$ours" "<= 0.5"
fi

# 3. Two hundred auditors at once.
if part load; then
clients=200
answers=50
sql pgb "CREATE TABLE bench_audit (id INTEGER PRIMARY KEY, changed_at TEXT);
  CREATE TABLE bench_answer (audit_id INTEGER, item_id TEXT, value TEXT, note TEXT, answered_at TEXT,
    PRIMARY KEY (audit_id, item_id));
  INSERT INTO bench_audit SELECT g, NULL FROM generate_series(0, $((clients - 1))) g"
cat > "$sout/answer.sql" <<'SQL'
\set item random(0, 11)
BEGIN;
INSERT INTO bench_answer VALUES (:client_id, 'item-' || :item, 'yes', NULL, now()::text)
  ON CONFLICT (audit_id, item_id) DO UPDATE SET value = EXCLUDED.value, answered_at = EXCLUDED.answered_at;
UPDATE bench_audit SET changed_at = now()::text WHERE id = :client_id;
END;
SQL
: > "$sout/load.txt"
for run in $(seq "$runs"); do
  sql postgres "DROP DATABASE load"; sql postgres "CREATE DATABASE load"
  "$load" "$(db load)" "$clients" "$answers" | tee -a "$sout/load.txt" | sed 's/^/  /'
  rm -f "$sout"/pgbench_log.*
  (cd "$sout" && "$PGBIN/pgbench" -n -c "$clients" -j 2 -t "$answers" -f answer.sql -l "$(db pgb)" >/dev/null 2>&1)
  python3 - "$sout" "$clients" <<'PY' | tee -a "$sout/load.txt" | sed 's/^/  /'
import glob, sys
latencies = sorted(int(line.split()[2]) / 1000 for name in glob.glob(f"{sys.argv[1]}/pgbench_log.*") for line in open(name))
p = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q + 0.999999) - 1)]
print(f"pgbench    clients {sys.argv[2]}  commits {len(latencies)}  p50 {p(0.5):.2f} ms  p99 {p(0.99):.2f} ms  max {latencies[-1]:.2f} ms")
PY
done
python3 - "$sout/load.txt" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
ours = [float(v) for v in re.findall(r"caseaudit .* p99 ([\d.]+) ms", text)]
theirs = [float(v) for v in re.findall(r"pgbench .* p99 ([\d.]+) ms", text)]
errors = sum(int(v) for v in re.findall(r"errors (\d+)", text))
a, b = statistics.median(theirs), statistics.median(ours)
print('%-44s baseline %8.3f   caseaudit %8.3f   ratio %.2f (target <= 1.5); errors shown to users: %d' % ("200 scorers at once, p99 commit (ms)", a, b, b / a, errors))
PY
fi

# 4. The monthly summary on 250,000 audits, moved to the server with `server import`.
part report || exit 0
source Benchmarks/lib/report-data.sh
start=$(date +%s.%N)
"$bin" server import "$out/audits.sqlite" --database "$(db report)" >/dev/null
echo "server import of the 250,000-audit database: $(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$(date +%s.%N)") s"
read -r duck teams items < <(python3 "$out/duck_report.py" "$out" "$month" "$runs")
hyperfine -N --warmup 2 --runs "$runs" --export-json "$sout/report.json" \
  "$bin report monthly --month $month --format json --database '$(db report)' -o $sout/report-out" >/dev/null 2>&1
ours=$(python3 -c "import json; print('%.4f' % json.load(open('$sout/report.json'))['results'][0]['median'])")
report "monthly summary, 250,000 audits (s)" "$duck" "$ours" "<= 1.5"
# The same inside one process (store opened once), as DuckDB's figure is taken: what is left
# of the ratio once starting the program, its libraries, the arguments and the connection are not
# counted. For reading the figure above, not in place of it.
swift build -c release --product report-loop >/dev/null
read -r inside _ _ < <(.build/release/report-loop "$(db report)" "$month" "$runs" "$sout/report-loop")
python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%-44s baseline %8.3f   caseaudit %8.3f   ratio %.2f (no target: to read the one above by)' % ('the same inside one process (s)', a, b, b/a))" "$duck" "$inside"
