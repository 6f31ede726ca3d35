#!/usr/bin/env python3
"""Writes the hostile-input sites that bench/hostile/run.sh times (see bench/README.md).

    python3 bench/hostile/make_cases.py --example ROOT --out DIR [--scale N]

Each case is DIR/<name>/: a copy of the example site (site.yaml, data/, content/, templates/
of ROOT) with one hostile change. DIR/cases.tsv lists name, expected exit code of
`outcomes check` and a description, one case a line. --scale multiplies the sizes (default 10:
ten times the sizes of the hostile-input report that found these). Python standard library
only; deterministic.
"""
import argparse
import os
import shutil
import sys

PARTS = ("site.yaml", "data", "content", "templates")


def copy_example(example, site):
    os.makedirs(site)
    for part in PARTS:
        source = os.path.join(example, part)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(site, part))
        elif os.path.exists(source):  # the example has no templates/: the theme is built in
            shutil.copy(source, os.path.join(site, part))


def write(site, relative, text, mode="w"):
    path = os.path.join(site, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, encoding="utf-8", newline="") as out:
        out.write(text)


def append_to_page(site, relative, text):
    write(site, relative, text, mode="a")


def front_matter_value(site, relative, line):
    """Adds `line` to the front matter of content page `relative` (after its opening ---)."""
    path = os.path.join(site, relative)
    with open(path, encoding="utf-8") as page:
        text = page.read()
    assert text.startswith("---\n"), relative
    write(site, relative, "---\n" + line + "\n" + text[4:])


def cases(scale):
    """(name, expected exit code, description, function(site)) for each case."""
    page = "content/pages/about.md"
    n_nest = 30000 * scale
    n_geo = 300000 * scale
    n_columns = 100000 * scale
    n_table = 20000 * scale
    n_headings = 20000 * scale
    n_quotes = 100000 * scale
    n_chain = 100000 * scale

    def template_sections(site):
        write(site, "templates/partials/status.mustache",
              "{{#a}}" * n_nest + "{{/a}}" * n_nest + "\n")

    def template_blocks(site):
        write(site, "templates/partials/status.mustache",
              "".join("{{$b%d}}" % i for i in range(n_nest)) +
              "".join("{{/b%d}}" % i for i in reversed(range(n_nest))) + "\n")

    def template_self_include(site):
        write(site, "templates/partials/status.mustache",
              "{{#status}}{{label}}{{#parts}}{{>partials/status}}{{/parts}}{{/status}}\n")

    def geojson_deep(site):
        write(site, "data/boundaries/deep.geojson",
              '{"type": "FeatureCollection", "features": [{"type": "Feature", '
              '"id": "E05002216", "geometry": {"type": "Polygon", "coordinates": ' +
              "[" * n_geo + "]" * n_geo + "}}]}\n")

    def yaml_flow_deep(site):
        append_to_page(site, "site.yaml", "deep: " + "[" * n_nest + "]" * n_nest + "\n")

    def yaml_block_deep(site):
        append_to_page(site, "site.yaml", "deep:\n  " + "- " * n_nest + "x\n")

    def front_matter_deep(site):
        front_matter_value(site, page, "deep: " + "{a: " * n_nest + "1" + "}" * n_nest)

    def csv_unknown_columns(site):
        write(site, "data/observations/wide.csv",
              "indicator,area,period,value," +
              ",".join("unknown%d" % i for i in range(n_columns)) + "\n")

    def markdown_wide_table(site):
        append_to_page(site, page, "\n\n|" + " a |" * n_table + "\n|" + "---|" * n_table +
                       "\n|" + " 1 |" * n_table + "\n")

    def markdown_headings(site):
        append_to_page(site, page, "\n\n" + "## Same heading\n\n" * n_headings)

    def markdown_deep_quotes(site):
        append_to_page(site, page, "\n\n" + ">" * n_quotes + " quoted\n" + "lazy\n" * n_quotes)

    def areas_chain(site):
        lines = ["X%d,Part %d,neighbourhood,%s," % (i, i, "E05002216" if i == 0 else "X%d" % (i - 1))
                 for i in range(n_chain)]
        append_to_page(site, "data/areas.csv", "\n".join(lines) + "\n")

    return [
        ("template-sections", 1, "%d nested {{#a}} sections in a partial" % n_nest,
         template_sections),
        ("template-blocks", 1, "%d nested {{$block}}s in a partial" % n_nest, template_blocks),
        ("template-self-include", 1, "a partial that includes itself inside a section",
         template_self_include),
        ("geojson-deep", 1, "a polygon nested %d brackets deep" % n_geo, geojson_deep),
        ("yaml-flow-deep", 1, "site.yaml: a list nested %d deep" % n_nest, yaml_flow_deep),
        ("yaml-block-deep", 1, "site.yaml: '- ' repeated %d times" % n_nest, yaml_block_deep),
        ("front-matter-deep", 1, "front matter: a mapping nested %d deep" % n_nest,
         front_matter_deep),
        ("csv-unknown-columns", 1, "an observations header of %d unknown columns" % n_columns,
         csv_unknown_columns),
        ("markdown-wide-table", 1, "a Markdown table of %d columns" % n_table,
         markdown_wide_table),
        ("markdown-headings", 0, "%d identical Markdown headings (valid)" % n_headings,
         markdown_headings),
        ("markdown-deep-quotes", 1,
         "%d nested block quotes, then as many lazy lines" % n_quotes, markdown_deep_quotes),
        ("areas-chain", 1, "a chain of %d areas, each the parent of the next" % n_chain,
         areas_chain),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", required=True, help="the example site (repository root)")
    parser.add_argument("--out", required=True, help="an empty or missing folder")
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--only", help="comma-separated case names")
    args = parser.parse_args()
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit("make_cases.py: %s is not empty" % args.out)
    os.makedirs(args.out, exist_ok=True)
    only = set(args.only.split(",")) if args.only else None
    rows = []
    for name, expected, description, make in cases(args.scale):
        if only and name not in only:
            continue
        site = os.path.join(args.out, name)
        copy_example(args.example, site)
        make(site)
        rows.append("%s\t%d\t%s\n" % (name, expected, description))
    with open(os.path.join(args.out, "cases.tsv"), "w", encoding="utf-8") as out:
        out.writelines(rows)


if __name__ == "__main__":
    main()
