#!/bin/sh
# Converts every Excel pack of a built site to PDF with LibreOffice, as a councillor printing it
# would, and fails if any conversion fails or gives an empty PDF.
#
# Usage: tests/xlsx/packs_to_pdf.sh SITE_OUTPUT [PDF_FOLDER]
#   SITE_OUTPUT  the folder holding downloads/packs/*.xlsx
#   PDF_FOLDER   where the PDFs go (default: a new temporary folder, printed at the end)
# Needs Debian's libreoffice-calc, and poppler-utils' pdfinfo to check the page count
# (scripts/install-deps.sh installs both).
# To look at the pages: pdftoppm -png -r 60 -f 1 -l 3 PDF_FOLDER/<pack>.pdf page
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 SITE_OUTPUT [PDF_FOLDER]" >&2
  exit 2
fi
packs="$1/downloads/packs"
out="${2:-$(mktemp -d /tmp/outcomes-pdf.XXXXXX)}"
mkdir -p "$out"
command -v libreoffice >/dev/null || { echo "libreoffice not found (apt-get install libreoffice-calc)" >&2; exit 1; }

set -- "$packs"/*.xlsx
if [ ! -e "$1" ]; then
  echo "no packs in $packs" >&2
  exit 1
fi

# A PDF left from an earlier run must not pass for this one.
for pack in "$@"; do
  rm -f "$out/$(basename "$pack" .xlsx).pdf"
done

# A profile of its own, so a running LibreOffice or a first-start dialogue cannot interfere.
# One LibreOffice run converts every pack (starting it is most of the cost). LibreOffice exits
# 0 even when a file fails to convert, so each PDF is checked below.
if ! libreoffice --headless -env:UserInstallation=file:///tmp/lo-profile \
    --convert-to pdf --outdir "$out" "$@" >"$out/libreoffice.log" 2>&1; then
  cat "$out/libreoffice.log" >&2
  echo "libreoffice failed" >&2
  exit 1
fi

failed=0
count=0
for pack in "$@"; do
  pdf="$out/$(basename "$pack" .xlsx).pdf"
  count=$((count + 1))
  if [ ! -s "$pdf" ]; then
    echo "$pack: no PDF" >&2
    failed=1
    continue
  fi
  pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  if [ -z "$pages" ] || [ "$pages" -lt 1 ]; then
    echo "$pack: the PDF has no pages" >&2
    failed=1
  fi
done
if [ "$failed" -ne 0 ]; then
  cat "$out/libreoffice.log" >&2
  exit 1
fi
echo "$count packs converted to PDF in $out"
