#!/usr/bin/env bash
# Issue 6's benchmark: `caseaudit checklist import` of a generated 2,000-question board
# workbook, against a Python script reading the same workbook with openpyxl (finding the header,
# the sections and the questions), both as whole processes, start-up included.
# Target: caseaudit <= 0.5x openpyxl. Prints hyperfine medians of RUNS runs.
# usage: Benchmarks/import.sh [RUNS]   (default 20; `make build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
scripts/ensure-deps.sh hyperfine
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl
bin=$PWD/.build/release/caseaudit
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 1; }
out=$PWD/Benchmarks/out/import
mkdir -p "$out"
"$bin" generate --out "$out" --teams 2 --cases 10 --board-questions 2000 >/dev/null
book=$out/board/board-audit-tool-2000.xlsx
cat > "$out/openpyxl_read.py" <<'PY'
import sys
from openpyxl import load_workbook
sheet = load_workbook(sys.argv[1], read_only=True, data_only=True).worksheets[0]
header, section, questions = None, None, []
for row in sheet.iter_rows(values_only=True):
    cells = ["" if c is None else str(c).strip() for c in row]
    filled = [c for c in cells if c]
    if header is None:
        lowered = [c.lower() for c in cells]
        if any(c in ("question", "audit question", "standard") for c in lowered):
            header = {name: i for i, name in enumerate(lowered)}
        continue
    if not filled:
        continue
    prompt = cells[header.get("audit question", 1)] if len(cells) > 1 else ""
    if not prompt and len(filled) == 1:
        section = filled[0]
        continue
    questions.append((section, cells[0], prompt))
print(len(questions))
PY
echo "workbook: $(python3 "$out/openpyxl_read.py" "$book") questions, $(du -k "$book" | cut -f1) KB"
hyperfine -N --warmup 2 --runs "$runs" --export-json "$out/import.json" \
  "python3 $out/openpyxl_read.py $book" \
  "$bin checklist import $book -o $out/imported.xml" >/dev/null 2>&1
python3 - "$out/import.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
python, ours = results[0]["median"], results[1]["median"]
print("openpyxl read %.1f ms   caseaudit import (writes and validates the checklist) %.1f ms   ratio %.2f (target <= 0.5)" % (python * 1000, ours * 1000, ours / python))
PY
