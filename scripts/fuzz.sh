#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of outside input (libFuzzer with AddressSanitizer,
# through the Swift toolchain's -sanitize=fuzzer,address). Each target runs FUZZ_SECONDS
# (default 60), FUZZ_JOBS at a time (default: the number of cores), from a seed corpus made of
# Samples/, the test fixtures and Fuzz/seeds/. Fails on a crash, a leak, a timeout or running
# out of memory, and says where the input that did it was kept.
#
#   scripts/fuzz.sh [TARGET...]       (make fuzz; FUZZ_SECONDS=600 for a long run)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_JOBS:-$(nproc)}"
scratch=.build-fuzz
work="$scratch/fuzzing"
all=(checklist cases-csv org-csv annex-a cin-census board-xlsx board-docx board-csv sheet-csv sheet-json)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

echo "fuzz: building the targets with libFuzzer and AddressSanitizer" >&2
mkdir -p "$scratch"
# lld: gold stumbles over the sanitizer runtime's symbols; the log is shown only on failure.
if ! swift build --scratch-path "$scratch" -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCASEAUDIT_LIBFUZZER -Xswiftc -use-ld=lld \
  --product caseaudit-fuzz >"$scratch/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$scratch/build.log" | tail -40 >&2
  echo "fuzz: the build failed (whole log: $scratch/build.log)" >&2
  exit 1
fi
binary="$scratch/release/caseaudit-fuzz"

fixtures=Tests/CaseAuditTests/Fixtures
shared=../shared/formats
seed() {  # seed TARGET FILE...: copy the files that exist into the target's seed folder
  local target="$1"; shift
  mkdir -p "$work/seeds/$target"
  for file in "$@"; do [ -f "$file" ] && cp "$file" "$work/seeds/$target/"; done
  return 0
}
rm -rf "$work/seeds"
seed checklist Checklists/*.xml "$fixtures"/Checklists/*.xml
seed cases-csv Samples/cases.csv "$fixtures"/Population/cases-*.csv
seed org-csv Samples/org.csv "$fixtures"/Population/org-*.csv
seed annex-a Samples/annex-a.xlsx "$shared/annex-a-sample.xlsx"
seed cin-census "$fixtures"/Population/census-*.xml "$shared"/cin-census-*.xml
seed board-xlsx Samples/board/*.xlsx
seed board-docx Samples/board/*.docx
seed board-csv Samples/board/*.csv
seed sheet-csv
seed sheet-json
# The Office targets also take a bare worksheet or document part (see Fuzz/Harness/OfficeWrapping.swift):
# the first rows of each sheet of the samples, cut at a row boundary so they stay well-formed.
python3 - "$work/seeds" <<'PY'
import re, sys, zipfile
out = sys.argv[1]
def parts(path, pattern):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.fullmatch(pattern, name):
                yield name, z.read(name).decode("utf-8", "replace")
def cut(xml, rows=25):
    ends = [m.end() for m in re.finditer(r"</row>", xml)]
    if len(ends) <= rows:
        return xml
    return xml[:ends[rows - 1]] + "</sheetData></worksheet>"
import glob, os
for target, files in (("annex-a", ["Samples/annex-a.xlsx", "../shared/formats/annex-a-sample.xlsx"]),
                      ("board-xlsx", glob.glob("Samples/board/*.xlsx"))):
    for path in files:
        if not os.path.exists(path):
            continue
        for name, xml in parts(path, r"xl/worksheets/sheet\d+\.xml"):
            base = os.path.basename(path).replace(".", "-") + "-" + os.path.basename(name)
            open(f"{out}/{target}/{base}", "w").write(cut(xml))
for path in glob.glob("Samples/board/*.docx"):
    for name, xml in parts(path, r"word/document\.xml"):
        open(f"{out}/board-docx/{os.path.basename(path)}-document.xml", "w").write(xml)
PY
for target in "${all[@]}"; do
  [ -d "Fuzz/seeds/$target" ] && cp Fuzz/seeds/"$target"/* "$work/seeds/$target/" 2>/dev/null || true
done

# Each target's inputs go through a file in a folder of its own under the scratch folder (not
# /tmp, where every run left one file per process behind), emptied at every run.
rm -rf "$work/tmp"
mkdir -p "$work/logs" "$work/artifacts"
run() {  # run TARGET: fuzz one target; its corpus grows in $work/corpus/TARGET
  local target="$1"
  mkdir -p "$work/corpus/$target" "$work/tmp/$target"
  CASEAUDIT_FUZZ_TARGET="$target" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" TMPDIR="$work/tmp/$target" \
    SWIFT_BACKTRACE="enable=no" "$binary" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-" \
    "$work/corpus/$target" "$work/seeds/$target" >"$work/logs/$target.log" 2>&1
}

echo "fuzz: ${#targets[@]} targets, ${seconds}s each, $jobs at a time" >&2
failed=()
running=0
declare -A pids=()
for target in "${targets[@]}"; do
  run "$target" & pids[$target]=$!
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
for target in "${targets[@]}"; do
  if ! wait "${pids[$target]}"; then failed+=("$target"); fi
done

printf '%-12s %12s %8s %8s %s\n' target executions cov ft result
for target in "${targets[@]}"; do
  log="$work/logs/$target.log"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  result=ok
  if printf '%s\n' "${failed[@]}" | grep -qx "$target"; then
    result="FAILED: $(grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|Fatal error|SUMMARY' "$log" || echo 'see log') (log: $log)"
  fi
  printf '%-12s %12s %8s %8s %s\n' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) failed; the inputs are in $work/artifacts/ (replay one with" >&2
  echo "  CASEAUDIT_FUZZ_TARGET=TARGET $binary FILE)" >&2
  ls "$work/artifacts/" >&2 || true
  echo "fuzz: $(( ${#targets[@]} - ${#failed[@]} )) passed, ${#failed[@]} failed"
  exit 1
fi
echo "fuzz: ${#targets[@]} passed, 0 failed"
