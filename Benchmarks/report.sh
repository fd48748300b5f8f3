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
out=$PWD/Benchmarks/out/report
month=2026-11
mkdir -p "$out"
if [ ! -f "$out/audits.sqlite" ]; then
  "$bin" generate --out "$out" --teams 500 --cases 100000 --audits 250000 --months 24 --items 40 \
    --end-month "$month" --database "$out/audits.sqlite"
fi
if [ ! -f "$out/duck.db" ]; then
  sqlite3 -csv -header "$out/audits.sqlite" "SELECT a.id, s.month, c.team, a.judgement, a.computed_grade
    FROM audit a JOIN sample s ON s.id = a.sample_id
    JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference" > "$out/audits.csv"
  sqlite3 -csv -header "$out/audits.sqlite" "SELECT audit_id, item_id, value FROM audit_answer" > "$out/answers.csv"
  python3 - "$out" <<'PY'
import duckdb, sys
out = sys.argv[1]
con = duckdb.connect(f"{out}/duck.db")
con.execute(f"CREATE TABLE audits AS SELECT * FROM read_csv_auto('{out}/audits.csv')")
con.execute(f"CREATE TABLE answers AS SELECT * FROM read_csv_auto('{out}/answers.csv')")
con.close()
PY
fi
echo "data: $(sqlite3 "$out/audits.sqlite" 'SELECT COUNT(*) FROM audit') audits, $(sqlite3 "$out/audits.sqlite" 'SELECT COUNT(*) FROM audit_answer') answers, 500 teams, 24 months; report month $month"

cat > "$out/duck_report.py" <<'PY'
import duckdb, json, statistics, sys, time
out, month, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = duckdb.connect(f"{out}/duck.db", read_only=True)
wilson = """(({p} + 1.96*1.96/(2*{n})) / (1 + 1.96*1.96/{n}) - 1.96/(1 + 1.96*1.96/{n}) * sqrt({p}*(1-{p})/{n} + 1.96*1.96/(4*{n}*{n})))"""
def wilson_sql(x, n):
    p = f"({x})::DOUBLE/({n})"
    lower = wilson.format(p=p, n=n)
    upper = lower.replace("- 1.96/(1", "+ 1.96/(1")
    return f"{lower} AS lower, {upper} AS upper"
teams_sql = f"""
SELECT team, count(*) AS audited,
  count(*) FILTER (WHERE judgement = 'outstanding') AS outstanding,
  count(*) FILTER (WHERE judgement = 'good') AS good,
  count(*) FILTER (WHERE judgement = 'requires-improvement') AS requires_improvement,
  count(*) FILTER (WHERE judgement = 'inadequate') AS inadequate,
  count(*) FILTER (WHERE judgement IN ('outstanding', 'good')) AS good_or_better,
  {wilson_sql("count(*) FILTER (WHERE judgement IN ('outstanding', 'good'))", "count(*)")},
  count(*) FILTER (WHERE judgement <> computed_grade) AS judged_differently
FROM audits WHERE month = ? GROUP BY team ORDER BY team"""
items_sql = f"""
SELECT x.item_id, count(*) FILTER (WHERE x.value = 'yes') AS compliant, count(*) FILTER (WHERE x.value <> 'na') AS answered,
  {wilson_sql("count(*) FILTER (WHERE x.value = 'yes')", "count(*) FILTER (WHERE x.value <> 'na')")}
FROM answers x JOIN audits a ON a.id = x.audit_id WHERE a.month = ? GROUP BY x.item_id ORDER BY x.item_id"""
times = []
for _ in range(runs):
    start = time.perf_counter()
    teams = con.execute(teams_sql, [month]).fetchall()
    items = con.execute(items_sql, [month]).fetchall()
    text = json.dumps({"teams": teams, "items": items})
    with open(f"{out}/duck_report.json", "w") as f:
        f.write(text)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times):.4f} {len(teams)} {len(items)}")
PY

read -r duck teams items < <(python3 "$out/duck_report.py" "$out" "$month" "$runs")
hyperfine -N --warmup 2 --runs "$runs" --export-json "$out/caseaudit.json" \
  "$bin report monthly --month $month --format json --database $out/audits.sqlite -o $out/caseaudit-report" >/dev/null 2>&1
ours=$(python3 -c "import json; print('%.4f' % json.load(open('$out/caseaudit.json'))['results'][0]['median'])")
python3 -c "import sys; d, o = float(sys.argv[1]), float(sys.argv[2]); print('DuckDB query+output (%s teams, %s items) %.1f ms   caseaudit report (whole process) %.1f ms   ratio %.2f (target <= 1.0)' % (sys.argv[3], sys.argv[4], d*1000, o*1000, o/d))" "$duck" "$ours" "$teams" "$items"
