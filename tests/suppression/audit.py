#!/usr/bin/python3
"""Disclosure audit: plants small counts in every position of the example site, builds it, and
proves that no reader of the published output can pin a hidden count down.

Usage: tests/suppression/audit.py OUTCOMES_BINARY

For each planting (a ward in or out of the Better Start group, the smallest and the largest
member of a group, a breakdown cell, two small counts in one group, the Kursaal 1 / West
Shoebury 5 case found by testing) it copies the example site, rewrites the rows, builds with
the real binary, and then plays the strongest reader we can think of:

  * it knows every published count (downloads/all.csv);
  * it knows every sum that really holds in the data (a group and its wards, the borough and
    its wards, the borough and its groups, an area and its breakdowns);
  * it even knows which hidden cells are primary (1..limit) and which secondary (0, or above
    the limit), although nothing published says so (the report sits beside the output);
  * it solves the whole system as an integer programme (scipy's MILP, HiGHS), not one sum at
    a time.

Each primary cell must keep its whole range (1 to the limit): the reader learns nothing beyond
"between 1 and 4". Every other hidden count must keep at least two possible values. The
published files must not say which hidden cell is primary either.

Needs Debian's python3-scipy (scripts/install-deps.sh installs it).
"""
import csv
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIMIT = 4  # the example's preset "1-4"
BIG = 10_000_000
WARD_CSV = os.path.join("data", "observations", "example-wards.csv")

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def number(text):
    text = (text or "").strip().replace(",", "").rstrip("%")
    try:
        return float(text)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Planting


def read_rows(site):
    with open(os.path.join(site, WARD_CSV), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write_rows(site, rows):
    with open(os.path.join(site, WARD_CSV), "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def plant(rows, indicator, period, area, count, breakdowns):
    """Sets the count of (indicator, area, period) to `count`, keeping its denominator, and
    splits it over the breakdowns (first breakdown takes the rest) so every sum still holds."""
    header = rows[0]
    col = {name: idx for idx, name in enumerate(header)}
    splits = {}
    if breakdowns:
        shares = [0] * len(breakdowns)
        shares[0] = count
        splits = dict(zip(breakdowns, shares))
    hit = False
    for row in rows[1:]:
        if row[col["indicator"]] != indicator or row[col["area"]] != area:
            continue
        if row[col["period"]] != period:
            continue
        wanted = count if row[col["breakdown"]] == "" else splits.get(row[col["breakdown"]])
        if wanted is None:
            continue
        denominator = number(row[col["denominator"]])
        row[col["count"]] = str(wanted)
        row[col["value"]] = f"{100 * wanted / denominator:.1f}"
        row[col["lower_ci"]] = row[col["upper_ci"]] = ""
        hit = True
    assert hit, (indicator, period, area)


def set_count(rows, indicator, period, area, breakdown, count):
    header = rows[0]
    col = {name: idx for idx, name in enumerate(header)}
    for row in rows[1:]:
        if (row[col["indicator"]], row[col["period"]], row[col["area"]],
                row[col["breakdown"]]) == (indicator, period, area, breakdown):
            denominator = number(row[col["denominator"]])
            row[col["count"]] = str(count)
            row[col["value"]] = f"{100 * count / denominator:.1f}"
            return
    raise AssertionError((indicator, period, area, breakdown))


# ---------------------------------------------------------------------------------------------
# The reader


class Published:
    """What the build published, and what the unpublished report says."""

    def __init__(self, out):
        with open(os.path.join(out, "model.json"), encoding="utf-8") as f:
            self.model = json.load(f)
        report_path = os.path.normpath(out) + ".suppression-report.json"
        with open(report_path, encoding="utf-8") as f:
            self.report = json.load(f)
        self.counts = {}  # (indicator, period, area, breakdown) -> published count
        with open(os.path.join(out, "downloads", "all.csv"), newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                breakdown = "" if row["breakdown"] == "All" else row["breakdown"]
                key = (row["indicator"], row["period"], row["area_code"], breakdown)
                count = number(row["count"])
                if count is not None:
                    self.counts[key] = count
        self.hidden = {(r["indicator"], r["period"], r["area"], r["breakdown"]): r["reason"]
                       for r in self.report}
        self.out = out


def true_counts(site, model):
    """The real counts of the planted site (input rows, and groups summed from members)."""
    counts = {}
    folder = os.path.join(site, "data", "observations")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                count = number(row.get("count"))
                if count is not None:
                    counts[(row["indicator"], row["period"], row["area"], row["breakdown"])] = count
    for area in model["areas"]:
        if area["type"] != "group":
            continue
        keys = {(i, p, b) for (i, p, a, b) in counts if a in area["members"]}
        for (indicator, period, breakdown) in keys:
            parts = [counts.get((indicator, period, m, breakdown)) for m in area["members"]]
            if all(part is not None for part in parts):
                counts[(indicator, period, area["code"], breakdown)] = sum(parts)
    return counts


def relations(model, indicator):
    """Every sum the reader may use: (total area, [part areas]) per breakdown, and breakdowns."""
    areas = model["areas"]
    breakdowns = [""] + list(indicator["breakdowns"])
    sums = []
    children = {}
    for area in areas:
        if area.get("parent"):
            children.setdefault(area["parent"], []).append(area["code"])
    groups = [a for a in areas if a["type"] == "group"]
    for breakdown in breakdowns:
        for group in groups:
            sums.append(((group["code"], breakdown), [(m, breakdown) for m in group["members"]]))
        for parent, kids in children.items():
            sums.append(((parent, breakdown), [(k, breakdown) for k in kids]))
            # Groups that split the parent's children between them.
            for size in range(2, len(groups) + 1):
                for combo in itertools.combinations(groups, size):
                    members = sorted(m for g in combo for m in g["members"])
                    if members == sorted(kids):
                        sums.append(((parent, breakdown), [(g["code"], breakdown) for g in combo]))
    if len(breakdowns) > 1:
        for area in areas:
            sums.append(((area["code"], ""), [(area["code"], b) for b in breakdowns[1:]]))
    return sums


def audit(site, published, label):
    model = published.model
    truth = true_counts(site, model)
    periods = {}
    for (indicator, period, area, breakdown), reason in published.hidden.items():
        periods.setdefault((indicator, period), []).append((area, breakdown, reason))
    indicators = {ind["id"]: ind for ind in model["indicators"]}
    checked = 0
    for (indicator_id, period), hidden_cells in sorted(periods.items()):
        indicator = indicators[indicator_id]
        variables = {}  # (area, breakdown) -> index
        kinds = []
        def var(key):
            if key not in variables:
                variables[key] = len(variables)
                reason = published.hidden.get((indicator_id, period) + key)
                kinds.append(reason or "unknown")
            return variables[key]
        rows = []
        for total, parts in relations(model, indicator):
            keys = [total] + parts
            # Only sums that hold in the real data: a reader who tries one that does not
            # learns nothing true from it.
            if any((indicator_id, period) + k not in truth for k in keys):
                continue
            if truth[(indicator_id, period) + total] != sum(truth[(indicator_id, period) + k] for k in parts):
                continue
            constant = 0.0
            coefficients = {}
            for sign, key in [(-1, total)] + [(1, k) for k in parts]:
                published_count = published.counts.get((indicator_id, period) + key)
                if published_count is not None and (indicator_id, period) + key not in published.hidden:
                    constant += sign * published_count
                else:
                    idx = var(key)
                    coefficients[idx] = coefficients.get(idx, 0) + sign
            if coefficients:
                rows.append((coefficients, -constant))
        for area, breakdown, _ in hidden_cells:
            var((area, breakdown))
        n = len(variables)
        # Variables: the counts, then one binary per secondary cell (0, or above the limit).
        secondaries = [idx for idx, kind in enumerate(kinds) if kind == "suppressed-secondary"]
        size = n + len(secondaries)
        lower = np.zeros(size)
        upper = np.full(size, float(BIG))
        for idx, kind in enumerate(kinds):
            if kind == "suppressed":
                lower[idx], upper[idx] = 1, LIMIT
        a_rows, a_lo, a_hi = [], [], []
        for coefficients, rhs in rows:
            line = np.zeros(size)
            for idx, c in coefficients.items():
                line[idx] = c
            a_rows.append(line)
            a_lo.append(rhs)
            a_hi.append(rhs)
        for slot, idx in enumerate(secondaries):
            binary = n + slot
            lower[binary], upper[binary] = 0, 1
            line = np.zeros(size)  # x - (limit+1) b >= 0
            line[idx], line[binary] = 1, -(LIMIT + 1)
            a_rows.append(line)
            a_lo.append(0)
            a_hi.append(np.inf)
            line = np.zeros(size)  # x - BIG b <= 0
            line[idx], line[binary] = 1, -BIG
            a_rows.append(line)
            a_lo.append(-np.inf)
            a_hi.append(0)
        constraints = [LinearConstraint(np.array(a_rows), a_lo, a_hi)] if a_rows else []
        integrality = np.ones(size)
        for (area, breakdown), idx in sorted(variables.items(), key=lambda kv: kv[1]):
            kind = kinds[idx]
            if kind not in ("suppressed", "suppressed-secondary"):
                continue
            span = []
            for sense in (1, -1):
                c = np.zeros(size)
                c[idx] = sense
                result = milp(c, constraints=constraints, integrality=integrality,
                              bounds=Bounds(lower, upper))
                if not result.success:
                    fail(f"{label}: {indicator_id} {period}: the reader's system is infeasible "
                         f"({result.message}); the audit's sums do not match the output")
                    span = None
                    break
                span.append(round(sense * result.fun))
            if span is None:
                continue
            checked += 1
            low, high = span
            where = f"{label}: {indicator_id} {period} {area} {breakdown or 'all'} ({kind})"
            if kind == "suppressed" and (low > 1 or high < LIMIT):
                fail(f"{where}: a reader narrows it to {low}..{high}, not 1..{LIMIT}")
            if low == high:
                fail(f"{where}: a reader pins it to {low}")
    return checked


def no_primary_label_published(out, label):
    for folder, _, files in os.walk(out):
        for name in files:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            for needle in (b"suppressed-secondary", b"secondary:", b"a small number elsewhere"):
                if needle in data:
                    fail(f"{label}: {os.path.relpath(os.path.join(folder, name), out)} says "
                         f"which hidden cell is secondary ({needle.decode()})")


def main():
    binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "build", "outcomes")
    work = tempfile.mkdtemp(prefix="outcomes-audit-")
    try:
        base_site = os.path.join(work, "example")
        os.makedirs(base_site)
        for name in ("site.yaml", "data", "content", "templates"):
            source = os.path.join(ROOT, name)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(base_site, name))
            elif os.path.exists(source):
                shutil.copy(source, base_site)
        rows = read_rows(base_site)
        col = {name: idx for idx, name in enumerate(rows[0])}

        def count_of(indicator, period, area, breakdown=""):
            for row in rows[1:]:
                if (row[col["indicator"]], row[col["period"]], row[col["area"]],
                        row[col["breakdown"]]) == (indicator, period, area, breakdown):
                    return number(row[col["count"]])
            return None

        with open(os.path.join(ROOT, "data", "areas.csv"), newline="", encoding="utf-8") as f:
            wards = [r for r in csv.DictReader(f) if r["type"] == "ward"]
        target = [w["code"] for w in wards if "target-area" in w["tags"]]
        rest = [w["code"] for w in wards if "target-area" not in w["tags"]]
        period = "2018/19"
        plantings = []  # (label, [(indicator, period, area, count, breakdowns)], extra edits)
        for indicator, breakdowns in (("gld", ["Girls", "Boys"]), ("breastfeeding", [])):
            for group_name, group in (("Better Start", target), ("rest", rest)):
                by_size = sorted(group, key=lambda code: count_of(indicator, period, code) or 0)
                for position, code in (("smallest", by_size[0]), ("largest", by_size[-1])):
                    for count in (1, LIMIT):
                        plantings.append((f"{indicator}: {position} {group_name} ward = {count}",
                                          [(indicator, period, code, count, breakdowns)], []))
        # Only a breakdown small (Girls of the largest ward, Boys of the smallest).
        plantings.append(("gld: a Girls cell = 2", [],
                          [("gld", period, target[0], "Girls", 2),
                           ("gld", period, target[0], "",
                            2 + count_of("gld", period, target[0], "Boys"))]))
        # Two small counts in one group.
        plantings.append(("gld: two small Better Start wards",
                          [("gld", period, target[0], 1, ["Girls", "Boys"]),
                           ("gld", period, target[1], 3, ["Girls", "Boys"])], []))
        # The case found by testing: Kursaal 1, West Shoebury (the smallest other) 5.
        plantings.append(("gld: Kursaal 1, West Shoebury 5",
                          [("gld", period, "E05002216", 1, ["Girls", "Boys"]),
                           ("gld", period, "E05002228", 5, ["Girls", "Boys"])], []))
        # A whole group small: every Better Start ward 0 but one of 2 (the group total is small).
        plantings.append(("gld: a small group total",
                          [("gld", period, code, 2 if code == target[0] else 0, ["Girls", "Boys"])
                           for code in target], []))
        total_checked = 0
        for idx, (label, plants, edits) in enumerate(plantings):
            site = os.path.join(work, f"site-{idx}")
            shutil.copytree(base_site, site)
            planted_rows = read_rows(site)
            for indicator, per, area, count, breakdowns in plants:
                plant(planted_rows, indicator, per, area, count, breakdowns)
            for indicator, per, area, breakdown, count in edits:
                set_count(planted_rows, indicator, per, area, breakdown, count)
            write_rows(site, planted_rows)
            out = os.path.join(work, f"out-{idx}")
            run = subprocess.run([binary, "build", "--site", site, "--out", out],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                fail(f"{label}: build failed: {run.stdout}{run.stderr}")
                continue
            published = Published(out)
            if not any(reason == "suppressed" for reason in published.hidden.values()):
                fail(f"{label}: nothing was suppressed")
            checked = audit(site, published, label)
            no_primary_label_published(out, label)
            total_checked += checked
            print(f"{label}: {checked} hidden counts audited")
            shutil.rmtree(site)
            shutil.rmtree(out)
        print(f"{len(plantings)} plantings, {total_checked} hidden counts audited, "
              f"{len(failures)} problems")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
