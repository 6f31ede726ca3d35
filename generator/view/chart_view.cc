// Chart specs (view/chart_view.h). The numbers, words and styles of each chart are decided here;
// render/svg only turns them into coordinates.
#include "view/chart_view.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "base/format.h"
#include "base/text.h"
#include "view/labels.h"

namespace outcomes::view {

namespace {

using nlohmann::json;

// --- Styles -----------------------------------------------------------------------------------
// One look per meaning, the same in every chart of a page: a dash pattern, a marker shape or a
// fill pattern stands for one area (or for the target) wherever it appears, so a reader who has
// learnt the legend of one chart can read the next. The home area is a solid line with circles
// (as a trend line, and as the reference line of bar charts); each other comparator and
// each group of wards keeps its own dash, marker and colour whether it is a trend line or a
// benchmark line; the target is the one long dash ending in a ring; stripes mark the gap's
// target group and its members and nothing else. Every colour has at least 3:1 contrast with
// white (WCAG 1.4.11), and every look differs by dash and marker too, so nothing depends on
// colour alone. Status colours (green, amber, red) are not used, so a line's colour never reads
// as a judgement. tests/svg/chart_styles_test.cc checks that no pattern has two meanings on any
// page of the example site.

constexpr const char* kText = "#0b0c0c";
struct SeriesStyle {
  const char* colour;
  const char* dash;
  const char* marker;
};
constexpr SeriesStyle kHomeStyle = {"#12436d", "", "circle"};  // dark blue, 10.2:1
// The group the site aims its work at (the gap's target group): the same pink as its stripes.
constexpr SeriesStyle kTargetGroupStyle = {"#801650", "6 3", "square"};  // dark pink, 9.8:1
// The other comparators, in the site's order (compute::kMaxComparators at most, one of them
// the home area).
constexpr SeriesStyle kComparatorStyles[] = {
    {"#1f7a72", "2 3", "triangle"},          // teal, 5.1:1
    {"#b4470f", "12 4 3 4", "triangle-down"},  // burnt orange, 5.5:1
    {"#6a4ea8", "12 3 3 3 3 3", "cross"},      // purple, 6.4:1
    {"#1d70b8", "3 6", "triangle"},            // mid blue, 5.2:1
    {"#4d6a00", "20 4 4 4", "triangle-down"},  // olive, 6.2:1
};
// The other groups of wards, in the site's order.
constexpr SeriesStyle kGroupStyles[] = {
    {"#3d3d3d", "16 4 2 4 2 4", "diamond"},  // dark grey, 10.9:1
    {"#7a4b00", "1 4", "cross"},            // brown, 7.4:1
};
// Any other area drawn as a line (a ward a page's figure names), by its place in the chart.
constexpr SeriesStyle kOtherStyles[] = {
    {"#505a5f", "8 2 2 2", "triangle"},   // grey, 7.1:1
    {"#28566d", "4 2", "triangle-down"},  // slate, 7.9:1
    {"#5c3a8e", "14 2", "cross"},         // violet, 8.6:1
    {"#8a3c00", "2 2", "square"},         // rust, 7.7:1
    {"#00565e", "10 2 2 2 2 2", "diamond"},  // dark teal, 8.4:1
};
constexpr const char* kTargetColour = kText;
constexpr const char* kTargetDash = "10 6";
// The fill pattern of target-group bars, diagonal stripes, named as the map's patterns are
// (view/map_view.h, where "hatch" is diagonal stripes), so that a page's patterns can be
// checked for one meaning each: the maps do not use it.
constexpr const char* kTargetGroupPattern = "hatch";
// Dot charts and sparklines: the area the page is about (a ward page draws both), and the
// areas it is ranked among. The home area's reference line on a dot chart is dashed: on a ward
// page a solid line is the ward's own figures over time.
constexpr const char* kFocusColour = kText;
constexpr const char* kFocusMarker = "diamond";
constexpr const char* kReferenceDash = "6 4";
constexpr const char* kOtherDotColour = "#505a5f";  // grey, 7.1:1
constexpr const char* kOtherDotMarker = "circle";
// The bars of areas outside the target group (and of sums of money).
const BarStyle kOtherBarStyle = {"#dee0e2", kOtherDotColour, "", "", "chart-bar"};

// The look of `area` wherever a chart draws it as a line. `others_before` counts the areas of
// the chart already given an "other" look (wards and the like), and is advanced.
SeriesStyle StyleOf(const model::Site& site, const compute::Results& results, uint32_t area,
                    size_t& others_before) {
  if (area == results.home_area) return kHomeStyle;
  size_t comparator_idx = 0;
  for (uint32_t comparator : results.comparator_areas) {
    if (comparator == results.home_area) continue;
    if (comparator == area)
      return kComparatorStyles[comparator_idx % std::size(kComparatorStyles)];
    ++comparator_idx;
  }
  if (results.areas[area].is_group) {
    if (!site.config.gap_target.empty() && results.areas[area].code == site.config.gap_target)
      return kTargetGroupStyle;
    size_t group_idx = 0;
    for (uint32_t idx = 0; idx < area; ++idx)
      if (results.areas[idx].is_group && results.areas[idx].code != site.config.gap_target)
        ++group_idx;
    return kGroupStyles[group_idx % std::size(kGroupStyles)];
  }
  return kOtherStyles[others_before++ % std::size(kOtherStyles)];
}

// --- Small helpers ------------------------------------------------------------------------------

// An id prefix safe for SVG ids and CSS selectors: a slug that starts with a letter.
std::string IdPrefix(const std::string& wanted) {
  std::string slug = base::Slugify(wanted);
  if (slug[0] < 'a' || slug[0] > 'z') slug = "chart-" + slug;
  return slug;
}

int DecimalsOf(const model::Indicator& indicator) {
  return indicator.unit == model::Unit::kCount ? 0 : indicator.decimals;
}

// The value as published: rounded as the tables print it, so chart and table agree.
double Rounded(const model::Indicator& indicator, double value) {
  return base::RoundTo(value, DecimalsOf(indicator));
}

// The value as a chart prints it. Rates drop "per 10,000": the axis title says it once.
std::string ChartLabel(const i18n::Catalogue& t, const model::Indicator& indicator, double value) {
  if (indicator.unit == model::Unit::kRate) return base::FormatNumber(value, indicator.decimals);
  return FormatValue(t, indicator, value);
}

std::string AxisTitle(const i18n::Catalogue& t, const model::Indicator& indicator) {
  const std::string& population = indicator.population;
  switch (indicator.unit) {
    case model::Unit::kPercent:
      return population.empty() ? t("axis_percent") : t("axis_percent_of", {{"population", population}});
    case model::Unit::kRate: return t("axis_rate", {{"unit", UnitLabel(t, indicator)}});
    case model::Unit::kCount:
      return population.empty() ? t("axis_number") : t("axis_number_of", {{"population", population}});
    case model::Unit::kCurrency: return t("axis_amount");
    case model::Unit::kNumber: return t("col_value");
  }
  return t("col_value");
}

// "a", "a and b", "a, b and c" (or with `last` " or ": "a, b or c").
std::string JoinList(const std::vector<std::string>& items, const char* last) {
  std::string text;
  for (size_t idx = 0; idx < items.size(); ++idx) {
    if (idx > 0) text += idx + 1 == items.size() ? last : ", ";
    text += items[idx];
  }
  return text;
}

// Why `cell` (possibly absent) shows no value; kNo when it is published.
compute::Hidden HiddenOf(const compute::Cell* cell) {
  if (cell == nullptr) return compute::Hidden::kMissing;
  if (cell->Published()) return compute::Hidden::kNo;
  return cell->hidden == compute::Hidden::kNo ? compute::Hidden::kMissing : cell->hidden;
}

const compute::Cell* CellAt(const compute::Series* series, const model::Period& period) {
  if (series == nullptr) return nullptr;
  for (const auto& cell : series->cells)
    if (cell.period == period) return &cell;
  return nullptr;
}

const compute::Cell* PublishedAt(const compute::Series* series, const model::Period& period) {
  const compute::Cell* cell = CellAt(series, period);
  return cell && cell->Published() ? cell : nullptr;
}

// --- Axes -------------------------------------------------------------------------------------

// How many decimals a tick step needs (2.5 -> 1, 0.25 -> 2, 50 -> 0).
int StepDecimals(double step) {
  for (int decimals = 0; decimals < 6; ++decimals) {
    double scaled = step * std::pow(10.0, decimals);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return decimals;
  }
  return 6;
}

// A value axis over [lo, hi] with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten),
// at most six of them. Percentages stay within 0-100 and an axis of non-negative figures does not
// go below zero.
ValueAxis MakeAxis(const i18n::Catalogue& t, const model::Indicator& indicator, double lo, double hi) {
  bool non_negative = lo >= 0;
  if (hi < lo) std::swap(lo, hi);
  if (hi - lo < 1e-9) {  // one value: an axis around it
    double pad = std::max(std::fabs(hi) * 0.1, 1.0);
    lo -= pad;
    hi += pad;
  }
  double step = 1;
  double axis_min = 0;
  double axis_max = 0;
  for (int wanted = 4; wanted >= 1; --wanted) {
    double raw = (hi - lo) / wanted;
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double norm = raw / magnitude;
    double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    step = nice * magnitude;
    axis_min = std::floor(lo / step + 1e-9) * step;
    axis_max = std::ceil(hi / step - 1e-9) * step;
    if (non_negative && axis_min < 0) axis_min = 0;
    if (indicator.unit == model::Unit::kPercent) {
      axis_min = std::max(axis_min, 0.0);
      axis_max = std::min(axis_max, 100.0);
    }
    if ((axis_max - axis_min) / step <= 5.0 + 1e-9) break;
  }
  int decimals = StepDecimals(step);
  ValueAxis axis;
  int count = static_cast<int>(std::lround((axis_max - axis_min) / step));
  for (int tick_idx = 0; tick_idx <= count; ++tick_idx) {
    double value = base::RoundTo(axis_min + tick_idx * step, decimals);
    std::string number = base::FormatNumber(value, decimals);
    std::string label = number;
    if (indicator.unit == model::Unit::kPercent) label += "%";
    if (indicator.unit == model::Unit::kCurrency) label = "£" + number;
    axis.ticks.push_back({value, label});
  }
  axis.min = base::RoundTo(axis_min, decimals);
  axis.max = base::RoundTo(axis_max, decimals);
  axis.title = AxisTitle(t, indicator);
  return axis;
}

// Tracks the range a value axis must cover.
struct Range {
  double lo = INFINITY;
  double hi = -INFINITY;
  void Add(double value) {
    if (!model::Has(value)) return;
    lo = std::min(lo, value);
    hi = std::max(hi, value);
  }
};

// A published point: value, label and the interval when there is one.
struct Published {
  double value = 0;
  std::string label;
  std::optional<double> lower;
  std::optional<double> upper;
};

Published Point(const i18n::Catalogue& t, const model::Indicator& indicator, const compute::Cell& cell) {
  Published point{Rounded(indicator, cell.value), ChartLabel(t, indicator, cell.value), {}, {}};
  if (model::Has(cell.lower95) && model::Has(cell.upper95)) {
    point.lower = Rounded(indicator, cell.lower95);
    point.upper = Rounded(indicator, cell.upper95);
  }
  return point;
}

// " and " in the catalogue's language.
std::string And(const i18n::Catalogue& t) { return " " + t("word_and") + " "; }

// "Kursaal rose from 44.9% to 74.0%", with the periods when they are not the chart's own
// range; with no `area`, a sentence of its own ("Rose from 44.9% in 2013 to 74.0% in 2019.").
std::string Movement(const i18n::Catalogue& t, const model::Indicator& indicator, const compute::Cell& first,
                     const compute::Cell& last, bool name_periods, const std::string* area) {
  const std::string from = FormatValue(t, indicator, first.value);
  const std::string to = FormatValue(t, indicator, last.value);
  const double a = Rounded(indicator, first.value);
  const double b = Rounded(indicator, last.value);
  std::string key = &first == &last ? "one" : a == b ? "same" : b > a ? "rose" : "fell";
  i18n::Args args = {{"value", from},
                     {"from", from},
                     {"to", to},
                     {"period", first.period.Phrase()},
                     {"first", first.period.Label()},
                     {"last", last.period.Label()},
                     {"from_when", name_periods ? t("chart_in_period", {{"period", first.period.Phrase()}}) : ""},
                     {"to_when", name_periods ? t("chart_in_period", {{"period", last.period.Phrase()}}) : ""}};
  if (!area) return t("chart_" + key, args);
  args.emplace_back("area", *area);
  return t("chart_moved_" + key, args);
}

// Notes for the periods a series has no figure: "No figure for Kursaal in 2016/17 and 2017/18
// [c] (suppressed: ...)." One note per reason, in order of first appearance.
using Gaps = std::vector<std::pair<model::Period, compute::Hidden>>;

std::vector<std::string> GapNotes(const i18n::Catalogue& t, const std::string& name, const Gaps& gaps) {
  std::vector<compute::Hidden> order;
  std::map<compute::Hidden, std::vector<std::string>> periods;
  for (const auto& [period, hidden] : gaps) {
    if (!periods.count(hidden)) order.push_back(hidden);
    periods[hidden].push_back(period.Phrase());
  }
  std::vector<std::string> notes;
  for (compute::Hidden hidden : order)
    notes.push_back(t(name.empty() ? "chart_no_figure_in" : "chart_no_figure_for_in",
                      {{"area", name},
                       {"periods", JoinList(periods[hidden], And(t).c_str())},
                       {"marker", HiddenMarker(hidden)},
                       {"why", HiddenLabel(t, hidden)}}));
  return notes;
}

// One area's published cell.
struct AreaCell {
  uint32_t area;
  const compute::Cell* cell;
};

// `areas` split by whether they have a published figure for `period`: those that do, and for
// those that do not a spec's missing list and notes grouped by why ("No figure for Leigh and
// Milton in 2018/19 [x] (not available).").
struct Split {
  std::vector<AreaCell> published;
  std::vector<MissingArea> missing;
  std::vector<std::string> notes;
};

Split SplitByPublished(const i18n::Catalogue& t, const compute::Results& results, uint32_t indicator,
                       const std::vector<uint32_t>& areas, const model::Period& period) {
  Split split;
  std::vector<compute::Hidden> order;
  std::map<compute::Hidden, std::vector<std::string>> names;
  for (uint32_t area : areas) {
    const compute::Cell* cell = CellAt(results.Find(indicator, area, 0), period);
    compute::Hidden hidden = HiddenOf(cell);
    if (hidden == compute::Hidden::kNo) {
      split.published.push_back({area, cell});
      continue;
    }
    split.missing.push_back({results.areas[area].name, HiddenMarker(hidden), HiddenLabel(t, hidden)});
    if (!names.count(hidden)) order.push_back(hidden);
    names[hidden].push_back(results.areas[area].name);
  }
  for (compute::Hidden hidden : order)
    split.notes.push_back(
        t("chart_no_figure_for_in",
          {{"area", JoinList(names[hidden], And(t).c_str())},
           {"periods", period.Phrase()},
           {"marker", HiddenMarker(hidden)},
           {"why", HiddenLabel(t, hidden)}}));
  return split;
}

// The area-group members (and the group) the site aims its work at: the gap's target group.
std::vector<bool> TargetAreas(const model::Site& site, const compute::Results& results) {
  std::vector<bool> targeted(results.areas.size(), false);
  if (site.config.gap_target.empty()) return targeted;
  int32_t group = results.FindArea(site.config.gap_target);
  if (group < 0) return targeted;
  targeted[static_cast<size_t>(group)] = true;
  for (uint32_t member : results.areas[static_cast<size_t>(group)].members)
    if (member < targeted.size()) targeted[member] = true;
  return targeted;
}

// The latest period in which any of `areas` has a published figure, or nullopt.
std::optional<model::Period> LatestPeriod(const compute::Results& results, uint32_t indicator,
                                          const std::vector<uint32_t>& areas) {
  std::optional<model::Period> latest;
  for (uint32_t area : areas)
    if (const compute::Series* series = results.Find(indicator, area, 0))
      if (const compute::Cell* cell = series->Latest())
        if (!latest || *latest < cell->period) latest = cell->period;
  return latest;
}

// Every period from `first` to `last` on the time line; a span too long to draw period by period
// (over 400) keeps only the periods in `fallback`.
std::vector<model::Period> TimeLine(const model::Period& first, const model::Period& last,
                                    const std::vector<model::Period>& fallback) {
  constexpr int32_t kLimit = 400;
  // Pooled periods (2015 to 2017) and a mix of spans are placed in order, one position each:
  // stepping year by year would invent pools the data does not have.
  for (const model::Period& period : fallback)
    if (period.Pooled() || period.span != first.span) return fallback;
  int32_t span = last.Ordinal() - first.Ordinal();
  if (span < 0 || span >= kLimit) return fallback;
  std::vector<model::Period> periods;
  for (int32_t step = 0; step <= span; ++step) periods.push_back(first.Shifted(step));
  return periods;
}

// A series' points over `periods` (positions 0..data_end-1 only; later positions are the
// target's extension and have no data), with gaps marked. Collects the gaps in `gaps`.
std::vector<SeriesPoint> SeriesPoints(const i18n::Catalogue& t, const model::Indicator& indicator,
                                      const compute::Series* series,
                                      const std::vector<model::Period>& periods, size_t data_end,
                                      Gaps* gaps) {
  std::vector<SeriesPoint> points;
  for (size_t x = 0; x < data_end; ++x) {
    const compute::Cell* cell = CellAt(series, periods[x]);
    compute::Hidden hidden = HiddenOf(cell);
    SeriesPoint point;
    point.x = x;
    if (hidden == compute::Hidden::kNo) {
      Published published = Point(t, indicator, *cell);
      point.value = published.value;
      point.label = std::move(published.label);
      point.lower = published.lower;
      point.upper = published.upper;
    } else {
      point.gap = true;
      point.marker = HiddenMarker(hidden);
      point.reason = HiddenLabel(t, hidden);
      if (gaps) gaps->push_back({periods[x], hidden});
    }
    points.push_back(std::move(point));
  }
  return points;
}

}  // namespace

// --- Trend ------------------------------------------------------------------------------------

Chart TrendChartSpec(const model::Site& site, const compute::Results& results,
                     uint32_t indicator_idx, const std::vector<uint32_t>& areas,
                     const std::string& id_prefix) {
  const model::Indicator& indicator = site.indicators[indicator_idx];
  // The time line: first to last published period of any of the areas.
  std::vector<model::Period> published_periods;
  for (uint32_t area : areas)
    if (const compute::Series* series = results.Find(indicator_idx, area, 0))
      for (const auto& cell : series->cells)
        if (cell.Published()) published_periods.push_back(cell.period);
  if (published_periods.empty()) return {};
  std::sort(published_periods.begin(), published_periods.end());
  published_periods.erase(std::unique(published_periods.begin(), published_periods.end()),
                          published_periods.end());
  std::vector<model::Period> periods =
      TimeLine(published_periods.front(), published_periods.back(), published_periods);
  const size_t data_end = periods.size();
  // Extend to the target's period when it is a little later than the data, so it shows.
  constexpr int32_t kMaxTargetExtension = 5;
  if (indicator.target && indicator.target->period.type == periods.back().type) {
    int32_t ahead = indicator.target->period.Ordinal() - periods.back().Ordinal();
    const model::Period last = periods.back();
    if (ahead > 0 && ahead <= kMaxTargetExtension &&
        last.Shifted(ahead) == indicator.target->period)
      for (int32_t step = 1; step <= ahead; ++step) periods.push_back(last.Shifted(step));
  }

  TrendChart spec;
  spec.id = IdPrefix(id_prefix);
  for (const auto& period : periods) spec.x_labels.push_back(period.Label());

  Range range;
  std::vector<TrendSeries>& series_list = spec.series;
  std::vector<std::string>& notes = spec.notes;
  std::vector<std::string> movements;
  std::vector<std::string> empty_areas;
  size_t comparator_count = 0;
  size_t other_styles = 0;  // areas given an "other" look so far
  std::string subject_name;
  for (size_t area_pos = 0; area_pos < areas.size(); ++area_pos) {
    uint32_t area = areas[area_pos];
    const std::string& name = results.areas[area].name;
    const compute::Series* series = results.Find(indicator_idx, area, 0);
    const compute::Cell* latest = series ? series->Latest() : nullptr;
    if (area_pos == 0) subject_name = name;
    if (!latest) {
      empty_areas.push_back(name);
      continue;
    }
    bool subject = area_pos == 0;
    Gaps gaps;
    std::vector<SeriesPoint> points =
        SeriesPoints(site.text, indicator, series, periods, data_end, &gaps);
    if (!subject)  // only the subject's interval is drawn
      for (auto& point : points) {
        point.lower.reset();
        point.upper.reset();
      }
    const compute::Cell* first = nullptr;
    size_t latest_x = 0;
    bool band = false;
    for (const auto& point : points) {
      if (point.gap) continue;
      range.Add(point.value);
      if (subject && point.lower) {
        band = true;
        range.Add(*point.lower);
        range.Add(*point.upper);
      }
      latest_x = point.x;
    }
    for (const auto& cell : series->cells)
      if (cell.Published()) {
        first = &cell;
        break;
      }
    if (subject) {
      for (const auto& point : points)
        if (point.gap) spec.gap_columns.push_back({point.x, point.marker});
    }
    TrendSeries item;
    item.name = name;
    item.role = subject ? "subject" : "comparator";
    const SeriesStyle style = StyleOf(site, results, area, other_styles);
    item.color = style.colour;
    item.dash = style.dash;
    item.marker = style.marker;
    item.css_class = subject ? std::string("chart-series chart-series--subject")
                             : "chart-series chart-series--" + std::to_string(++comparator_count);
    item.band = band;
    item.points = std::move(points);
    item.latest = {latest_x, Rounded(indicator, latest->value),
                   ChartLabel(site.text, indicator, latest->value)};
    series_list.push_back(std::move(item));
    bool own_range = first->period != published_periods.front() ||
                     latest->period != published_periods.back();
    movements.push_back(Movement(site.text, indicator, *first, *latest, own_range, &name));
    for (auto& note : GapNotes(site.text, name, gaps)) notes.push_back(note);
  }
  if (!empty_areas.empty())  // one sentence for them all: "for East of England or England"
    notes.push_back(site.text(
        "chart_no_figure",
        {{"areas", JoinList(empty_areas, (" " + site.text("word_or") + " ").c_str())}}));
  if (!series_list.empty() && series_list[0].role == "subject" && series_list[0].band)
    spec.band_label = site.text("col_ci");

  std::string target_sentence;
  if (indicator.target) {
    // With a trajectory: the planned path through its steps to the target. Without: the target
    // as a level. Either runs from the baseline (else the trajectory's first step, else the
    // target's own period) to the target's period, and never before the baseline.
    const model::Target& target = *indicator.target;
    const bool level = target.trajectory.empty();
    std::vector<model::TrajectoryPoint> path = target.trajectory;
    std::sort(path.begin(), path.end(),
              [](const auto& a, const auto& b) { return a.period < b.period; });
    path.push_back({target.period, target.value});
    model::Period start = path.front().period;
    if (indicator.baseline && indicator.baseline->type == target.period.type &&
        *indicator.baseline <= target.period)
      start = *indicator.baseline;
    std::erase_if(path, [&](const auto& point) { return point.period < start; });
    auto path_value = [&](const model::Period& period) -> std::optional<double> {
      if (level) return target.value;
      for (const auto& point : path)
        if (point.period == period) return point.value;
      return std::nullopt;
    };
    std::vector<TimePoint> points;
    for (size_t x = 0; x < periods.size(); ++x) {
      if (periods[x] < start || target.period < periods[x]) continue;
      std::optional<double> value = path_value(periods[x]);
      if (!value) continue;
      double rounded = Rounded(indicator, *value);
      range.Add(rounded);
      points.push_back({x, rounded, ChartLabel(site.text, indicator, rounded)});
    }
    const std::string by = site.text("target_by", {{"value", FormatValue(site.text, indicator, target.value)},
                                                    {"period", target.period.Label()}});
    if (level) {
      target_sentence = start != target.period
                            ? site.text("chart_target_is_from", {{"target", by}, {"baseline", start.Label()}})
                            : site.text("chart_target_is", {{"target", by}});
    } else {
      target_sentence = site.text("chart_path_runs",
                                  {{"from", FormatValue(site.text, indicator, path.front().value)},
                                   {"period", path.front().period.Label()},
                                   {"target", by}});
    }
    if (!points.empty()) {
      const model::Period& first_period = periods[points.front().x];
      const model::Period& last_period = periods[points.back().x];
      TrendTarget spec_target;
      spec_target.label = level ? site.text("reference_target", {{"target", by}})
                                : site.text("chart_path_label", {{"target", by}});
      spec_target.color = kTargetColour;
      spec_target.dash = kTargetDash;
      spec_target.css_class = "chart-target";
      spec_target.level = level;
      spec_target.from_before = start < first_period;
      spec_target.ends_at_target = last_period == target.period;
      spec_target.end_label = site.text(
          "reference_target", {{"target", ChartLabel(site.text, indicator, target.value)}});
      spec_target.points = std::move(points);
      // The subject's latest figure judged against a step of the path: the legend says so as
      // the page does (TargetReferenceText), and the step gets its own label.
      const compute::Series* subject =
          areas.empty() ? nullptr : results.Find(indicator_idx, areas[0], 0);
      const compute::Cell* latest = subject ? subject->Latest() : nullptr;
      if (latest && latest->target_reference_kind == compute::TargetReference::kTrajectoryStep) {
        auto at = std::find(periods.begin(), periods.end(), latest->period);
        if (at != periods.end()) {
          const size_t latest_x = static_cast<size_t>(at - periods.begin());
          const double value = Rounded(indicator, latest->target_reference);
          spec_target.step = TimePoint{
              latest_x, value,
              site.text("chart_path_point", {{"value", ChartLabel(site.text, indicator, value)}})};
          spec_target.label = TargetReferenceText(site.text, indicator, *latest);
          target_sentence += "; " + site.text("chart_path_now",
                                              {{"period", latest->period.Label()},
                                               {"value", FormatValue(site.text, indicator, latest->target_reference)}});
        }
      }
      spec.target = std::move(spec_target);
    }
  }
  spec.y = MakeAxis(site.text, indicator, range.lo, range.hi);

  const std::string first_label = published_periods.front().Phrase();
  const std::string last_label = published_periods.back().Phrase();
  spec.title = site.text("chart_trend_title", {{"indicator", indicator.short_title}, {"area", subject_name}});
  std::string desc =
      first_label == last_label
          ? site.text("chart_line_desc_one", {{"indicator", indicator.short_title},
                                              {"axis", AxisTitle(site.text, indicator)},
                                              {"period", first_label}})
          : site.text("chart_line_desc", {{"indicator", indicator.short_title},
                                          {"axis", AxisTitle(site.text, indicator)},
                                          {"first", first_label},
                                          {"last", last_label}});
  std::vector<std::string> clauses = movements;
  if (!target_sentence.empty()) clauses.push_back(target_sentence);
  if (!clauses.empty()) {
    std::string joined;
    for (size_t idx = 0; idx < clauses.size(); ++idx) joined += (idx ? "; " : "") + clauses[idx];
    // The first clause starts a sentence (a clause may start with a verb: "cododd …").
    joined[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(joined[0])));
    desc += " " + joined + ".";
  }
  if (spec.band_label) desc += " " + site.text("chart_band_desc", {{"area", subject_name}});
  for (const auto& note : notes) desc += " " + note;
  spec.desc = desc;
  return spec;
}

// --- Comparison -------------------------------------------------------------------------------

Chart ComparisonChartSpec(const model::Site& site, const compute::Results& results,
                          uint32_t indicator_idx, const std::vector<uint32_t>& areas,
                          uint32_t benchmark_area, const std::string& id_prefix) {
  const model::Indicator& indicator = site.indicators[indicator_idx];
  std::vector<uint32_t> barred;
  for (uint32_t area : areas)
    if (area != benchmark_area && std::find(barred.begin(), barred.end(), area) == barred.end())
      barred.push_back(area);
  std::optional<model::Period> latest = LatestPeriod(results, indicator_idx, barred);
  if (!latest) return {};
  const model::Period period = *latest;
  const std::vector<bool> targeted = TargetAreas(site, results);

  Split split = SplitByPublished(site.text, results, indicator_idx, barred, period);
  std::vector<AreaCell>& bars = split.published;
  std::vector<std::string>& notes = split.notes;
  std::sort(bars.begin(), bars.end(), [&](const AreaCell& a, const AreaCell& b) {
    double va = Rounded(indicator, a.cell->value);
    double vb = Rounded(indicator, b.cell->value);
    if (va != vb) return va > vb;
    if (results.areas[a.area].name != results.areas[b.area].name)
      return results.areas[a.area].name < results.areas[b.area].name;
    return a.area < b.area;
  });

  ComparisonChart spec;
  Range range;
  range.Add(0);
  bool any_target = false;
  bool any_other = false;
  bool any_whisker = false;
  for (const AreaCell& bar : bars) {
    Published point = Point(site.text, indicator, *bar.cell);
    ComparisonBar item;
    item.name = results.areas[bar.area].name;
    item.value = point.value;
    item.label = std::move(point.label);
    item.lower = point.lower;
    item.upper = point.upper;
    bool target = targeted[bar.area];
    item.style = target ? "target" : "other";
    any_target |= target;
    any_other |= !target;
    range.Add(item.value);
    if (item.lower) {
      any_whisker = true;
      range.Add(*item.lower);
      range.Add(*item.upper);
    }
    spec.bars.push_back(std::move(item));
  }

  spec.id = IdPrefix(id_prefix);
  spec.period = period.Label();
  spec.missing = std::move(split.missing);
  spec.no_figure = site.text("chart_no_figure_short");
  spec.other_style = kOtherBarStyle;
  spec.target_style = BarStyle{"#f6e3ec", kTargetGroupStyle.colour, kTargetGroupStyle.colour,
                               kTargetGroupPattern, "chart-bar chart-bar--target"};
  spec.whisker_color = kText;

  std::vector<ComparisonLegendItem>& legend = spec.legend;
  std::string target_group_name;
  if (!site.config.gap_target.empty()) {
    int32_t group = results.FindArea(site.config.gap_target);
    if (group >= 0) target_group_name = results.areas[static_cast<size_t>(group)].name;
  }
  if (any_target) {
    legend.push_back({site.text("chart_striped", {{"area", target_group_name}}), "target", {}});
    if (any_other) legend.push_back({site.text("chart_other_areas"), "other", {}});
  }
  // A line for the benchmark and for every other comparator with a figure for the period, each
  // in its own look (StyleOf), as on the trend charts.
  std::vector<uint32_t> lined{benchmark_area};
  for (uint32_t comparator : results.comparator_areas)
    if (std::find(lined.begin(), lined.end(), comparator) == lined.end())
      lined.push_back(comparator);
  std::vector<BenchmarkLine>& benchmarks = spec.benchmarks;
  std::vector<std::string> line_sentences;
  size_t other_styles = 0;
  for (uint32_t area : lined) {
    const std::string& name = results.areas[area].name;
    const compute::Cell* cell = PublishedAt(results.Find(indicator_idx, area, 0), period);
    if (!cell) {
      notes.push_back(site.text("chart_no_figure_plain", {{"area", name}, {"period", period.Phrase()}}));
      continue;
    }
    const SeriesStyle style = StyleOf(site, results, area, other_styles);
    const double value = Rounded(indicator, cell->value);
    const std::string label = ChartLabel(site.text, indicator, cell->value);
    range.Add(value);
    legend.push_back({name + ": " + label, "benchmark", benchmarks.size()});
    benchmarks.push_back({name, value, label, style.colour, style.dash,
                          "chart-benchmark chart-benchmark--" +
                              std::to_string(benchmarks.size() + 1)});
    line_sentences.push_back(site.text("chart_line_at", {{"area", name}, {"value", FormatValue(site.text, indicator, cell->value)}}));
  }
  if (any_whisker) legend.push_back({site.text("col_ci"), "whisker", {}});
  spec.x = MakeAxis(site.text, indicator, range.lo, range.hi);
  spec.notes = notes;

  spec.title = site.text("chart_by_area_title", {{"indicator", indicator.short_title}, {"period", period.Label()}});
  std::string desc = site.text.Count("chart_bar_desc", static_cast<int64_t>(bars.size()),
                                     {{"indicator", indicator.short_title},
                                      {"axis", AxisTitle(site.text, indicator)},
                                      {"period", period.Label()}});
  if (!bars.empty()) {
    const AreaCell& top = bars.front();
    const AreaCell& bottom = bars.back();
    if (bars.size() == 1) {
      desc += " " + site.text("chart_bar_only", {{"area", results.areas[top.area].name},
                                                {"value", FormatValue(site.text, indicator, top.cell->value)}});
    } else {
      desc += " " + site.text("chart_bar_range",
                              {{"top", results.areas[top.area].name},
                               {"top_value", FormatValue(site.text, indicator, top.cell->value)},
                               {"bottom", results.areas[bottom.area].name},
                               {"bottom_value", FormatValue(site.text, indicator, bottom.cell->value)}});
    }
  }
  if (line_sentences.size() == 1) desc += " " + site.text("chart_line_is", {{"line", line_sentences[0]}});
  if (line_sentences.size() > 1)
    desc += " " + site.text("chart_lines_are", {{"lines", JoinList(line_sentences, And(site.text).c_str())}});
  const std::string& benchmark_name = results.areas[benchmark_area].name;
  const compute::Cell* benchmark_cell =
      PublishedAt(results.Find(indicator_idx, benchmark_area, 0), period);
  // How the bars compare with the benchmark, by their intervals (as the table says).
  int comparator = -1;
  for (size_t idx = 0; idx < results.comparator_areas.size() && idx < compute::kMaxComparators;
       ++idx)
    if (results.comparator_areas[idx] == benchmark_area) comparator = static_cast<int>(idx);
  if (comparator >= 0 && benchmark_cell) {
    std::map<compute::Comparison, size_t> counts;
    for (const AreaCell& bar : bars)
      ++counts[bar.cell->comparisons[static_cast<size_t>(comparator)]];
    std::vector<std::string> parts;
    auto count_of = [&](compute::Comparison comparison, const char* key) {
      if (counts[comparison])
        parts.push_back(site.text(key, {{"count", std::to_string(counts[comparison])}}));
    };
    count_of(compute::Comparison::kBetter, "chart_n_better");
    count_of(compute::Comparison::kSimilar, "chart_n_similar");
    count_of(compute::Comparison::kWorse, "chart_n_worse");
    count_of(compute::Comparison::kHigher, "chart_n_higher");
    count_of(compute::Comparison::kLower, "chart_n_lower");
    count_of(compute::Comparison::kNotCompared, "chart_n_not_compared");
    if (!parts.empty())
      desc += " " + site.text("chart_compared_desc",
                              {{"benchmark", benchmark_name}, {"parts", JoinList(parts, And(site.text).c_str())}});
  }
  if (any_target) desc += " " + site.text("chart_bars_striped", {{"area", target_group_name}});
  for (const auto& note : notes) desc += " " + note;
  spec.desc = desc;
  return spec;
}

// --- Position ---------------------------------------------------------------------------------

Chart PositionChartSpec(const model::Site& site, const compute::Results& results,
                        uint32_t indicator_idx, uint32_t area,
                        const std::vector<uint32_t>& among_areas, const std::string& id_prefix) {
  const model::Indicator& indicator = site.indicators[indicator_idx];
  const compute::Series* own = results.Find(indicator_idx, area, 0);
  const compute::Cell* focus_cell = own ? own->Latest() : nullptr;
  if (!focus_cell) return {};
  const model::Period period = focus_cell->period;
  std::vector<uint32_t> members = among_areas;
  if (std::find(members.begin(), members.end(), area) == members.end()) members.push_back(area);

  // What the areas are, in words: "wards of Southend-on-Sea" when they are all wards of one area.
  bool all_wards = true;
  std::string parent;
  for (uint32_t member : members) {
    if (member >= site.areas.size() || site.areas[member].type != "ward") {
      all_wards = false;
      break;
    }
    if (parent.empty()) parent = site.areas[member].parent;
    if (site.areas[member].parent != parent) all_wards = false;
  }
  std::string kind_plural = site.text(all_wards ? "chart_kind_wards" : "chart_kind_areas");
  std::string of_parent;
  if (all_wards) {
    if (const model::Area* parent_area = site.FindArea(parent))
      of_parent = site.text("chart_of_parent", {{"parent", parent_area->name}});
  }

  Split split = SplitByPublished(site.text, results, indicator_idx, members, period);
  std::vector<AreaCell>& dots = split.published;
  std::sort(dots.begin(), dots.end(), [&](const AreaCell& a, const AreaCell& b) {
    double va = Rounded(indicator, a.cell->value);
    double vb = Rounded(indicator, b.cell->value);
    if (va != vb) return va < vb;
    if (results.areas[a.area].name != results.areas[b.area].name)
      return results.areas[a.area].name < results.areas[b.area].name;
    return a.area < b.area;
  });

  const double focus_value = Rounded(indicator, focus_cell->value);
  size_t higher = 0;
  size_t equal = 0;
  Range range;
  PositionChart spec;
  for (const AreaCell& dot : dots) {
    double value = Rounded(indicator, dot.cell->value);
    range.Add(value);
    if (dot.area != area) {
      higher += value > focus_value;
      equal += value == focus_value;
    }
    spec.dots.push_back({results.areas[dot.area].name, value,
                         ChartLabel(site.text, indicator, dot.cell->value), dot.area == area});
  }
  const std::string& name = results.areas[area].name;
  const size_t total = dots.size();
  const size_t rank = higher + 1;
  std::string rank_text;
  const i18n::Catalogue& t = site.text;
  const std::string joint = equal ? t("rank_joint") : "";
  auto ranked = [&](const char* key, size_t place) {
    // {suffix}: the English ordinal's ending ("rd" of "3rd"); other languages word it their way.
    const std::string place_text = std::to_string(place);
    return t(key, {{"joint", joint},
                   {"place", place_text},
                   {"suffix", base::FormatOrdinal(place).substr(place_text.size())},
                   {"total", std::to_string(total)}});
  };
  if (total == 1) {
    rank_text = t("rank_only", {{"kind", kind_plural}});
  } else if (rank == 1) {
    rank_text = ranked("rank_highest", 1);
  } else if (rank + equal == total) {
    rank_text = ranked("rank_lowest", 1);
  } else if (rank <= total - rank - equal + 1) {
    rank_text = ranked("rank_nth_highest", rank);
  } else {
    // Nearer the bottom: count from there ("2nd lowest of 17").
    rank_text = ranked("rank_nth_lowest", total - rank - equal + 1);
  }

  const Published point = Point(site.text, indicator, *focus_cell);
  PositionFocus& focus = spec.focus;
  focus.name = name;
  focus.value = point.value;
  focus.label = point.label;
  focus.lower = point.lower;
  focus.upper = point.upper;
  focus.rank_text = rank_text;
  focus.legend = name + ": " + ChartLabel(site.text, indicator, focus_cell->value) + ", " + rank_text;
  if (focus.lower) {
    range.Add(*focus.lower);
    range.Add(*focus.upper);
  }

  spec.id = IdPrefix(id_prefix);
  spec.period = period.Label();
  spec.interval_legend = site.text("chart_ci_for", {{"area", name}});
  spec.others_legend = site.text("chart_others", {{"kind", kind_plural}, {"of_parent", of_parent}});
  spec.focus_style = {kFocusColour, kFocusMarker, "chart-dot chart-dot--focus"};
  spec.other_style = {kOtherDotColour, kOtherDotMarker, "chart-dot"};
  spec.reference_style = {kHomeStyle.colour, kReferenceDash, "chart-benchmark"};
  spec.whisker_color = kFocusColour;
  spec.missing = split.missing;
  spec.no_figure = site.text("chart_no_figure_short");
  std::string reference_sentence;
  uint32_t home = results.home_area;
  if (home != area) {
    if (const compute::Cell* cell = PublishedAt(results.Find(indicator_idx, home, 0), period)) {
      double value = Rounded(indicator, cell->value);
      range.Add(value);
      const std::string& home_name = results.areas[home].name;
      spec.reference = PositionReference{
          home_name, value, ChartLabel(site.text, indicator, cell->value),
          home_name + ": " + ChartLabel(site.text, indicator, cell->value)};
      reference_sentence = " " + site.text("chart_dot_reference",
                                           {{"area", home_name},
                                            {"value", FormatValue(site.text, indicator, cell->value)}});
    }
  }
  spec.x = MakeAxis(site.text, indicator, range.lo, range.hi);
  const std::vector<std::string>& notes = split.notes;
  spec.notes = notes;

  spec.title = site.text("chart_position_title", {{"indicator", indicator.short_title},
                                                     {"area", name},
                                                     {"kind", kind_plural},
                                                     {"of_parent", of_parent},
                                                     {"period", period.Label()}});
  std::string desc = site.text("chart_dot_desc", {{"indicator", indicator.short_title},
                                                   {"axis", AxisTitle(site.text, indicator)},
                                                   {"period", period.Label()},
                                                   {"count", std::to_string(total)},
                                                   {"kind", kind_plural},
                                                   {"of_parent", of_parent}});
  std::string interval;
  if (focus.lower)
    interval = " (" + site.text("chart_ci_paren",
                                {{"interval", FormatInterval(site.text, indicator, focus_cell->lower95,
                                                             focus_cell->upper95)}}) +
               ")";
  desc += " " + site.text("chart_dot_focus",
                          {{"area", name},
                           {"value", FormatValue(site.text, indicator, focus_cell->value)},
                           {"interval", interval},
                           {"rank", total == 1 ? rank_text : site.text("rank_the", {{"rank", rank_text}})}});
  desc += reference_sentence;
  if (total > 1) {
    const AreaCell& low = dots.front();
    const AreaCell& high = dots.back();
    desc += " " + site.text("chart_dot_range",
                            {{"kind", kind_plural},
                             {"low", FormatValue(site.text, indicator, low.cell->value)},
                             {"low_area", results.areas[low.area].name},
                             {"high", FormatValue(site.text, indicator, high.cell->value)},
                             {"high_area", results.areas[high.area].name}});
  }
  for (const auto& note : notes) desc += " " + note;
  spec.desc = desc;
  return spec;
}

// --- Sparkline --------------------------------------------------------------------------------

Chart SparklineSpec(const model::Site& site, const compute::Results& results, uint32_t indicator_idx,
                    uint32_t area, const std::string& id_prefix) {
  const model::Indicator& indicator = site.indicators[indicator_idx];
  const compute::Series* series = results.Find(indicator_idx, area, 0);
  const compute::Cell* latest = series ? series->Latest() : nullptr;
  if (!latest) return {};
  const compute::Cell* first = nullptr;
  std::vector<model::Period> published;
  for (const auto& cell : series->cells)
    if (cell.Published()) {
      if (!first) first = &cell;
      published.push_back(cell.period);
    }
  std::vector<model::Period> periods = TimeLine(first->period, latest->period, published);
  Gaps gaps;
  std::vector<SeriesPoint> points =
      SeriesPoints(site.text, indicator, series, periods, periods.size(), &gaps);
  Range range;
  size_t latest_x = 0;
  for (auto& point : points) {
    if (point.gap) continue;
    range.Add(point.value);
    latest_x = point.x;
    point.lower.reset();  // a sparkline draws the line alone
    point.upper.reset();
  }
  double lo = range.lo;
  double hi = range.hi;
  if (hi - lo < 1e-9) {
    double pad = std::max(std::fabs(hi) * 0.05, 1.0);
    lo -= pad;
    hi += pad;
  }
  const std::string& name = results.areas[area].name;
  SparklineChart spec;
  spec.id = IdPrefix(id_prefix);
  spec.count = periods.size();
  spec.y_min = lo;
  spec.y_max = hi;
  spec.points = std::move(points);
  spec.latest = {latest_x, Rounded(indicator, latest->value),
                 ChartLabel(site.text, indicator, latest->value)};
  spec.name = name;
  spec.color = kFocusColour;
  spec.dash = "";
  spec.marker = kFocusMarker;
  spec.title = site.text("chart_area_over_time", {{"indicator", indicator.short_title}, {"area", name}});
  // The title names the figure and the area; the description says how it moved.
  std::string desc = Movement(site.text, indicator, *first, *latest, true, nullptr);
  for (const auto& note : GapNotes(site.text, "", gaps)) desc += " " + note;
  spec.desc = desc;
  return spec;
}

// --- Money ------------------------------------------------------------------------------------

// --- Spine chart ------------------------------------------------------------------------------

namespace {

// The look of a benchmark comparison on a spine: the site's comparison colours (site.css
// .compare--*) and a shape that matches the badge's symbol, so no outcome is told by colour
// alone (the legend and the table say it in words too).
struct ComparisonLook {
  const char* color;
  const char* marker;
};
ComparisonLook LookOf(compute::Comparison comparison) {
  switch (comparison) {
    case compute::Comparison::kBetter: return {"#00703c", "triangle"};       // green, 5.7:1
    case compute::Comparison::kWorse: return {"#b1211b", "triangle-down"};   // red, 6.5:1
    case compute::Comparison::kSimilar: return {"#505a5f", "circle"};        // grey, 7.1:1
    case compute::Comparison::kHigher: return {"#5c3a8e", "triangle"};       // violet, 8.6:1
    case compute::Comparison::kLower: return {"#5c3a8e", "triangle-down"};
    case compute::Comparison::kNotCompared: break;
  }
  return {"#0b0c0c", "diamond"};
}

constexpr const char* kSpineRange = "#dedfe0";   // the lowest to the highest...
constexpr const char* kSpineRangeOutline = "#6f777b";  // ...outlined, 4.6:1 on white
constexpr const char* kSpineMiddle = "#8c9196";  // the 25th to the 75th percentile
constexpr const char* kSpineBenchmark = "#0b0c0c";

}  // namespace

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.size() == 1) return sorted[0];
  const double rank = p * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(rank));
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] + (rank - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}

Chart SpineChartSpec(const model::Site& site, const compute::Results& results, uint32_t area,
                     const std::vector<uint32_t>& among_areas, uint32_t benchmark_area,
                     const std::vector<uint32_t>& indicators, const std::string& id_prefix) {
  const i18n::Catalogue& t = site.text;
  const std::string& name = results.areas[area].name;
  const std::string& benchmark_name = results.areas[benchmark_area].name;
  int benchmark_comparator = -1;
  for (size_t idx = 0; idx < results.comparator_areas.size(); ++idx)
    if (results.comparator_areas[idx] == benchmark_area) benchmark_comparator = static_cast<int>(idx);

  // What the areas are, in words ("wards of Southend-on-Sea"), as the dot charts say it.
  bool all_wards = !among_areas.empty();
  std::string parent;
  for (uint32_t member : among_areas) {
    if (member >= site.areas.size() || site.areas[member].type != "ward") {
      all_wards = false;
      break;
    }
    if (parent.empty()) parent = site.areas[member].parent;
    if (site.areas[member].parent != parent) all_wards = false;
  }
  const std::string kind = t(all_wards ? "chart_kind_wards" : "chart_kind_areas");
  std::string of_parent;
  if (all_wards)
    if (const model::Area* parent_area = site.FindArea(parent))
      of_parent = t("chart_of_parent", {{"parent", parent_area->name}});

  SpineChart spec;
  std::vector<SpineRow>& rows = spec.rows;
  std::vector<SpineListed>& listed = spec.listed;
  std::set<uint32_t> seen;
  std::set<std::string> comparisons_used;
  std::vector<SpineLegendItem> legend_comparisons;
  bool any_reversed = false;
  bool any_neutral = false;
  for (uint32_t indicator_idx : indicators) {
    if (!seen.insert(indicator_idx).second) continue;
    const model::Indicator& indicator = site.indicators[indicator_idx];
    const compute::Series* own = results.Find(indicator_idx, area, 0);
    const compute::Cell* cell = own ? own->Latest() : nullptr;
    if (!cell) continue;  // nothing published: the page says so beside the measure
    const model::Period period = cell->period;
    const std::string value_text = FormatValue(t, indicator, cell->value);
    if (!compute::ComparesAreas(indicator)) {
      listed.push_back({indicator.short_title, period.Label(), value_text, t("spine_listed_count")});
      continue;
    }
    std::vector<double> values;
    for (uint32_t member : among_areas)
      if (const compute::Cell* other = PublishedAt(results.Find(indicator_idx, member, 0), period))
        values.push_back(Rounded(indicator, other->value));
    if (values.size() < 2) {
      listed.push_back({indicator.short_title, period.Label(), value_text,
                        t("not_compared_because",
                          {{"reason", t("spine_too_few", {{"kind", kind}})}})});
      continue;
    }
    std::sort(values.begin(), values.end());
    const double value = Rounded(indicator, cell->value);
    const double low = values.front();
    const double high = values.back();
    const double q1 = Rounded(indicator, Percentile(values, 0.25));
    const double q3 = Rounded(indicator, Percentile(values, 0.75));
    const compute::Cell* bench =
        benchmark_area == area ? nullptr
                               : PublishedAt(results.Find(indicator_idx, benchmark_area, 0), period);
    std::optional<double> bench_value;
    if (bench) bench_value = Rounded(indicator, bench->value);

    // The scale: centred on the benchmark (else the middle of the range), reaching the
    // farthest figure, better on the right.
    const double centre = bench_value ? *bench_value : (low + high) / 2;
    double half = 0;
    for (double each : {low, high, value}) half = std::max(half, std::fabs(each - centre));
    if (half < 1e-9) half = std::max(std::fabs(centre) * 0.1, 1.0);
    half *= 1.05;  // a little room, so a marker at the end is drawn whole
    const bool reversed = indicator.polarity == model::Polarity::kLowerIsBetter;
    const bool neutral = indicator.polarity == model::Polarity::kNeutral;
    any_reversed |= reversed;
    any_neutral |= neutral;
    const double left = reversed ? centre + half : centre - half;
    const double right = reversed ? centre - half : centre + half;

    compute::Comparison comparison = compute::Comparison::kNotCompared;
    if (benchmark_comparator >= 0) comparison = cell->comparisons[static_cast<size_t>(benchmark_comparator)];
    Badge badge = ComparisonBadge(t, comparison, benchmark_name);
    const std::string legend_label = badge.label;
    if (comparison == compute::Comparison::kNotCompared && benchmark_comparator >= 0)
      badge.label = t("not_compared_because",
                         {{"reason", NotComparedText(t, cell->not_compared[static_cast<size_t>(
                                                            benchmark_comparator)])}});
    const ComparisonLook look = LookOf(comparison);
    if (comparisons_used.insert(badge.key).second)
      legend_comparisons.push_back({legend_label, "comparison", look.marker, look.color});

    SpineRow row;
    row.indicator = indicator.short_title;
    row.period = period.Label();
    row.left = left;
    row.right = right;
    row.reversed = reversed;
    row.neutral = neutral;
    row.min = low;
    row.q1 = q1;
    row.q3 = q3;
    row.max = high;
    row.value = value;
    row.benchmark_value = bench_value;
    row.texts = {value_text,
                 bench_value ? FormatValue(t, indicator, *bench_value) : "–",
                 FormatValue(t, indicator, low),
                 FormatValue(t, indicator, q1),
                 FormatValue(t, indicator, q3),
                 FormatValue(t, indicator, high)};
    row.count = values.size();
    row.comparison = {badge.key, badge.label, badge.shape, look.marker, look.color,
                      badge.css_class};
    rows.push_back(std::move(row));
  }
  if (rows.empty() && listed.empty()) return {};

  spec.id = IdPrefix(id_prefix);
  spec.area = name;
  spec.benchmark = benchmark_name;
  spec.kind = kind;
  spec.range_color = kSpineRange;
  spec.range_outline = kSpineRangeOutline;
  spec.middle_color = kSpineMiddle;
  spec.benchmark_color = kSpineBenchmark;
  std::vector<SpineLegendItem>& legend = spec.legend;
  legend.push_back({t("spine_legend_range", {{"kind", kind}, {"of_parent", of_parent}}), "range", {}, {}});
  legend.push_back({t("spine_legend_middle"), "middle", {}, {}});
  if (benchmark_area != area)
    legend.push_back({t("spine_legend_benchmark", {{"benchmark", benchmark_name}}), "benchmark", {}, {}});
  for (auto& item : legend_comparisons) legend.push_back(std::move(item));
  spec.left_end = t("spine_left");
  spec.right_end = t("spine_right");
  spec.title = t("spine_title", {{"area", name}, {"kind", kind}, {"of_parent", of_parent}});
  std::string desc = t("spine_desc", {{"area", name},
                                      {"count", std::to_string(rows.size())},
                                      {"kind", kind},
                                      {"of_parent", of_parent},
                                      {"benchmark", benchmark_name}});
  desc += " " + t("spine_desc_orientation", {{"benchmark", benchmark_name}});
  if (any_reversed) desc += " " + t("spine_desc_reversed");
  if (any_neutral) desc += " " + t("spine_desc_neutral");
  // Each row's figures are in the table beside the chart (and its CSV): the desc says how to
  // read the chart, not every figure again (the area page is near its weight budget).
  desc += " " + t("spine_desc_table");
  if (!listed.empty()) {
    desc += " " + t("spine_desc_listed");
    spec.notes.push_back(t("spine_desc_listed"));
  }
  spec.desc = desc;
  return spec;
}

Chart MoneyBarsSpec(const i18n::Catalogue& t, const std::vector<MoneyBar>& bars,
                    const std::string& title, const std::string& desc,
                    const std::string& axis_title, const std::string& id_prefix) {
  if (bars.empty()) return {};
  Range range;
  range.Add(0);
  ComparisonChart spec;
  for (const MoneyBar& bar : bars) {
    range.Add(bar.amount);
    spec.bars.push_back({bar.name, bar.amount, bar.label, {}, {}, "other"});
  }
  model::Indicator pounds;
  pounds.unit = model::Unit::kCurrency;
  pounds.decimals = 0;
  ValueAxis axis = MakeAxis(t, pounds, range.lo, range.hi);
  // Ticks in short: millions or thousands, with the decimals the step needs.
  for (AxisTick& tick : axis.ticks) {
    const double value = tick.value;
    const bool millions = range.hi >= 1e6;
    const double shown = value / (millions ? 1e6 : range.hi >= 1e3 ? 1e3 : 1);
    const std::string number = base::FormatNumber(shown, std::min(StepDecimals(shown), 2));
    tick.label = value == 0              ? t("spend_money", {{"amount", "0"}})
                    : millions              ? t("chart_money_millions", {{"amount", number}})
                    : range.hi >= 1e3       ? t("chart_money_thousands", {{"amount", number}})
                                            : t("spend_money", {{"amount", number}});
  }
  axis.title = axis_title;
  spec.id = IdPrefix(id_prefix);
  spec.title = title;
  spec.desc = desc;
  spec.x = std::move(axis);
  spec.other_style = kOtherBarStyle;
  spec.whisker_color = kText;
  return spec;
}

}  // namespace outcomes::view
