#!/usr/bin/env bash
# Times `caseaudit checklist validate` against `xmllint --noout --schema` on the same files,
# as whole processes (start-up included), and prints medians. Issue 2's target: caseaudit
# at most 1.2x xmllint's wall time on the shipped checklists and on a generated 5 MB one.
#
# usage: Benchmarks/validate.sh [RUNS]     (default 30; run `make build` first, or `make bench`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
scripts/ensure-deps.sh xmllint hyperfine

bin=.build/release/caseaudit
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 1; }
xsd=Checklists/schema/checklist-1.xsd
out=Benchmarks/out
mkdir -p "$out"
python3 Benchmarks/generate-checklist.py "$out/large.xml" $((5 * 1024 * 1024))
shipped=(Checklists/childs-voice.xml Checklists/chronology.xml Checklists/climbie-compliance.xml Checklists/supervision.xml)

# Both tools must agree that every file is valid before their times mean anything.
"$bin" checklist validate "${shipped[@]}" "$out/large.xml" >/dev/null
xmllint --noout --schema "$xsd" "${shipped[@]}" "$out/large.xml" 2>/dev/null

median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join('%.2f' % (x['median']*1000) for x in r))" "$1"; }

compare() {
  local label=$1; shift
  hyperfine -N --warmup 5 --runs "$runs" --export-json "$out/$label.json" \
    "xmllint --noout --schema $xsd $*" "$bin checklist validate $*" >/dev/null 2>&1
  read -r xml ours < <(median "$out/$label.json")
  python3 -c "import sys; x,o=float(sys.argv[2]),float(sys.argv[3]); print('%-28s xmllint %8.2f ms   caseaudit %8.2f ms   ratio %.2f (target <= 1.20)' % (sys.argv[1], x, o, o/x))" "$label" "$xml" "$ours"
}

echo "median wall time of $runs runs each (hyperfine, whole processes)"
compare "shipped-checklists(4)" "${shipped[*]}"
compare "generated-5MB($(du -k "$out/large.xml" | cut -f1)KB)" "$out/large.xml"

# Hostile files: each must be refused (exit 1) quickly, with no network and no expansion.
hostile=$out/hostile
mkdir -p "$hostile"
cp Tests/CaseAuditTests/Fixtures/Checklists/billion-laughs.xml "$hostile/"
python3 - "$hostile" <<'PY'
import sys
d = sys.argv[1]
open(f"{d}/quadratic.xml", "w").write('<?xml version="1.0"?>\n<!DOCTYPE c [<!ENTITY a "' + "a" * 50000 + '">]>\n<c>' + "&a;" * 20000 + "</c>\n")
open(f"{d}/xxe.xml", "w").write('<?xml version="1.0"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<c>&x;</c>\n')
open(f"{d}/network-dtd.xml", "w").write('<?xml version="1.0"?>\n<!DOCTYPE c SYSTEM "http://127.0.0.1:9/c.dtd">\n<c/>\n')
PY
echo
echo "hostile inputs (median of $runs runs; each must exit 1)"
for f in "$hostile"/*.xml; do
  if "$bin" checklist validate "$f" >/dev/null 2>&1; then echo "NOT REFUSED: $f"; exit 1; fi
  hyperfine -N --runs "$runs" -i --export-json "$out/hostile.json" "$bin checklist validate $f" >/dev/null 2>&1
  printf '%-28s refused in %6s ms\n' "$(basename "$f")" "$(median "$out/hostile.json")"
done
