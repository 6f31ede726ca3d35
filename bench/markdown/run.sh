#!/usr/bin/env bash
# Times `outcomes build` against Hugo on the same Markdown corpus (see bench/README.md,
# "Markdown site build vs Hugo").
#
#   bench/markdown/run.sh [--pages N] [--regenerate] [--runs N]
#
# Generates bench/out/markdown with bench/markdown/make_corpus.py when it is missing (or holds
# another page count, or with --regenerate), runs each tool once under /usr/bin/time -v (peak
# RSS; `outcomes build -v` also prints its phases), then both under `hyperfine --warmup 1
# --runs 5`, each run writing into a fresh folder (the previous output moved aside and `sync`
# run before each run), and prints both means, the ratio outcomes/hugo, peak memory and the
# HTML pages each wrote. Targets: at least twice Hugo's throughput (ratio outcomes/hugo <= 0.50)
# and a peak RSS of no more than 300 MB for outcomes.
# Exits 0 when both builds succeeded and the targets are met, 1 otherwise, 2 if it cannot run.
# Installs hugo, hyperfine and time with apt-get when missing. OUTCOMES_BIN overrides the
# binary (default build/outcomes, relative to the repository root).
set -euo pipefail

script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
cd "$(dirname "$script")/../.."

readonly corpus=bench/out/markdown
readonly logs=$corpus/logs
readonly bin=${OUTCOMES_BIN:-build/outcomes}
readonly ours_out=$corpus/outcomes-out
readonly hugo_out=$corpus/hugo-out

pages=10000
runs=5
regenerate=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --pages) pages=${2:?--pages needs a number}; shift ;;
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --regenerate) regenerate=1 ;;
    -h|--help) sed -n '2,14p' "$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# --- Tools -------------------------------------------------------------------------------------
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing ${missing[*]} with apt-get ..."
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; } ||
    { echo "run.sh: could not install ${missing[*]}" >&2; exit 2; }
fi
if [[ ! -x $bin ]]; then
  echo "run.sh: $bin not found; build it first:" \
       "cmake -S . -B build && cmake --build build --target outcomes" >&2
  exit 2
fi

# --- Corpus ------------------------------------------------------------------------------------
have_pages=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' \
               "$corpus/corpus.json" 2>/dev/null || echo none)
old_corpus=""
if [[ $regenerate == 1 || $have_pages != "$pages" ]]; then
  # An earlier corpus is moved aside and deleted after the timing (see "fresh" below).
  if [[ -f $corpus/corpus.json ]]; then
    old_corpus=$corpus.old.$$
    mv "$corpus" "$old_corpus"
  fi
  echo "generating $corpus ($pages pages) ..."
  start=$(date +%s.%N)
  python3 bench/markdown/make_corpus.py --out "$corpus" --pages "$pages" --force
  echo "generated in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
fi
mkdir -p "$logs"
# The corpus follows the repository: fresh templates (and the stylesheet Hugo copies) each run,
# and a snapshot of the binary, so every run times the same one even if build/ is rebuilt
# meanwhile.
rm -rf "$corpus/outcomes/templates"
cp -R theme/templates "$corpus/outcomes/templates"
cp theme/templates/assets/site.css "$corpus/hugo/static/assets/site.css"
cp "$bin" "$logs/outcomes-bin"
corpus_md=$(du -sh --apparent-size "$corpus/outcomes/content" | cut -f1)
words=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["words"])' "$corpus/corpus.json")

ours_cmd=("$logs/outcomes-bin" build --site "$corpus/outcomes" --out "$ours_out")
hugo_cmd=(hugo --source "$corpus/hugo" --destination ../hugo-out --quiet)

# --- One run each under time -v (peak memory), into fresh folders --------------------------------
# Prints "wall_s rss_kb status cpu_s" for the run whose `time -v` report is $1 (cpu_s: user +
# system time, less sensitive than wall time to other programs on the machine).
time_run() {
  local report=$1; shift
  local status=0
  /usr/bin/time -v -o "$report" "$@" >"${report%.time}.stdout" 2>"${report%.time}.stderr" ||
    status=$?
  awk -F': ' -v status="$status" '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
                               for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { rss = $2 }
    /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
    END { printf "%.2f %s %s %.2f\n", s, rss, status, cpu }' "$report"
}

# Before every run (here and in hyperfine's --prepare) the tool's previous output is MOVED to
# $trash and `sync` is run, so every run writes a fresh folder and pays for no writeback of
# the previous run's files. Moved, not deleted: for a minute or more after 10,000 folders are
# deleted, ext4 makes creating new ones several times slower (it skips recently freed inodes),
# which would time the file system, not the tools. $trash is deleted when the timing is over.
readonly trash=$corpus/trash
mkdir -p "$trash"
fresh() { printf "sh -c 'if [ -e %s ]; then mv %s \"\$(mktemp -d -p %s)/\"; fi; sync'" "$1" "$1" "$trash"; }
echo "running once under /usr/bin/time -v ..."
eval "$(fresh "$ours_out")"
read -r ours_wall ours_rss ours_status ours_cpu < <(time_run "$logs/outcomes.time" "${ours_cmd[@]}" -v)
eval "$(fresh "$hugo_out")"
read -r hugo_wall hugo_rss hugo_status hugo_cpu < <(time_run "$logs/hugo.time" "${hugo_cmd[@]}")
if [[ $ours_status != 0 ]]; then
  echo "run.sh: ${ours_cmd[*]} exited with status $ours_status; last lines of its output:" >&2
  tail -n 40 "$logs/outcomes.stdout" "$logs/outcomes.stderr" >&2
else
  echo "outcomes build phases (-v):"
  sed 's/^/  /' "$logs/outcomes.stderr"
fi
if [[ $hugo_status != 0 ]]; then
  echo "run.sh: ${hugo_cmd[*]} exited with status $hugo_status; last lines of its stderr:" >&2
  tail -n 40 "$logs/hugo.stderr" >&2
fi

# --- hyperfine ---------------------------------------------------------------------------------
names=()
hf_args=()
if [[ $ours_status == 0 ]]; then
  names+=(outcomes)
  hf_args+=(--prepare "$(fresh "$ours_out")" --command-name outcomes "${ours_cmd[*]}")
fi
if [[ $hugo_status == 0 ]]; then
  names+=(hugo)
  hf_args+=(--prepare "$(fresh "$hugo_out")" --command-name hugo "${hugo_cmd[*]}")
fi
declare -A mean sd cpu_mean
if [[ ${#names[@]} -gt 0 ]]; then
  hf_status=0
  rm -f "$logs/hyperfine.json"
  hyperfine --warmup 1 --runs "$runs" --shell=none --export-json "$logs/hyperfine.json" \
    "${hf_args[@]}" || hf_status=$?
  [[ $hf_status == 0 ]] || echo "run.sh: hyperfine failed (exit $hf_status): a build failed" \
                                "in a later run" >&2
  [[ -f $logs/hyperfine.json ]] && while read -r name m s c; do
    mean[$name]=$m
    sd[$name]=$s
    cpu_mean[$name]=$c
  done < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(r["command"], "%.3f" % r["mean"], "%.3f" % (r["stddev"] or 0.0),
          "%.2f" % (r["user"] + r["system"]))' "$logs/hyperfine.json")
fi

echo "removing the earlier runs' output ($trash${old_corpus:+, $old_corpus}) ..."
rm -rf "$trash" ${old_corpus:+"$old_corpus"}

# --- Summary -----------------------------------------------------------------------------------
count_html() { [[ -d $1 ]] && find "$1" -name '*.html' | wc -l || echo 0; }
count_files() { [[ -d $1 ]] && find "$1" -type f | wc -l || echo 0; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k * 1024 / 1e6 }'; }

summary=$logs/summary.txt
{
  echo "corpus: $pages Markdown pages, $words words, $corpus_md of Markdown per tree ($corpus)"
  for name in outcomes hugo; do
    if [[ $name == outcomes ]]; then
      dir=$ours_out; wall=$ours_wall; rss=$ours_rss; status=$ours_status; cpu=$ours_cpu
    else
      dir=$hugo_out; wall=$hugo_wall; rss=$hugo_rss; status=$hugo_status; cpu=$hugo_cpu
    fi
    line=$(printf '%-8s' "$name:")
    if [[ $status != 0 ]]; then
      line+=" FAILED (exit $status; see $logs/$name.stderr)"
    else
      line+=" ${mean[$name]:-?} s ± ${sd[$name]:-?} (hyperfine, $runs runs; CPU ${cpu_mean[$name]:-?} s);"
      line+=" timed run $wall s (CPU $cpu s), peak RSS $(mb "$rss");"
      line+=" $(count_html "$dir") HTML pages, $(count_files "$dir") files in $dir"
    fi
    echo "$line"
  done
} | tee "$summary"

if [[ $ours_status != 0 || $hugo_status != 0 || -z ${mean[outcomes]:-} || -z ${mean[hugo]:-} ]]; then
  echo "ratio outcomes/hugo: not measured (a build failed)" | tee -a "$summary"
  exit 1
fi
ratio=$(awk -v a="${mean[outcomes]}" -v b="${mean[hugo]}" 'BEGIN { printf "%.2f", a / b }')
speedup=$(awk -v a="${mean[outcomes]}" -v b="${mean[hugo]}" 'BEGIN { printf "%.2f", b / a }')
met=0
if awk -v r="$ratio" 'BEGIN { exit !(r <= 0.5) }'; then
  echo "ratio outcomes/hugo: $ratio, ${speedup}x Hugo's throughput [target <= 0.50: PASS]" | tee -a "$summary"
else
  echo "ratio outcomes/hugo: $ratio, ${speedup}x Hugo's throughput [target <= 0.50: FAIL]" | tee -a "$summary"
  met=1
fi
if awk -v k="$ours_rss" 'BEGIN { exit !(k * 1024 / 1e6 <= 300) }'; then
  echo "outcomes peak RSS: $(mb "$ours_rss") [target <= 300 MB: PASS]" | tee -a "$summary"
else
  echo "outcomes peak RSS: $(mb "$ours_rss") [target <= 300 MB: FAIL]" | tee -a "$summary"
  met=1
fi
exit $met
