#!/usr/bin/env bash
# Issue 15's benchmark: `caseaudit moderation agreement` against the Python reference
# (Benchmarks/agreement-reference.py: pandas, `krippendorff` and statsmodels from PyPI) on the
# same CSV, whole processes, side by side in one hyperfine run, on 100,000 files x 2 raters and
# on 2,000 files x 30 raters (seeded; one rater in ten skips each file in the second).
# Target: caseaudit's time <= 1.0x the reference's.
# usage: Benchmarks/agreement.sh [RUNS]   (default 5; `make build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
scripts/ensure-deps.sh hyperfine
python3 -c "import krippendorff, statsmodels, pandas" 2>/dev/null || python3 -m pip install -q krippendorff statsmodels pandas
bin=$PWD/.build/release/caseaudit
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 1; }
out=$PWD/Benchmarks/out/agreement
mkdir -p "$out"
scale="Outstanding,Good,Requires improvement,Inadequate"
python3 - "$out" <<'PY'
import os, random, sys
out = sys.argv[1]
grades = ["Outstanding", "Good", "Requires improvement", "Inadequate"]
def write(name, files, raters, skip):
    path = os.path.join(out, name)
    if os.path.exists(path):
        return
    random.seed(15)
    with open(path, "w") as f:
        f.write("file,rater,rating\n")
        for file in range(files):
            truth = random.choices(range(4), [1, 5, 4, 2])[0]
            for rater in range(raters):
                if skip and random.random() < skip:
                    continue
                grade = truth if random.random() < 0.7 else max(0, min(3, truth + random.choice([-1, 1])))
                f.write(f"C-{file:06d},r{rater:02d},{grades[grade]}\n")
write("two-raters.csv", 100_000, 2, 0)
write("thirty-raters.csv", 2_000, 30, 0.1)
PY
for data in two-raters thirty-raters; do
  csv=$out/$data.csv
  echo "data: $data, $(($(wc -l < "$csv") - 1)) ratings"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/$data.json" \
    "python3 Benchmarks/agreement-reference.py $csv '$scale'" \
    "$bin moderation agreement --ratings $csv --categories '$scale' --format json" >/dev/null
  python3 - "$out/$data.json" "$data" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base, ours = r[0]["median"], r[1]["median"]
print(f"{sys.argv[2]}: Python reference {base:.3f} s, caseaudit {ours:.3f} s (medians of {len(r[0]['times'])} runs), ratio {ours / base:.2f} (target <= 1.0)")
PY
done
