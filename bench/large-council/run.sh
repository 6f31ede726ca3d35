#!/usr/bin/env bash
# `outcomes check` on one council with 10,000 wards (found by testing: 94 s and 5.3 GB, with
# the views growing with the square of the ward count) and with 100,000 (ten times that), each
# against a time and memory budget. Usage: bench/large-council/run.sh   (build/outcomes must
# exist; OUTCOMES_BIN=path times another binary). Exits 1 when a budget is missed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
binary="${OUTCOMES_BIN:-$root/build/outcomes}"
[ -x "$binary" ] || { echo "large-council: no binary at $binary (build first)" >&2; exit 2; }
out="$root/bench/out/large-council"
mkdir -p "$out"
status=0
# wards, time budget (s), memory budget (MB)
for spec in "10000 30 1500" "100000 300 8000"; do
  read -r wards seconds megabytes <<<"$spec"
  site="$out/site-$wards"
  [ -d "$site" ] || python3 "$root/bench/large-council/make_site.py" "$wards" "$site"
  if ! /usr/bin/time -f "%e %M" -o "$out/time-$wards" "$binary" check --site "$site" \
      >"$out/check-$wards.log" 2>&1; then
    echo "large council, $wards wards: check failed (see $out/check-$wards.log)"
    status=1
    continue
  fi
  read -r elapsed kilobytes <"$out/time-$wards"
  megabytes_used=$((kilobytes / 1024))
  verdict=PASS
  if awk -v e="$elapsed" -v b="$seconds" 'BEGIN{exit !(e > b)}' || [ "$megabytes_used" -gt "$megabytes" ]; then
    verdict=FAIL
    status=1
  fi
  echo "large council, $wards wards: check ${elapsed} s (budget ${seconds} s), peak ${megabytes_used} MB (budget ${megabytes} MB): $verdict"
done
exit $status
