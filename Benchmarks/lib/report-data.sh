# The monthly summary's benchmark data, made once and kept under Benchmarks/out/report: about
# 250,000 submitted audits in a SQLite database (`caseaudit generate --audits`), the same audits
# and answers in DuckDB tables, and the DuckDB script that computes the same figures.
# Sourced by Benchmarks/report.sh and Benchmarks/server.sh, with $bin set; sets $out and $month.
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

