#!/usr/bin/env bash
# Times a full `outcomes build` of the national-scale synthetic site (issue 11; bench/README.md):
# every page, model.json, the open data, about 300 scrutiny packs and 7,500 ward packs.
#
#   bench/national/run.sh [--regenerate] [--keep]
#
# Generates bench/out/national-packs with `bench/make_national_site.py --packs-per-authority`
# (the same site as bench/packs/) if it is missing (or with --regenerate), builds `outcomes`,
# and runs `outcomes build -v` once under /usr/bin/time -v into a temporary output folder
# (about 8 GB; removed afterwards unless --keep, which leaves it in bench/out/national-output).
# Prints the phase times, then wall time and peak RSS against the targets: at most 90 s and
# at most 1.5 GB (1.5 x 10^9 bytes). Exits 0 when both are met, 1 otherwise, 2 if it cannot
# run. Run it on an otherwise idle machine.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

readonly site=bench/out/national-packs
readonly logs=bench/out
readonly build=${OUTCOMES_BUILD:-build}
readonly wall_target_s=90
readonly rss_target_bytes=1500000000  # 1.5 GB

regenerate=0
keep=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --regenerate) regenerate=1 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time not found (apt-get install time)" >&2
  exit 2
fi
if [[ $regenerate == 1 || ! -f $site/site.yaml ]] || ! grep -q '^ward_packs: all' "$site/site.yaml"; then
  echo "generating $site ..."
  python3 bench/make_national_site.py --packs-per-authority --out "$site" --force
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target outcomes >/dev/null

mkdir -p "$logs"
if [[ $keep == 1 ]]; then
  out=$logs/national-output
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  out=$tmp/out
fi
cmd=("$build/outcomes" build --site "$site" --out "$out" -v)
echo "running: ${cmd[*]}"
status=0
/usr/bin/time -v -o "$logs/national.time" "${cmd[@]}" >"$logs/national.stdout" 2>"$logs/national.stderr" || status=$?
cat "$logs/national.stderr" "$logs/national.stdout"
wall_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split($2, p, ":"); s = 0
           for (i = 1; i <= n; i++) s = s * 60 + p[i]
           printf "%.2f", s }' "$logs/national.time")
rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$logs/national.time")
if [[ -z $wall_s || -z $rss_kb ]]; then
  echo "run.sh: could not read $logs/national.time:" >&2
  cat "$logs/national.time" >&2
  exit 2
fi
rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
size=$(du -sh "$out" 2>/dev/null | cut -f1 || echo "?")
pass=1
summary="national build ($size written): wall ${wall_s} s"
if awk -v w="$wall_s" -v t="$wall_target_s" 'BEGIN { exit !(w <= t) }'; then
  summary+=" [target <= ${wall_target_s} s: PASS]"
else
  summary+=" [target <= ${wall_target_s} s: FAIL]"; pass=0
fi
if (( rss_kb * 1024 <= rss_target_bytes )); then
  summary+=", peak RSS ${rss_mb} MB [target <= 1.5 GB: PASS]"
else
  summary+=", peak RSS ${rss_mb} MB [target <= 1.5 GB: FAIL]"; pass=0
fi
if [[ $status != 0 ]]; then
  summary+=", FAILED (exit $status)"; pass=0
fi
echo "$summary"
[[ $pass == 1 ]]
