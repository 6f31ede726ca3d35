#!/usr/bin/env bash
# Times `outcomes serve` from saving a file to the reloaded page (see bench/README.md, "Serve:
# save to reloaded page").
#
#   bench/serve/run.sh [--runs N]
#
# Copies the example site at the repository root (site.yaml, data/, content/, i18n/; the
# theme is built in) to
# bench/out/serve/site, starts `outcomes serve --port 0` on it, and runs bench/serve/measure.py:
# N times (default 10) it appends a sentence to content/pages/about.md, waits for the reload
# event and fetches /pages/about/ until the sentence is there. Prints each run and the median,
# min and max. Target: median under 1 s. Exits 0 when the target is met, 1 otherwise, 2 if it
# cannot run. OUTCOMES_BIN overrides the binary (default build/outcomes).
set -euo pipefail

script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
cd "$(dirname "$script")/../.."

readonly bin=${OUTCOMES_BIN:-build/outcomes}
readonly work=bench/out/serve
runs=10
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift ;;
    -h|--help) sed -n '2,13p' "$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
if [[ ! -x $bin ]]; then
  echo "run.sh: $bin not found; build it first:" \
       "cmake -S . -B build && cmake --build build --target outcomes" >&2
  exit 2
fi

rm -rf "$work"
mkdir -p "$work/site"
cp -R site.yaml data content i18n "$work/site/"

"$bin" serve --site "$work/site" --port 0 >"$work/serve.stdout" 2>"$work/serve.stderr" &
server=$!
stop() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap stop EXIT

port=""
for _ in $(seq 1200); do  # up to 60 s for the first build
  port=$(sed -n 's|^Serving .* at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.stdout")
  [[ -n $port ]] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.05
done
if [[ -z $port ]]; then
  echo "run.sh: outcomes serve did not start; its stderr:" >&2
  cat "$work/serve.stderr" >&2
  exit 2
fi

status=0
python3 bench/serve/measure.py --port "$port" --site "$work/site" --runs "$runs" |
  tee "$work/summary.txt" || status=1
echo "server's build times (stderr):"
grep '^built ' "$work/serve.stderr" | sed 's/^/  /'
[[ $status == 0 ]] || exit 1
median=$(sed -n 's/.*median \([0-9]*\) ms,.*/\1/p' "$work/summary.txt" | head -1)
if [[ -n $median && $median -lt 1000 ]]; then
  echo "median save -> reloaded page: $median ms [target < 1000 ms: PASS]"
else
  echo "median save -> reloaded page: ${median:-?} ms [target < 1000 ms: FAIL]"
  exit 1
fi
