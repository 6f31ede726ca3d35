#!/usr/bin/python3
"""Printing, as a reader's browser does it: pages of a built site printed to PDF by Debian's
Chromium (chromium --headless --print-to-pdf), read back with pdftotext -bbox (poppler-utils).

Checks:
  - the dashboard's every-cell view prints on A4 landscape with every indicator of every outcome
    (model.json lists them) as its short title, each fully on the page;
  - each outcome's dashboard view (the page of the "Dashboard views" navigation whose h1 names
    the outcome) prints every indicator of that outcome;
  - areas/kursaal/index.html prints every indicator;
  - on those pages no word is cut off at a page's right edge;
  - a collapsed <details> prints open: the caption of each table inside one on the ward page,
    and the first row of the first such table, are in the PDF.

A title is found as its words in order, each either right after the one before on the same
line or at the start of the next line at the same left edge (a table heading that wraps), and
must end there (so "Good level of development" is not found inside "Good level of development
(free school meals)").

Usage: tests/browser/check_print.py OUTDIR    (exit 0: all passed, 1: a check failed, 2: usage)
PRINT_KEEP=DIR keeps the PDFs in DIR.
"""
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = "/usr/bin/chromium"
A4_LANDSCAPE = (841.9, 595.3)  # points
WARD = "areas/kursaal/index.html"
DASHBOARD = "dashboard/index.html"


class Page(html.parser.HTMLParser):
    """What the checks need from a page's HTML: the dashboard navigation's links, the h1, and
    for each <details> the caption and first body row of the tables inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nav_links = []
        self.h1 = ""
        self.details = []  # [{"captions": [...], "first_row": [...]}]
        self._stack = []
        self._in_nav = 0
        self._in_h1 = False
        self._details_depth = 0
        self._text = None  # collecting text for a caption / cell
        self._row = None
        self._in_tbody = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav" and a.get("aria-label") == "Dashboard views":
            self._in_nav += 1
        elif tag == "nav" and self._in_nav:
            self._in_nav += 1
        if tag == "a" and self._in_nav and a.get("href"):
            self.nav_links.append(a["href"])
        if tag == "h1":
            self._in_h1 = True
        if tag == "details":
            self._details_depth += 1
            self.details.append({"captions": [], "first_row": []})
        if self._details_depth:
            if tag == "figcaption":
                self._text = ["caption"]
            elif tag == "tbody":
                self._in_tbody = True
            elif tag == "tr" and self._in_tbody and not self.details[-1]["first_row"]:
                self._row = []
            elif tag in ("th", "td") and self._row is not None:
                self._text = ["cell"]

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag == "details":
            self._details_depth -= 1
        if self._text and tag in ("figcaption", "th", "td"):
            text = " ".join("".join(self._text[1:]).split())
            if self._text[0] == "caption":
                self.details[-1]["captions"].append(text)
            elif self._row is not None:
                self._row.append(text)
            self._text = None
        if tag == "tr" and self._row is not None:
            self.details[-1]["first_row"] = self._row
            self._row = None
        if tag == "tbody":
            self._in_tbody = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data
        if self._text is not None:
            self._text.append(data)


def read_page(out_dir, rel):
    parser = Page()
    with open(os.path.join(out_dir, rel), encoding="utf-8") as f:
        parser.feed(f.read())
    parser.h1 = " ".join(parser.h1.split())
    return parser


def print_pdf(out_dir, rel, pdf, profile):
    url = "file://" + os.path.abspath(os.path.join(out_dir, rel))
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url],
        capture_output=True, text=True, timeout=120)
    if run.returncode != 0 or not os.path.exists(pdf):
        raise RuntimeError(f"chromium could not print {rel}: {run.stderr.strip()[-500:]}")


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def pdf_pages(pdf):
    """[(width, height, [(text, x0, y0, x1, y1), ...]), ...] from pdftotext -bbox."""
    run = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True)
    pages = []
    for m in PAGE.finditer(run.stdout):
        words = [(html.unescape(w[4]), float(w[0]), float(w[1]), float(w[2]), float(w[3]))
                 for w in WORD.findall(m.group(3))]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages


def find_phrase(pages, phrase, whole=True, row=False):
    """True when `phrase` is on a page as described in the module comment, every word of it
    inside the page; with `whole`, only where no further word of the same text follows; with
    `row`, the words are the cells of one table row: all on one line, in order, at any gap."""
    tokens = phrase.split()
    for width, _, words in pages:
        inside = [w for w in words if w[1] >= -0.5 and w[3] <= width + 0.5]

        def follows(prev, line_x, w):
            height = prev[4] - prev[2]
            gap = w[1] - prev[3]
            same_line = abs(w[2] - prev[2]) < height * 0.4 and 0 <= gap and (row or gap < height * 0.8)
            next_line = not row and (height * 0.6 < w[2] - prev[2] < height * 1.6) and abs(w[1] - line_x) < 1.5
            return same_line or next_line

        def match(idx, prev, line_x):
            if idx == len(tokens):
                # The phrase ends here: no word of the same heading follows it.
                return not whole or not any(follows(prev, line_x, w) for w in inside)
            for w in inside:
                if w[0] == tokens[idx] and follows(prev, line_x, w):
                    next_x = line_x if abs(w[2] - prev[2]) < (prev[4] - prev[2]) * 0.4 else w[1]
                    if match(idx + 1, w, next_x):
                        return True
            return False

        for w in inside:
            if w[0] == tokens[0] and match(1, w, w[1]):
                return True
    return False


def cut_off(pages):
    """Words that reach past a page's right edge (page number, word)."""
    found = []
    for number, (width, _, words) in enumerate(pages, 1):
        found += [(number, w[0]) for w in words if w[3] > width + 0.5 or w[1] < -0.5]
    return found


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print("usage: tests/browser/check_print.py OUTDIR", file=sys.stderr)
        return 2
    out_dir = sys.argv[1]
    for program in (CHROMIUM, shutil.which("pdftotext")):
        if not program or not os.access(program, os.X_OK):
            print("check_print: needs /usr/bin/chromium and pdftotext (scripts/install-deps.sh)")
            return 2
    with open(os.path.join(out_dir, "model.json"), encoding="utf-8") as f:
        model = json.load(f)
    short = {i["id"]: i.get("short_title") or i["title"] for i in model["indicators"]}
    outcomes = [(o["title"], [short[i] for i in o["indicators"] if i in short]) for o in model["outcomes"]]
    every = list(dict.fromkeys(t for _, titles in outcomes for t in titles))

    failures = []

    def check(ok, what, lines=()):
        print(f"{'ok    ' if ok else 'FAILED'} {what}")
        for line in lines:
            print(f"         {line}")
        if not ok:
            failures.append(what)

    # What to print: the every-cell view, each outcome's view, the ward page.
    dashboard = read_page(out_dir, DASHBOARD)
    jobs = [(DASHBOARD, every, True)]
    views = []
    for href in dashboard.nav_links:
        rel = os.path.normpath(os.path.join("dashboard", href))
        if os.path.isdir(os.path.join(out_dir, rel)):
            rel = os.path.join(rel, "index.html")
        if os.path.isfile(os.path.join(out_dir, rel)) and rel != DASHBOARD:
            views.append((rel, read_page(out_dir, rel).h1))
    for title, titles in outcomes:
        view = next((rel for rel, h1 in views if title in h1), None)
        check(view is not None, f"the dashboard has a view of the outcome '{title}'",
              [] if view else [f"no page of the Dashboard views navigation has '{title}' in its h1 "
                               f"(views: {', '.join(rel for rel, _ in views) or 'none'})"])
        if view:
            jobs.append((view, titles, True))
    jobs.append((WARD, every, False))

    keep = os.environ.get("PRINT_KEEP")
    tmp = tempfile.mkdtemp(prefix="print-check-")
    try:
        for rel, titles, landscape in jobs:
            pdf = os.path.join(keep or tmp, rel.replace("/", "_").replace(".html", ".pdf"))
            if keep:
                os.makedirs(keep, exist_ok=True)
            print_pdf(out_dir, rel, pdf, os.path.join(tmp, "profile"))
            pages = pdf_pages(pdf)
            if landscape:
                sizes = {(round(w), round(h)) for w, h, _ in pages}
                want = (round(A4_LANDSCAPE[0]), round(A4_LANDSCAPE[1]))
                check(sizes == {want}, f"{rel}: printed on A4 landscape ({len(pages)} pages)",
                      [] if sizes == {want} else [f"page sizes {sorted(sizes)} pt, expected {want}"])
            missing = [t for t in titles if not find_phrase(pages, t)]
            check(not missing, f"{rel}: all {len(titles)} indicator titles printed, whole",
                  [f"missing: {t}" for t in missing])
            cut = cut_off(pages)
            check(not cut, f"{rel}: nothing cut off at a page's edge",
                  [f"page {n}: {w}" for n, w in cut[:10]])
            if rel == WARD:
                page = read_page(out_dir, rel)
                captions = [c for d in page.details for c in d["captions"]]
                check(bool(captions), f"{rel}: has collapsed tables (<details> with a figure caption)")
                gone = [c for c in captions if not find_phrase(pages, c, whole=False)]
                check(not gone, f"{rel}: the captions of all {len(captions)} tables in <details> printed",
                      [f"missing: {c}" for c in gone[:10]])
                row = next((d["first_row"] for d in page.details if d["first_row"]), [])
                text = " ".join(row)
                check(bool(row) and find_phrase(pages, text, whole=False, row=True),
                      f"{rel}: the first row of the first collapsed table printed ('{text}')")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"print: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
