#!/usr/bin/env bash
# Keeps what fuzzing found (make fuzz-merge; see docs/fuzzing.md). Usage:
#   scripts/fuzz-merge.sh BUILD_DIR [TARGET...]
#
# For each target, adds to tests/fuzz/corpus/<target>/ the inputs of
# BUILD_DIR/fuzz/corpus/<target>/ (what scripts/fuzz.sh saved) that reach code edges the seeds
# and regressions do not. libFuzzer's merge is run with -use_counters=0, so an input is kept
# for a new edge only, not for reaching a known edge more often: that keeps the additions to a
# few dozen small files per target, where a plain merge keeps hundreds. Inputs over 16 KB are
# not kept. Prints, per target, the files and bytes added.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$1"
shift

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/*_fuzz.cc; do
    targets+=("$(basename "$source" _fuzz.cc)")
  done
fi

bytes_in() { find "$1" -type f -printf '%s\n' | awk '{ total += $1 } END { print total + 0 }'; }

failed=0
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/${target}_fuzz"
  seeds="$root/tests/fuzz/corpus/$target"
  found="$build/fuzz/corpus/$target"
  if [ ! -x "$binary" ]; then
    echo "$target: $binary is not built (make fuzz builds it)" >&2
    failed=1
    continue
  fi
  if [ ! -d "$found" ]; then
    printf '%-22s nothing saved by fuzzing yet\n' "$target"
    continue
  fi
  files_before=$(find "$seeds" -type f | wc -l)
  bytes_before=$(bytes_in "$seeds")
  # libFuzzer adds to the first folder it is given, judging each candidate against what is
  # already there: a scratch folder holding the seeds and the regressions, so that nothing the
  # regressions reach is copied again and no regression is copied into the seeds.
  work="$(mktemp -d)"
  cp "$seeds"/* "$work"/
  regressions="$root/tests/fuzz/regressions/$target"
  if [ -d "$regressions" ]; then
    for file in "$regressions"/*; do cp "$file" "$work/regression-$(basename "$file")"; done
  fi
  (cd "$work" && ls) | sort >"$work.before"
  log="$build/fuzz/logs/$target.merge.log"
  mkdir -p "$(dirname "$log")"
  if ! "$binary" -merge=1 -use_counters=0 -timeout=2 -rss_limit_mb=1024 \
      "$work" "$found" >"$log" 2>&1; then
    echo "$target: the merge failed (see $log)" >&2
    rm -rf "$work" "$work.before"
    failed=1
    continue
  fi
  # Inputs over 16 KB are left out: they are whole files copied with a small change, and the
  # seeds already hold a whole file of each kind.
  (cd "$work" && ls) | sort | comm -13 "$work.before" - | while read -r name; do
    [ "$(stat -c %s "$work/$name")" -le 16384 ] && cp "$work/$name" "$seeds/$name"
  done
  rm -rf "$work" "$work.before"
  files_after=$(find "$seeds" -type f | wc -l)
  bytes_after=$(bytes_in "$seeds")
  printf '%-22s +%d files, +%d bytes (now %d files, %d bytes)\n' "$target" \
    $((files_after - files_before)) $((bytes_after - bytes_before)) "$files_after" "$bytes_after"
done
exit $failed
