#!/usr/bin/python3
"""Hostile input must come out as text: no script, no event handler, no javascript: URL.

Usage: test_xss.py OUTCOMES_BINARY [--combined-out DIR]

Each case below copies tests/fixtures/mini-site (its theme is built in) into a temporary
folder, puts hostile text into one input field, and builds the site. Then either
  * the build succeeded, and in every HTML page there is no <script> element (but the theme's
    own print button, assets/print.js), no attribute whose
    name starts with "on", no URL attribute starting with javascript: (or vbscript:), no
    iframe/object/embed/form, no character HTML forbids (controls); feed.xml and sitemap.xml
    parse as XML and model.json as JSON; and
    the hostile text appears, as text and not double-escaped, where the input put it (so
    "{{mustache}}" was not expanded as a template); or
  * the case says the build must reject the input, and it exited 1 printing that error line
    (or a line matching a pattern, where the exact wording is not decided yet; a few such cases
    also accept a build whose output is clean).
Last, every accepted field case is applied at once and built into --combined-out (when given), for
check_site.py and the Nu Html Checker to read (run_all.sh does that).

Prints one line per case and a summary; exits 1 when any case fails.
"""
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import htmldom  # noqa: E402

REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
FIXTURE = os.path.join(REPO, "tests", "fixtures", "mini-site")
ATOM = "{http://www.w3.org/2005/Atom}"

# One line of hostile text for single-line fields.
P = '<script>alert(1)</script> "><img src=x onerror=alert(1)> [click](javascript:alert(1)) {{mustache}} {{{triple}}}'

# A hostile Markdown body. Raw HTML is off by default and then "shown as text" (docs/formats.md).
MD_BODY = """
Hostile paragraph with {{mustache}} and {{{triple}}} text.

<script>alert(1)</script>

Inline "><img src=x onerror=alert(1)> and <img src=x onerror=alert(1)> here.

[titled](https://example.org/ "a\\" onmouseover=\\"alert(1)")

<a href="javascript:alert(1)" onclick="alert(1)">raw link</a>

<svg onload=alert(1)><script>alert(1)</script></svg>

<iframe src="javascript:alert(1)"></iframe>
"""
# Only in content pages: a heading (its id is a slug), a figure block (its table shows area names,
# hostile in the combined build) and a footnote.
MD_CONTENT_EXTRA = """
## Heading with <script>alert(1)</script> and {{mustache}}

```table
indicator: gld
```

A claim with a footnote.[^x]

[^x]: A note with {{{triple}}} and "><img src=x onerror=alert(1)>.
"""
# Links to javascript: URLs, as Markdown links and as an autolink.
MD_SCRIPT_LINKS = "[click](javascript:alert(1)) and [click2](JAVASCRIPT:alert(1)) and <javascript:alert(1)>\n"


def yaml_quoted(text):
    return "'" + text.replace("'", "''") + "'"


def csv_quoted(text):
    return '"' + text.replace('"', '""') + '"'


CASE_STUDY = "content/case-studies/kursaal-ambassadors.md"
CASE_STUDY_PAGE = "case-studies/kursaal-ambassadors/index.html"

# Each case: id, what it tests, edits [(file, old, new)] (old must occur exactly once), and either
# "expect": [checks] when the build must succeed, or "reject": the exact error lines when the
# build must refuse the input with exit code 1.
#   ("h1", page-glob, text)      some matching page's only <h1> is exactly text
#   ("h2", page-glob, text)      some matching page has an <h2> that is exactly text
#   ("text", page-glob, text)    some matching page's text (whitespace collapsed) contains text
#   ("feed", element, text)      some <entry>'s <element> (or the feed's, for "feed-title") is text
#   ("json", text)               model.json holds the string text
# A "reject" case lists the exact error lines the build must print (it must exit 1).
CASES = [
    {
        "id": "markdown-body",
        "what": "a Markdown body (content/case-studies/*.md)",
        "edits": [(CASE_STUDY, "and bring them along to stay-and-play sessions.\n",
                   "and bring them along to stay-and-play sessions.\n" + MD_BODY + MD_CONTENT_EXTRA)],
        "expect": [("text", CASE_STUDY_PAGE, "Hostile paragraph with {{mustache}} and {{{triple}}} text."),
                   ("h2", CASE_STUDY_PAGE, "Heading with <script>alert(1)</script> and {{mustache}}"),
                   ("text", CASE_STUDY_PAGE, 'A note with {{{triple}}} and "><img src=x onerror=alert(1)>.'),
                   ("text", CASE_STUDY_PAGE, 'and <img src=x onerror=alert(1)> here.'),
                   ("text", CASE_STUDY_PAGE, "<script>alert(1)</script>")],
    },
    {
        "id": "markdown-script-links",
        "what": "javascript: links in a Markdown body",
        "edits": [(CASE_STUDY, "and bring them along to stay-and-play sessions.\n",
                   "and bring them along to stay-and-play sessions.\n\n" + MD_SCRIPT_LINKS)],
        "reject": [
            "content/case-studies/kursaal-ambassadors.md:15:1: error: link to 'javascript:alert(1)', which is not a page of this site",
            "content/case-studies/kursaal-ambassadors.md:15:34: error: link to 'JAVASCRIPT:alert(1)', which is not a page of this site",
            "content/case-studies/kursaal-ambassadors.md:15:68: error: link to 'javascript:alert(1)', which is not a page of this site",
        ],
    },
    {
        "id": "front-matter-title",
        "what": "a front-matter title",
        "edits": [(CASE_STUDY, "title: Community ambassadors in Kursaal\n", f"title: {yaml_quoted(P)}\n")],
        "expect": [("h1", CASE_STUDY_PAGE, P), ("text", "case-studies/index.html", P),
                   ("feed", "title", P)],
    },
    {
        "id": "front-matter-summary",
        "what": "a front-matter summary",
        "edits": [(CASE_STUDY, "summary: Local parents help families find the support on offer near them.\n",
                   f"summary: {yaml_quoted(P)}\n")],
        "expect": [("text", CASE_STUDY_PAGE, P), ("text", "case-studies/index.html", P),
                   ("feed", "summary", P)],
    },
    {
        "id": "front-matter-author",
        "what": "a front-matter author",
        "edits": [(CASE_STUDY, "author: Children's Centre lead\n", f"author: {yaml_quoted(P)}\n")],
        "expect": [("text", CASE_STUDY_PAGE, P), ("feed", "author", P)],
    },
    {
        "id": "area-name",
        "what": "an area name in data/areas.csv",
        "edits": [("data/areas.csv", "E05002216,Kursaal,", f"E05002216,{csv_quoted(P)},")],
        "expect": [("h1", "areas/*/index.html", P), ("text", "areas/index.html", P)],
    },
    {
        "id": "indicator-title",
        "what": "an indicator title",
        "edits": [("data/indicators/gld.yaml",
                   "title: Children achieving a good level of development at the end of Reception\n",
                   f"title: {yaml_quoted(P)}\n")],
        "expect": [("h1", "indicators/gld/index.html", P)],
    },
    {
        "id": "indicator-short-title",
        "what": "an indicator short_title",
        "edits": [("data/indicators/gld.yaml", "short_title: Good level of development\n",
                   f"short_title: {yaml_quoted(P)}\n")],
        "expect": [("text", "areas/kursaal/index.html", P)],
    },
    {
        "id": "indicator-phrase",
        "what": "an indicator phrase",
        "edits": [("data/indicators/gld.yaml", "phrase: reached a good level of development by age 5\n",
                   f"phrase: {yaml_quoted(P)}\n")],
        "expect": [("text", "areas/kursaal/index.html", P)],
    },
    {
        "id": "indicator-source",
        "what": "an indicator source",
        "edits": [("data/indicators/gld.yaml",
                   "source: Department for Education, Early years foundation stage profile results\n",
                   f"source: {yaml_quoted(P)}\n")],
        "expect": [("text", "indicators/gld/index.html", P)],
    },
    {
        "id": "indicator-definition",
        "what": "an indicator definition (Markdown)",
        "edits": [("data/indicators/gld.yaml", "  development**.\n", "  development**.\n" +
                   "".join("  " + line + "\n" if line else "\n"
                           for line in (MD_BODY + "\n" + MD_SCRIPT_LINKS).splitlines()))],
        "expect": [("text", "indicators/gld/index.html", "Hostile paragraph with {{mustache}} and {{{triple}}} text.")],
    },
    {
        "id": "outcome-title",
        "what": "an outcome title in data/outcomes.yaml",
        "edits": [("data/outcomes.yaml", "    title: Children get the best start in life\n",
                   f"    title: {yaml_quoted(P)}\n")],
        "expect": [("text", "outcomes/index.html", P), ("text", "outcomes/best-start/index.html", P)],
    },
    {
        "id": "outcome-summary",
        "what": "an outcome summary in data/outcomes.yaml",
        "edits": [("data/outcomes.yaml", "    summary: Every child arrives at school ready to learn.\n",
                   f"    summary: {yaml_quoted(P)}\n")],
        "expect": [("text", "outcomes/index.html", P)],
    },
    {
        "id": "observation-note",
        "what": "a note in data/observations/*.csv",
        "edits": [("data/observations/gld.csv", "gld,E05002216,2018/19,,63.0,102,162,,,example\n",
                   f"gld,E05002216,2018/19,,63.0,102,162,,,{csv_quoted(P)}\n")],
        "expect": [("json", P)],
    },
    {
        "id": "site-title",
        "what": "the site title in site.yaml",
        "edits": [("site.yaml", "title: Mini Outcomes Site\n", f"title: {yaml_quoted(P)}\n")],
        "expect": [("h1", "index.html", P), ("text", "areas/kursaal/index.html", P), ("feed", "feed-title", P)],
    },
    {
        "id": "organisation",
        "what": "the organisation in site.yaml",
        "edits": [("site.yaml", "organisation: Southend-on-Sea City Council\n", f"organisation: {yaml_quoted(P)}\n")],
        "expect": [("text", "index.html", P)],
    },
    {
        "id": "group-name",
        "what": "an area group name in site.yaml",
        "edits": [("site.yaml", "    name: Better Start wards\n", f"    name: {yaml_quoted(P)}\n")],
        "expect": [("h1", "areas/*/index.html", P)],
    },
    # Not in the combined build: each of these is about one output file or one kind of input.
    {
        "id": "base-url-hostile",
        "what": "a base_url in site.yaml that is not a valid URL",
        "edits": [("site.yaml", "example_data: true\n",
                   "example_data: true\nbase_url: " + yaml_quoted('https://example.org/"><script>alert(1)</script>{{mustache}} x/') + "\n")],
        # Quotes, angle brackets, braces and spaces cannot be in a URL: site.yaml's base_url is
        # refused at its line (today it is copied into every canonical link, <base href>, the
        # sitemap and robots.txt, where the Nu checker reports "Bad value ... Illegal character").
        "reject_pattern": r"^site\.yaml:\d+:\d+: error: .*base_url",
        "combined": False,
    },
    {
        "id": "base-url-ampersand",
        "what": "a valid base_url with '&' in robots.txt (plain text), HTML and XML",
        "edits": [("site.yaml", "example_data: true\n", "example_data: true\nbase_url: https://example.org/a&b\n")],
        "expect": [("robots", "Sitemap: https://example.org/a&b/sitemap.xml"),
                   ("canonical", "areas/kursaal/index.html", "https://example.org/a&b/areas/kursaal/"),
                   ("sitemap-loc", "https://example.org/a&b/areas/kursaal/"),
                   ("feed", "link", "https://example.org/a&b/case-studies/kursaal-ambassadors/index.html")],
        "combined": False,
    },
    {
        "id": "control-characters-front-matter",
        "what": "control characters (U+0001, U+000C) in a front-matter title",
        "edits": [(CASE_STUDY, "title: Community ambassadors in Kursaal\n",
                   'title: "Community \\x01 ambassadors \\x0c in Kursaal"\n')],
        # Either refused with an error at the file, or left out of every output: U+0001 and
        # U+000C are not allowed in XML 1.0 (feed.xml) and U+0001 not in HTML.
        "reject_pattern": r"^content/case-studies/kursaal-ambassadors\.md:\d+:\d+: error: ",
        "or_clean": True,
        "combined": False,
    },
    {
        "id": "control-characters-area-name",
        "what": "control characters (U+000B, U+0001, U+007F) in an area name",
        "edits": [("data/areas.csv", "E05002216,Kursaal,", "E05002216,Kur\x0bsa\x01al\x7f,")],
        "reject_pattern": r"^data/areas\.csv:\d+:\d+: error: ",
        "or_clean": True,
        "combined": False,
    },
]


def apply_edits(site, edits):
    for rel, old, new in edits:
        path = os.path.join(site, rel)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if text.count(old) != 1:
            raise RuntimeError(f"fixture changed: {old!r} occurs {text.count(old)} times in {rel}; update test_xss.py")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text.replace(old, new))


def make_site(tmp, edits):
    site = os.path.join(tmp, "site")
    shutil.copytree(FIXTURE, site)
    apply_edits(site, edits)
    return site


def build(binary, site, out):
    result = subprocess.run([binary, "build", "--site", site, "--out", out],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    return result.returncode, result.stdout


def normalize(text):
    return re.sub(r"\s+", " ", text).strip()


# Characters HTML does not allow (controls other than tab, LF, FF, CR; noncharacters).
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
FORBIDDEN_ELEMENTS = {"script", "iframe", "object", "embed", "form", "frame", "frameset", "applet"}
URL_ATTRS = {"href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcset", "background"}


# The site's own scripts and forms, which hostile input cannot make: the postcode finder's, the
# area comparison's, the site search's and the print button's script files (relative URLs to the
# theme's assets, deferred, no code in the page), the comparison's inline JSON (data, never run; every "<"
# in it is escaped), and their forms. Any other <script> or <form> is a problem.
OWN_SCRIPTS = ("assets/finder.js", "assets/compare.js", "assets/search.js", "assets/print.js")


def own_element(element):
    attrs = dict(element.attrs)
    if element.tag == "script":
        if set(attrs) == {"src", "defer"} and attrs["defer"] is None and \
                re.fullmatch(r"(\.\./)*assets/[a-z]+\.js", attrs["src"] or "") and \
                attrs["src"].endswith(OWN_SCRIPTS) and not element.text().strip():
            return True
        if attrs == {"type": "application/json", "id": "compare-setup"}:
            body = element.text()
            try:
                json.loads(body)
            except ValueError:
                return False
            return "<" not in body
        return False
    if element.tag == "form":
        return ("data-finder" in attrs and attrs.get("class") == "finder") or \
            ("data-compare" in attrs and attrs.get("class") == "compare-form") or \
            ("data-search" in attrs and attrs.get("class") == "site-search") or \
            ("data-search-page" in attrs and attrs.get("class") == "search-page")
    return False


def script_url(value):
    cleaned = "".join(ch for ch in value if ord(ch) > 0x20).lower()
    return cleaned.startswith(SCRIPT_SCHEMES)


def safety_problems(out):
    """Problems in every HTML page, plus feed.xml, sitemap.xml and model.json parsing."""
    problems = []
    pages = {}
    for folder, _, files in os.walk(out):
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, out).replace(os.sep, "/")
            with open(path, encoding="utf-8") as handle:
                source = handle.read()
            bad_lines = [(number, FORBIDDEN_CHARS.findall(line)) for number, line in enumerate(source.split("\n"), 1)]
            bad_lines = [(number, found) for number, found in bad_lines if found]
            if bad_lines:
                chars = sorted({f"U+{ord(ch):04X}" for _, found in bad_lines for ch in found})
                problems.append(f"{rel}:{bad_lines[0][0]}: forbidden code point(s) {', '.join(chars)} "
                                f"(not allowed in HTML) on {len(bad_lines)} line(s)")
            root = htmldom.parse(source)
            pages[rel] = root
            for element in root.iter():
                if element.tag in FORBIDDEN_ELEMENTS and not own_element(element):
                    problems.append(f"{rel}:{element.line}: <{element.tag}> element")
                for name_, value in element.attrs:
                    if name_.startswith("on"):
                        problems.append(f"{rel}:{element.line}: <{element.tag}> has event-handler attribute {name_}=\"{value}\"")
                    if name_ in URL_ATTRS and value and script_url(value):
                        problems.append(f"{rel}:{element.line}: <{element.tag} {name_}=\"{value}\"> is a script URL")
                    if name_ == "style" and value and re.search(r"expression\s*\(|javascript:", value, re.I):
                        problems.append(f"{rel}:{element.line}: <{element.tag}> style runs script: {value}")
    if not pages:
        problems.append("no HTML page was written")
    for name in ("feed.xml", "sitemap.xml"):
        if name == "sitemap.xml" and not os.path.exists(os.path.join(out, name)):
            continue  # written only when site.yaml has a base_url
        try:
            ET.parse(os.path.join(out, name))
        except (ET.ParseError, OSError) as error:
            problems.append(f"{name}: does not parse as XML: {error}")
    try:
        with open(os.path.join(out, "model.json"), encoding="utf-8") as handle:
            json.load(handle)
    except (ValueError, OSError) as error:
        problems.append(f"model.json: does not parse as JSON: {error}")
    return problems, pages


def json_strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from json_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from json_strings(value)


def expectation_problems(out, pages, expects):
    problems = []
    for expect in expects:
        kind = expect[0]
        if kind in ("h1", "h2", "text"):
            _, glob, text = expect
            matching = [rel for rel in pages if fnmatch.fnmatch(rel, glob)]
            if not matching:
                problems.append(f"no page matches {glob}")
                continue
            found = False
            seen = []
            for rel in matching:
                root = pages[rel]
                if kind == "h1":
                    h1s = [normalize(h.text()) for h in root.iter("h1")]
                    seen.extend(h1s)
                    found |= h1s == [text]
                elif kind == "h2":
                    h2s = [normalize(h.text()) for h in root.iter("h2")]
                    seen.extend(h2s)
                    found |= text in h2s
                else:
                    body = next(root.iter("body"), root)
                    found |= text in normalize(body.text())
            if not found:
                detail = f" ({kind}s: {seen[:5]!r})" if kind != "text" else ""
                where = {"h1": "the only <h1>", "h2": "an <h2>", "text": "text"}[kind]
                problems.append(f"{glob}: the text {text!r} does not appear as {where}{detail}")
        elif kind == "feed":
            _, element, text = expect
            try:
                root = ET.parse(os.path.join(out, "feed.xml")).getroot()
            except (ET.ParseError, OSError):
                continue  # reported by safety_problems
            if element == "feed-title":
                values = [(root.findtext(ATOM + "title") or "").strip()]
            elif element == "link":
                values = [l.get("href", "") for e in root.iter(ATOM + "entry") for l in e.iter(ATOM + "link")]
            elif element == "author":
                values = [(e.findtext(f"{ATOM}author/{ATOM}name") or "").strip() for e in root.iter(ATOM + "entry")]
            else:
                values = [(e.findtext(ATOM + element) or "").strip() for e in root.iter(ATOM + "entry")]
            if text not in values:
                problems.append(f"feed.xml: no <{element}> is exactly {text!r} (found {values[:3]!r})")
        elif kind == "robots":
            _, line = expect
            with open(os.path.join(out, "robots.txt"), encoding="utf-8") as handle:
                lines = handle.read().splitlines()
            if line not in lines:
                problems.append(f"robots.txt: no line {line!r} (it has {lines!r})")
        elif kind == "canonical":
            _, rel, url = expect
            links = [e.get("href") for e in pages[rel].iter("link") if "canonical" in (e.get("rel") or "").split()] \
                if rel in pages else []
            if links != [url]:
                problems.append(f"{rel}: <link rel=\"canonical\"> href is {links!r}, not [{url!r}]")
        elif kind == "sitemap-loc":
            _, url = expect
            try:
                root = ET.parse(os.path.join(out, "sitemap.xml")).getroot()
            except (ET.ParseError, OSError):
                continue
            locs = [(e.text or "").strip() for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
            if url not in locs:
                problems.append(f"sitemap.xml: no <loc> is exactly {url!r} (found {locs[:3]!r})")
        elif kind == "json":
            _, text = expect
            with open(os.path.join(out, "model.json"), encoding="utf-8") as handle:
                model = json.load(handle)
            if text not in set(json_strings(model)):
                problems.append(f"model.json: the string {text!r} is not there")
        else:
            raise ValueError(kind)
    return problems


def run_case(binary, case, keep=None):
    tmp = tempfile.mkdtemp(prefix=f"xss-{case['id']}-")
    try:
        site = make_site(tmp, case["edits"])
        out = keep or os.path.join(tmp, "out")
        code, output = build(binary, site, out)
        if "reject_pattern" in case and (code != 0 or not case.get("or_clean")):
            lines = output.splitlines()
            if code == 1 and any(re.search(case["reject_pattern"], line) for line in lines):
                return []
            wanted = "exit 1 with a line matching " + repr(case["reject_pattern"])
            if case.get("or_clean"):
                wanted += ", or clean output"
            if code == 0:
                problems, _ = safety_problems(out)
                return [f"expected {wanted}; it built (exit 0)"] + problems
            return [f"expected {wanted}; got exit {code}:\n      " + "\n      ".join(lines)]
        if "reject" in case:
            lines = output.splitlines()
            missing = [line for line in case["reject"] if line not in lines]
            if code == 1 and not missing:
                return []
            if code == 0:
                return ["expected the build to reject it (exit 1) with:\n      " + "\n      ".join(case["reject"])
                        + "\n    but it built (exit 0)"]
            return [f"expected exit 1 and the lines:\n      " + "\n      ".join(missing)
                    + f"\n    got exit {code}:\n      " + "\n      ".join(lines)]
        if code != 0:
            return [f"the build failed (exit {code}); if rejecting is intended, add it to the case as "
                    f"'reject' (exit 1 with a clear error line):\n      " + "\n      ".join(output.splitlines())]
        problems, pages = safety_problems(out)
        problems += expectation_problems(out, pages, case.get("expect", []))
        return problems
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv):
    args = list(argv)
    combined_out = None
    if "--combined-out" in args:
        index = args.index("--combined-out")
        combined_out = os.path.abspath(args[index + 1])
        del args[index:index + 2]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary = os.path.abspath(args[0])
    failed = 0
    for case in CASES:
        problems = run_case(binary, case)
        mode = "rejected" if "reject" in case or ("reject_pattern" in case and not case.get("or_clean")) \
            else "rejected or clean" if "reject_pattern" in case else "escaped"
        if problems:
            failed += 1
            print(f"FAIL xss:{case['id']} ({case['what']}):")
            for problem in problems:
                print(f"    {problem}")
        else:
            print(f"ok   xss:{case['id']} ({case['what']}: {mode})")
    total = len(CASES)
    if combined_out:
        accepted = [case for case in CASES if "reject" not in case and "reject_pattern" not in case
                    and case.get("combined", True)]
        edits = [edit for case in accepted for edit in case["edits"]]
        expects = [e for case in accepted for e in case.get("expect", [])]
        if os.path.exists(combined_out):
            shutil.rmtree(combined_out)
        tmp = tempfile.mkdtemp(prefix="xss-combined-")
        try:
            site = make_site(tmp, edits)
            code, output = build(binary, site, combined_out)
            problems = []
            if code != 0:
                problems = [f"the build failed (exit {code}):\n      " + "\n      ".join(output.splitlines())]
            else:
                # the area-name case renames Kursaal: its page moves, so skip page-bound checks on it
                problems, pages = safety_problems(combined_out)
                problems += expectation_problems(combined_out, pages,
                                                 [e for e in expects if "areas/kursaal/" not in e[1]])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        total += 1
        if problems:
            failed += 1
            print(f"FAIL xss:combined (all {len(accepted)} accepted cases at once, in {combined_out}):")
            for problem in problems:
                print(f"    {problem}")
        else:
            print(f"ok   xss:combined (all {len(accepted)} accepted cases at once, in {combined_out})")
    print(f"xss: {total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
