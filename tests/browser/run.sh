#!/usr/bin/env bash
# The browser checks, one ctest test per check: builds the example site (the repo root) into a
# temporary folder with the given binary, then runs one check on it in Debian's Chromium:
#   pages   (browser:pages)   check_pages.mjs: axe-core, JavaScript off, 320 px reflow,
#                             screenshots, page sizes, no external requests;
#   reflow  (browser:reflow)  check_reflow.mjs: every page at 320 px scrolls sideways only inside
#                             a labelled region; the dashboard as cards, its hints, sticky headers;
#   print   (browser:print)   check_print.py: the dashboard views and a ward page printed to PDF
#                             show every indicator and the content of collapsed tables;
#   finder  (browser:finder)  check_finder.mjs: the postcode finder with and without JavaScript,
#                             the Your area map's links, axe on the finder's pages.
# Usage: tests/browser/run.sh [OUTCOMES_BINARY [CHECK]]   (defaults: build/outcomes, pages)
# Screenshots go to build/screenshots/<page-type>-<width>.png. BROWSER_KEEP=1 keeps the built site.
# Needs /usr/bin/chromium, node and node_modules (npm ci): scripts/install-deps.sh installs them.
# Without them this FAILS (it never skips).
set -uo pipefail

start=$(date +%s.%N)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
binary="${1:-$root/build/outcomes}"
check="${2:-pages}"
if [ "$check" != pages ] && [ "$check" != reflow ] && [ "$check" != print ] &&
  [ "$check" != finder ]; then
  echo "browser: unknown check '$check' (expected pages, reflow, print or finder)"
  exit 2
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=("Debian's Chromium (/usr/bin/chromium)")
if [ "$check" = print ]; then
  command -v pdftotext >/dev/null 2>&1 || missing+=("pdftotext (Debian poppler-utils)")
  [ -x /usr/bin/python3 ] || missing+=("Debian's python3 (/usr/bin/python3)")
fi
command -v node >/dev/null 2>&1 || missing+=("node")
for file in node_modules/playwright-core/package.json node_modules/axe-core/axe.min.js; do
  [ -f "$root/$file" ] || missing+=("$file")
done
if [ ${#missing[@]} -eq 0 ] && [ -x /usr/bin/python3 ] && [ -f "$root/tests/website/npm_lock_current.py" ] &&
  ! reason=$(/usr/bin/python3 "$root/tests/website/npm_lock_current.py" -v "$root" 2>&1); then
  missing+=("node_modules matching package-lock.json ($reason)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser:$check FAILED: missing ${missing[*]}"
  echo "Run scripts/install-deps.sh (it installs the Debian packages, chromium among them, and runs npm ci --ignore-scripts)."
  exit 1
fi
if [ ! -x "$binary" ]; then
  echo "browser:$check FAILED: no outcomes binary at $binary (build it first)"
  exit 1
fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/browser-checks.XXXXXX")"
if [ "${BROWSER_KEEP:-0}" = 1 ]; then
  echo "keeping $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi

echo "=== build the example site"
if ! "$binary" build --site "$root" --out "$tmp/site"; then
  echo "browser:$check FAILED: the example site did not build"
  exit 1
fi

cd "$root" || exit 1
if [ "$check" = pages ]; then
  echo "=== browser checks (tests/browser/check_pages.mjs)"
  node tests/browser/check_pages.mjs "$tmp/site"
elif [ "$check" = finder ]; then
  echo "=== the postcode finder (tests/browser/check_finder.mjs)"
  node tests/browser/check_finder.mjs "$tmp/site"
elif [ "$check" = reflow ]; then
  echo "=== reflow at 320 px (tests/browser/check_reflow.mjs)"
  node tests/browser/check_reflow.mjs "$tmp/site"
else
  echo "=== printing to PDF (tests/browser/check_print.py)"
  /usr/bin/python3 tests/browser/check_print.py "$tmp/site"
fi
status=$?
echo "browser:$check took $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s in all"
exit $status
