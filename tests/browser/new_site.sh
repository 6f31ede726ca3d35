#!/usr/bin/env bash
# browser:new-site — what a council gets from `outcomes new`, in Debian's Chromium: in an empty
# temporary folder, `outcomes new` with the ONS ward boundaries of tests/fixtures/boundaries/,
# then `outcomes check` and `outcomes build` (with no templates/ folder: the built-in theme),
# then check_new_site.mjs opens the pages (title, h1, banner, axe-core, 320 px, console).
# Usage: tests/browser/new_site.sh [OUTCOMES_BINARY]   (default: build/outcomes)
# Needs /usr/bin/chromium, node and node_modules (scripts/install-deps.sh); FAILS without them.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
binary="${1:-$root/build/outcomes}"
missing=()
[ -x /usr/bin/chromium ] || missing+=("Debian's Chromium (/usr/bin/chromium)")
command -v node >/dev/null 2>&1 || missing+=("node")
for file in node_modules/playwright-core/package.json node_modules/axe-core/axe.min.js; do
  [ -f "$root/$file" ] || missing+=("$file")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser:new-site FAILED: missing ${missing[*]} (run scripts/install-deps.sh)"
  exit 1
fi
if [ ! -x "$binary" ]; then
  echo "browser:new-site FAILED: no outcomes binary at $binary (build it first)"
  exit 1
fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/browser-new-site.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
site="$tmp/my-site"
title="Southend-on-Sea City Council outcomes"
set -e
echo "=== outcomes new, check, build"
"$binary" new "$site" --name "Southend-on-Sea City Council" \
  --boundaries "$root/tests/fixtures/boundaries/southend-wards-2025.geojson" \
  --code-property WD25CD --name-property WD25NM
"$binary" check --site "$site"
"$binary" build --site "$site"
if [ -e "$site/templates" ]; then
  echo "browser:new-site FAILED: the new site has a templates/ folder"
  exit 1
fi
set +e
cd "$root" || exit 1
echo "=== the built site in Chromium (tests/browser/check_new_site.mjs)"
node tests/browser/check_new_site.mjs "$site/site-output" "$title"
