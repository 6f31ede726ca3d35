// Chart and map specs: everything a writer (render/svg) needs to draw one figure, as plain
// structs. A spec is decided in the view (view/chart_view.h, view/map_view.h): which periods
// and areas it shows, every number already rounded as published, every label formatted, the
// axis ranges and ticks, the colours, dash patterns and marker shapes of each series, gaps where
// a figure is missing or suppressed (a gap is never drawn as zero), and the chart's <title> and
// <desc> in words. The writer only lays it out in SVG coordinates.
//
// This header holds no model, compute or JSON type: the writers include it and nothing else of
// the view. view::ChartJson (view/chart_view.h) gives a spec as the JSON the views used to hold
// (the golden page views and the tests read it).
//
// Common to every spec:
//   id     the id prefix, made id-safe: every SVG id of the chart starts with it and "-"
//   title  a short name for the chart (the SVG <title>)
//   desc   what the chart shows, in sentences (the SVG <desc>)
// Points, bars and dots carry `value` (the published value, rounded to the indicator's
// decimals) and `label` (the value as the chart prints it: FormatValue, except that rates print
// the number alone because the axis title names the unit).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace outcomes::view {

// --- Shared parts -----------------------------------------------------------------------------

struct AxisTick {
  double value = 0;
  std::string label;
};

// A value axis: its range, its ticks (at "nice" steps) and its title (what the values are).
struct ValueAxis {
  double min = 0;
  double max = 1;
  std::vector<AxisTick> ticks;
  std::string title;
};

// A value at a position of a time line (`x`: an index into the chart's periods).
struct TimePoint {
  size_t x = 0;
  double value = 0;
  std::string label;
};

// One period of a line: a published figure (with its 95% interval when it has one and the line
// is the chart's subject) or a gap (`gap`: the period has no published figure; `marker` is its
// table marker, "[c]", and `reason` says why in words).
struct SeriesPoint {
  size_t x = 0;
  bool gap = false;
  double value = 0;  // the published figure (not for a gap)
  std::string label;
  std::optional<double> lower;  // the interval, both or neither
  std::optional<double> upper;
  std::string marker;  // for a gap
  std::string reason;  // for a gap
};

// An area without a published figure for a chart's period, listed under the chart (never drawn
// as zero): its name, its marker ("[x]") and why.
struct MissingArea {
  std::string name;
  std::string marker;
  std::string reason;
};

// --- Trend: a line chart of an indicator over time ---------------------------------------------

// One area's line. The subject (the first) is drawn with its 95% confidence band and a
// labelled latest point, the others are comparator lines, each in its own look (colour, dash,
// marker), the same on every chart.
struct TrendSeries {
  std::string name;
  std::string role;  // "subject" | "comparator"
  std::string color;
  std::string dash;    // an SVG dash array, "" for solid
  std::string marker;  // "circle", "square", "triangle", "triangle-down", "diamond", "cross"
  std::string css_class;  // "chart-series chart-series--subject", "... chart-series--1", ...
  bool band = false;      // the subject has intervals: a band is drawn
  std::vector<SeriesPoint> points;  // intervals for the subject's points only
  TimePoint latest;                 // the latest published point
};

// A gap in the subject's line: a shaded column with its marker.
struct GapColumn {
  size_t x = 0;
  std::string marker;
};

// The target, when some of it falls on the time line: a level, or with a trajectory the path
// through its steps to the target.
struct TrendTarget {
  // The legend's: "Target: 75.0% by 2019/20", "Path to target: 75.0% by 2019/20", or when the
  // subject's latest figure is judged against a step of the path, as the page says it: "Path to
  // target: 74.5% in 2018/19, on the way to 75.0% by 2019/20".
  std::string label;
  std::string color;
  std::string dash;
  std::string css_class;  // "chart-target"
  bool level = false;     // a level, not a path
  // The baseline is before the time line, so a level comes in from the left edge.
  bool from_before = false;
  // The target's period is on the time line, and gets a ring.
  bool ends_at_target = true;
  std::string end_label;          // "Target: 75.0%"
  std::vector<TimePoint> points;  // from the start to the target
  // The step of the path the latest figure is judged against ("Path: 74.5%").
  std::optional<TimePoint> step;
};

struct TrendChart {
  std::string id;
  std::string title;
  std::string desc;
  std::vector<std::string> x_labels;  // the time line's period labels (points' x index it)
  ValueAxis y;
  std::vector<TrendSeries> series;
  std::optional<std::string> band_label;  // when the subject has intervals
  std::optional<TrendTarget> target;
  std::vector<GapColumn> gap_columns;  // the subject's gaps
  std::vector<std::string> notes;      // sentences about the gaps
};

// --- Comparison: horizontal bars (areas, or sums of money) ------------------------------------

struct ComparisonBar {
  std::string name;
  double value = 0;
  std::string label;
  std::optional<double> lower;  // the 95% interval (a whisker), both or neither
  std::optional<double> upper;
  std::string style;  // "target" | "other"
};

// A vertical line at an area's value, in the look it has on the trend charts.
struct BenchmarkLine {
  std::string name;
  double value = 0;
  std::string label;
  std::string color;
  std::string dash;
  std::string css_class;  // "chart-benchmark chart-benchmark--1", ...
};

struct BarStyle {
  std::string fill;
  std::string stroke;
  std::string stripe;   // target bars only
  std::string pattern;  // target bars only: "hatch" (diagonal stripes)
  std::string css_class;
};

struct ComparisonLegendItem {
  std::string label;
  std::string style;  // "other" | "target" | "benchmark" | "whisker"
  std::optional<size_t> benchmark;  // for a benchmark: an index into `benchmarks`
};

// Bars of the latest period any of the areas has, sorted by value (highest first; ties by
// name), each with its 95% interval as a whisker, and lines for the benchmark and the other
// comparators (the benchmark first). Target-group areas are striped as well as coloured. Sums
// of money (MoneyBarsSpec) have no period, benchmarks, whiskers, missing rows or target style.
struct ComparisonChart {
  std::string id;
  std::string title;
  std::string desc;
  std::optional<std::string> period;
  ValueAxis x;
  std::vector<ComparisonBar> bars;
  std::vector<MissingArea> missing;
  std::optional<std::string> no_figure;  // what a missing row says ("No figure")
  std::vector<BenchmarkLine> benchmarks;
  BarStyle other_style;
  std::optional<BarStyle> target_style;
  std::string whisker_color;
  std::vector<ComparisonLegendItem> legend;
  std::vector<std::string> notes;
};

// --- Position: an area among others on a value axis --------------------------------------------

struct PositionDot {
  std::string name;
  double value = 0;
  std::string label;
  bool focus = false;
};

// The area the chart is about: a larger diamond with its 95% interval.
struct PositionFocus {
  std::string name;
  double value = 0;
  std::string label;
  std::optional<double> lower;  // both or neither
  std::optional<double> upper;
  std::string rank_text;  // "the 3rd highest of 17"
  std::string legend;     // "Kursaal: 65.8%, the 3rd highest of 17"
};

// The home area's value, drawn as a reference line.
struct PositionReference {
  std::string name;
  double value = 0;
  std::string label;
  std::string legend;
};

struct DotStyle {
  std::string color;
  std::string marker;
  std::string css_class;
};

struct LineStyle {
  std::string color;
  std::string dash;
  std::string css_class;
};

struct PositionChart {
  std::string id;
  std::string title;
  std::string desc;
  std::string period;
  ValueAxis x;
  std::vector<PositionDot> dots;  // ascending by value
  PositionFocus focus;
  std::string interval_legend;  // "95% confidence interval for Kursaal"
  std::string others_legend;    // "Other wards of Southend-on-Sea"
  std::optional<PositionReference> reference;
  DotStyle focus_style;
  DotStyle other_style;
  LineStyle reference_style;  // the home area's look, dashed
  std::string whisker_color;
  std::vector<MissingArea> missing;
  std::string no_figure;
  std::vector<std::string> notes;
};

// --- Sparkline: a word-sized line for a table cell ---------------------------------------------

// No axes or text, gaps where a figure is not published, the latest point marked. The title
// names the figure and the area; the desc says how it moved ("Rose from 53.5% in 2012/13 to
// 61.2% in 2018/19.") and where it has gaps.
struct SparklineChart {
  std::string id;
  std::string title;
  std::string desc;
  size_t count = 1;  // periods on the time line
  double y_min = 0;
  double y_max = 1;
  std::vector<SeriesPoint> points;  // without intervals
  TimePoint latest;
  std::string name;   // the area's
  std::string color;  // its look: the diamond a dot chart gives the area a page is about
  std::string dash;   // solid: ""
  std::string marker;
};

// --- Spine: an area's profile at a glance ------------------------------------------------------

// The figures of a row as the table prints them (FormatValue, "–" when absent).
struct SpineTexts {
  std::string value;
  std::string benchmark_value;
  std::string min;
  std::string q1;
  std::string q3;
  std::string max;
};

// The look of the area's comparison with the benchmark: a shape as well as a colour.
struct SpineComparison {
  std::string key;
  std::string label;
  std::string shape;  // the badge's ▲▼● symbol
  std::string marker;
  std::string color;
  std::string css_class;
};

// One indicator: the area's latest figure against the spread of the areas it is set among in
// that period, and the benchmark's figure. Numbers are as published.
struct SpineRow {
  std::string indicator;
  std::string period;
  // The values at the spine's two ends: left > right when the scale is reversed (lower is
  // better: better is always on the right).
  double left = 0;
  double right = 1;
  bool reversed = false;
  bool neutral = false;
  double min = 0;
  double q1 = 0;
  double q3 = 0;
  double max = 0;
  double value = 0;
  std::optional<double> benchmark_value;
  SpineTexts texts;
  size_t count = 0;  // how many areas the spread is over
  SpineComparison comparison;
};

// An indicator with a figure but no spine (a count, too few figures), with the reason.
struct SpineListed {
  std::string indicator;
  std::string period;
  std::string text;
  std::string reason;  // why it has no spine, as a sentence
};

struct SpineLegendItem {
  std::string label;
  std::string style;  // "range" | "middle" | "benchmark" | "comparison"
  std::optional<std::string> marker;  // a comparison's
  std::optional<std::string> color;   // a comparison's
};

struct SpineChart {
  std::string id;
  std::string title;
  std::string desc;
  std::string area;       // its name
  std::string benchmark;  // its name
  std::string kind;       // "wards"
  std::vector<SpineRow> rows;
  std::vector<SpineListed> listed;
  std::string range_color;
  std::string range_outline;
  std::string middle_color;
  std::string benchmark_color;
  std::vector<SpineLegendItem> legend;
  std::string left_end;   // the words at the two ends: "Worse"
  std::string right_end;  // "Better"
  std::vector<std::string> notes;  // a sentence when some are listed only
};

// --- Maps ---------------------------------------------------------------------------------------

// A class of a choropleth's key. Each has a fill colour AND a pattern, so greyscale and
// colour-blind readers can tell them apart.
struct MapKeyClass {
  std::string key;
  std::string label;
  std::string count_label;  // "3 wards"
  std::string fill;
  std::string ink;
  std::string pattern;  // "none"|"dots"|"checks"|"crosshatch"|"grid"|"lines"|"vlines" (never
                        // diagonal stripes: on the bar charts they mark the gap's target group)
};

struct MapWard {
  std::string code;
  std::string name;
  std::string class_key;  // a key of the map's classes
  std::string label;  // the accessible name, "Kursaal: 65.8%, worse than Southend-on-Sea"
  std::optional<std::string> url;  // relative to the page the map is on; none: not linked
  std::string d;                   // the boundary as SVG path data
};

// A map of wards shaded by class (view::ChoroplethSpec, view::AreaFinderMapSpec).
struct ChoroplethMap {
  std::string id;
  std::string role;  // "group" (wards are links) or "img"
  std::string title;
  std::string desc;
  int width = 800;  // viewBox, user units
  int height = 600;
  int display_width = 0;  // CSS pixels at most; the page may shrink the map to fit
  int display_height = 0;
  std::string legend_title;
  std::vector<MapKeyClass> classes;  // the key, in order
  std::vector<MapWard> areas;     // by ward name
};

struct LocatorWard {
  std::string code;
  std::string name;
  bool highlight = false;
  std::string d;
};

// A small map of wards in light grey with one highlighted (view::LocatorSpec).
struct LocatorMap {
  std::string id;
  std::string role;  // "img"
  std::string title;  // "Where Kursaal is in Southend-on-Sea"
  std::string desc;   // where it is and which wards it borders
  int width = 0;
  int height = 0;
  int display_width = 0;
  int display_height = 0;
  std::string fill;
  std::string stroke;
  std::string highlight_fill;
  std::string highlight_stroke;
  std::vector<LocatorWard> areas;  // the highlighted ward last
};

// --- Any of them ----------------------------------------------------------------------------------

// A chart or map, or nothing to draw (std::monostate: no published figure; renders to "").
using Chart = std::variant<std::monostate, TrendChart, ComparisonChart, PositionChart,
                           SparklineChart, SpineChart, ChoroplethMap, LocatorMap>;

inline bool HasChart(const Chart& chart) { return !std::holds_alternative<std::monostate>(chart); }

}  // namespace outcomes::view
