#!/usr/bin/env bash
# The website checks, as one ctest test (website:checks):
#   1. build the example site (the repo root) into a temporary folder with the given binary;
#   2. check_site.py on it (links, fragments, feed, sitemap, page structure, no external requests);
#   3. the Nu Html Checker on it (run_vnu.sh);
#   4. check_site.py's own tests (test_check_site.py) against the mini-site fixture's output;
#   5. the hostile-input (XSS) tests (xss/test_xss.py), then check_site.py and the Nu Html Checker
#      on the site built with every accepted hostile field at once.
# Usage: tests/website/run_all.sh [OUTCOMES_BINARY]   (default: build/outcomes)
# WEBSITE_KEEP=1 keeps the temporary folder and prints where it is.
# Needs Java, Debian's /usr/bin/python3 and node_modules (npm ci): scripts/install-deps.sh
# installs them. Without them this FAILS (it never skips).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/website"
binary="${1:-$root/build/outcomes}"
python=/usr/bin/python3

missing=()
[ -x "$python" ] || missing+=("Debian's python3 ($python)")
command -v java >/dev/null 2>&1 || missing+=("java (Debian default-jre-headless)")
if [ -x "$python" ] && ! reason=$("$python" "$here/npm_lock_current.py" -v "$root" 2>&1); then
  missing+=("node_modules matching package-lock.json ($reason)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "website:checks FAILED: missing ${missing[*]}"
  echo "Run scripts/install-deps.sh (it installs the Debian packages and runs npm ci --ignore-scripts)."
  exit 1
fi
if [ ! -x "$binary" ]; then
  echo "website:checks FAILED: no outcomes binary at $binary (build it first)"
  exit 1
fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/website-checks.XXXXXX")"
if [ "${WEBSITE_KEEP:-0}" = 1 ]; then
  echo "keeping $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi

passed=0
failed=0
failures=()
step() {  # step NAME COMMAND...: runs it, prints its output, counts it
  local name="$1"
  shift
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "--- ok: $name"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "--- FAILED: $name"
  fi
}

build_example() {
  "$binary" build --site "$root" --out "$tmp/example"
}
build_mini() {
  mkdir -p "$tmp/mini" &&
    cp -r "$root/tests/fixtures/mini-site" "$tmp/mini/site" &&
    # With a base_url, so the output has a sitemap for test_check_site.py to break.
    echo "base_url: https://example.org/mini/" >> "$tmp/mini/site/site.yaml" &&
    "$binary" build --site "$tmp/mini/site" --out "$tmp/mini/out"
}

step "build the example site" build_example
if [ -d "$tmp/example" ]; then
  step "example: check_site.py" "$python" -B "$here/check_site.py" "$tmp/example"
  step "example: Nu Html Checker" "$here/run_vnu.sh" "$tmp/example"
fi
step "build the mini-site fixture" build_mini
if [ -d "$tmp/mini/out" ]; then
  step "check_site.py finds what it should (test_check_site.py)" \
    "$python" -B "$here/test_check_site.py" "$tmp/mini/out"
fi
step "hostile input (xss/test_xss.py)" "$python" -B "$here/xss/test_xss.py" "$binary" --combined-out "$tmp/xss"
if [ -d "$tmp/xss" ]; then
  step "hostile site: check_site.py" "$python" -B "$here/check_site.py" "$tmp/xss"
  step "hostile site: Nu Html Checker" "$here/run_vnu.sh" "$tmp/xss"
fi

echo
if [ $failed -gt 0 ]; then
  echo "website checks that failed:"
  printf '  %s\n' "${failures[@]}"
fi
echo "website: $passed passed, $failed failed"
[ $failed -eq 0 ]
