#!/usr/bin/python3
"""Checks every Excel pack of a built site against the site's own model.json.

Usage: tests/xlsx/check_packs.py SITE_OUTPUT   (the folder holding model.json and
downloads/packs/*.xlsx; the suppression report is read from beside it, SITE_OUTPUT +
".suppression-report.json")

Opens each workbook with openpyxl (Debian's python3-openpyxl, hence /usr/bin/python3) and checks
what DESIGN §4 and the Analysis Function's "Releasing statistics in spreadsheets" guidance ask:
sheet names and order; a title in A1 of every sheet; no merged cells; one marked-up table per
table sheet, its header cells equal to the table's column names, no blank row or column inside
it; a frozen header row, repeated header rows and landscape fit-to-width printing with the sheet
name and page number in the footer; contents links that reach every sheet; the notes explaining
every marker; no formula anywhere; figures equal to model.json (rounded as published), markers
where model.json has no published figure, and no figure at all for a cell the suppression
report lists; native line charts; document properties with the data date as creation time.

Prints one line per problem and exits 1 when there is any; prints a summary and exits 0 when
every pack passes.
"""
import datetime
import decimal
import glob
import json
import os
import sys

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

MARKERS = {"[c]", "[x]", "[z]", "[p]", "[r]"}
# A status as model.json records it (status, what it was judged against) -> the label a pack shows.
STATUS_LABELS = {
    "target-met": "Target met", "close-to-target": "Close to target",
    "target-not-met": "Target not met", "no-target": "No target", "no-value": "No data"}
PATH_LABELS = {
    "target-met": "On the path to target", "close-to-target": "Close to the path to target",
    "target-not-met": "Behind the path to target"}
QUALIFIER = " (not certain \u2014 small numbers, could be chance)"
STATUSES = set(STATUS_LABELS.values()) | set(PATH_LABELS.values())
STATUSES |= {label + QUALIFIER for label in STATUSES}
SUPPRESSED = {"suppressed", "suppressed-secondary", "suppressed-at-source"}

problems = []


def problem(pack, where, message):
    problems.append(f"{pack}: {where}: {message}")


def rounded(value, decimals):
    """Rounds half away from zero, as the generator publishes figures."""
    quantum = decimal.Decimal(1).scaleb(-decimals)
    return float(decimal.Decimal(repr(value)).quantize(quantum, rounding=decimal.ROUND_HALF_UP))


def same_number(cell_value, expected, decimals):
    if not isinstance(cell_value, (int, float)) or isinstance(cell_value, bool):
        return False
    return abs(cell_value - rounded(expected, decimals)) <= 1e-9 * max(1.0, abs(expected))


def table_of(ws):
    """(header row, first data row, last row, last column, column names) of the sheet's table."""
    if not ws.tables:
        return None
    name, ref = list(ws.tables.items())[0]
    table = ws.tables[name]
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return min_row, min_row + 1, max_row, max_col, [c.name for c in table.tableColumns], min_col


def rows_as_dicts(ws):
    info = table_of(ws)
    if not info:
        return []
    header_row, first, last, last_col, names, _ = info
    out = []
    for row in ws.iter_rows(min_row=first, max_row=last, max_col=last_col):
        out.append({names[idx]: cell for idx, cell in enumerate(row)})
    return out


def check_sheet_structure(pack, ws):
    a1 = ws["A1"].value
    if not isinstance(a1, str) or not a1.strip():
        problem(pack, ws.title, "no title in A1")
    if ws.merged_cells.ranges:
        problem(pack, ws.title, f"merged cells {ws.merged_cells.ranges}")
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                problem(pack, f"{ws.title}!{cell.coordinate}", f"a formula: {cell.value!r}")
    if ws.page_setup.orientation != "landscape":
        problem(pack, ws.title, "not printed landscape")
    if not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage):
        problem(pack, ws.title, "not printed fit to page")
    if ws.page_setup.fitToWidth not in (None, 1) or ws.page_setup.fitToHeight not in (0, "0"):
        problem(pack, ws.title, "not printed one page wide")
    footer = (ws.oddFooter.left.text or "") + (ws.oddFooter.right.text or "")
    if "&A" not in footer or "&P" not in footer:
        problem(pack, ws.title, f"footer without sheet name and page number: {footer!r}")
    if len(ws.tables) > 1:
        problem(pack, ws.title, "more than one table")
    info = table_of(ws)
    if not info:
        return
    header_row, first, last, last_col, names, first_col = info
    if first_col != 1:
        problem(pack, ws.title, "the table does not start in column A")
    headers = [ws.cell(row=header_row, column=col).value for col in range(1, last_col + 1)]
    if headers != names:
        problem(pack, ws.title, f"header cells {headers} differ from the table columns {names}")
    if any(name.startswith("Column") and name[6:].isdigit() for name in names):
        problem(pack, ws.title, f"default table headers {names}")
    if ws.freeze_panes != f"A{header_row + 1}":
        problem(pack, ws.title, f"header row {header_row} not frozen ({ws.freeze_panes})")
    if ws.print_title_rows != f"${header_row}:${header_row}":
        problem(pack, ws.title, f"header row not repeated when printed ({ws.print_title_rows})")
    # No blank rows or columns inside the table, nor between the title and the table.
    for row in range(1, header_row):
        if ws.cell(row=row, column=1).value in (None, ""):
            problem(pack, ws.title, f"blank row {row} above the table")
    filled_columns = set()
    for row in ws.iter_rows(min_row=first, max_row=last, max_col=last_col):
        values = [cell.value for cell in row]
        if all(value in (None, "") for value in values):
            problem(pack, ws.title, f"blank row {row[0].row} inside the table")
        filled_columns.update(idx for idx, value in enumerate(values) if value not in (None, ""))
    for idx in range(last_col):
        if idx not in filled_columns:
            problem(pack, ws.title, f"blank column {names[idx]!r} inside the table")


def check_contents_and_notes(pack, wb):
    names = wb.sheetnames
    if names[:3] != ["Cover", "Contents", "Notes"]:
        problem(pack, "workbook", f"does not open with Cover, Contents, Notes: {names[:3]}")
        return
    listed = []
    for row in rows_as_dicts(wb["Contents"]):
        cell = row["Sheet name"]
        link = cell.hyperlink.location if cell.hyperlink else None
        target = cell.value
        if link != f"'{target}'!A1" or target not in names:
            problem(pack, "Contents", f"{target!r} does not link to its sheet ({link!r})")
        listed.append(target)
    if listed != names[2:]:
        problem(pack, "Contents", f"lists {listed}, the workbook has {names[2:]}")
    explained = {row["Shorthand or note"].value for row in rows_as_dicts(wb["Notes"])}
    for marker in MARKERS:
        if marker not in explained:
            problem(pack, "Notes", f"does not explain {marker}")
    # Every [note n] a sheet refers to is on the Notes sheet.
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_row=8, max_col=1):
            text = row[0].value
            if isinstance(text, str):
                for part in text.split("[note ")[1:]:
                    note = "[note " + part.split("]")[0] + "]"
                    if note not in explained:
                        problem(pack, ws.title, f"refers to {note}, not on the Notes sheet")


class Model:
    def __init__(self, site_output):
        with open(os.path.join(site_output, "model.json"), encoding="utf-8") as f:
            self.model = json.load(f)
        # The report sits beside the output folder: it is never published.
        report = os.path.normpath(site_output) + ".suppression-report.json"
        with open(report, encoding="utf-8") as f:
            self.suppressed = json.load(f)
        self.indicators = {ind["id"]: ind for ind in self.model["indicators"]}
        self.by_short_title = {ind["short_title"]: ind for ind in self.model["indicators"]}
        self.areas = {area["code"]: area for area in self.model["areas"]}
        self.area_by_name = {area["name"]: area["code"] for area in self.model["areas"]}
        self.cells = {}
        for ind in self.model["indicators"]:
            for series in ind["series"]:
                for cell in series["cells"]:
                    self.cells[(ind["id"], series["area"], series["breakdown"], cell["period"])] = cell
        self.hidden = {(r["indicator"], r["area"], r["breakdown"], r["period"]): r["reason"]
                       for r in self.suppressed}

    def decimals(self, indicator):
        return 0 if indicator["unit"] == "count" else indicator["decimals"]


def status_label(model_cell):
    """The status text a pack shows for a model.json cell, with the qualifier when uncertain."""
    if model_cell is None:
        return STATUS_LABELS["no-value"]
    status = model_cell["target_status"]
    if model_cell["target_reference_type"] == "trajectory-step" and status in PATH_LABELS:
        label = PATH_LABELS[status]
    else:
        label = STATUS_LABELS[status]
    if model_cell["target_uncertain"] and status in PATH_LABELS:
        label += QUALIFIER
    return label


def check_value(pack, where, cell, model_cell, key, model, decimals, field="value"):
    """A figure cell against model.json: the rounded figure, or a marker when hidden."""
    hidden = model.hidden.get(key)
    if model_cell is None or not model_cell["published"]:
        reason = (model_cell or {}).get("hidden", "missing")
        expected = "[c]" if reason in SUPPRESSED else "[x]"
        if cell.value != expected:
            problem(pack, where, f"{field} {cell.value!r} where model.json has no published "
                                 f"figure ({reason}); expected {expected}")
        return
    if hidden in SUPPRESSED:
        problem(pack, where, "suppression report lists a published cell")
    expected = model_cell[field]
    if expected is None:
        if cell.value != "[x]":
            problem(pack, where, f"{field} {cell.value!r} where model.json has none")
        return
    if not same_number(cell.value, expected, decimals):
        problem(pack, where, f"{field} {cell.value!r}, model.json has {expected}")


def check_data_sheet(pack, ws, model):
    rows = rows_as_dicts(ws)
    seen = set()
    for row in rows:
        where = f"Data!{row['Value'].coordinate}"
        ind = model.indicators.get(row["Indicator ID"].value)
        if ind is None:
            problem(pack, where, f"unknown indicator {row['Indicator ID'].value!r}")
            continue
        breakdown = "" if row["Breakdown"].value == "All" else row["Breakdown"].value
        key = (ind["id"], row["Area code"].value, breakdown, row["Period"].value)
        seen.add(key)
        model_cell = model.cells.get(key)
        if model_cell is None:
            problem(pack, where, f"no cell {key} in model.json")
            continue
        decimals = model.decimals(ind)
        check_value(pack, where, row["Value"], model_cell, key, model, decimals)
        for field, column in (("count", "Count"), ("denominator", "Denominator")):
            check_value(pack, f"Data!{row[column].coordinate}", row[column], model_cell, key,
                        model, 0 if ind["unit"] != "count" else 0, field)
        if model.hidden.get(key) in SUPPRESSED:
            for column in ("Value", "Count", "Denominator", "Lower 95% confidence limit",
                           "Upper 95% confidence limit"):
                if row[column].value != "[c]":
                    problem(pack, where, f"suppressed cell shows {column} {row[column].value!r}")
        check_target_cells(pack, f"Data!{row[TARGET].coordinate}", row[TARGET],
                           row[ABOUT_TARGET], model_cell, decimals)
        if row["Target status"].value != status_label(model_cell):
            problem(pack, f"Data!{row['Target status'].coordinate}",
                    f"status {row['Target status'].value!r}, model.json gives "
                    f"{status_label(model_cell)!r}")
    # Every suppressed cell of the indicators and areas the sheet covers is on it, as [c].
    indicators = {key[0] for key in seen}
    areas = {key[1] for key in seen}
    for key, reason in model.hidden.items():
        if key[0] in indicators and key[1] in areas and key not in seen:
            problem(pack, "Data", f"suppressed cell {key} missing from the data")
    return len(rows)


TARGET = "Target or path step"
ABOUT_TARGET = "About the target"


def check_target_cells(pack, where, value_cell, about_cell, model_cell, decimals):
    """A row's target or path step and its words against what model.json says the figure is
    judged against."""
    reference = model_cell["target_reference"]
    kind = model_cell["target_reference_type"]
    if reference is None or kind == "none":
        if value_cell.value != "[z]":
            problem(pack, where, f"target {value_cell.value!r} where model.json has none")
        return
    if not same_number(value_cell.value, reference, decimals):
        problem(pack, where, f"target {value_cell.value!r}, model.json has {reference}")
    about = about_cell.value or ""
    expected_start = {"trajectory-step": "Path to target: ", "target": "Target: ",
                      "passed-target": "Target: "}[kind]
    if not about.startswith(expected_start) or \
            about.endswith("(that date has passed)") != (kind == "passed-target"):
        problem(pack, where, f"about the target {about!r} for a {kind}")


def check_chart_targets(pack, ws, model):
    """Chart_data's target column: the reference model.json gives the first area's figure for
    the period, empty before the baseline and after the target's period (the line runs from
    one to the other)."""
    info = table_of(ws)
    names = info[4]
    first_area = names[names.index("Period") + 1]
    code = model.area_by_name.get(first_area)
    drawn = 0
    for row in rows_as_dicts(ws):
        ind = model.by_short_title.get(row["Indicator"].value)
        period = row["Period"].value
        value = row[TARGET].value
        where = f"Chart_data!{row[TARGET].coordinate}"
        if ind is None or ind.get("target") is None:
            if value != "[z]":
                problem(pack, where, f"a target {value!r} for an indicator without one")
            continue
        if value == "[z]":
            continue  # the first area is not the council's: no target line at all
        # Period labels of one type sort as text (2012/13, 2015, ...).
        baseline = ind.get("baseline")
        if (baseline and period < baseline) or period > ind["target"]["period"]:
            if value is not None:
                problem(pack, where, f"{value!r}: the target line runs from the baseline "
                                     f"{baseline} to {ind['target']['period']}, not {period}")
            continue
        model_cell = model.cells.get((ind["id"], code, "", period))
        if model_cell is None:
            continue
        reference = model_cell["target_reference"]
        if reference is None or not same_number(value, reference, model.decimals(ind)):
            problem(pack, where, f"{value!r} for {period}; model.json judges {first_area}'s "
                                 f"figure against {reference}")
        drawn += 1
    return drawn


def check_wide_sheet(pack, ws, model, area_columns):
    """Sheets with Indicator, Period and one column per area name (ward Summary, Chart_data):
    figures equal model.json's; an unpublished one is a marker or empty, never a number. A count
    (or other total) shows for the first area only: [z] beside it, as areas differ in size."""
    count = 0
    for row in rows_as_dicts(ws):
        ind = model.by_short_title.get(row["Indicator"].value)
        period = row["Period"].value
        if ind is None or period in MARKERS:
            continue
        for column_idx, column in enumerate(area_columns):
            if column not in row:
                continue
            if column_idx > 0 and ind["unit"] not in ("percent", "rate"):
                if row[column].value != "[z]":
                    problem(pack, f"{ws.title}!{row[column].coordinate}",
                            f"a {ind['unit']} set beside the first area's: {row[column].value!r}")
                continue
            code = model.area_by_name.get(column)
            cell = row[column]
            key = (ind["id"], code, "", period)
            model_cell = model.cells.get(key)
            where = f"{ws.title}!{cell.coordinate}"
            if cell.value in (None, "[z]") and ws.title == "Chart_data":
                if model_cell and model_cell["published"] and cell.value is None:
                    problem(pack, where, "empty although model.json has a figure")
                continue
            if model_cell is None or not model_cell["published"]:
                if isinstance(cell.value, (int, float)):
                    problem(pack, where, f"a number {cell.value} where model.json has none {key}")
                continue
            if not same_number(cell.value, model_cell["value"], model.decimals(ind)):
                problem(pack, where, f"{cell.value!r}, model.json has {model_cell['value']}")
            count += 1
    return count


def chart_title(chart):
    try:
        return "".join(run.t for para in chart.title.tx.rich.p for run in (para.r or []))
    except AttributeError:
        return ""


def check_charts(pack, wb):
    total = 0
    for sheet, data, key in (("Charts", "Chart_data", ("Indicator",)),
                             ("Exception_charts", "Exception_chart_data", ("Rank",))):
        if sheet not in wb.sheetnames:
            continue
        charts = wb[sheet]._charts
        blocks = {tuple(row[name].value for name in key) for row in rows_as_dicts(wb[data])}
        if not charts:
            problem(pack, sheet, "no charts")
        if len(charts) != len(blocks):
            problem(pack, sheet, f"{len(charts)} charts for {len(blocks)} blocks of {data}")
        for chart in charts:
            if type(chart).__name__ != "LineChart":
                problem(pack, sheet, f"a {type(chart).__name__}, not a line chart")
        total += len(charts)
    return total


def check_exception_charts(pack, wb):
    """Every exception links to a chart of its indicator (for its area, outside a ward pack):
    the link lands on the cell the chart is anchored at."""
    if "Exceptions" not in wb.sheetnames:
        return
    for row in rows_as_dicts(wb["Exceptions"]):
        cell = row["Chart"]
        where = f"Exceptions!{cell.coordinate}"
        location = cell.hyperlink.location if cell.hyperlink else None
        if not location or "!" not in location:
            problem(pack, where, f"no link to a chart ({cell.value!r})")
            continue
        sheet, target = location.rsplit("!", 1)
        sheet = sheet.strip("'")
        if sheet not in wb.sheetnames:
            problem(pack, where, f"links to a sheet {sheet!r} that does not exist")
            continue
        anchored = [chart for chart in wb[sheet]._charts
                    if f"{get_column_letter(chart.anchor._from.col + 1)}"
                       f"{chart.anchor._from.row + 1}" == target]
        if len(anchored) != 1:
            problem(pack, where, f"{location} is not where a chart is")
            continue
        title = chart_title(anchored[0])
        indicator = row["Indicator"].value
        area = row["Area"].value if "Area" in row else None
        if indicator not in title or (sheet == "Exception_charts" and area not in title):
            problem(pack, where, f"links to the chart {title!r}, not one of {indicator!r}"
                                 f"{' for ' + area if area else ''}")


def status_rank(text):
    """Worst first: not met 0, close 1, met 2, no target 3, no data 4 (a qualifier may follow)."""
    base = text[:-len(QUALIFIER)] if isinstance(text, str) and text.endswith(QUALIFIER) else text
    for rank, labels in enumerate((
            {"Target not met", "Behind the path to target"},
            {"Close to target", "Close to the path to target"},
            {"Target met", "On the path to target"}, {"No target"}, {"No data"})):
        if base in labels:
            return rank
    return None


def check_summary_order(pack, wb, ward):
    """The ward Summary lists indicators worst status first; the scrutiny Summary's status
    columns run worst first."""
    if "Summary" not in wb.sheetnames:
        problem(pack, "workbook", "no Summary sheet")
        return
    rows = rows_as_dicts(wb["Summary"])
    if not ward:
        names = table_of(wb["Summary"])[4]
        statuses = [name for name in names if status_rank(name) is not None]
        if statuses != ["Target not met", "Close to target", "Target met", "No target", "No data"]:
            problem(pack, "Summary", f"status columns not worst first: {statuses}")
        return
    ranks = [status_rank(row["Status"].value) for row in rows]
    if None in ranks:
        problem(pack, "Summary", f"unknown status among {[row['Status'].value for row in rows]}")
    elif ranks != sorted(ranks):
        problem(pack, "Summary", f"not worst status first: ranks {ranks}")


def check_cover_wording(pack, wb, model):
    """The cover says nothing twice: no "briefing for the ... briefing", no site title doubled."""
    site_title = model.model["site"]["title"].lower()
    for row in wb["Cover"].iter_rows(max_col=1):
        text = row[0].value
        if not isinstance(text, str):
            continue
        lower = text.lower()
        if lower.count("briefing") > 1 or lower.count(site_title) > 1:
            problem(pack, f"Cover!{row[0].coordinate}", f"says something twice: {text!r}")


def check_properties(pack, wb, model):
    site = model.model["site"]
    properties = wb.properties
    if not properties.title:
        problem(pack, "properties", "no title")
    if properties.creator != (site["organisation"] or site["title"]):
        problem(pack, "properties", f"author {properties.creator!r}")
    if site["data_date"]:
        expected = datetime.datetime.strptime(site["data_date"], "%Y-%m-%d")
        if properties.created != expected:
            problem(pack, "properties", f"created {properties.created}, data date {expected}")


def check_spending_sheet(pack, ws, model):
    """Every row of the Spending sheet is a row of model.json's spending, amount and all."""
    outcome_ids = {o["title"]: o["id"] for o in model.model["outcomes"]}
    given = {(r["outcome"], r["area"], r["period"], r.get("partner", ""), r.get("category", "")):
             r["amount"] for r in model.model["spending"]}
    partner_ids = {p["name"]: p["id"] for p in model.model.get("partners", [])}
    rows = rows_as_dicts(ws)
    if not rows:
        problem(pack, "Spending", "no rows")
    for row in rows:
        key = (outcome_ids.get(row["Outcome"].value), row["Area code"].value,
               row["Financial year"].value,
               partner_ids.get(row["Partner"].value, "") if "Partner" in row else "",
               (row["Service category"].value or "") if "Service category" in row else "")
        amount = row["Spent (£)"].value
        if key not in given:
            problem(pack, f"Spending!{row['Outcome'].coordinate}", f"no such spending row {key}")
        elif not isinstance(amount, (int, float)) or abs(amount - given[key]) > 1e-6:
            problem(pack, f"Spending!{row['Spent (£)'].coordinate}",
                    f"{amount!r}, model.json has {given[key]}")


def check_spending_by_year(pack, wb, model):
    """Spending_by_year: each row is the sum of model.json's spending for the authority, the
    outcome and the year, and every such sum is there; Spending_charts has a line chart per
    outcome."""
    home = model.model["site"]["home_area"]
    titles = {o["title"]: o["id"] for o in model.model["outcomes"]}
    totals = {}
    for row in model.model["spending"]:
        if row["area"] == home:
            key = (row["outcome"], row["period"])
            totals[key] = totals.get(key, 0) + row["amount"]
    seen = set()
    outcomes = set()
    for row in rows_as_dicts(wb["Spending_by_year"]):
        key = (titles.get(row["Outcome"].value), row["Financial year"].value)
        amount = row["Spent (£)"].value
        seen.add(key)
        outcomes.add(key[0])
        if key not in totals:
            problem(pack, f"Spending_by_year!{row['Outcome'].coordinate}", f"no spending {key}")
        elif not isinstance(amount, (int, float)) or abs(amount - totals[key]) > 1e-6:
            problem(pack, f"Spending_by_year!{row['Spent (£)'].coordinate}",
                    f"{amount!r}, model.json sums to {totals[key]}")
    pack_outcomes = {key[0] for key in seen}
    for key in totals:
        if key[0] in pack_outcomes and key not in seen:
            problem(pack, "Spending_by_year", f"missing {key}")
    charts = wb["Spending_charts"]._charts if "Spending_charts" in wb.sheetnames else []
    if len(charts) != len(outcomes):
        problem(pack, "Spending_charts", f"{len(charts)} charts for {len(outcomes)} outcomes")
    for chart in charts:
        if type(chart).__name__ != "LineChart":
            problem(pack, "Spending_charts", f"a {type(chart).__name__}, not a line chart")


VERDICTS = {(True, True): "Figures and voices", (True, False): "Figures, no voices yet",
            (False, True): "Voices, no figures yet", (False, False): "Neither yet"}


def check_balance_sheet(pack, ws, model):
    """Figures_and_voices: a row per success statement of model.json's outcomes, in order, with
    the indicators and pages model.json links to it, each indicator with its latest status for
    the authority, and the verdict that follows from what is linked."""
    home = model.model["site"]["home_area"]
    titles = {page["path"]: page["title"] for page in model.model["pages"]}
    expected = []
    by_title = {o["title"]: o for o in model.model["outcomes"]}
    rows = rows_as_dicts(ws)
    pack_outcomes = []
    for row in rows:
        if row["Outcome"].value not in pack_outcomes:
            pack_outcomes.append(row["Outcome"].value)
    for title in pack_outcomes:
        outcome = by_title.get(title)
        if outcome is None:
            problem(pack, "Figures_and_voices", f"no outcome {title!r}")
            continue
        for group in outcome["groups"]:
            for statement, links in zip(group["statements"], group["links"]):
                expected.append((title, group["title"], statement, links))
    if len(rows) != len(expected):
        problem(pack, "Figures_and_voices", f"{len(rows)} rows for {len(expected)} statements")
    for row, (title, group, statement, links) in zip(rows, expected):
        where = f"Figures_and_voices!{row['Success statement'].coordinate}"
        if (row["Group"].value, row["Success statement"].value) != (group, statement):
            problem(pack, where, f"{row['Success statement'].value!r}, expected {statement!r}")
            continue
        measures = []
        for ind_id in links["indicators"]:
            ind = model.indicators[ind_id]
            latest = None
            for series in ind["series"]:
                if series["area"] == home and series["breakdown"] == "":
                    published = [c for c in series["cells"] if c.get("published")]
                    latest = published[-1] if published else None
            measures.append(f"{ind['short_title']}: {status_label(latest)}")
        measured = row["Measured by (latest status)"].value
        if (measured or "") != "; ".join(measures):
            problem(pack, where, f"measured by {measured!r}, expected {'; '.join(measures)!r}")
        voices = row["What families and practitioners tell us"].value or ""
        for path in links["evidence"]:
            if titles.get(path, path) not in voices:
                problem(pack, where, f"{path} is not among {voices!r}")
        spent = row["Spending behind it (latest year)"].value
        expected_spent = None
        if links["spending"]:
            rows_of = [r for r in model.model["spending"]
                       if r["outcome"] == by_title[title]["id"] and r["area"] == home and
                       r["category"] in links["spending"]]
            if rows_of:
                latest = max(r["period"] for r in rows_of)
                total = sum(r["amount"] for r in rows_of if r["period"] == latest)
                expected_spent = f"£{total:,.0f} in {latest}"
        if (expected_spent is None) != (spent is None) or \
                (spent is not None and not spent.startswith(expected_spent)):
            problem(pack, where, f"spending {spent!r}, expected {expected_spent!r}")
        verdict = VERDICTS[(bool(links["indicators"]), bool(links["evidence"]))]
        if row["In short"].value != verdict:
            problem(pack, where, f"{row['In short'].value!r}, expected {verdict!r}")


def check_pack(path, model):
    pack = os.path.basename(path)
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    ward = pack.startswith("ward-")
    if ward:
        # The exceptions come first after the cover sheets, as in the scrutiny pack.
        expected = ["Cover", "Contents", "Notes", "Exceptions", "Summary", "In_plain_English"]
        if names[:6] != expected or names[6:] not in ([], ["Chart_data", "Charts"]):
            problem(pack, "workbook", f"sheets {names}")
    else:
        outcomes = [name for name in names if name.startswith("Outcome_")]
        expected = (["Cover", "Contents", "Notes", "Summary", "Exceptions"] +
                    [f"Outcome_{n}" for n in range(1, len(outcomes) + 1)] +
                    ["Matrix", "Data"] + (["Spending"] if "Spending" in names else []) +
                    (["Spending_by_year", "Spending_charts"]
                     if "Spending_by_year" in names else []) +
                    (["Figures_and_voices"] if "Figures_and_voices" in names else []) +
                    ["Chart_data", "Charts"])
        if "Exception_charts" in names:  # exceptions outside the authority itself
            expected += ["Exception_chart_data", "Exception_charts"]
        if names != expected or not outcomes:
            problem(pack, "workbook", f"sheets {names}, expected {expected}")
    for ws in wb.worksheets:
        check_sheet_structure(pack, ws)
        if ws.title not in ("Cover", "Charts", "Exception_charts", "Exceptions",
                            "Spending_charts") and \
                not ws.tables:
            problem(pack, ws.title, "no table")
    check_contents_and_notes(pack, wb)
    check_properties(pack, wb, model)
    figures = 0
    if "Data" in names:
        figures += check_data_sheet(pack, wb["Data"], model)
    if "Matrix" in names:
        for row in rows_as_dicts(wb["Matrix"]):
            for name, cell in row.items():
                if name not in ("Area", "Area type") and cell.value not in STATUSES:
                    problem(pack, f"Matrix!{cell.coordinate}", f"not a status: {cell.value!r}")
    if "Spending" in names:
        check_spending_sheet(pack, wb["Spending"], model)
    if "Spending_by_year" in names:
        check_spending_by_year(pack, wb, model)
    if "Figures_and_voices" in names:
        check_balance_sheet(pack, wb["Figures_and_voices"], model)
    check_summary_order(pack, wb, ward)
    check_cover_wording(pack, wb, model)
    if ward and "Summary" in names:
        summary = wb["Summary"]
        info = table_of(summary)
        area_columns = info[4][4:] if info else []
        area_columns = [name for name in area_columns if name in model.area_by_name]
        figures += check_wide_sheet(pack, summary, model, area_columns)
    if "Chart_data" in names:
        info = table_of(wb["Chart_data"])
        area_columns = [name for name in info[4] if name in model.area_by_name] if info else []
        figures += check_wide_sheet(pack, wb["Chart_data"], model, area_columns)
        check_chart_targets(pack, wb["Chart_data"], model)
    charts = check_charts(pack, wb)
    check_exception_charts(pack, wb)
    return figures, charts


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    site_output = sys.argv[1]
    model = Model(site_output)
    packs = sorted(glob.glob(os.path.join(site_output, "downloads", "packs", "*.xlsx")))
    if not packs:
        print(f"no packs in {site_output}/downloads/packs", file=sys.stderr)
        return 1
    if not any(not os.path.basename(p).startswith("ward-") for p in packs):
        problems.append("no scrutiny pack")
    total_figures = total_charts = 0
    for path in packs:
        figures, charts = check_pack(path, model)
        total_figures += figures
        total_charts += charts
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problems in {len(packs)} packs", file=sys.stderr)
        return 1
    print(f"{len(packs)} packs: {total_figures} figures match model.json, {total_charts} charts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
