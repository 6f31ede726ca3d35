// The Excel packs as view models (view/pack.h holds the types). The layout follows the
// Analysis Function's "Releasing statistics in spreadsheets" guidance: a cover sheet, a contents
// sheet, a notes sheet explaining the shorthand, then one table per sheet with its title in A1,
// units in a column of their own and shorthand markers in square brackets in place of figures.
#include "view/pack_view.h"

#include "view/paths.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "base/format.h"
#include "base/text.h"
#include "stats/stats.h"
#include "view/labels.h"
#include "view/paths.h"

namespace outcomes::view {

namespace {

using nlohmann::json;
using Cell = TableCell;
using Row = TableRow;

constexpr const char* kPackFolder = "downloads/packs/";
// 1980-01-01, the zip format's epoch: the creation time when a site gives no date at all
// (libxlsxwriter reads 0 as "now", which would make builds differ).
constexpr int64_t kFallbackCreated = 315532800;

// --- Numbers and cells ---------------------------------------------------------------------------

int Decimals(const model::Indicator& indicator) {
  if (indicator.unit == model::Unit::kCount) return 0;
  return std::clamp(indicator.decimals, 0, 10);
}

// A number format with `decimals` decimal places, with thousands separators or without:
// "#,##0.0", "0.00", "0". The code and the decimals the view carries beside it come from here
// alone, so they agree.
NumberFormat Figures(int decimals, bool thousands) {
  NumberFormat format;
  format.decimals = decimals;
  format.code = std::string(thousands ? "#,##0" : "0") +
                (decimals > 0 ? "." + std::string(static_cast<size_t>(decimals), '0') : "");
  return format;
}

// The Excel number format for an indicator's figures: as many decimals as it is published
// with, thousands separators, and no unit (the unit is in a column or header of its own, so
// a percentage of 74.1 shows as 74.1, not 74.1%).
NumberFormat IndicatorFormat(const model::Indicator& indicator) {
  return Figures(Decimals(indicator), indicator.unit != model::Unit::kPercent);
}

// A signed format for changes: "+1.5", "-0.3", "0.0".
NumberFormat ChangeFormat(const model::Indicator& indicator) {
  NumberFormat format = IndicatorFormat(indicator);
  format.code = "+" + format.code + ";-" + format.code + ";" + format.code;
  format.plus_sign = true;
  return format;
}

double Rounded(const model::Indicator& indicator, double value) {
  return base::RoundTo(value, Decimals(indicator));
}

// The marker for a cell that carries no published value.
std::string MarkerFor(const compute::Cell* cell) {
  if (!cell) return "[x]";
  compute::Hidden hidden =
      cell->hidden == compute::Hidden::kNo ? compute::Hidden::kMissing : cell->hidden;
  return HiddenMarker(hidden);
}

// An indicator's value for a table: the rounded figure, or the marker of why there is none.
Cell ValueCell(const model::Indicator& indicator, const compute::Cell* cell) {
  if (!cell || !cell->Published()) return Cell::Text(MarkerFor(cell));
  return Cell::Number(Rounded(indicator, cell->value), IndicatorFormat(indicator));
}

// A figure that goes with a cell (interval limit, count, denominator): the marker of the cell
// when the cell is hidden, "[x]" when the cell is published without it.
Cell PartCell(const compute::Cell& cell, double part, const NumberFormat& format, int decimals) {
  if (!cell.Published()) return Cell::Text(MarkerFor(&cell));
  if (!model::Has(part)) return Cell::Text("[x]");
  return Cell::Number(decimals >= 0 ? base::RoundTo(part, decimals) : part, format);
}

std::string StatusLabel(const i18n::Catalogue& t, compute::TargetStatus status) {
  return TargetStatusBadge(t, status).label;
}

// A status as every sheet shows it: the web page's label for the cell (a figure judged against
// a trajectory step is on, close to or behind "the path to target"), with the qualifier beside
// it when chance could explain it. No cell is "No data" (compute judges a hidden cell so).
std::string StatusText(const i18n::Catalogue& t, const model::Indicator& indicator, const compute::Cell* cell) {
  if (!cell) return StatusLabel(t, compute::TargetStatus::kNoValue);
  const Badge badge = TargetStatusBadge(t, indicator, *cell);
  return badge.qualifier.empty() ? badge.label : badge.label + " (" + badge.qualifier + ")";
}

// The label of a judged status against a reference of `kind`: "Target not met", or "Behind the
// path to target" for a trajectory step (for the notes and the colour key).
std::string JudgedLabel(const i18n::Catalogue& t, compute::TargetStatus status, compute::TargetReference kind) {
  const model::Indicator any;  // the label does not depend on the indicator
  compute::Cell judged;
  judged.target_status = status;
  judged.target_reference_kind = kind;
  return TargetStatusBadge(t, any, judged).label;
}

// --- Targets -------------------------------------------------------------------------------------

// The two columns that give what a figure is judged against, after the figure's own columns.
constexpr const char* kTargetHeader = "Target or path step";
constexpr const char* kAboutTargetHeader = "About the target";

// What a figure of `indicator` for a period is judged against: compute's reference for the
// cell (a trajectory step, the target, or the target after its date), none before the baseline.
struct PeriodTarget {
  double value = NAN;
  compute::TargetReference kind = compute::TargetReference::kNone;
  model::Period period;

  bool Has() const { return kind != compute::TargetReference::kNone && model::Has(value); }
  // "Path to target: 74.5% in 2018/19, on the way to 75.0% by 2019/20", "Target: 75.0% by
  // 2019/20 (that date has passed)": the web page's words (view/labels.h).
  std::string About(const i18n::Catalogue& t, const model::Indicator& indicator) const {
    compute::Cell reference;  // only the fields TargetReferenceText reads
    reference.period = period;
    reference.target_reference = value;
    reference.target_reference_kind = kind;
    return TargetReferenceText(t, indicator, reference);
  }
};

PeriodTarget TargetOf(const compute::Cell& cell) {
  return {cell.target_reference, cell.target_reference_kind, cell.period};
}

// What a figure for `period` is judged against, whether or not there is one (compute's rule).
PeriodTarget TargetAt(const model::Indicator& indicator, const model::Period& period) {
  PeriodTarget target;
  target.period = period;
  if (!compute::TargetReferenceFor(indicator, period, target.value, target.kind))
    target.kind = compute::TargetReference::kNone;
  return target;
}

// The "Target or path step" and "About the target" cells of a table row about `cell` (of an
// area the targets apply to when `targeted`). Without a cell, the target itself. [z] in both
// where there is no target, with the reason in the second.
void PushTarget(const i18n::Catalogue& t, Row& row, const model::Indicator& indicator,
                const compute::Cell* cell, bool targeted) {
  if (!indicator.target || !targeted) {
    row.push_back(Cell::Text("[z]"));
    row.push_back(Cell::Text("[z]"));
    return;
  }
  PeriodTarget target = cell ? TargetOf(*cell)
                             : PeriodTarget{indicator.target->value,
                                            compute::TargetReference::kTarget,
                                            indicator.target->period};
  if (!target.Has()) {
    row.push_back(Cell::Text("[z]"));
    row.push_back(Cell::Text(indicator.baseline
                                 ? "No target before the baseline, " + indicator.baseline->Label()
                                 : std::string("[z]")));
    return;
  }
  row.push_back(Cell::Number(Rounded(indicator, target.value), IndicatorFormat(indicator)));
  row.push_back(Cell::Text(target.About(t, indicator)));
}

// "%", "per 10,000", "number", "£" or "": for chart titles.
std::string ShortUnit(const model::Indicator& indicator) {
  switch (indicator.unit) {
    case model::Unit::kPercent:
      return "%";
    case model::Unit::kRate:
      return "per " + base::FormatNumber(indicator.per, 0);
    case model::Unit::kCount:
      return "number";
    case model::Unit::kCurrency:
      return "£";
    case model::Unit::kNumber:
      return "";
  }
  return "";
}

std::string AreaTypeLabel(const compute::ResultArea& area) {
  if (area.is_group) return "Group of wards";
  if (area.type == "ward") return "Ward";
  if (area.type == "local-authority") return "Local authority";
  if (area.type == "region") return "Region";
  if (area.type == "country") return "Country";
  return area.type;
}

std::string FigureStatus(const i18n::Catalogue& t, const compute::Cell& cell) {
  if (!cell.Published()) {
    compute::Hidden hidden =
        cell.hidden == compute::Hidden::kNo ? compute::Hidden::kMissing : cell.hidden;
    return HiddenMarker(hidden) + " " + HiddenLabel(t, hidden);
  }
  bool provisional = cell.flags & model::kFlagProvisional;
  bool revised = cell.flags & model::kFlagRevised;
  if (provisional && revised) return "[p] provisional, [r] revised";
  if (provisional) return "[p] provisional";
  if (revised) return "[r] revised";
  return "Published";
}

// --- Sheets --------------------------------------------------------------------------------------

SheetLine Line(const std::string& text, SheetLineStyle style = SheetLineStyle::kPlain) {
  return {text, style, ""};
}

TableColumn Column(const std::string& header, bool wrap = false, bool tone = false) {
  TableColumn column;
  column.header = header;
  column.wrap = wrap;
  column.tone = tone;
  return column;
}

// A column of figures: markers such as [c] in it line up with the numbers, on the right.
// `format` is for its plain numbers (Cell::Number without a format of its own).
TableColumn FigureColumn(const std::string& header, NumberFormat format = {}) {
  TableColumn column = Column(header);
  column.format = std::move(format);
  column.numeric = true;
  return column;
}

// A column of prose, `width` characters wide, its text wrapping.
TableColumn ProseColumn(const std::string& header, double width) {
  TableColumn column = Column(header, true);
  column.width = width;
  return column;
}

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// "first: second", or the one of the two that already contains the other (a pack titled
// "A Better Start in Southend briefing" on the site "A Better Start in Southend" is not named
// twice).
std::string JoinTitles(const std::string& first, const std::string& separator,
                       const std::string& second) {
  const std::string a = Lower(first);
  const std::string b = Lower(second);
  if (a.find(b) != std::string::npos) return first;
  if (b.find(a) != std::string::npos) return second;
  return first + separator + second;
}

// Excel tables need unique headers (compared without case): a repeated one gets " (2)", ...
void MakeHeadersUnique(std::vector<TableColumn>& columns) {
  std::set<std::string> seen;
  for (auto& column : columns) {
    std::string header = column.header;
    if (header.empty()) header = "Column";
    std::string candidate = header;
    for (int copy = 2; !seen.insert(Lower(candidate)).second; ++copy)
      candidate = header + " (" + std::to_string(copy) + ")";
    column.header = candidate;
  }
}

// A table sheet. With no rows there is no table (Excel needs a row): the sheet then says so.
Sheet TableSheet(const std::string& name, const std::string& title, std::vector<SheetLine> lines,
                 std::vector<TableColumn> columns, std::vector<Row> rows,
                 const std::string& empty_text = "There is nothing to show here.") {
  if (rows.empty() && !empty_text.empty()) lines = {Line(empty_text)};
  Sheet sheet;
  sheet.name = name;
  sheet.title = title;
  sheet.lines = std::move(lines);
  if (!rows.empty()) {
    MakeHeadersUnique(columns);
    sheet.table = Table{"tbl_" + name, std::move(columns), std::move(rows)};
  }
  return sheet;
}

// A row of text cells.
Row TextRow(std::initializer_list<std::string> texts) {
  Row row;
  for (const auto& text : texts) row.push_back(Cell::Text(text));
  return row;
}

// A sheet of charts (the lines say what they show, or why there is none).
Sheet ChartsSheet(const std::string& name, const std::string& title, std::vector<SheetLine> lines,
                  std::vector<PackChart> charts) {
  Sheet sheet;
  sheet.name = name;
  sheet.title = title;
  sheet.lines = std::move(lines);
  sheet.charts = std::move(charts);
  return sheet;
}

// --- Shared context ------------------------------------------------------------------------------

// "Home" here is the authority the pack is about: the site's home area, a `packs:` entry's
// `area`, or a ward's own parent authority (ward_packs: all).
struct Context {
  const model::Site& site;
  const compute::Results& results;
  uint32_t home = 0;
  int home_comparator = -1;     // index into comparator_areas, or -1
  // Whether figures are compared with home: home is a comparator, or the pack is about another
  // authority and the site compares with its own home area (compared here, as compute would).
  bool compare_home = false;
  int england_comparator = -1;  // the widest comparator when it is not the home area, or -1
  uint32_t england = 0;         // its area index (valid when england_comparator >= 0)

  Context(const model::Site& site_in, const compute::Results& results_in, uint32_t home_in)
      : site(site_in), results(results_in), home(home_in) {
    const auto& comparators = results.comparator_areas;
    for (size_t idx = 0; idx < comparators.size() && idx < compute::kMaxComparators; ++idx) {
      if (comparators[idx] == home) home_comparator = static_cast<int>(idx);
      if (comparators[idx] == results.home_area) compare_home = true;
    }
    if (home_comparator >= 0) compare_home = true;
    size_t count = std::min(comparators.size(), compute::kMaxComparators);
    if (count > 0 && comparators[count - 1] != home) {
      england_comparator = static_cast<int>(count - 1);
      england = comparators[count - 1];
    }
  }

  const std::string& Name(uint32_t area) const { return results.areas[area].name; }
  // Whether the site's targets apply to `area` (as compute::TargetedAreas decides): they are
  // the council's, for its own area, the areas within it and its groups. A pack about another
  // authority shows no target for its areas.
  bool Targeted(uint32_t area) const {
    if (results.areas[area].is_group) return true;
    if (area >= site.areas.size()) return false;
    const model::Area* walker = &site.areas[area];
    for (size_t steps = 0; walker && steps <= site.areas.size(); ++steps) {
      if (walker->code == site.config.home_area) return true;
      walker = walker->parent.empty() ? nullptr : site.FindArea(walker->parent);
    }
    return false;
  }
  const std::string& HomeName() const { return Name(home); }
  bool HasEngland() const { return england_comparator >= 0; }
  const std::string& EnglandName() const { return Name(england); }

  const compute::Series* SeriesOf(uint32_t indicator, uint32_t area) const {
    return results.Find(indicator, area, 0);
  }
  const compute::Cell* Latest(uint32_t indicator, uint32_t area) const {
    const compute::Series* series = SeriesOf(indicator, area);
    return series ? series->Latest() : nullptr;
  }
  const compute::Cell* CellAt(uint32_t indicator, uint32_t area,
                              const model::Period& period) const {
    const compute::Series* series = SeriesOf(indicator, area);
    if (!series) return nullptr;
    // Cells are ordered by period.
    auto it = std::lower_bound(series->cells.begin(), series->cells.end(), period,
                               [](const compute::Cell& cell, const model::Period& wanted) {
                                 return cell.period < wanted;
                               });
    return it != series->cells.end() && it->period == period ? &*it : nullptr;
  }
};

// How a cell compares with comparator `comparator` (an index into comparator_areas). Counts
// and other totals of areas of different sizes are never compared ([z]; compute::ComparesAreas).
std::string CompareText(const Context& context, const model::Indicator& indicator,
                        const compute::Cell* cell, int comparator) {
  if (!compute::ComparesAreas(indicator)) return "[z]";
  if (comparator < 0 || !cell || !cell->Published()) return "[x]";
  size_t idx = static_cast<size_t>(comparator);
  compute::Comparison comparison = cell->comparisons[idx];
  if (comparison == compute::Comparison::kNotCompared) {
    if (cell->not_compared[idx] == compute::NotComparedReason::kSameArea) return "[z]";
    return "Not compared: " + NotComparedText(context.site.text, cell->not_compared[idx]);
  }
  return ComparisonBadge(context.site.text, comparison,
                         context.Name(context.results.comparator_areas[idx]))
      .label;
}

// How `cell` (of `area`, indicator `indicator_idx`, all breakdowns) compares with the pack's
// home authority. When home is a site comparator this is compute's judgement; otherwise it is
// made here the same way: home's figure for the same period against the cell's 95% interval.
std::string CompareHomeText(const Context& context, uint32_t indicator_idx, uint32_t area,
                            const compute::Cell* cell) {
  const auto& indicator = context.site.indicators[indicator_idx];
  if (context.home_comparator >= 0)
    return CompareText(context, indicator, cell, context.home_comparator);
  if (!compute::ComparesAreas(indicator)) return "[z]";
  if (!cell || !cell->Published()) return "[x]";
  if (area == context.home) return "[z]";
  compute::NotComparedReason reason = compute::NotComparedReason::kNone;
  compute::Comparison comparison = compute::CompareWithBenchmark(
      indicator, *cell, context.CellAt(indicator_idx, context.home, cell->period), reason);
  if (comparison == compute::Comparison::kNotCompared)
    return "Not compared: " + NotComparedText(context.site.text, reason);
  return ComparisonBadge(context.site.text, comparison, context.HomeName()).label;
}

std::string TrendText(const i18n::Catalogue& t, const model::Indicator& indicator, const compute::Series* series) {
  return series ? TrendLabel(t, indicator, series->trend) : std::string("Trend not known");
}

// The indicators of `outcomes` (indices into site.outcomes) in order, each once, with the
// title of the first of those outcomes that lists it.
std::vector<std::pair<uint32_t, std::string>> IndicatorsOf(const model::Site& site,
                                                           const std::vector<size_t>& outcomes) {
  std::vector<std::pair<uint32_t, std::string>> indicators;
  std::set<uint32_t> seen;
  for (size_t outcome_idx : outcomes) {
    const auto& outcome = site.outcomes[outcome_idx];
    for (const auto& id : outcome.indicator_ids) {
      auto it = site.indicator_index.find(id);
      if (it == site.indicator_index.end() || !seen.insert(it->second).second) continue;
      indicators.emplace_back(it->second, outcome.title);
    }
  }
  return indicators;
}

// --- Exceptions ----------------------------------------------------------------------------------

// An area's latest figure that falls short of its target or path step (DESIGN §4: "not on
// track, worst first"): status not met or close. A figure whose shortfall could be chance (the
// target inside its 95% interval) is still one: its status says "not certain" beside it.
struct Exception {
  uint32_t indicator = 0;
  uint32_t area = 0;
  std::string outcome;
  const compute::Series* series = nullptr;
  const compute::Cell* cell = nullptr;
  bool not_met = false;
  double shortfall = 0;  // in the indicator's unit, > 0
  double relative = 0;   // shortfall as a percentage of the target; infinity for a target of 0
  size_t order = 0;      // indicator-major, area-minor position, to break ties
};

std::vector<Exception> FindExceptions(
    const Context& context, const std::vector<std::pair<uint32_t, std::string>>& indicators,
    const std::vector<uint32_t>& areas) {
  std::vector<Exception> exceptions;
  size_t order = 0;
  for (const auto& [indicator_idx, outcome] : indicators) {
    const auto& indicator = context.site.indicators[indicator_idx];
    for (uint32_t area : areas) {
      ++order;
      const compute::Series* series = context.SeriesOf(indicator_idx, area);
      const compute::Cell* cell = series ? series->Latest() : nullptr;
      if (!cell || (cell->target_status != compute::TargetStatus::kNotMet &&
                    cell->target_status != compute::TargetStatus::kClose))
        continue;
      Exception exception;
      exception.indicator = indicator_idx;
      exception.area = area;
      exception.outcome = outcome;
      exception.series = series;
      exception.cell = cell;
      exception.not_met = cell->target_status == compute::TargetStatus::kNotMet;
      // As compute judges it: the value as published against the period's target.
      double value = Rounded(indicator, cell->value);
      double reference = cell->target_reference;
      switch (indicator.polarity) {
        case model::Polarity::kHigherIsBetter:
          exception.shortfall = reference - value;
          break;
        case model::Polarity::kLowerIsBetter:
          exception.shortfall = value - reference;
          break;
        case model::Polarity::kNeutral:
          exception.shortfall = std::fabs(value - reference);
          break;
      }
      exception.shortfall = std::max(0.0, exception.shortfall);
      exception.relative = reference != 0 ? exception.shortfall / std::fabs(reference) * 100
                                          : std::numeric_limits<double>::infinity();
      exception.order = order;
      exceptions.push_back(std::move(exception));
    }
  }
  // Worst first: not met before close; then the larger shortfall relative to the target;
  // then indicator and area order, so the order is total and builds repeat.
  std::sort(exceptions.begin(), exceptions.end(), [](const Exception& a, const Exception& b) {
    if (a.not_met != b.not_met) return a.not_met;
    if (a.relative != b.relative) return a.relative > b.relative;
    return a.order < b.order;
  });
  return exceptions;
}

// `with_area`: false in a ward pack, where every row is the ward.
// `outcome_sheets`: outcome title -> (sheet name, link text) of the sheet about it, when the
// pack has one; the Outcome column then links to that sheet instead of repeating the title.
// `chart_links`: for each exception, the link to its chart (every exception has one).
Sheet ExceptionsSheet(
    const Context& context, const std::vector<Exception>& exceptions,
    const std::vector<Cell>& chart_links, bool with_area, const std::string& title,
    const std::string& none_text,
    const std::map<std::string, std::pair<std::string, std::string>>& outcome_sheets = {}) {
  std::vector<TableColumn> columns = {FigureColumn("Rank", Figures(0, false)),
                                      Column("Outcome", true), Column("Indicator", true)};
  if (with_area) columns.push_back(Column("Area"));
  columns.push_back(Column("Chart"));
  columns.push_back(Column("Period"));
  columns.push_back(FigureColumn("Value"));
  columns.push_back(Column("Unit"));
  columns.push_back(FigureColumn(kTargetHeader));
  columns.push_back(ProseColumn(kAboutTargetHeader, 30));
  columns.push_back(Column("Status", true, true));
  columns.push_back(FigureColumn("Shortfall against target"));
  columns.push_back(FigureColumn("Shortfall as % of target"));
  columns.push_back(Column("Trend"));
  if (context.compare_home) columns.push_back(Column("Compared with " + context.HomeName()));
  if (context.HasEngland()) columns.push_back(Column("Compared with " + context.EnglandName()));
  std::vector<Row> rows;
  int rank = 0;
  for (const auto& exception : exceptions) {
    const auto& indicator = context.site.indicators[exception.indicator];
    const compute::Cell& cell = *exception.cell;
    auto sheet = outcome_sheets.find(exception.outcome);
    Cell outcome = sheet == outcome_sheets.end()
                       ? Cell::Text(exception.outcome)
                       : Cell::SheetLink(sheet->second.second, sheet->second.first);
    Row row = {Cell::Number(++rank), std::move(outcome), Cell::Text(indicator.short_title)};
    if (with_area) row.push_back(Cell::Text(context.Name(exception.area)));
    row.push_back(chart_links[static_cast<size_t>(rank - 1)]);
    row.push_back(Cell::Text(cell.period.Label()));
    row.push_back(ValueCell(indicator, &cell));
    row.push_back(Cell::Text(UnitLabel(context.site.text, indicator)));
    PushTarget(context.site.text, row, indicator, &cell, true);
    row.push_back(Cell::Text(StatusText(context.site.text, indicator, &cell)));
    row.push_back(
        Cell::Number(Rounded(indicator, exception.shortfall), IndicatorFormat(indicator)));
    row.push_back(std::isinf(exception.relative)
                      ? Cell::Text("[z]")
                      : Cell::Number(base::RoundTo(exception.relative, 1), Figures(1, false)));
    row.push_back(Cell::Text(TrendText(context.site.text, indicator, exception.series)));
    if (context.compare_home)
      row.push_back(
          Cell::Text(CompareHomeText(context, exception.indicator, exception.area, &cell)));
    if (context.HasEngland())
      row.push_back(Cell::Text(CompareText(context, indicator, &cell, context.england_comparator)));
    rows.push_back(std::move(row));
  }
  std::vector<SheetLine> lines;
  if (rows.empty()) {
    lines.push_back(Line(none_text));
  } else {
    lines.push_back(Line("This worksheet contains one table: " + std::to_string(rows.size()) +
                         (rows.size() == 1 ? " figure" : " figures") +
                         " short of target, worst first. The Chart column links to each "
                         "figure's chart over time."));
  }
  lines.push_back(
      Line("Exceptions are latest figures short of their target or path step (not met, or "
           "close); worst first is explained in [note 2], status in [note 1], comparisons in "
           "[note 3] (Notes worksheet)."));
  lines.push_back(
      Line("Shortfall is against the target or path step, in the indicator's unit "
           "(percentage points for percentages); [z] marks a shortfall against a target of "
           "zero."));
  return TableSheet("Exceptions", title, std::move(lines), std::move(columns), std::move(rows), "");
}

// --- Notes, cover, contents ----------------------------------------------------------------------

constexpr auto kMet = compute::TargetStatus::kMet;
constexpr auto kClose = compute::TargetStatus::kClose;
constexpr auto kNotMet = compute::TargetStatus::kNotMet;
constexpr auto kTarget = compute::TargetReference::kTarget;
constexpr auto kStep = compute::TargetReference::kTrajectoryStep;

// [note 1]: how a status is judged, in the labels the sheets use.
std::string StatusNote(const i18n::Catalogue& t, double close_tolerance) {
  return "Target status compares a figure, rounded as published, with the target or path step "
         "for its period: the step planned for that period when the indicator's trajectory has "
         "one, otherwise the target itself, also after the target's date has passed (the "
         "About the target column says which). " +
         JudgedLabel(t, kMet, kTarget) + " (" + JudgedLabel(t, kMet, kStep) +
         "): meets or beats it. " + JudgedLabel(t, kClose, kTarget) + " (" +
         JudgedLabel(t, kClose, kStep) + "): short by no more than the indicator's tolerance (" +
         base::FormatNumber(close_tolerance, 1) + " unless the indicator sets its own). " +
         JudgedLabel(t, kNotMet, kTarget) + " (" + JudgedLabel(t, kNotMet, kStep) +
         "): short by more. Figures before the indicator's baseline have no target. \"" +
         NotCertain(t) + "\" follows a status when the target lies inside the figure's 95% "
         "confidence interval: with numbers this small the result could be chance.";
}

Sheet NotesSheet(const Context& context) {
  const auto& config = context.site.config;
  int max_suppressed = config.suppression.MaxSuppressed();
  std::string confidential =
      max_suppressed > 0
          ? "Confidential: not published to protect privacy, because the count is from 1 to " +
                std::to_string(max_suppressed) +
                ", because it would let such a count be worked out by subtraction, or because "
                "the figure's publisher suppressed it."
          : "Confidential: the figure's publisher suppressed it to protect privacy.";
  std::vector<Row> rows = {
      TextRow({"[c]", confidential}),
      TextRow({"[x]",
               "Not available: there is no figure for this area and period (not "
               "collected, not published, or a group figure that could not be "
               "formed because a ward's count is missing)."}),
      TextRow({"[z]",
               "Not applicable: for example no target has been set, an area compared with "
               "itself, or a count (or other total) beside another area's, which is never "
               "shown: areas differ in size."}),
      TextRow({"[p]",
               "Provisional: the figure may change when final figures are "
               "published (shown in the Figure status column)."}),
      TextRow({"[r]",
               "Revised: the figure has changed since it was first published "
               "(shown in the Figure status column)."}),
      TextRow({"[note 1]", StatusNote(context.site.text, config.close_tolerance)}),
      TextRow({"[note 2]", "Exceptions are latest figures whose status is " +
                               JudgedLabel(context.site.text, kNotMet, kTarget) + " or " +
                               JudgedLabel(context.site.text, kClose, kTarget) +
                               " (or, against a step on the path to the target, " +
                               JudgedLabel(context.site.text, kNotMet, kStep) + " or " +
                               JudgedLabel(context.site.text, kClose, kStep) +
                               "), including those marked \"" + NotCertain(context.site.text) +
                               "\". Worst first: not met before close; then by shortfall as a "
                               "percentage of the target, largest first (a shortfall against a "
                               "target of zero first); then in indicator and area order."}),
      TextRow({"[note 3]",
               "Better, Worse and Similar compare the benchmark's figure with the area's 95% "
               "confidence interval: a difference is reported only when the benchmark lies "
               "outside the interval. Higher and Lower are used when neither direction is "
               "better. Not compared gives the reason. Counts are not compared ([z]): areas "
               "differ in size."}),
      TextRow(
          {"[note 4]", "Trend: percentages with counts for the last " +
                           std::to_string(config.trend_points) +
                           " consecutive periods are tested for a trend (chi-squared test for "
                           "trend); other indicators show only the direction since the baseline or "
                           "the previous period, marked (not tested)."}),
      TextRow({"[note 5]",
               "Change since baseline is the latest figure minus the figure for the "
               "indicator's baseline period, in the indicator's unit: percentage points for "
               "percentages."}),
      TextRow({"[note 6]",
               "Figures are rounded to the decimal places each indicator is published with. "
               "Units are in the Unit column: percentages are numbers from 0 to 100 without "
               "a % sign, rates are per the stated population."}),
  };
  int next_note = 7;
  if (config.suppression.round_to > 0)
    rows.push_back(TextRow({"[note " + std::to_string(next_note++) + "]",
                            "Published counts and denominators are rounded to the nearest " +
                                std::to_string(config.suppression.round_to) + "."}));
  if (config.example_data)
    rows.push_back(TextRow(
        {"[note " + std::to_string(next_note++) + "]",
         "Example data: this site uses made-up figures for demonstration (the Note column of "
         "the data says which). Do not use them to make decisions."}));
  return TableSheet("Notes", "Notes and shorthand used in this workbook",
                    {Line("This worksheet contains one table: the shorthand used in place of "
                          "figures and the notes other worksheets refer to.")},
                    {Column("Shorthand or note"), ProseColumn("Meaning", 100)}, std::move(rows));
}

// The contents sheet for `sheets` (every sheet after the contents sheet itself).
Sheet ContentsSheet(const std::vector<Sheet>& sheets) {
  std::vector<Row> rows;
  for (const auto& sheet : sheets)
    rows.push_back({Cell::SheetLink(sheet.name, sheet.name), Cell::Text(sheet.title)});
  return TableSheet("Contents", "Table of contents",
                    {Line("This worksheet contains one table. Select a sheet name to go to it.")},
                    {Column("Sheet name"), ProseColumn("Sheet title", 90)}, std::move(rows));
}

std::vector<SheetLine> CoverLines(const Context& context, const std::string& about,
                                  const std::vector<std::string>& outcome_lines,
                                  const std::string& contains, const std::string& meeting_date) {
  const auto& config = context.site.config;
  std::vector<SheetLine> lines;
  if (config.example_data)
    lines.push_back(
        Line("Example data: some figures in this workbook are made up for "
             "demonstration. Do not use them to make decisions.",
             SheetLineStyle::kWarning));
  lines.push_back(Line("About this workbook", SheetLineStyle::kHeading));
  lines.push_back(Line(about));
  if (!outcome_lines.empty()) {
    lines.push_back(Line("Outcomes covered", SheetLineStyle::kHeading));
    for (const auto& text : outcome_lines) lines.push_back(Line(text));
  }
  lines.push_back(Line("What this workbook contains", SheetLineStyle::kHeading));
  lines.push_back(Line(contains));
  lines.push_back(
      Line("The Contents worksheet links to every worksheet. The Notes worksheet "
           "explains the shorthand used in place of figures: [c] confidential, "
           "[x] not available, [z] not applicable, [p] provisional, [r] revised."));
  if (!meeting_date.empty()) {
    lines.push_back(Line("Meeting date", SheetLineStyle::kHeading));
    lines.push_back(Line(LongDate(context.site.text, meeting_date)));
  }
  lines.push_back(Line("Data date", SheetLineStyle::kHeading));
  lines.push_back(Line(config.data_date.empty()
                           ? std::string("The site gives no data date.")
                           : "Figures as at " + LongDate(context.site.text, config.data_date) + "."));
  lines.push_back(Line("Protecting privacy", SheetLineStyle::kHeading));
  int max_suppressed = config.suppression.MaxSuppressed();
  lines.push_back(Line(max_suppressed > 0
                           ? "Counts from 1 to " + std::to_string(max_suppressed) +
                                 " are not published, nor any figure from which one could be "
                                 "worked out: such cells show [c]."
                           : std::string("Figures suppressed by their publisher show [c].")));
  lines.push_back(Line("Published by", SheetLineStyle::kHeading));
  lines.push_back(Line(config.organisation.empty() ? config.title : config.organisation));
  if (!config.base_url.empty()) {
    lines.push_back(Line("Website", SheetLineStyle::kHeading));
    SheetLine link = Line(config.base_url);
    link.url = config.base_url;
    lines.push_back(link);
  }
  return lines;
}

// Document properties. The creation time is the data date's midnight (UTC), the same for every
// pack of a site: never the clock, so rebuilds repeat (and packs written at the same time on
// several threads agree on it; see render/xlsx/xlsx.h).
PackProperties Properties(const Context& context, const std::string& title,
                          const std::string& subject) {
  const auto& config = context.site.config;
  int64_t created = DateToUnixSeconds(config.data_date);
  if (created <= 0) created = kFallbackCreated;
  const std::string& organisation =
      config.organisation.empty() ? config.title : config.organisation;
  PackProperties properties;
  properties.title = title;
  properties.subject = subject;
  properties.author = organisation;
  properties.company = organisation;
  properties.category = "Statistics";
  properties.keywords = "outcomes, statistics, " + context.HomeName();
  properties.comments =
      config.data_date.empty()
          ? config.title
          : config.title + ": figures as at " + LongDate(context.site.text, config.data_date) + ".";
  properties.created = created;
  return properties;
}

// The colour tone of each judged status, keyed by the start of its text: the label against a
// target and the label against a trajectory step (a qualifier may follow either). In the order
// of the texts, each once (a later status wins a text two share), as the packs have always
// had their rules.
std::vector<ToneRule> Tones(const i18n::Catalogue& t) {
  std::map<std::string, Tone> by_text;
  const std::pair<compute::TargetStatus, Tone> kTones[] = {
      {compute::TargetStatus::kMet, Tone::kGood},
      {compute::TargetStatus::kClose, Tone::kClose},
      {compute::TargetStatus::kNotMet, Tone::kBad}};
  for (const auto& [status, tone] : kTones)
    for (auto kind : {compute::TargetReference::kTarget, compute::TargetReference::kTrajectoryStep})
      by_text[JudgedLabel(t, status, kind)] = tone;
  std::vector<ToneRule> tones;
  for (const auto& [text, tone] : by_text) tones.push_back({text, tone});
  return tones;
}

// Assembles a workbook: cover, contents, notes, then `body`.
Pack Workbook(const Context& context, PackProperties properties, const std::string& page_header,
              const std::string& title, std::vector<SheetLine> cover_lines,
              std::vector<Sheet> body) {
  std::vector<Sheet> after_contents;
  after_contents.push_back(NotesSheet(context));
  for (auto& sheet : body) after_contents.push_back(std::move(sheet));
  Pack pack;
  Sheet cover;
  cover.name = "Cover";
  cover.title = title;
  cover.lines = std::move(cover_lines);
  pack.sheets.push_back(std::move(cover));
  pack.sheets.push_back(ContentsSheet(after_contents));
  for (auto& sheet : after_contents) pack.sheets.push_back(std::move(sheet));
  pack.properties = std::move(properties);
  // First, so that it stays when the writer shortens a long header to fit one line.
  pack.page_header = page_header;
  if (context.site.config.example_data) pack.page_header = "Example data: " + page_header;
  pack.tones = Tones(context.site.text);
  return pack;
}

// --- Charts --------------------------------------------------------------------------------------

struct ChartArea {
  uint32_t area;
  SeriesRole role;
};

// How far past the data a chart is drawn on to show the target's period (as on the web page).
constexpr int32_t kMaxTargetExtension = 5;

// The periods of a chart: every period the charted areas have a cell for, then on to the
// target's period when it is a little later (no figures there: the target line reaches it).
std::vector<model::Period> ChartPeriods(const Context& context, uint32_t indicator_idx,
                                        const std::vector<ChartArea>& areas, bool target) {
  const auto& indicator = context.site.indicators[indicator_idx];
  std::vector<model::Period> periods;
  for (const auto& area : areas)
    if (const compute::Series* series = context.SeriesOf(indicator_idx, area.area))
      for (const auto& cell : series->cells) periods.push_back(cell.period);
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
  if (target && !periods.empty() && indicator.target->period.type == periods.back().type) {
    const model::Period last = periods.back();
    int32_t ahead = indicator.target->period.Ordinal() - last.Ordinal();
    if (ahead > 0 && ahead <= kMaxTargetExtension &&
        last.Shifted(ahead) == indicator.target->period)
      for (int32_t step = 1; step <= ahead; ++step) periods.push_back(last.Shifted(step));
  }
  return periods;
}

// The columns of a chart data table after `leading` (which describe the chart: indicator, and
// area when it varies): unit, period, a figure column per area, the target and its words.
struct ChartTable {
  std::vector<TableColumn> columns;
  size_t period_column = 0;
  size_t first_area_column = 0;
  size_t target_column = 0;
};

ChartTable ChartColumns(std::vector<TableColumn> leading,
                        const std::vector<std::string>& area_headers) {
  ChartTable table;
  table.columns = std::move(leading);
  table.columns.push_back(Column("Unit"));
  table.period_column = table.columns.size();
  table.columns.push_back(Column("Period"));
  table.first_area_column = table.columns.size();
  for (const auto& header : area_headers) table.columns.push_back(FigureColumn(header));
  table.target_column = table.columns.size();
  table.columns.push_back(FigureColumn(kTargetHeader));
  table.columns.push_back(ProseColumn(kAboutTargetHeader, 30));
  MakeHeadersUnique(table.columns);
  return table;
}

// Appends one chart's rows to `rows` (each starting with `leading`) and returns the chart: the
// indicator for `areas` over time, the first area's target as a dashed line from the baseline to
// the target's period. None when none of the areas has a published figure.
std::optional<PackChart> AddChart(const Context& context, uint32_t indicator_idx,
                                  const std::vector<ChartArea>& areas, const Row& leading,
                                  const ChartTable& table, const std::string& sheet,
                                  const std::string& title, std::vector<Row>& rows) {
  const auto& indicator = context.site.indicators[indicator_idx];
  // Counts (and other totals) of areas of different sizes are never set side by side: one is
  // charted for the first area alone (its columns for the other areas stay in the table, [z]).
  const size_t charted = compute::ComparesAreas(indicator) ? areas.size() : 1;
  const std::vector<ChartArea> charted_areas(areas.begin(),
                                             areas.begin() + static_cast<long>(charted));
  bool any_published = false;
  for (const auto& area : charted_areas)
    if (const compute::Cell* latest = context.Latest(indicator_idx, area.area))
      any_published |= latest->Published();
  if (!any_published) return std::nullopt;
  // The target line is the council's: shown only when the first area is one of its own.
  const bool target = indicator.target && context.Targeted(areas.front().area);
  const std::vector<model::Period> periods =
      ChartPeriods(context, indicator_idx, charted_areas, target);
  const size_t first_row = rows.size();
  const NumberFormat format = IndicatorFormat(indicator);
  std::vector<model::Period> drawn;  // periods with a point on the target line
  for (const auto& period : periods) {
    Row row = leading;
    row.push_back(Cell::Text(UnitLabel(context.site.text, indicator)));
    row.push_back(Cell::Text(period.Label()));
    for (size_t area_idx = 0; area_idx < areas.size(); ++area_idx) {
      if (area_idx >= charted) {
        row.push_back(Cell::Text("[z]"));
        continue;
      }
      const compute::Cell* cell = context.CellAt(indicator_idx, areas[area_idx].area, period);
      // A chart plots text as zero, so a figure that is not published is an empty cell here
      // (the sheet's lines say so); the Data worksheet carries its [c] or [x].
      row.push_back(cell && cell->Published()
                        ? Cell::Number(Rounded(indicator, cell->value), format)
                        : Cell::Empty());
    }
    if (!target) {
      row.push_back(Cell::Text("[z]"));
      row.push_back(Cell::Text("[z]"));
    } else {
      // The line runs from the baseline to the target's period: nothing before the baseline
      // (no target had been set) nor after the target's date (the figures there are still
      // judged against it, as About the target says).
      PeriodTarget reference = TargetAt(indicator, period);
      bool on_line = reference.Has() && reference.kind != compute::TargetReference::kPassedTarget;
      row.push_back(on_line ? Cell::Number(Rounded(indicator, reference.value), format)
                            : Cell::Empty());
      if (on_line) drawn.push_back(period);
      if (reference.Has())
        row.push_back(Cell::Text(reference.About(context.site.text, indicator)));
      else
        row.push_back(Cell::Text(indicator.baseline ? "No target before the baseline, " +
                                                          indicator.baseline->Label()
                                                    : std::string("[z]")));
    }
    rows.push_back(std::move(row));
  }
  const size_t last_row = rows.size() - 1;
  auto range = [&](size_t column) { return ChartRange{sheet, column, first_row, last_row}; };
  PackChart chart;
  std::vector<std::string> names;
  for (size_t area_idx = 0; area_idx < charted; ++area_idx) {
    chart.series.push_back({context.Name(areas[area_idx].area),
                            range(table.first_area_column + area_idx), areas[area_idx].role});
    names.push_back(context.Name(areas[area_idx].area));
  }
  const bool path = target && !indicator.target->trajectory.empty();
  if (!drawn.empty())
    chart.series.push_back(
        {path ? "Path to target" : "Target", range(table.target_column), SeriesRole::kTarget});
  // The alt text says what the chart shows and its latest figures, in words.
  std::string who;
  for (size_t idx = 0; idx < names.size(); ++idx)
    who += (idx == 0 ? "" : idx + 1 == names.size() ? " and " : ", ") + names[idx];
  std::string description = "Line chart of " + indicator.title + " (" + UnitLabel(context.site.text, indicator) +
                            ") for " + who + ", " + periods.front().Label() + " to " +
                            periods.back().Label() + ".";
  const compute::Cell* latest = context.Latest(indicator_idx, areas.front().area);
  if (latest) {
    description += " In " + latest->period.Label() + " the figure for " + names.front() +
                   " was " + FormatValue(context.site.text, indicator, Rounded(indicator, latest->value));
    for (size_t idx = 1; idx < names.size(); ++idx) {
      const compute::Cell* other = context.CellAt(indicator_idx, areas[idx].area, latest->period);
      if (other && other->Published())
        description += (idx + 1 == names.size() ? " and " : ", ") + names[idx] + " " +
                       FormatValue(context.site.text, indicator, Rounded(indicator, other->value));
    }
    description += ".";
  }
  if (!drawn.empty()) {
    const std::string by = FormatValue(context.site.text, indicator, indicator.target->value) + " by " +
                           indicator.target->period.Label();
    description += " A dashed line shows " +
                   (path ? "the path to the target of " + by + ", step by step,"
                         : "the target of " + by + ",") +
                   " from " + drawn.front().Phrase() + " to " + drawn.back().Phrase() + ".";
  }
  description += " The figures are in the " + sheet + " worksheet.";
  chart.title = title;
  chart.description = description;
  chart.y_axis = UnitLabel(context.site.text, indicator);
  chart.number_format = format.code;
  chart.categories = range(table.period_column);
  return chart;
}

// A chart's title: the indicator's short title and its unit in brackets.
std::string ChartTitle(const model::Indicator& indicator) {
  std::string unit = ShortUnit(indicator);
  return indicator.short_title + (unit.empty() ? "" : " (" + unit + ")");
}

// The lines of a chart data sheet: what it holds and what its empty cells mean.
std::vector<SheetLine> ChartDataLines(const std::string& what) {
  return {Line("This worksheet contains one table: " + what),
          Line("An empty figure means there is no published figure for that area and period (a "
               "chart would plot [c] or [x] as zero). An empty " + std::string(kTargetHeader) +
               " means no target line for that period: it is before the baseline, or after the "
               "target's date (" + std::string(kAboutTargetHeader) + " says which). [z]: the "
               "indicator has no target, or it is a count or other total, which is charted for "
               "the first area only (areas differ in size).")};
}

// The chart data sheet and the charts sheet: one line chart per indicator of `indicators`,
// each plotting `areas` over time, with the target as a dashed line when there is one.
// Indicators with no published figure for any of the areas get no chart. `chart_of` receives
// the index of each indicator's chart on the Charts sheet.
std::pair<Sheet, Sheet> ChartSheets(const Context& context, const std::vector<uint32_t>& indicators,
                                    const std::vector<ChartArea>& areas, const std::string& title,
                                    std::map<uint32_t, size_t>* chart_of = nullptr) {
  std::vector<std::string> area_headers;
  for (const auto& area : areas) area_headers.push_back(context.Name(area.area));
  const ChartTable table = ChartColumns({Column("Indicator", true)}, area_headers);
  std::vector<Row> rows;
  std::vector<PackChart> charts;
  for (uint32_t indicator_idx : indicators) {
    const auto& indicator = context.site.indicators[indicator_idx];
    std::optional<PackChart> chart =
        AddChart(context, indicator_idx, areas, {Cell::Text(indicator.short_title)}, table,
                 "Chart_data", ChartTitle(indicator), rows);
    if (!chart) continue;
    if (chart_of) (*chart_of)[indicator_idx] = charts.size();
    charts.push_back(std::move(*chart));
  }
  Sheet data_sheet = TableSheet("Chart_data", "Figures used in the charts",
                                ChartDataLines("the figures the Charts worksheet plots."),
                                table.columns, std::move(rows));
  size_t chart_count = charts.size();
  std::vector<SheetLine> chart_lines = {Line(
      chart_count == 0 ? std::string("There are no published figures to chart.")
                       : "This worksheet contains " + std::to_string(chart_count) +
                             (chart_count == 1 ? " chart" : " charts") +
                             ", one per indicator. Each has a text description (alt text); the "
                             "figures are in the Chart_data worksheet.")};
  Sheet chart_sheet = ChartsSheet("Charts", title, std::move(chart_lines), std::move(charts));
  return {std::move(data_sheet), std::move(chart_sheet)};
}

// A link to chart `chart_idx` (from 0) of the sheet `sheet`.
Cell ChartLink(const std::string& sheet, size_t chart_idx) {
  return Cell::ChartLink(sheet + ", chart " + std::to_string(chart_idx + 1), sheet, chart_idx);
}

// A chart for each exception in an area other than the pack's authority: the area against the
// authority (and England) with the target line, so that every exception's figure is charted
// (the Charts worksheet has the authority's own). `ranks` gives each one's rank.
std::pair<Sheet, Sheet> ExceptionChartSheets(const Context& context,
                                             const std::vector<const Exception*>& exceptions,
                                             const std::vector<size_t>& ranks) {
  std::vector<std::string> area_headers{"Figure for the area", context.HomeName()};
  if (context.HasEngland()) area_headers.push_back(context.EnglandName());
  const ChartTable table = ChartColumns(
      {FigureColumn("Rank", Figures(0, false)), Column("Indicator", true), Column("Area")},
      area_headers);
  std::vector<Row> rows;
  std::vector<PackChart> charts;
  for (size_t idx = 0; idx < exceptions.size(); ++idx) {
    const Exception& exception = *exceptions[idx];
    const auto& indicator = context.site.indicators[exception.indicator];
    std::vector<ChartArea> areas{{exception.area, SeriesRole::kPrimary},
                                 {context.home, SeriesRole::kSecondary}};
    if (context.HasEngland()) areas.push_back({context.england, SeriesRole::kTertiary});
    std::optional<PackChart> chart =
        AddChart(context, exception.indicator, areas,
                 {Cell::Number(static_cast<double>(ranks[idx])), Cell::Text(indicator.short_title),
                  Cell::Text(context.Name(exception.area))},
                 table, "Exception_chart_data",
                 std::to_string(ranks[idx]) + ". " + context.Name(exception.area) + ": " +
                     ChartTitle(indicator),
                 rows);
    // An exception is a published figure, so there is always something to chart.
    assert(chart);
    charts.push_back(std::move(*chart));
  }
  Sheet data_sheet = TableSheet(
      "Exception_chart_data", "Figures used in the exception charts",
      ChartDataLines("the figures the Exception_charts worksheet plots, one block of rows per "
                     "exception (by its rank on the Exceptions worksheet)."),
      table.columns, std::move(rows));
  const size_t count = charts.size();
  Sheet chart_sheet = ChartsSheet(
      "Exception_charts",
      "Exception charts: each exception's figures over time, against " + context.HomeName() +
          (context.HasEngland() ? " and " + context.EnglandName() : ""),
      {Line("This worksheet contains " + std::to_string(count) +
            (count == 1 ? " chart" : " charts") + ", one per exception outside " +
            context.HomeName() + " itself, numbered by rank (the Charts worksheet has " +
            context.HomeName() +
            "'s own). Each has a text description (alt text); "
            "the figures are in the Exception_chart_data worksheet.")},
      std::move(charts));
  return {std::move(data_sheet), std::move(chart_sheet)};
}

// --- The scrutiny briefing pack ------------------------------------------------------------------

std::vector<uint32_t> HomeWards(const Context& context) {
  std::vector<uint32_t> wards;
  const auto& site = context.site;
  const std::string& home_code = context.results.areas[context.home].code;
  for (uint32_t area_idx = 0;
       area_idx < site.areas.size() && area_idx < context.results.areas.size(); ++area_idx) {
    const auto& area = site.areas[area_idx];
    if (area.type == "ward" && area.parent == home_code) wards.push_back(area_idx);
  }
  std::sort(wards.begin(), wards.end(), [&](uint32_t a, uint32_t b) {
    return context.Name(a) != context.Name(b) ? context.Name(a) < context.Name(b) : a < b;
  });
  return wards;
}

// The area groups of the pack's authority: every group for the site's home area (as before
// packs could be about other areas), otherwise the groups whose member wards are its wards.
std::vector<uint32_t> Groups(const Context& context) {
  std::vector<uint32_t> groups;
  const auto& results = context.results;
  const std::string& home_code = results.areas[context.home].code;
  for (uint32_t area_idx = 0; area_idx < results.areas.size(); ++area_idx) {
    const auto& area = results.areas[area_idx];
    if (!area.is_group) continue;
    bool ours = context.home == results.home_area;
    for (uint32_t member : area.members)
      if (!ours && member < context.site.areas.size())
        ours = context.site.areas[member].parent == home_code;
    if (ours) groups.push_back(area_idx);
  }
  return groups;
}

// Statuses worst first: the order of the summaries' rows and columns.
constexpr compute::TargetStatus kStatusOrder[] = {
    compute::TargetStatus::kNotMet, compute::TargetStatus::kClose, compute::TargetStatus::kMet,
    compute::TargetStatus::kNoTarget, compute::TargetStatus::kNoValue};

// The position of `status` in kStatusOrder: 0 for the worst.
size_t StatusRank(compute::TargetStatus status) {
  return static_cast<size_t>(std::find(std::begin(kStatusOrder), std::end(kStatusOrder), status) -
                             std::begin(kStatusOrder));
}

Sheet SummarySheet(const Context& context, const std::vector<size_t>& outcomes) {
  const NumberFormat whole = Figures(0, false);
  std::vector<TableColumn> columns = {Column("Outcome", true), FigureColumn("Indicators", whole)};
  for (auto status : kStatusOrder)
    columns.push_back(FigureColumn(StatusLabel(context.site.text, status), whole));
  columns.push_back(FigureColumn("Of which not certain", whole));
  std::vector<Row> rows;
  for (size_t outcome_idx : outcomes) {
    const auto& outcome = context.site.outcomes[outcome_idx];
    std::map<compute::TargetStatus, int> counts;
    int total = 0;
    int uncertain = 0;
    for (const auto& [indicator_idx, unused] : IndicatorsOf(context.site, {outcome_idx})) {
      const compute::Cell* latest = context.Latest(indicator_idx, context.home);
      ++counts[latest ? latest->target_status : compute::TargetStatus::kNoValue];
      if (latest && latest->target_uncertain) ++uncertain;
      ++total;
    }
    Row row = {Cell::Text(outcome.title), Cell::Number(total)};
    for (auto status : kStatusOrder) row.push_back(Cell::Number(counts[status]));
    row.push_back(Cell::Number(uncertain));
    rows.push_back(std::move(row));
  }
  return TableSheet(
      "Summary",
      "Status summary: indicators by target status for each outcome, " + context.HomeName() +
          ", latest figures",
      {Line("This worksheet contains one table: for each outcome, the number of its "
            "indicators in each target status, worst first."),
       Line("Status is judged on each indicator's latest published figure for " +
            context.HomeName() + " ([note 1] in the Notes worksheet)."),
       Line("A figure judged against a step on the path to the target counts with the "
            "matching status (" +
            JudgedLabel(context.site.text, kNotMet, kStep) + " as " +
            JudgedLabel(context.site.text, kNotMet, kTarget) + ")."),
       Line(std::string("Of which not certain: figures whose target lies inside their 95% "
                        "confidence interval (") +
            NotCertain(context.site.text) + ").")},
      std::move(columns), std::move(rows));
}

// One row per indicator of the outcome and area of `areas`.
Sheet OutcomeSheet(const Context& context, size_t outcome_idx, size_t number,
                   const std::vector<uint32_t>& areas) {
  const auto& outcome = context.site.outcomes[outcome_idx];
  std::vector<TableColumn> columns = {Column("Indicator", true),
                                      Column("Area"),
                                      Column("Unit"),
                                      Column("Latest period"),
                                      FigureColumn("Latest value"),
                                      FigureColumn(kTargetHeader),
                                      ProseColumn(kAboutTargetHeader, 30),
                                      Column("Baseline period"),
                                      FigureColumn("Baseline value"),
                                      FigureColumn("Change since baseline"),
                                      Column("Status", true, true),
                                      Column("Trend")};
  if (context.HasEngland()) {
    columns.push_back(FigureColumn(context.EnglandName() + " value, same period"));
    columns.push_back(Column("Compared with " + context.EnglandName()));
  }
  if (context.compare_home) columns.push_back(Column("Compared with " + context.HomeName()));
  std::vector<Row> rows;
  for (const auto& [indicator_idx, unused] : IndicatorsOf(context.site, {outcome_idx})) {
    const auto& indicator = context.site.indicators[indicator_idx];
    for (uint32_t area : areas) {
      const compute::Series* series = context.SeriesOf(indicator_idx, area);
      const compute::Cell* latest = series ? series->Latest() : nullptr;
      Row row = TextRow({indicator.short_title, context.Name(area),
                         UnitLabel(context.site.text, indicator),
                         latest ? latest->period.Label() : std::string("[x]")});
      row.push_back(ValueCell(indicator, latest));
      PushTarget(context.site.text, row, indicator, latest, context.Targeted(area));
      if (!indicator.baseline) {
        for (int idx = 0; idx < 3; ++idx) row.push_back(Cell::Text("[z]"));
      } else {
        row.push_back(Cell::Text(indicator.baseline->Label()));
        const compute::Cell* baseline = context.CellAt(indicator_idx, area, *indicator.baseline);
        row.push_back(ValueCell(indicator, baseline));
        if (latest && baseline && baseline->Published())
          row.push_back(Cell::Number(Rounded(indicator, Rounded(indicator, latest->value) -
                                                            Rounded(indicator, baseline->value)),
                                     ChangeFormat(indicator)));
        else
          row.push_back(Cell::Text(latest ? MarkerFor(baseline) : "[x]"));
      }
      row.push_back(Cell::Text(StatusText(context.site.text, indicator, latest)));
      row.push_back(Cell::Text(TrendText(context.site.text, indicator, series)));
      if (context.HasEngland()) {
        // A count (or other total) is never set beside a larger area's.
        row.push_back(!compute::ComparesAreas(indicator) ? Cell::Text("[z]")
                      : latest ? ValueCell(indicator, context.CellAt(indicator_idx, context.england,
                                                                     latest->period))
                               : Cell::Text("[x]"));
        row.push_back(
            Cell::Text(CompareText(context, indicator, latest, context.england_comparator)));
      }
      if (context.compare_home)
        row.push_back(Cell::Text(CompareHomeText(context, indicator_idx, area, latest)));
      rows.push_back(std::move(row));
    }
  }
  std::string area_names;
  for (size_t idx = 0; idx < areas.size(); ++idx)
    area_names += (idx == 0                  ? ""
                   : idx + 1 == areas.size() ? " and "
                                             : ", ") +
                  context.Name(areas[idx]);
  std::vector<SheetLine> lines = {
      Line("This worksheet contains one table: each indicator of "
           "this outcome for " +
           area_names + ", latest figures.")};
  if (!outcome.owner.empty()) lines.push_back(Line("Outcome owner: " + outcome.owner + "."));
  lines.push_back(
      Line("Notes (Notes worksheet): status [note 1], comparisons [note 3], trend "
           "[note 4], change since baseline [note 5]."));
  return TableSheet("Outcome_" + std::to_string(number),
                    "Outcome " + std::to_string(number) + ": " + outcome.title, std::move(lines),
                    std::move(columns), std::move(rows), "This outcome has no indicators.");
}

Sheet MatrixSheet(const Context& context,
                  const std::vector<std::pair<uint32_t, std::string>>& indicators,
                  const std::vector<uint32_t>& areas) {
  std::vector<TableColumn> columns = {Column("Area"), Column("Area type")};
  std::set<std::string> titles;
  for (const auto& [indicator_idx, unused] : indicators) {
    const auto& indicator = context.site.indicators[indicator_idx];
    std::string header = indicator.short_title;
    if (!titles.insert(Lower(header)).second) header += " (" + indicator.id + ")";
    columns.push_back(Column(header, false, true));
  }
  std::vector<Row> rows;
  for (uint32_t area : areas) {
    Row row = TextRow({context.Name(area), AreaTypeLabel(context.results.areas[area])});
    for (const auto& [indicator_idx, unused] : indicators) {
      row.push_back(Cell::Text(StatusText(context.site.text, context.site.indicators[indicator_idx],
                                          context.Latest(indicator_idx, area))));
    }
    rows.push_back(std::move(row));
  }
  return TableSheet(
      "Matrix", "Target status of every indicator in every area, latest figures",
      {Line("This worksheet contains one table: one row per area, one column per indicator, "
            "giving the target status of the area's latest figure."),
       Line("Status is explained in [note 1] (Notes worksheet); the figures are in the Data "
            "worksheet.")},
      std::move(columns), std::move(rows));
}

// Every cell of the indicators for the areas, one row per indicator, area, breakdown, period.
Sheet DataSheet(const Context& context,
                const std::vector<std::pair<uint32_t, std::string>>& indicators,
                const std::vector<uint32_t>& areas) {
  std::vector<TableColumn> columns = {Column("Indicator ID"),
                                      Column("Indicator", true),
                                      Column("Area code"),
                                      Column("Area"),
                                      Column("Area type"),
                                      Column("Breakdown"),
                                      Column("Period"),
                                      FigureColumn("Value"),
                                      Column("Unit"),
                                      FigureColumn("Lower 95% confidence limit"),
                                      FigureColumn("Upper 95% confidence limit"),
                                      FigureColumn("Count"),
                                      FigureColumn("Denominator"),
                                      FigureColumn(kTargetHeader),
                                      ProseColumn(kAboutTargetHeader, 30),
                                      Column("Target status", true, true),
                                      Column("Figure status"),
                                      Column("Note", true)};
  std::vector<Row> rows;
  const auto& results = context.results;
  const NumberFormat counts = Figures(0, true);
  for (const auto& [indicator_idx, unused] : indicators) {
    const auto& indicator = context.site.indicators[indicator_idx];
    const NumberFormat format = IndicatorFormat(indicator);
    const int decimals = Decimals(indicator);
    for (uint32_t area : areas) {
      for (uint16_t breakdown = 0; breakdown < results.breakdown_slots; ++breakdown) {
        const compute::Series* series = results.Find(indicator_idx, area, breakdown);
        if (!series) continue;
        std::string breakdown_label =
            breakdown == 0 ? std::string("All") : indicator.breakdowns[breakdown - 1];
        for (const auto& cell : series->cells) {
          Row row = TextRow({indicator.id, indicator.short_title, results.areas[area].code,
                             context.Name(area), AreaTypeLabel(results.areas[area]),
                             breakdown_label, cell.period.Label()});
          row.push_back(ValueCell(indicator, &cell));
          row.push_back(Cell::Text(UnitLabel(context.site.text, indicator)));
          row.push_back(PartCell(cell, cell.lower95, format, decimals));
          row.push_back(PartCell(cell, cell.upper95, format, decimals));
          row.push_back(PartCell(cell, cell.count, counts, -1));
          row.push_back(PartCell(cell, cell.denominator, counts, -1));
          PushTarget(context.site.text, row, indicator, &cell, context.Targeted(area));
          row.push_back(Cell::Text(StatusText(context.site.text, indicator, &cell)));
          row.push_back(Cell::Text(FigureStatus(context.site.text, cell)));
          const std::string& note = context.site.notes[cell.note];
          row.push_back(note.empty() ? Cell::Empty() : Cell::Text(note));
          rows.push_back(std::move(row));
        }
      }
    }
  }
  return TableSheet(
      "Data", "Figures for every indicator, area and period (long format)",
      {Line("This worksheet contains one table with a filter on each column: one row per "
            "indicator, area, breakdown and period."),
       Line("[c] and [x] replace figures that are not published (Notes worksheet). An empty "
            "Note cell means the figure has no note.")},
      std::move(columns), std::move(rows));
}

// What data/spending.csv records for the pack's outcomes, every area and year, as the file
// gives it (the resource envelope on the website adds up the home area's rows). None when
// nothing is recorded. Partner and category columns only when some row names one.
std::optional<Sheet> SpendingSheet(const Context& context, const std::vector<size_t>& outcomes) {
  const model::Site& site = context.site;
  std::vector<const model::Spending*> spending;
  bool partners = false;
  bool categories = false;
  bool example = false;
  for (size_t outcome_idx : outcomes)
    for (const model::Spending& row : site.spending)
      if (row.outcome == site.outcomes[outcome_idx].id) {
        spending.push_back(&row);
        partners |= !row.partner.empty();
        categories |= !row.category.empty();
        example |= row.note.rfind("example", 0) == 0;
      }
  if (spending.empty()) return std::nullopt;
  std::vector<TableColumn> columns = {Column("Outcome", true), Column("Area code"), Column("Area"),
                                      Column("Financial year")};
  if (partners) columns.push_back(Column("Partner", true));
  if (categories) columns.push_back(Column("Service category", true));
  columns.push_back(FigureColumn("Spent (£)", Figures(0, true)));
  columns.push_back(Column("Note", true));
  std::vector<Row> rows;
  for (const model::Spending* row : spending) {
    std::string outcome_title;
    for (const auto& outcome : site.outcomes)
      if (outcome.id == row->outcome) outcome_title = outcome.title;
    Row cells =
        TextRow({outcome_title, row->area, site.AreaOrGroupName(row->area), row->period.Label()});
    if (partners) {
      std::string name;
      for (const auto& partner : site.config.partners)
        if (partner.id == row->partner) name = partner.name;
      cells.push_back(name.empty() ? Cell::Empty() : Cell::Text(name));
    }
    if (categories)
      cells.push_back(row->category.empty() ? Cell::Empty() : Cell::Text(row->category));
    cells.push_back(Cell::Number(
        row->amount,
        Figures(std::fabs(row->amount - std::round(row->amount)) < 0.005 ? 0 : 2, true)));
    cells.push_back(row->note.empty() ? Cell::Empty() : Cell::Text(row->note));
    rows.push_back(std::move(cells));
  }
  std::vector<std::string> per = {"outcome", "area", "financial year"};
  if (partners) per.push_back("partner");
  if (categories) per.push_back("service category");
  std::vector<SheetLine> lines = {
      Line("This worksheet contains one table: what is recorded as spent on each outcome of "
           "this pack, one row per " +
           base::JoinWords(per) + ", as the council's spending file gives it."),
      Line("Amounts are pounds in cash terms (not adjusted for inflation). Rows for wards and "
           "groups of wards may be part of the figures for " +
           context.HomeName() +
           ": do not add them together. An empty cell means the file does not say.")};
  if (example)
    lines.push_back(Line("Rows whose note says example are made-up figures, to show how the "
                         "pack works: do not use them."));
  return TableSheet("Spending", "Spending on these outcomes, by area and financial year",
                    std::move(lines), std::move(columns), std::move(rows));
}

// What is recorded as spent on each of the pack's outcomes for the authority itself, year by
// year (rows for its wards and groups are left out: they may be parts of it), as a table, and
// a line chart per outcome on a sheet of its own. None when nothing is recorded.
std::optional<std::pair<Sheet, Sheet>> SpendingByYearSheets(const Context& context,
                                                            const std::vector<size_t>& outcomes) {
  const model::Site& site = context.site;
  const std::string& home_code = context.results.areas[context.home].code;
  std::vector<Row> rows;
  std::vector<PackChart> charts;
  constexpr const char* kSheet = "Spending_by_year";
  const NumberFormat pounds = Figures(0, true);
  for (size_t outcome_idx : outcomes) {
    const model::Outcome& outcome = site.outcomes[outcome_idx];
    std::map<model::Period, double> by_year;
    for (const model::Spending& row : site.spending)
      if (row.outcome == outcome.id && row.area == home_code) by_year[row.period] += row.amount;
    if (by_year.empty()) continue;
    const size_t first_row = rows.size();
    for (const auto& [period, amount] : by_year)
      rows.push_back(
          {Cell::Text(outcome.title), Cell::Text(period.Label()), Cell::Number(amount, pounds)});
    const size_t last_row = rows.size() - 1;
    auto range = [&](size_t column) { return ChartRange{kSheet, column, first_row, last_row}; };
    const auto& [last_period, last_amount] = *by_year.rbegin();
    PackChart chart;
    chart.title = "Spending on " + outcome.title + " (£)";
    chart.description =
        "Line chart of what was spent on " + outcome.title + " for " + context.HomeName() + ", " +
        by_year.begin()->first.Label() + " to " + last_period.Label() +
        ", in pounds at the time (not adjusted for inflation). In " + last_period.Label() +
        " it was £" + base::FormatNumber(last_amount, 0, true) + ". The figures are in the " +
        kSheet + " worksheet.";
    chart.y_axis = "£, not adjusted for inflation";
    chart.number_format = pounds.code;
    chart.categories = range(1);
    chart.series.push_back({context.HomeName(), range(2), SeriesRole::kPrimary});
    charts.push_back(std::move(chart));
  }
  if (rows.empty()) return std::nullopt;
  Sheet table = TableSheet(
      kSheet, "Spending on each outcome for " + context.HomeName() + ", by financial year",
      {Line("This worksheet contains one table: what is recorded as spent on each outcome of "
            "this pack for " +
            context.HomeName() +
            " as a whole, one row per outcome and "
            "financial year (the sum of the Spending worksheet's rows for it). The "
            "Spending_charts worksheet charts it."),
       Line("Amounts are pounds in cash terms (not adjusted for inflation).")},
      {Column("Outcome", true), Column("Financial year"), FigureColumn("Spent (£)", pounds)},
      std::move(rows));
  const size_t count = charts.size();
  Sheet chart_sheet = ChartsSheet(
      "Spending_charts",
      "Charts: spending on each outcome for " + context.HomeName() + " over time",
      {Line("This worksheet contains " + std::to_string(count) +
            (count == 1 ? " chart" : " charts") +
            ", one per outcome with spending recorded. Each has a text description (alt text); "
            "the figures are in the " +
            std::string(kSheet) + " worksheet.")},
      std::move(charts));
  return std::make_pair(std::move(table), std::move(chart_sheet));
}

// The balanced impact assessment of the pack's outcomes, as the outcome pages show it: a row
// per success statement with the indicators that measure it (and their status for the
// authority), the evidence pages that speak to it, and which of the two there are; above the
// table, each outcome as a whole and its latest year's spending. None when no outcome has
// success statements.
std::optional<Sheet> BalanceSheet(const Context& context, const std::vector<size_t>& outcomes) {
  const model::Site& site = context.site;
  const i18n::Catalogue& t = site.text;
  const std::string& home_code = context.results.areas[context.home].code;
  std::vector<SheetLine> lines = {
      Line("This worksheet contains one table: a row for each success statement of this "
           "pack's outcomes."),
      Line("Measured by: the indicators that measure it, with their latest status for " +
           context.HomeName() + "."),
      Line("What families and practitioners tell us: the pages that speak to it."),
      Line("Spending behind it: what is recorded as spent for " + context.HomeName() +
           " in the service categories linked to it, in the latest year they have."),
      Line("In short: which of the two there are. An empty cell means none is linked yet."),
      Line("Each outcome as a whole:", SheetLineStyle::kHeading)};
  std::vector<Row> rows;
  for (size_t outcome_idx : outcomes) {
    const model::Outcome& outcome = site.outcomes[outcome_idx];
    // Voices for the outcome: published pages that speak to it or to its indicators.
    bool voices = false;
    for (const model::ContentPage& page : site.pages) {
      if (page.draft) continue;
      for (const std::string& id : page.evidence_for)
        voices |= id == outcome.id || std::find(outcome.indicator_ids.begin(),
                                                outcome.indicator_ids.end(),
                                                id) != outcome.indicator_ids.end();
    }
    std::string line =
        outcome.title + ": " + BalanceVerdict(t, !outcome.indicator_ids.empty(), voices, true);
    if (const auto total = compute::LatestSpend(site, home_code, outcome.id))
      line += " " + t("balance_spend",
                      {{"home_area", context.HomeName()},
                       {"period", total->period.Label()},
                       {"amount", t("spend_money",
                                    {{"amount", base::FormatNumber(total->amount, 0, true)}})}});
    if (outcome.groups.empty()) line += " It has no success statements yet.";
    lines.push_back(Line(line));
    for (const model::StatementGroup& group : outcome.groups)
      for (size_t idx = 0; idx < group.statements.size(); ++idx) {
        const model::StatementLinks links =
            idx < group.links.size() ? group.links[idx] : model::StatementLinks{};
        std::vector<std::string> measures;
        for (const std::string& id : links.indicators)
          if (auto it = site.indicator_index.find(id); it != site.indicator_index.end())
            measures.push_back(site.indicators[it->second].short_title + ": " +
                               StatusText(t, site.indicators[it->second],
                                          context.Latest(it->second, context.home)));
        std::vector<std::string> pages;
        for (const std::string& path : links.evidence)
          for (const model::ContentPage& page : site.pages)
            if (page.path == path && !page.draft) {
              const std::string kind = EvidenceKindLabel(t, page.evidence_kind);
              pages.push_back(page.title + (kind.empty() ? "" : " (" + kind + ")"));
            }
        auto joined = [](const std::vector<std::string>& items) {
          if (items.empty()) return Cell::Empty();
          std::string text;
          for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
          return Cell::Text(text);
        };
        Cell spend;
        if (!links.spending.empty())
          if (const auto total = compute::LatestSpend(site, home_code, outcome.id, links.spending))
            spend = Cell::Text(
                t("balance_spend_row",
                  {{"amount",
                    t("spend_money", {{"amount", base::FormatNumber(total->amount, 0, true)}})},
                   {"period", total->period.Label()},
                   {"categories", base::JoinWords(links.spending, t("word_and"))}}));
        rows.push_back({Cell::Text(outcome.title), Cell::Text(group.title),
                        Cell::Text(group.statements[idx]), joined(measures), joined(pages), spend,
                        Cell::Text(BalanceVerdict(t, !measures.empty(), !pages.empty(), false))});
      }
  }
  if (rows.empty()) return std::nullopt;
  return TableSheet(
      "Figures_and_voices", "Figures and voices side by side: the balanced impact assessment",
      std::move(lines),
      {Column("Outcome", true), Column("Group", true), ProseColumn("Success statement", 40),
       ProseColumn("Measured by (latest status)", 40),
       ProseColumn("What families and practitioners tell us", 40),
       ProseColumn("Spending behind it (latest year)", 24), Column("In short", true)},
      std::move(rows));
}

Pack ScrutinyPack(const Context& context, const model::PackConfig& pack) {
  const auto& site = context.site;
  std::vector<size_t> outcomes;
  for (const auto& id : pack.outcomes)
    for (size_t outcome_idx = 0; outcome_idx < site.outcomes.size(); ++outcome_idx)
      if (site.outcomes[outcome_idx].id == id &&
          std::find(outcomes.begin(), outcomes.end(), outcome_idx) == outcomes.end())
        outcomes.push_back(outcome_idx);
  auto indicators = IndicatorsOf(site, outcomes);
  std::vector<uint32_t> groups = Groups(context);
  std::vector<uint32_t> wards = HomeWards(context);
  // Home, groups, wards: the areas the council answers for.
  std::vector<uint32_t> areas{context.home};
  areas.insert(areas.end(), groups.begin(), groups.end());
  areas.insert(areas.end(), wards.begin(), wards.end());
  // The data sheet adds the benchmarks.
  std::vector<uint32_t> data_areas = areas;
  for (size_t idx = 0; idx < context.results.comparator_areas.size(); ++idx) {
    uint32_t area = context.results.comparator_areas[idx];
    if (std::find(data_areas.begin(), data_areas.end(), area) == data_areas.end())
      data_areas.push_back(area);
  }
  std::vector<uint32_t> headline{context.home};
  headline.insert(headline.end(), groups.begin(), groups.end());

  // Charts first, so that each exception can link to its own: the authority's on the Charts
  // worksheet, any other area's on the Exception_charts worksheet.
  std::vector<uint32_t> chart_indicators;
  for (const auto& [indicator_idx, unused] : indicators) chart_indicators.push_back(indicator_idx);
  std::vector<ChartArea> chart_areas{{context.home, SeriesRole::kPrimary}};
  if (context.HasEngland()) chart_areas.push_back({context.england, SeriesRole::kSecondary});
  std::map<uint32_t, size_t> chart_of;
  auto [chart_data, charts] = ChartSheets(
      context, chart_indicators, chart_areas,
      "Charts: " + context.HomeName() +
          (context.HasEngland() ? " against " + context.EnglandName() : "") + " over time",
      &chart_of);
  const std::vector<Exception> exceptions = FindExceptions(context, indicators, areas);
  std::vector<Cell> chart_links;
  std::vector<const Exception*> elsewhere;
  std::vector<size_t> elsewhere_ranks;
  for (size_t idx = 0; idx < exceptions.size(); ++idx) {
    const Exception& exception = exceptions[idx];
    if (exception.area == context.home) {
      // A published figure of the authority: ChartSheets charted its indicator.
      assert(chart_of.count(exception.indicator));
      chart_links.push_back(ChartLink("Charts", chart_of.at(exception.indicator)));
    } else {
      chart_links.push_back(ChartLink("Exception_charts", elsewhere.size()));
      elsewhere.push_back(&exception);
      elsewhere_ranks.push_back(idx + 1);
    }
  }

  std::vector<Sheet> body;
  body.push_back(SummarySheet(context, outcomes));
  std::map<std::string, std::pair<std::string, std::string>> outcome_sheets;
  for (size_t number = outcomes.size(); number >= 1; --number)  // the first outcome wins a title
    outcome_sheets[site.outcomes[outcomes[number - 1]].title] = {
        "Outcome_" + std::to_string(number), "Outcome " + std::to_string(number)};
  body.push_back(ExceptionsSheet(context, exceptions, chart_links, true,
                                 "Exceptions: figures short of target in " + context.HomeName() +
                                     ", its ward groups and wards, worst first",
                                 "No latest figure for " + context.HomeName() +
                                     ", its ward groups or wards is short of its target.",
                                 outcome_sheets));
  for (size_t number = 1; number <= outcomes.size(); ++number)
    body.push_back(OutcomeSheet(context, outcomes[number - 1], number, headline));
  body.push_back(MatrixSheet(context, indicators, areas));
  body.push_back(DataSheet(context, indicators, data_areas));
  std::optional<Sheet> spending = SpendingSheet(context, outcomes);
  const bool has_spending = spending.has_value();
  if (has_spending) body.push_back(std::move(*spending));
  if (auto spending_by_year = SpendingByYearSheets(context, outcomes)) {
    body.push_back(std::move(spending_by_year->first));
    body.push_back(std::move(spending_by_year->second));
  }
  std::optional<Sheet> balance = BalanceSheet(context, outcomes);
  const bool has_balance = balance.has_value();
  if (has_balance) body.push_back(std::move(*balance));
  body.push_back(std::move(chart_data));
  body.push_back(std::move(charts));
  if (!elsewhere.empty()) {
    auto [exception_data, exception_charts] =
        ExceptionChartSheets(context, elsewhere, elsewhere_ranks);
    body.push_back(std::move(exception_data));
    body.push_back(std::move(exception_charts));
  }

  const std::string title = JoinTitles(pack.title, ": ", site.config.title);
  std::vector<std::string> outcome_lines;
  for (size_t number = 1; number <= outcomes.size(); ++number) {
    const auto& outcome = site.outcomes[outcomes[number - 1]];
    outcome_lines.push_back(std::to_string(number) + ". " + outcome.title +
                            (outcome.owner.empty() ? "" : " (owner: " + outcome.owner + ")"));
  }
  // The pack's own title is in A1: the sentence does not repeat it, so it reads the same
  // whatever the title says ("... briefing", "Briefing for ...", a committee's name).
  std::string about = "How " + context.HomeName() + " is doing against the outcomes below" +
                      (pack.meeting_date.empty()
                           ? std::string(".")
                           : ", for the meeting on " + LongDate(context.site.text, pack.meeting_date) + ".");
  std::string contains =
      "A status summary by outcome; the exceptions (figures short of target in " +
      context.HomeName() +
      ", its ward groups and wards, worst first); a worksheet for each outcome; a matrix of "
      "every area and indicator; every figure in long format with filters; " +
      (has_spending ? std::string("what is spent on the outcomes; ") : std::string()) +
      (has_balance ? std::string("the figures and voices behind each success statement; ")
                   : std::string()) +
      "charts of " +
      context.HomeName() + (context.HasEngland() ? " against " + context.EnglandName() : "") +
      " over time" +
      (elsewhere.empty() ? std::string(".")
                         : "; and a chart of each exception in a ward group or ward.");
  std::vector<SheetLine> cover =
      CoverLines(context, about, outcome_lines, contains, pack.meeting_date);
  return Workbook(context, Properties(context, title, pack.title),
                  JoinTitles(pack.title, " – ", site.config.title), title, std::move(cover),
                  std::move(body));
}

// --- The ward pack -------------------------------------------------------------------------------

Pack WardPack(const Context& context, uint32_t ward) {
  const auto& site = context.site;
  const std::string& ward_name = context.Name(ward);
  std::vector<size_t> all_outcomes;
  for (size_t outcome_idx = 0; outcome_idx < site.outcomes.size(); ++outcome_idx)
    all_outcomes.push_back(outcome_idx);
  auto indicators = IndicatorsOf(site, all_outcomes);
  {
    std::set<uint32_t> listed;
    for (const auto& item : indicators) listed.insert(item.first);
    for (uint32_t indicator_idx = 0; indicator_idx < site.indicators.size(); ++indicator_idx)
      if (!listed.count(indicator_idx)) indicators.emplace_back(indicator_idx, "[z]");
  }

  // The ward against the home area and England, at the ward's latest period.
  std::vector<TableColumn> columns = {Column("Outcome", true), Column("Indicator", true),
                                      Column("Unit"),          Column("Period"),
                                      FigureColumn(ward_name), FigureColumn(context.HomeName())};
  if (context.HasEngland()) columns.push_back(FigureColumn(context.EnglandName()));
  if (context.compare_home) columns.push_back(Column("Compared with " + context.HomeName()));
  if (context.HasEngland()) columns.push_back(Column("Compared with " + context.EnglandName()));
  columns.push_back(FigureColumn(kTargetHeader));
  columns.push_back(ProseColumn(kAboutTargetHeader, 30));
  columns.push_back(Column("Status", true, true));
  columns.push_back(Column("Trend"));
  // Rows worst first; stable, so ties keep the outcome and indicator order.
  std::vector<std::pair<size_t, Row>> ranked_rows;
  std::vector<Row> plain;
  for (const auto& entry : indicators) {
    // Not a structured binding: the lambda below captures it, which clang 14 refuses.
    const auto indicator_idx = entry.first;
    const auto& outcome = entry.second;
    const auto& indicator = context.site.indicators[indicator_idx];
    const compute::Series* series = context.SeriesOf(indicator_idx, ward);
    const compute::Cell* latest = series ? series->Latest() : nullptr;
    const compute::Cell* home_latest = context.Latest(indicator_idx, context.home);
    const model::Period* period = latest        ? &latest->period
                                  : home_latest ? &home_latest->period
                                                : nullptr;
    const compute::Cell* ward_cell = latest   ? latest
                                     : period ? context.CellAt(indicator_idx, ward, *period)
                                              : nullptr;
    Row row = TextRow({outcome, indicator.short_title, UnitLabel(context.site.text, indicator),
                       period ? period->Label() : std::string("[x]")});
    row.push_back(ValueCell(indicator, ward_cell));
    // A count (or other total) is never set beside a larger area's: [z] in their columns.
    auto beside = [&](uint32_t area) {
      if (!compute::ComparesAreas(indicator)) return Cell::Text("[z]");
      return period ? ValueCell(indicator, context.CellAt(indicator_idx, area, *period))
                    : Cell::Text("[x]");
    };
    row.push_back(beside(context.home));
    if (context.HasEngland()) row.push_back(beside(context.england));
    if (context.compare_home)
      row.push_back(Cell::Text(CompareHomeText(context, indicator_idx, ward, latest)));
    if (context.HasEngland())
      row.push_back(
          Cell::Text(CompareText(context, indicator, latest, context.england_comparator)));
    PushTarget(context.site.text, row, indicator, latest, context.Targeted(ward));
    row.push_back(Cell::Text(StatusText(context.site.text, indicator, latest)));
    row.push_back(Cell::Text(TrendText(context.site.text, indicator, series)));
    ranked_rows.emplace_back(
        StatusRank(latest ? latest->target_status : compute::TargetStatus::kNoValue),
        std::move(row));

    std::string words;
    if (series)
      for (const auto& sentence : series->sentences) words += (words.empty() ? "" : " ") + sentence;
    if (words.empty())
      words = "There is no published figure for " + ward_name + " for this indicator.";
    plain.push_back(TextRow({indicator.short_title, words}));
  }

  std::stable_sort(ranked_rows.begin(), ranked_rows.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Row> rows;
  for (auto& item : ranked_rows) rows.push_back(std::move(item.second));

  // The exceptions first, as in the scrutiny pack: what needs attention before the rest.
  std::vector<Exception> exceptions = FindExceptions(context, indicators, {ward});
  std::vector<Sheet> body;
  body.emplace_back();  // the exceptions, once their charts are numbered (below)
  body.push_back(TableSheet(
      "Summary",
      ward_name + " against " + context.HomeName() +
          (context.HasEngland() ? " and " + context.EnglandName() : "") +
          ": latest figures for every indicator",
      {Line("This worksheet contains one table: one row per indicator, worst status "
            "first (not met, close, met, then no target and no data), at the ward's latest "
            "period, with " +
            context.HomeName() + (context.HasEngland() ? " and " + context.EnglandName() : "") +
            " for the same period."),
       Line("Notes (Notes worksheet): status [note 1], comparisons [note 3], trend "
            "[note 4]. [z] in Outcome: the indicator is in no outcome.")},
      std::move(columns), std::move(rows)));
  body.push_back(TableSheet(
      "In_plain_English", "What the figures say about " + ward_name + ", in plain English",
      {Line("This worksheet contains one table: for each indicator, the ward's latest figure "
            "in words, how it compares and how it has changed.")},
      {Column("Indicator", true), ProseColumn("What the figures say", 100)}, std::move(plain)));

  // A chart for every exception, worst first, then the first indicators with figures until
  // there are two.
  std::vector<uint32_t> chart_indicators;
  for (const auto& exception : exceptions)
    if (std::find(chart_indicators.begin(), chart_indicators.end(), exception.indicator) ==
        chart_indicators.end())
      chart_indicators.push_back(exception.indicator);
  for (const auto& [indicator_idx, unused] : indicators) {
    if (chart_indicators.size() >= 2) break;
    if (std::find(chart_indicators.begin(), chart_indicators.end(), indicator_idx) !=
        chart_indicators.end())
      continue;
    if (context.Latest(indicator_idx, ward)) chart_indicators.push_back(indicator_idx);
  }
  std::vector<ChartArea> chart_areas{{ward, SeriesRole::kPrimary},
                                     {context.home, SeriesRole::kSecondary}};
  if (context.HasEngland()) chart_areas.push_back({context.england, SeriesRole::kTertiary});
  std::map<uint32_t, size_t> chart_of;
  auto [chart_data, charts] =
      ChartSheets(context, chart_indicators, chart_areas,
                  "Charts: " + ward_name + " against " + context.HomeName() + " over time",
                  &chart_of);
  std::vector<Cell> chart_links;
  for (const auto& exception : exceptions) {
    // A published figure of the ward: ChartSheets charted its indicator.
    assert(chart_of.count(exception.indicator));
    chart_links.push_back(ChartLink("Charts", chart_of.at(exception.indicator)));
  }
  body.front() =
      ExceptionsSheet(context, exceptions, chart_links, false,
                      "Exceptions: figures for " + ward_name + " short of target, worst first",
                      "No latest figure for " + ward_name + " is short of its target.");
  if (!charts.charts->empty()) {
    body.push_back(std::move(chart_data));
    body.push_back(std::move(charts));
  }

  const std::string title = ward_name + " ward pack: " + site.config.title;
  std::string about = "Figures for councillors of " + ward_name + " ward: every indicator of " +
                      site.config.title + " for the ward, against " + context.HomeName() +
                      (context.HasEngland() ? " and " + context.EnglandName() : "") + ".";
  std::string contains =
      "The ward's exceptions (figures short of target, worst first); a summary of every "
      "indicator for the ward against " +
      context.HomeName() + (context.HasEngland() ? " and " + context.EnglandName() : "") +
      "; the same figures in plain English" +
      (chart_indicators.empty() ? std::string(".") : "; and charts over time.");
  std::vector<SheetLine> cover = CoverLines(context, about, {}, contains, "");
  return Workbook(context, Properties(context, title, ward_name + " ward"),
                  ward_name + " ward pack – " + site.config.title, title, std::move(cover),
                  std::move(body));
}

}  // namespace

int64_t DateToUnixSeconds(const std::string& iso_date) {
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return 0;
  for (size_t idx : {0, 1, 2, 3, 5, 6, 8, 9})
    if (iso_date[idx] < '0' || iso_date[idx] > '9') return 0;
  int64_t year = std::stoi(iso_date.substr(0, 4));
  int64_t month = std::stoi(iso_date.substr(5, 2));
  int64_t day = std::stoi(iso_date.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1970) return 0;
  // Days from 1970-01-01 to the civil date (Howard Hinnant's days_from_civil).
  year -= month <= 2;
  int64_t era = year / 400;
  int64_t year_of_era = year - era * 400;
  int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return (era * 146097 + day_of_era - 719468) * 86400;
}

std::vector<PackRef> ListPacks(const model::Site& site, const compute::Results& results) {
  std::vector<PackRef> packs;
  std::set<std::string> paths;
  for (uint32_t pack_idx = 0; pack_idx < site.config.packs.size(); ++pack_idx) {
    PackRef ref{kPackFolder + site.config.packs[pack_idx].id + ".xlsx", PackKind::kScrutiny,
                pack_idx};
    if (paths.insert(ref.path).second) packs.push_back(std::move(ref));
  }
  const std::vector<std::string> slugs = AreaSlugs(site, results);
  for (uint32_t area_idx = 0; area_idx < site.areas.size() && area_idx < results.areas.size();
       ++area_idx) {
    const auto& area = site.areas[area_idx];
    if (area.type != "ward") continue;
    if (site.config.ward_packs == model::WardPacks::kHome && area.parent != site.config.home_area)
      continue;
    const std::string& slug = slugs[area_idx];
    std::string path = std::string(kPackFolder) + "ward-" + slug + ".xlsx";
    // A scrutiny pack id such as "ward-leigh" must not take a ward's file.
    if (!paths.insert(path).second) {
      path = std::string(kPackFolder) + "ward-" + slug + "-" + base::Slugify(area.code) + ".xlsx";
      paths.insert(path);
    }
    packs.push_back({path, PackKind::kWard, area_idx});
  }
  std::sort(packs.begin(), packs.end(),
            [](const PackRef& a, const PackRef& b) { return a.path < b.path; });
  return packs;
}

Pack PackView(const model::Site& site, const compute::Results& results, const PackRef& pack) {
  // The authority the pack is about: the entry's area, or the ward's parent; else home_area.
  const std::string& code = pack.kind == PackKind::kScrutiny
                                ? site.config.packs[pack.index].area
                                : site.areas[pack.index].parent;
  uint32_t home = results.home_area;
  if (!code.empty()) {
    auto it = site.area_index.find(code);
    if (it != site.area_index.end() && it->second < results.areas.size()) home = it->second;
  }
  Context context(site, results, home);
  if (pack.kind == PackKind::kScrutiny) return ScrutinyPack(context, site.config.packs[pack.index]);
  return WardPack(context, pack.index);
}

// --- As JSON -------------------------------------------------------------------------------------

namespace {

const char* ToneName(Tone tone) {
  switch (tone) {
    case Tone::kGood:
      return "good";
    case Tone::kClose:
      return "close";
    case Tone::kBad:
      return "bad";
    case Tone::kUnclear:
      return "unclear";
  }
  return "unclear";
}

const char* StyleName(SheetLineStyle style) {
  switch (style) {
    case SheetLineStyle::kPlain:
      return "";
    case SheetLineStyle::kHeading:
      return "heading";
    case SheetLineStyle::kWarning:
      return "warning";
  }
  return "";
}

const char* RoleName(SeriesRole role) {
  switch (role) {
    case SeriesRole::kPrimary:
      return "primary";
    case SeriesRole::kSecondary:
      return "secondary";
    case SeriesRole::kTertiary:
      return "tertiary";
    case SeriesRole::kTarget:
      return "target";
  }
  return "primary";
}

json RangeJson(const ChartRange& range) {
  return {{"sheet", range.sheet},
          {"column", range.column},
          {"first_row", range.first_row},
          {"last_row", range.last_row}};
}

json CellJson(const TableCell& cell) {
  switch (cell.kind) {
    case TableCell::Kind::kEmpty:
      return nullptr;
    case TableCell::Kind::kText:
      return cell.text;
    case TableCell::Kind::kNumber:
      // Plain numbers are ranks and counts: whole numbers read best as integers ("3", not
      // "3.0").
      if (std::trunc(cell.number) == cell.number && std::fabs(cell.number) < 1e15)
        return static_cast<int64_t>(cell.number);
      return cell.number;
    case TableCell::Kind::kFormattedNumber:
      return {{"number", cell.number}, {"format", cell.format.code}};
    case TableCell::Kind::kSheetLink:
      return {{"text", cell.text}, {"sheet", cell.target}};
    case TableCell::Kind::kChartLink:
      return {{"text", cell.text}, {"sheet", cell.target}, {"chart", cell.chart}};
    case TableCell::Kind::kUrlLink:
      return {{"text", cell.text}, {"url", cell.target}};
  }
  return nullptr;
}

json TableJson(const Table& table) {
  json columns = json::array();
  for (const TableColumn& column : table.columns) {
    json item = {{"header", column.header}, {"wrap", column.wrap}, {"tone", column.tone}};
    if (!column.format.code.empty()) item["format"] = column.format.code;
    if (column.numeric) item["numeric"] = true;
    if (column.width) item["width"] = *column.width;
    columns.push_back(std::move(item));
  }
  json rows = json::array();
  for (const TableRow& row : table.rows) {
    json cells = json::array();
    for (const TableCell& cell : row) cells.push_back(CellJson(cell));
    rows.push_back(std::move(cells));
  }
  return {{"name", table.name}, {"columns", std::move(columns)}, {"rows", std::move(rows)}};
}

json ChartJson(const PackChart& chart) {
  json series = json::array();
  for (const ChartSeries& item : chart.series) {
    json entry = RangeJson(item.values);
    entry["name"] = item.name;
    entry["role"] = RoleName(item.role);
    series.push_back(std::move(entry));
  }
  return {{"title", chart.title},
          {"description", chart.description},
          {"y_axis", chart.y_axis},
          {"number_format", chart.number_format},
          {"categories", RangeJson(chart.categories)},
          {"series", std::move(series)}};
}

}  // namespace

json PackJson(const Pack& pack) {
  const PackProperties& properties = pack.properties;
  json tones = json::object();
  for (const ToneRule& rule : pack.tones) tones[rule.start] = ToneName(rule.tone);
  json sheets = json::array();
  for (const Sheet& sheet : pack.sheets) {
    json lines = json::array();
    for (const SheetLine& line : sheet.lines) {
      json item = {{"text", line.text}, {"style", StyleName(line.style)}};
      if (!line.url.empty()) item["url"] = line.url;
      lines.push_back(std::move(item));
    }
    json item = {{"name", sheet.name}, {"title", sheet.title}, {"lines", std::move(lines)}};
    if (sheet.table) item["table"] = TableJson(*sheet.table);
    if (sheet.charts) {
      json charts = json::array();
      for (const PackChart& chart : *sheet.charts) charts.push_back(ChartJson(chart));
      item["charts"] = std::move(charts);
    }
    sheets.push_back(std::move(item));
  }
  return {{"properties",
           {{"title", properties.title},
            {"subject", properties.subject},
            {"author", properties.author},
            {"company", properties.company},
            {"category", properties.category},
            {"keywords", properties.keywords},
            {"comments", properties.comments},
            {"created", properties.created}}},
          {"page_header", pack.page_header},
          {"tones", std::move(tones)},
          {"sheets", std::move(sheets)}};
}

}  // namespace outcomes::view
