#!/usr/bin/env bash
# Hostile input: `outcomes check` on sites built to crash it or to make it take quadratic time
# (see bench/README.md).
#
#   bench/hostile/run.sh [--scale N] [--budget SECONDS] [--only a,b] [--keep]
#
# Writes each case (bench/hostile/make_cases.py: a copy of the example site with one hostile
# change, by default ten times the sizes that once crashed or stalled it) into a temporary
# folder, runs `build/outcomes check --site CASE` on it under /usr/bin/time -v, and prints a
# line per case: exit code, wall time, peak RSS and the first line of the answer. A case fails
# when check crashes (an exit code other than 0 or 1), takes longer than the budget (default
# 10 s), or exits otherwise than expected (1 for every case but a valid one).
# Exits 0 when every case passed, 1 otherwise, 2 if it cannot run. OUTCOMES_BIN overrides the
# binary (default build/outcomes). --keep keeps the temporary folder and prints where it is.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

readonly bin=${OUTCOMES_BIN:-build/outcomes}
scale=10
budget_s=10
only=
keep=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --budget) budget_s=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

if [[ ! -x $bin ]]; then
  echo "run.sh: $bin not found; build it first: cmake -S . -B build && cmake --build build" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time is missing (Debian package 'time')" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/outcomes-hostile.XXXXXX")
if [[ $keep == 1 ]]; then
  echo "cases and logs kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi

echo "generating cases (scale $scale) ..."
python3 bench/hostile/make_cases.py --example . --out "$work/cases" --scale "$scale" \
  ${only:+--only "$only"}

# A hard stop well past the budget, so that a case that never ends still fails.
readonly kill_after_s=$((budget_s * 6))
failures=0
printf '%-22s %4s %8s %9s  %s\n' case exit wall peak answer
while IFS=$'\t' read -r name expected description; do
  site=$work/cases/$name
  log=$work/$name
  status=0
  /usr/bin/time -v -o "$log.time" timeout "$kill_after_s" "$bin" check --site "$site" \
    >"$log.stdout" 2>"$log.stderr" || status=$?
  wall_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {
             n = split($2, p, ":"); s = 0
             for (i = 1; i <= n; i++) s = s * 60 + p[i]
             printf "%.2f", s }' "$log.time")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log.time")
  answer=$(grep -m1 -E ': error: |^ok: ' "$log.stderr" "$log.stdout" -h | cut -c1-110 || true)
  [[ -z $answer ]] && answer=$(tail -n1 "$log.stderr" | cut -c1-110)
  verdict=ok
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    verdict="FAIL: crashed or killed (exit $status)"
  elif awk -v w="$wall_s" -v b="$budget_s" 'BEGIN { exit !(w > b) }'; then
    verdict="FAIL: over the ${budget_s} s budget"
  elif [[ $status -ne $expected ]]; then
    verdict="FAIL: expected exit $expected"
  fi
  [[ $verdict == ok ]] || failures=$((failures + 1))
  printf '%-22s %4s %7ss %6d MB  %s\n' "$name" "$status" "$wall_s" $((rss_kb / 1024)) "$answer"
  printf '%-22s %s (%s)\n' '' "$verdict" "$description"
done <"$work/cases/cases.tsv"

if [[ $failures -gt 0 ]]; then
  echo "$failures case(s) failed"
  exit 1
fi
echo "all cases within ${budget_s} s, none crashed"
