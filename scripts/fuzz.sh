#!/usr/bin/env bash
# Runs every fuzz target of tests/fuzz/ for a while, one after another (make fuzz; see
# docs/fuzzing.md). Usage: scripts/fuzz.sh BUILD_DIR SECONDS [TARGET...]
#
# Each target starts from its seed corpus (tests/fuzz/corpus/<target>/) and regressions
# (tests/fuzz/regressions/<target>/), read only: what libFuzzer adds goes to
# BUILD_DIR/fuzz/corpus/<target>/, crash reproducers to BUILD_DIR/fuzz/artifacts/<target>/, and
# its output to BUILD_DIR/fuzz/logs/<target>.log. A crash, a leak, an input slower than 2 s
# or one using more than 1 GB fails the target; every target is still run, and the script
# exits 1 when any failed.
#
# FUZZ_RUNS=N also stops each target after N executions (the long run: FUZZ_RUNS=10000000 with
# SECONDS=900 stops at whichever comes first).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$1"
seconds="$2"
shift 2

# The dictionary (tests/fuzz/dict/<format>.dict) each target's inputs are written in.
dict_for() {
  case "$1" in
    csv|observations|areas|spending|postcodes) echo csv ;;
    site_config|outcomes|indicator|mapping|mapped_observations|i18n) echo yaml ;;
    content|markdown) echo markdown ;;
    template) echo mustache ;;
    boundaries|scaffold) echo geojson ;;
    serve) echo url ;;
    *) echo "$1" ;;
  esac
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/*_fuzz.cc; do
    name="$(basename "$source" _fuzz.cc)"
    targets+=("$name")
  done
fi

# UBSan reports say where they were called from.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

failed=()
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/${target}_fuzz"
  scratch="$build/fuzz/corpus/$target"
  artifacts="$build/fuzz/artifacts/$target/"
  log="$build/fuzz/logs/$target.log"
  mkdir -p "$scratch" "$artifacts" "$(dirname "$log")"
  inputs=("$root/tests/fuzz/corpus/$target")
  [ -d "$root/tests/fuzz/regressions/$target" ] && inputs+=("$root/tests/fuzz/regressions/$target")
  dict="$root/tests/fuzz/dict/$(dict_for "$target").dict"
  options=(-max_total_time="$seconds" -timeout=2 -rss_limit_mb=1024 -print_final_stats=1
           -artifact_prefix="$artifacts")
  [ -f "$dict" ] && options+=(-dict="$dict")
  [ -n "${FUZZ_RUNS:-}" ] && options+=(-runs="$FUZZ_RUNS")
  printf '%-22s %ss ... ' "$target" "$seconds"
  if "$binary" "${options[@]}" "$scratch" "${inputs[@]}" >"$log" 2>&1; then
    # libFuzzer's last status line: "#1234 DONE cov: 567 ft: 890 corp: 12/3456b ...".
    grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 | tr -s ' \t' ' '
  else
    echo "FAILED (see $log)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -3
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}"
  echo "each reproducer is in $build/fuzz/artifacts/<target>/; docs/fuzzing.md says how to keep it"
  exit 1
fi
