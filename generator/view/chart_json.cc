// view::ChartJson: a typed spec (view/chart.h) as the JSON the page views held before the specs
// were typed, key by key. The golden page views and the tests read it; the writers never do.
#include <type_traits>

#include "view/chart_view.h"

namespace outcomes::view {

namespace {

using nlohmann::json;

json AxisJson(const ValueAxis& axis) {
  json ticks = json::array();
  for (const AxisTick& tick : axis.ticks) ticks.push_back({{"value", tick.value}, {"label", tick.label}});
  return {{"min", axis.min}, {"max", axis.max}, {"ticks", ticks}, {"title", axis.title}};
}

json TimePointJson(const TimePoint& point) {
  return {{"x", point.x}, {"value", point.value}, {"label", point.label}};
}

json SeriesPointJson(const SeriesPoint& point) {
  if (point.gap)
    return {{"x", point.x}, {"gap", true}, {"marker", point.marker}, {"reason", point.reason}};
  json out = {{"x", point.x}, {"value", point.value}, {"label", point.label}};
  if (point.lower) out["lower"] = *point.lower;
  if (point.upper) out["upper"] = *point.upper;
  return out;
}

json PointsJson(const std::vector<SeriesPoint>& points) {
  json out = json::array();
  for (const SeriesPoint& point : points) out.push_back(SeriesPointJson(point));
  return out;
}

json MissingJson(const std::vector<MissingArea>& missing) {
  json out = json::array();
  for (const MissingArea& area : missing)
    out.push_back({{"name", area.name}, {"marker", area.marker}, {"reason", area.reason}});
  return out;
}

json Common(const char* type, const std::string& id, const std::string& title,
            const std::string& desc) {
  return {{"type", type}, {"id", id}, {"title", title}, {"desc", desc}};
}

json ToJson(const TrendChart& chart) {
  json spec = Common("trend", chart.id, chart.title, chart.desc);
  spec["x"] = {{"labels", chart.x_labels}};
  spec["y"] = AxisJson(chart.y);
  json series_list = json::array();
  for (const TrendSeries& series : chart.series)
    series_list.push_back({{"name", series.name},
                           {"role", series.role},
                           {"color", series.color},
                           {"dash", series.dash},
                           {"marker", series.marker},
                           {"class", series.css_class},
                           {"band", series.band},
                           {"points", PointsJson(series.points)},
                           {"latest", TimePointJson(series.latest)}});
  spec["series"] = series_list;
  if (chart.band_label) spec["band_label"] = *chart.band_label;
  json gaps = json::array();
  for (const GapColumn& gap : chart.gap_columns) gaps.push_back({{"x", gap.x}, {"marker", gap.marker}});
  spec["gap_columns"] = gaps;
  if (chart.target) {
    const TrendTarget& target = *chart.target;
    json points = json::array();
    for (const TimePoint& point : target.points) points.push_back(TimePointJson(point));
    json out = {{"label", target.label},
                {"color", target.color},
                {"dash", target.dash},
                {"class", target.css_class},
                {"level", target.level},
                {"from_before", target.from_before},
                {"ends_at_target", target.ends_at_target},
                {"end_label", target.end_label},
                {"points", points}};
    if (target.step) out["step"] = TimePointJson(*target.step);
    spec["target"] = out;
  }
  spec["notes"] = chart.notes;
  return spec;
}

json BarStyleJson(const BarStyle& style, bool target) {
  json out = {{"fill", style.fill}, {"stroke", style.stroke}, {"class", style.css_class}};
  if (target) {
    out["stripe"] = style.stripe;
    out["pattern"] = style.pattern;
  }
  return out;
}

json ToJson(const ComparisonChart& chart) {
  json spec = Common("comparison", chart.id, chart.title, chart.desc);
  if (chart.period) spec["period"] = *chart.period;
  json bars = json::array();
  for (const ComparisonBar& bar : chart.bars) {
    json item = {{"name", bar.name}, {"value", bar.value}, {"label", bar.label}, {"style", bar.style}};
    if (bar.lower) item["lower"] = *bar.lower;
    if (bar.upper) item["upper"] = *bar.upper;
    bars.push_back(item);
  }
  spec["bars"] = bars;
  spec["missing"] = MissingJson(chart.missing);
  if (chart.no_figure) spec["no_figure"] = *chart.no_figure;
  json styles = {{"other", BarStyleJson(chart.other_style, false)},
                 {"whisker", {{"color", chart.whisker_color}}}};
  if (chart.target_style) styles["target"] = BarStyleJson(*chart.target_style, true);
  spec["styles"] = styles;
  json benchmarks = json::array();
  for (const BenchmarkLine& line : chart.benchmarks)
    benchmarks.push_back({{"name", line.name},
                          {"value", line.value},
                          {"label", line.label},
                          {"color", line.color},
                          {"dash", line.dash},
                          {"class", line.css_class}});
  spec["benchmarks"] = benchmarks;
  json legend = json::array();
  for (const ComparisonLegendItem& item : chart.legend) {
    json out = {{"label", item.label}, {"style", item.style}};
    if (item.benchmark) out["benchmark"] = *item.benchmark;
    legend.push_back(out);
  }
  spec["legend"] = legend;
  spec["x"] = AxisJson(chart.x);
  spec["notes"] = chart.notes;
  return spec;
}

json ToJson(const PositionChart& chart) {
  json spec = Common("position", chart.id, chart.title, chart.desc);
  spec["period"] = chart.period;
  json dots = json::array();
  for (const PositionDot& dot : chart.dots)
    dots.push_back({{"name", dot.name}, {"value", dot.value}, {"label", dot.label}, {"focus", dot.focus}});
  spec["dots"] = dots;
  json focus = {{"name", chart.focus.name},
                {"value", chart.focus.value},
                {"label", chart.focus.label},
                {"rank_text", chart.focus.rank_text},
                {"legend", chart.focus.legend}};
  if (chart.focus.lower) focus["lower"] = *chart.focus.lower;
  if (chart.focus.upper) focus["upper"] = *chart.focus.upper;
  spec["focus"] = focus;
  spec["interval_legend"] = chart.interval_legend;
  spec["others_legend"] = chart.others_legend;
  auto dot_style = [](const DotStyle& style) {
    return json{{"color", style.color}, {"marker", style.marker}, {"class", style.css_class}};
  };
  spec["styles"] = {{"focus", dot_style(chart.focus_style)},
                    {"other", dot_style(chart.other_style)},
                    {"reference",
                     {{"color", chart.reference_style.color},
                      {"dash", chart.reference_style.dash},
                      {"class", chart.reference_style.css_class}}},
                    {"whisker", {{"color", chart.whisker_color}}}};
  spec["missing"] = MissingJson(chart.missing);
  spec["no_figure"] = chart.no_figure;
  if (chart.reference)
    spec["reference"] = {{"name", chart.reference->name},
                         {"value", chart.reference->value},
                         {"label", chart.reference->label},
                         {"legend", chart.reference->legend}};
  spec["x"] = AxisJson(chart.x);
  spec["notes"] = chart.notes;
  return spec;
}

json ToJson(const SparklineChart& chart) {
  json spec = Common("sparkline", chart.id, chart.title, chart.desc);
  spec["x"] = {{"count", chart.count}};
  spec["y"] = {{"min", chart.y_min}, {"max", chart.y_max}};
  spec["points"] = PointsJson(chart.points);
  spec["latest"] = TimePointJson(chart.latest);
  spec["name"] = chart.name;
  spec["color"] = chart.color;
  spec["dash"] = chart.dash;
  spec["marker"] = chart.marker;
  return spec;
}

json ToJson(const SpineChart& chart) {
  json spec = Common("spine", chart.id, chart.title, chart.desc);
  spec["area"] = chart.area;
  spec["benchmark"] = chart.benchmark;
  spec["kind"] = chart.kind;
  json rows = json::array();
  for (const SpineRow& row : chart.rows) {
    json out = {{"indicator", row.indicator},
                {"period", row.period},
                {"left", row.left},
                {"right", row.right},
                {"reversed", row.reversed},
                {"neutral", row.neutral},
                {"min", row.min},
                {"q1", row.q1},
                {"q3", row.q3},
                {"max", row.max},
                {"value", row.value},
                {"count", row.count},
                {"texts",
                 {{"value", row.texts.value},
                  {"min", row.texts.min},
                  {"q1", row.texts.q1},
                  {"q3", row.texts.q3},
                  {"max", row.texts.max},
                  {"benchmark_value", row.texts.benchmark_value}}},
                {"comparison",
                 {{"key", row.comparison.key},
                  {"label", row.comparison.label},
                  {"shape", row.comparison.shape},
                  {"marker", row.comparison.marker},
                  {"color", row.comparison.color},
                  {"class", row.comparison.css_class}}}};
    if (row.benchmark_value) out["benchmark_value"] = *row.benchmark_value;
    rows.push_back(out);
  }
  spec["rows"] = rows;
  json listed = json::array();
  for (const SpineListed& item : chart.listed)
    listed.push_back({{"indicator", item.indicator},
                      {"period", item.period},
                      {"text", item.text},
                      {"reason", item.reason}});
  spec["listed"] = listed;
  spec["styles"] = {{"range", {{"color", chart.range_color}, {"outline", chart.range_outline}}},
                    {"middle", {{"color", chart.middle_color}}},
                    {"benchmark", {{"color", chart.benchmark_color}}}};
  json legend = json::array();
  for (const SpineLegendItem& item : chart.legend) {
    json out = {{"label", item.label}, {"style", item.style}};
    if (item.marker) out["marker"] = *item.marker;
    if (item.color) out["color"] = *item.color;
    legend.push_back(out);
  }
  spec["legend"] = legend;
  spec["ends"] = {{"left", chart.left_end}, {"right", chart.right_end}};
  spec["notes"] = chart.notes;
  return spec;
}

json ToJson(const ChoroplethMap& map) {
  json spec = Common("map", map.id, map.title, map.desc);
  spec["role"] = map.role;
  spec["width"] = map.width;
  spec["height"] = map.height;
  spec["display_width"] = map.display_width;
  spec["display_height"] = map.display_height;
  spec["legend_title"] = map.legend_title;
  json classes = json::array();
  for (const MapKeyClass& item : map.classes)
    classes.push_back({{"key", item.key},
                       {"label", item.label},
                       {"count_label", item.count_label},
                       {"fill", item.fill},
                       {"ink", item.ink},
                       {"pattern", item.pattern}});
  spec["classes"] = classes;
  json areas = json::array();
  for (const MapWard& ward : map.areas) {
    json out = {{"code", ward.code},
                {"name", ward.name},
                {"class", ward.class_key},
                {"label", ward.label},
                {"d", ward.d}};
    if (ward.url) out["url"] = *ward.url;
    areas.push_back(out);
  }
  spec["areas"] = areas;
  return spec;
}

json ToJson(const LocatorMap& map) {
  json spec = Common("locator", map.id, map.title, map.desc);
  spec["role"] = map.role;
  spec["width"] = map.width;
  spec["height"] = map.height;
  spec["display_width"] = map.display_width;
  spec["display_height"] = map.display_height;
  spec["fill"] = map.fill;
  spec["stroke"] = map.stroke;
  spec["highlight_fill"] = map.highlight_fill;
  spec["highlight_stroke"] = map.highlight_stroke;
  json areas = json::array();
  for (const LocatorWard& ward : map.areas)
    areas.push_back(
        {{"code", ward.code}, {"name", ward.name}, {"highlight", ward.highlight}, {"d", ward.d}});
  spec["areas"] = areas;
  return spec;
}

}  // namespace

nlohmann::json ChartJson(const Chart& chart) {
  return std::visit(
      [](const auto& spec) -> json {
        if constexpr (std::is_same_v<std::decay_t<decltype(spec)>, std::monostate>)
          return json();
        else
          return ToJson(spec);
      },
      chart);
}

}  // namespace outcomes::view
