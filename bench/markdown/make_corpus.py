#!/usr/bin/env python3
"""Writes one synthetic Markdown corpus as two equivalent sites (see bench/README.md).

    python3 bench/markdown/make_corpus.py --out DIR [--pages 10000] [--seed 20260101] [--force]

DIR/outcomes  an Outcomes Publisher site: site.yaml, a small valid data/ part (four wards of
              Southend, three indicators, three outcomes), templates/ copied from the repository
              and content/<section>/<slug>.md for every page of the corpus.
DIR/hugo      a Hugo site with the same Markdown bodies under content/<section>/<slug>.md (the
              front matter converted to Hugo's, links between pages rewritten from
              ../reports/report-0042.md to plain relative URLs ../../reports/report-0042/), one
              layout (layouts/_default/baseof.html, single.html, list.html) that writes a page
              comparable to ours, config.toml, and static/assets/site.css copied from ours.
DIR/corpus.json  what was written (pages per section, words, bytes, seed).

Pages are spread over the five listed content types (case-study, strategy, report, minutes,
news). Each body has 600-1,500 words: headings, paragraphs with emphasis, bullet and numbered
lists, a GFM table, links to 2-3 other pages of the corpus (some to a heading there) and an
external link. Python 3 standard library only. Deterministic: the same --pages and --seed
give byte-identical trees. It writes DIR.partial and renames it at the end; an existing DIR is
replaced only with --force and only if this script wrote it (DIR/corpus.json says so).
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

GENERATOR = "bench/markdown/make_corpus.py"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# (type, folder, plural label, singular label, share of the corpus)
SECTIONS = [
    ("case-study", "case-studies", "Case studies", "Case study", 0.22),
    ("strategy", "strategies", "Strategies", "Strategy", 0.08),
    ("report", "reports", "Reports", "Report", 0.25),
    ("minutes", "minutes", "Minutes", "Minutes", 0.20),
    ("news", "news", "News", "News", 0.25),
]

OUTCOMES = [
    ("best-start", "Children get the best start in life", "gld"),
    ("safe-at-home", "Young children are safe at home", "injury-admissions"),
    ("healthy-families", "Families are healthy and well supported", "births"),
]

SITE_TITLE = "Markdown Benchmark Site"
ORGANISATION = "Southend-on-Sea City Council"
BASE_URL = "https://outcomes.example.org/"
DATA_DATE = "2020-08-20"

# --- Words ------------------------------------------------------------------------------------

SUBJECTS = [
    "The family hub team", "Health visitors in the borough", "Our early years partners",
    "The Better Start programme", "Children's centre staff", "Local parents",
    "The council's public health team", "School nursing", "The speech and language service",
    "Community ambassadors", "The steering group", "Midwives at the hospital",
    "The voluntary sector", "Ward councillors", "The data and intelligence team",
    "Nursery and childminder providers", "The perinatal mental health service",
    "Housing officers", "The board", "Families who took part",
]
VERBS = [
    "worked closely with", "agreed a new approach to", "reviewed the evidence on",
    "set up weekly sessions for", "reported good progress with", "raised concerns about",
    "asked for more detail on", "trained volunteers to support", "made it easier to reach",
    "changed the way we record", "will publish quarterly figures on", "listened to feedback from",
    "recommended further work on", "extended the offer to", "looked again at",
    "found clear gaps in", "welcomed the results of", "committed funding to",
]
OBJECTS = [
    "families with a new baby", "children aged two to four", "parents on low incomes",
    "the most deprived wards", "the two-year-old health review", "stay-and-play sessions",
    "breastfeeding support", "home safety checks", "early language and communication",
    "the good level of development measure", "families who speak English as an additional language",
    "fathers and male carers", "outreach in the town centre", "referrals from GP practices",
    "the targets in the strategy", "waiting times for speech therapy", "take-up of free childcare",
    "hospital admissions for injuries", "the school readiness gap", "parenting courses",
]
QUALIFIERS = [
    "over the last year", "across the six target wards", "since the programme began",
    "in line with the national guidance", "with help from local schools", "at a lower cost",
    "despite the pressure on budgets", "for the first time", "in every children's centre",
    "during the winter months", "as the evaluation recommended", "through the family hubs",
    "by the end of the financial year", "in partnership with the NHS trust",
]
CONNECTIVES = [
    "As a result,", "However,", "In addition,", "At the same time,", "For example,",
    "Overall,", "In practice,", "By contrast,", "Looking ahead,", "Importantly,",
]
CLAUSES = [
    "this was not yet reflected in the published figures",
    "the numbers are small and should be read with care",
    "the change is larger than we would expect by chance",
    "more families now know where to go for help",
    "the service will be reviewed again next spring",
    "staff reported that the new forms saved time",
    "the gap between the target wards and the rest of the borough narrowed",
    "feedback from parents was overwhelmingly positive",
    "several partners asked to join the next phase",
    "the budget for next year has been confirmed",
    "the waiting list fell to its lowest level in three years",
    "the evaluation will be shared with the committee",
]
HEADINGS = [
    "Background", "What we did", "Why it matters", "Who took part", "What families told us",
    "Results so far", "What the figures show", "Costs and funding", "Risks and issues",
    "Next steps", "Lessons learned", "How we will measure progress", "Recommendations",
    "Decisions", "Actions agreed", "Questions from members", "Equality impact",
    "Working with partners", "Timeline", "Summary of discussion", "Evidence base",
    "Local context", "Staffing", "Training", "Communication and engagement",
]
SUBHEADINGS = [
    "In the target wards", "Across the borough", "For parents", "For practitioners",
    "Short term", "Longer term", "Data quality", "Feedback", "Capacity", "Quality assurance",
]
PLACES = ["Kursaal", "Milton", "Leigh", "Belfairs", "Westborough", "Victoria", "Shoeburyness",
          "Southchurch", "Prittlewell", "St Laurence"]
TITLE_PARTS = {
    "case-study": (["Community ambassadors in", "Stay and play in", "A family's story from",
                    "Dads' group in", "Baby massage classes in", "Reading together in",
                    "Home safety checks in", "Peer support for new parents in"], PLACES),
    "strategy": (["Early years strategy", "Best start in life plan", "School readiness strategy",
                  "Family hubs plan", "Perinatal mental health strategy",
                  "Speech, language and communication plan"],
                 ["2015 to 2020", "2018 to 2023", "2020 to 2025", "2024 to 2029", "refresh",
                  "annual update"]),
    "report": (["Quarterly performance report", "Evaluation of family hubs",
                "Annual report to scrutiny", "Review of outreach", "Needs assessment",
                "Workforce survey"], ["Q1", "Q2", "Q3", "Q4", "interim findings", "final report",
                                       "summary for members"]),
    "minutes": (["Minutes of the partnership board", "Minutes of the steering group",
                 "Minutes of the parents' forum", "Minutes of the data working group",
                 "Minutes of the People Scrutiny Committee"],
                ["January", "March", "May", "July", "September", "November"]),
    "news": (["New family hub opens in", "Record take-up of free childcare in",
              "Parents celebrate success in", "Health visitors expand service in",
              "Funding confirmed for projects in", "Library rhyme time returns to"], PLACES),
}
AUTHORS = ["Children's Centre lead", "Director of Children's Services",
           "Head of Early Years", "Public Health Consultant", "Democratic Services Officer",
           "Communications team", "Better Start programme manager", "Data and Intelligence Lead"]
EXTERNAL = [
    "https://www.gov.uk/government/statistics/early-years-foundation-stage-profile-results",
    "https://fingertips.phe.org.uk/profile/child-health-profiles",
    "https://www.southend.gov.uk/",
    "https://www.nice.org.uk/guidance/ph40",
    "https://www.ons.gov.uk/peoplepopulationandcommunity/birthsdeathsandmarriages",
    "https://digital.nhs.uk/data-and-information/data-tools-and-services/data-services/hospital-episode-statistics",
]
EXTERNAL_TEXT = ["the national statistics", "OHID Fingertips", "the council's website",
                 "the NICE guidance", "the Office for National Statistics", "NHS Digital"]
LINK_TEXT = ["the earlier report", "a related case study", "the latest minutes",
             "our strategy", "the news story", "the evaluation", "this related page",
             "the previous update"]


def heading_id(text):
    """The anchor both tools give a plain-ASCII heading ("What we did" -> "what-we-did")."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- The corpus -------------------------------------------------------------------------------

class Page:
    __slots__ = ("type", "folder", "slug", "title", "summary", "date", "author", "outcome",
                 "headings", "body")


def plan_pages(count, rng):
    """Type, slug, front matter and headings of every page (bodies come later: links need the
    headings of other pages)."""
    per_type = []
    remaining = count
    for idx, section in enumerate(SECTIONS):
        n = remaining if idx == len(SECTIONS) - 1 else int(round(count * section[4]))
        n = min(n, remaining)
        per_type.append(n)
        remaining -= n
    pages = []
    for (ctype, folder, _, _, _), n in zip(SECTIONS, per_type):
        width = max(4, len(str(n)))
        lead, tail = TITLE_PARTS[ctype]
        for number in range(1, n + 1):
            page = Page()
            page.type = ctype
            page.folder = folder
            page.slug = "%s-%0*d" % (ctype, width, number)
            page.title = "%s %s" % (rng.choice(lead), rng.choice(tail))
            page.summary = "%s %s %s." % (rng.choice(SUBJECTS), rng.choice(VERBS),
                                          rng.choice(OBJECTS))
            page.date = "%04d-%02d-%02d" % (rng.randint(2014, 2025), rng.randint(1, 12),
                                            rng.randint(1, 28))
            page.author = rng.choice(AUTHORS)
            page.outcome = rng.choice(OUTCOMES)[0]
            page.headings = rng.sample(HEADINGS, rng.randint(4, 6))
            pages.append(page)
    return pages


def sentence(rng):
    subject, verb, obj = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
    roll = rng.random()
    if roll < 0.12:
        obj = "**" + obj + "**"
    elif roll < 0.22:
        obj = "_" + obj + "_"
    elif roll < 0.25:
        verb = "*" + verb + "*"
    text = "%s %s %s %s" % (subject, verb, obj, rng.choice(QUALIFIERS))
    roll = rng.random()
    if roll < 0.35:
        text = "%s %s, and %s" % (rng.choice(CONNECTIVES), text[0].lower() + text[1:],
                                  rng.choice(CLAUSES))
    elif roll < 0.5:
        text += "; " + rng.choice(CLAUSES)
    elif roll < 0.55:
        text += " (%d%% of %s families)" % (rng.randint(5, 95), format(rng.randint(100, 9000), ","))
    return text + "."


def paragraph(rng, fewest, links=()):
    sentences = [sentence(rng) for _ in range(rng.randint(fewest, 5))]
    for link in links:
        at = rng.randrange(len(sentences))
        sentences.insert(at, link)
    return " ".join(sentences)


def bullet_list(rng, numbered):
    items = []
    for idx in range(rng.randint(3, 5)):
        text = "%s %s %s" % (rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS))
        if rng.random() < 0.3:
            text += " " + rng.choice(QUALIFIERS)
        if rng.random() < 0.2:
            text = "**" + text + "**"
        items.append(("%d. " % (idx + 1) if numbered else "- ") + text)
    return "\n".join(items)


def table(rng):
    columns = rng.randint(3, 5)
    header = ["Area"] + rng.sample(["2016/17", "2017/18", "2018/19", "2019/20", "2020/21",
                                    "2021/22"], columns - 1)
    header[1:] = sorted(header[1:])
    rows = ["| " + " | ".join(header) + " |",
            "|:---|" + "|".join("---:" for _ in range(columns - 1)) + "|"]
    for place in rng.sample(PLACES, rng.randint(4, 8)):
        values = ["%.1f" % rng.uniform(40, 95) for _ in range(columns - 1)]
        rows.append("| " + " | ".join([place] + values) + " |")
    return "\n".join(rows)


def body(page, pages, index, rng):
    """The Markdown body, with our links (../reports/report-0042.md)."""
    links = []
    for _ in range(rng.randint(2, 3)):
        other = pages[rng.randrange(len(pages))]
        if other is page:
            other = pages[(index + 1) % len(pages)]
        target = "../%s/%s.md" % (other.folder, other.slug)
        if rng.random() < 0.3:
            target += "#" + heading_id(rng.choice(other.headings))
        links.append("See [%s](%s) for more." % (rng.choice(LINK_TEXT), target))
    external = rng.randrange(len(EXTERNAL))
    links.append("The figures come from [%s](%s)." % (EXTERNAL_TEXT[external], EXTERNAL[external]))
    target_words = rng.randint(600, 1500)
    blocks = [paragraph(rng, 2)]
    words = len(blocks[0].split())
    placed = 0
    for h_idx, heading in enumerate(page.headings):
        blocks.append("## " + heading)
        if h_idx == 0:
            kinds = ["table", "list"]
        elif h_idx == 1:
            kinds = ["numbered"]
        else:
            kinds = [rng.choice(["list", "numbered", "table", "sub", "quote"])] \
                if rng.random() < 0.6 else []
        kinds.append("paragraph")
        for kind in kinds:
            if kind == "list":
                blocks.append(bullet_list(rng, False))
            elif kind == "numbered":
                blocks.append(bullet_list(rng, True))
            elif kind == "table":
                blocks.append(table(rng))
            elif kind == "sub":
                blocks.append("### " + rng.choice(SUBHEADINGS))
            elif kind == "quote":
                blocks.append("> " + sentence(rng))
            else:
                blocks.append(paragraph(rng, 2, links[placed:placed + 1]))
                placed += 1
            words += len(blocks[-1].split())
        # Spread the rest of the words over the headings.
        while words + 60 < target_words * (h_idx + 1) / len(page.headings):
            blocks.append(paragraph(rng, 2))
            words += len(blocks[-1].split())
    if placed < len(links):
        blocks.append(" ".join(links[placed:]))
    return "\n\n".join(blocks) + "\n"


LINK_RE = re.compile(r"\]\(\.\./([a-z-]+)/([a-z0-9-]+)\.md(#[a-z0-9-]+)?\)")


def hugo_body(markdown):
    """Our page links as plain relative URLs: a page is served at /<section>/<slug>/."""
    return LINK_RE.sub(lambda m: "](../../%s/%s/%s)" % (m.group(1), m.group(2), m.group(3) or ""),
                       markdown)


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- The Outcomes site's data part ------------------------------------------------------------

AREAS = [
    ("E92000001", "England", "country", "", ""),
    ("E12000006", "East of England", "region", "E92000001", ""),
    ("E06000033", "Southend-on-Sea", "local-authority", "E12000006", ""),
    ("E05002212", "Belfairs", "ward", "E06000033", ""),
    ("E05002216", "Kursaal", "ward", "E06000033", "target-area"),
    ("E05002217", "Leigh", "ward", "E06000033", ""),
    ("E05002218", "Milton", "ward", "E06000033", "target-area"),
]

INDICATORS = {
    "gld": """id: gld
title: Children achieving a good level of development at the end of Reception
short_title: Good level of development
phrase: reached a good level of development by age 5
population: children
unit: percent
decimals: 1
polarity: higher-is-better
source: Department for Education, Early years foundation stage profile results (example data)
definition: The percentage of children at the end of Reception who reached a **good level of development**.
period_type: academic-year
baseline: 2014/15
target:
  value: 75
  period: 2019/20
ci_method: wilson
""",
    "injury-admissions": """id: injury-admissions
title: Hospital admissions caused by injuries in children aged under 5
short_title: Injury admissions, under 5s
phrase: were admitted to hospital because of an injury
population: children aged under 5
unit: rate
per: 10000
decimals: 1
polarity: lower-is-better
source: NHS Hospital Episode Statistics (example data)
definition: Emergency admissions of children aged 0 to 4 caused by injuries, per 10,000 children.
period_type: financial-year
baseline: 2014/15
ci_method: byar
""",
    "births": """id: births
title: Live births to mothers living in the area
short_title: Live births
phrase: babies were born
population: babies
unit: count
decimals: 0
polarity: neutral
source: Office for National Statistics, Births in England and Wales (example data)
definition: The number of live births in the calendar year.
period_type: calendar-year
ci_method: none
""",
}


def data_files(rng):
    """site.yaml and data/ of a small valid site (the shape of tests/fixtures/mini-site)."""
    files = {}
    files["site.yaml"] = """# Written by %s: Markdown benchmark corpus (see bench/README.md).
title: %s
organisation: %s
language: en-GB
base_url: %s
home_area: E06000033
comparators: [E06000033, E12000006, E92000001]
example_data: true
data_date: %s
suppression:
  preset: "1-4"
  round_to: 0
groups:
  - id: target-wards
    name: Better Start wards
    tag: target-area
  - id: rest-of-borough
    name: Rest of Southend
    without_tag: target-area
gap:
  target: target-wards
  rest: rest-of-borough
""" % (GENERATOR, SITE_TITLE, ORGANISATION, BASE_URL, DATA_DATE)
    outcomes = ["outcomes:"]
    for outcome_id, title, indicator in OUTCOMES:
        outcomes += ["  - id: " + outcome_id, "    title: " + title,
                     "    owner: Director of Children's Services",
                     "    summary: %s, measured by one indicator." % title,
                     "    indicators: [%s]" % indicator]
    files["data/outcomes.yaml"] = "\n".join(outcomes) + "\n"
    for indicator, text in INDICATORS.items():
        files["data/indicators/%s.yaml" % indicator] = text
    files["data/areas.csv"] = "code,name,type,parent,tags\n" + "".join(
        ",".join(row) + "\n" for row in AREAS)
    # Observations: wards from made-up counts, higher areas bigger; five periods each.
    scale = {"E92000001": 4000, "E12000006": 450, "E06000033": 14}
    gld = ["indicator,area,period,value,count,denominator,note"]
    injury = ["indicator,area,period,value,count,denominator,note"]
    births = ["indicator,area,period,value,note"]
    for code, _, kind, _, _ in AREAS:
        size = scale.get(code, 1)
        note = "example" if kind == "ward" else ""
        for step in range(5):
            year = 2014 + step
            academic = "%d/%02d" % (year, (year + 1) % 100)
            denominator = 150 * size + rng.randint(0, 20)
            count = int(denominator * rng.uniform(0.58, 0.8))
            gld.append("gld,%s,%s,%.1f,%d,%d,%s" % (code, academic, 100.0 * count / denominator,
                                                    count, denominator, note))
            population = 750 * size + rng.randint(0, 50)
            admissions = max(5, int(population * rng.uniform(0.009, 0.019)))
            injury.append("injury-admissions,%s,%s,%.1f,%d,%d,%s" % (
                code, academic, 10000.0 * admissions / population, admissions, population, note))
            births.append("births,%s,%d,%d,%s" % (code, year + 1, 150 * size + rng.randint(0, 30),
                                                  note))
    files["data/observations/gld.csv"] = "\n".join(gld) + "\n"
    files["data/observations/injury-admissions.csv"] = "\n".join(injury) + "\n"
    files["data/observations/births.csv"] = "\n".join(births) + "\n"
    features = []
    for idx, (code, name, kind, _, _) in enumerate(AREAS):
        if kind != "ward":
            continue
        x, y = 0.63 + 0.03 * (idx - 3), 51.53
        ring = [[x, y], [x + 0.02, y], [x + 0.02, y + 0.015], [x, y + 0.015], [x, y]]
        features.append({"type": "Feature", "properties": {"WD13CD": code, "WD13NM": name},
                         "geometry": {"type": "Polygon",
                                      "coordinates": [[[round(a, 3), round(b, 3)]
                                                       for a, b in ring]]}})
    files["data/boundaries/wards.geojson"] = json.dumps(
        {"type": "FeatureCollection", "features": features}, indent=1) + "\n"
    return files


# --- The Hugo site ----------------------------------------------------------------------------

HUGO_CONFIG = """# Written by %(generator)s: the Hugo half of the Markdown benchmark (see bench/README.md).
baseURL = "%(base_url)s"
languageCode = "en-GB"
title = "%(title)s"
uglyURLs = false
# Publish every page whatever its date, as outcomes does (the corpus has no future dates anyway).
buildFuture = true
# Only the pages: home, one list per section, one page per Markdown file (and static/).
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
enableRobotsTXT = false

[markup.goldmark.renderer]
unsafe = false

[params]
organisation = "%(organisation)s"
exampleData = true
description = "Case studies, strategies, reports, minutes and news."
lastUpdated = "20 August 2020"
lastUpdatedISO = "%(data_date)s"

[params.outcomeTitles]
%(outcome_titles)s

%(nav)s
"""

BASEOF = """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/site.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="wrap">
<p class="site-title"><a href="{{ "/" | relURL }}">{{ site.Title }}</a> <span class="site-org">{{ site.Params.organisation }}</span></p>
<nav aria-label="Main">
<ul class="nav">
{{- $section := .Section }}
{{- range site.Params.nav }}
<li><a href="{{ .url | relURL }}"{{ if eq .section $section }} aria-current="page"{{ end }}>{{ .label }}</a></li>
{{- end }}
</ul>
</nav>
</div>
</header>
{{- if site.Params.exampleData }}
<div class="banner" role="note">
<div class="wrap"><p><strong>Example data.</strong> The ward figures on this site are made up to show how it works. Figures for the borough, the region and England are real.</p></div>
</div>
{{- end }}
<div class="wrap">
{{- if not .IsHome }}
<nav aria-label="Breadcrumb" class="breadcrumbs">
<ol>
<li><a href="{{ "/" | relURL }}">Home</a></li>
{{- if .IsPage }}
<li><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></li>
{{- end }}
<li><span aria-current="page">{{ .Title }}</span></li>
</ol>
</nav>
{{- end }}
<main id="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
</div>
<footer class="site-footer">
<div class="wrap">
<p>Data last updated <time datetime="{{ site.Params.lastUpdatedISO }}">{{ site.Params.lastUpdated }}</time>. Published by {{ site.Params.organisation }}.</p>
<ul class="footer-links">
<li><a href="{{ "accessibility/" | relURL }}">Accessibility statement</a></li>
<li><a href="{{ "methodology/" | relURL }}">Methodology</a></li>
</ul>
</div>
</footer>
</body>
</html>
"""

SINGLE = """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="lead">{{ .Params.summary }}</p>
<p class="meta">{{ .CurrentSection.Params.singular }} · <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.author }} · {{ . }}{{ end }}</p>
<div class="prose">
{{ .Content }}
</div>
{{- with .Params.outcomes }}
<aside class="related" aria-label="Related outcomes and areas">
<h2>Related</h2>
<ul>
{{- range . }}
<li>Outcome: <a href="{{ printf "outcomes/%s/" . | relURL }}">{{ index site.Params.outcomeTitles . }}</a></li>
{{- end }}
</ul>
</aside>
{{- end }}
</article>
{{ end }}
"""

LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="lead">Newest first.</p>
<ul class="content-list">
{{- range .Pages.ByDate.Reverse }}
<li>
<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p class="meta">{{ .CurrentSection.Params.singular }} · <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
<p>{{ .Params.summary }}</p>
</li>
{{- end }}
</ul>
{{ end }}
"""


def hugo_files():
    nav = [("Home", "/", "")] + [(label, folder + "/", folder)
                                for _, folder, label, _, _ in SECTIONS]
    files = {
        "config.toml": HUGO_CONFIG % {
            "generator": GENERATOR, "base_url": BASE_URL, "title": SITE_TITLE,
            "organisation": ORGANISATION, "data_date": DATA_DATE,
            "outcome_titles": "\n".join('"%s" = "%s"' % (oid, title) for oid, title, _ in OUTCOMES),
            "nav": "\n".join('[[params.nav]]\nlabel = "%s"\nurl = "%s"\nsection = "%s"\n'
                             % item for item in nav)},
        "layouts/_default/baseof.html": BASEOF,
        "layouts/_default/single.html": SINGLE,
        "layouts/_default/list.html": LIST,
    }
    for ctype, folder, label, singular, _ in SECTIONS:
        files["content/%s/_index.md" % folder] = (
            "---\ntitle: %s\nsingular: %s\n---\n" % (quoted(label), quoted(singular)))
    return files


# --- Writing ----------------------------------------------------------------------------------

def write(root, relative, text):
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    return len(text.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="folder to write (DIR/outcomes, DIR/hugo)")
    parser.add_argument("--pages", type=int, default=10000, help="Markdown pages (default 10000)")
    parser.add_argument("--seed", type=int, default=20260101, help="random seed")
    parser.add_argument("--force", action="store_true", help="replace an existing corpus")
    args = parser.parse_args()
    if args.pages < 10:
        parser.error("--pages must be at least 10")
    out = os.path.abspath(args.out)
    if os.path.exists(out):
        marker = os.path.join(out, "corpus.json")
        if not args.force:
            sys.exit("make_corpus.py: %s exists; use --force to replace it" % out)
        if not os.path.isfile(marker) or json.load(open(marker)).get("generator") != GENERATOR:
            sys.exit("make_corpus.py: %s was not written by this script; not replacing it" % out)
    partial = out + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    ours, hugo = os.path.join(partial, "outcomes"), os.path.join(partial, "hugo")

    rng = random.Random(args.seed)
    pages = plan_pages(args.pages, rng)
    body_rng = random.Random(args.seed * 7919 + 1)
    data_rng = random.Random(args.seed + 17)

    for relative, text in data_files(data_rng).items():
        write(ours, relative, text)
    shutil.copytree(os.path.join(REPO, "theme", "templates"), os.path.join(ours, "templates"))
    for relative, text in hugo_files().items():
        write(hugo, relative, text)
    os.makedirs(os.path.join(hugo, "static", "assets"))
    shutil.copyfile(os.path.join(REPO, "theme", "templates", "assets", "site.css"),
                    os.path.join(hugo, "static", "assets", "site.css"))

    stats = {"generator": GENERATOR, "pages": args.pages, "seed": args.seed, "per_section": {},
             "words": 0, "markdown_bytes_outcomes": 0, "markdown_bytes_hugo": 0,
             "min_words": None, "max_words": 0}
    for index, page in enumerate(pages):
        markdown = body(page, pages, index, body_rng)
        words = len(markdown.split())
        stats["words"] += words
        stats["min_words"] = words if stats["min_words"] is None else min(stats["min_words"], words)
        stats["max_words"] = max(stats["max_words"], words)
        stats["per_section"][page.folder] = stats["per_section"].get(page.folder, 0) + 1
        relative = "content/%s/%s.md" % (page.folder, page.slug)
        stats["markdown_bytes_outcomes"] += write(ours, relative, (
            "---\ntitle: %s\nsummary: %s\ndate: %s\ntype: %s\noutcomes: [%s]\nauthor: %s\n---\n\n"
            % (quoted(page.title), quoted(page.summary), page.date, page.type, page.outcome,
               quoted(page.author))) + markdown)
        stats["markdown_bytes_hugo"] += write(hugo, relative, (
            "---\ntitle: %s\nsummary: %s\ndate: %s\ndraft: false\nauthor: %s\noutcomes: [%s]\n---\n\n"
            % (quoted(page.title), quoted(page.summary), page.date, quoted(page.author),
               page.outcome)) + hugo_body(markdown))
    stats["mean_words"] = round(stats["words"] / len(pages))
    write(partial, "corpus.json", json.dumps(stats, indent=1, sort_keys=True) + "\n")
    if os.path.exists(out):
        shutil.rmtree(out)
    os.rename(partial, out)
    print("%s: %d pages (%s), %d words (%d-%d a page, mean %d), %.1f MB of Markdown per tree"
          % (out, args.pages, ", ".join("%s %d" % kv for kv in stats["per_section"].items()),
             stats["words"], stats["min_words"], stats["max_words"], stats["mean_words"],
             stats["markdown_bytes_outcomes"] / 1e6))


if __name__ == "__main__":
    main()
