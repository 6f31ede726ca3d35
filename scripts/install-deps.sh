#!/usr/bin/env bash
# Installs the Debian packages the build and tests need, when any is missing, then the npm
# packages the website checks use (package-lock.json), when node_modules is missing or stale.
# Idempotent; prints nothing when everything is already installed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  cmake g++ make pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libxlsxwriter-dev
  doctest-dev libyaml-cpp-dev libcsv-dev libcli11-dev libfmt-dev
  # .xlsx observations are read with libzip (the container) and expat (its XML parts);
  # `outcomes serve` is an HTTP server on cpp-httplib.
  libzip-dev libexpat1-dev libcpp-httplib-dev
  # The outcomes tool allocates with jemalloc: a build makes and frees millions of small
  # strings on several threads, where glibc's malloc spends about a quarter of the CPU.
  libjemalloc-dev
  # make fuzz only: clang with libFuzzer and its sanitizers (make test builds with g++).
  clang
  # Website checks: the Nu Html Checker (npm vnu-jar) runs on Java; tests/website/*.py need
  # Debian's /usr/bin/python3 (the python3 first on PATH may be another one).
  default-jre-headless python3
  # Browser checks (tests/browser): Debian's Chromium, driven by npm playwright-core.
  chromium
  # Excel pack checks (tests/xlsx): openpyxl reads every pack; LibreOffice converts each to
  # PDF (Carlito has Calibri's metrics, the packs' font); pdfinfo counts its pages.
  python3-openpyxl libreoffice-calc fonts-crosextra-carlito poppler-utils
  # Disclosure audit (tests/suppression): an integer-programming reader (scipy's MILP).
  python3-scipy
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Node.js and npm from Debian only when none is on PATH (the machine may have its own).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages (vnu-jar, playwright-core, axe-core): exactly what package-lock.json pins.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
if ! /usr/bin/python3 "$root/tests/website/npm_lock_current.py" "$root"; then
  echo "Installing npm packages: npm ci --ignore-scripts"
  (cd "$root" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi
