// Chart specs (view/chart.h, where each field is described) from the model and the results:
// the view decides everything a chart shows, the writer (render/svg) only lays it out. No model
// or compute type appears in a spec.
//
// A builder gives an empty Chart (std::monostate) when there is no published figure to draw;
// RenderSvg draws nothing for it.
// Every function takes breakdown 0 (all children) and requires valid indices: `indicator` into
// Site::indicators, areas into Results::areas (a programmer error otherwise, not bad input).
// `id_prefix` may be any text: it is made id-safe ("1 Bad id!" -> "chart-1-bad-id"); keeping
// prefixes distinct on a page is the caller's part.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compute/compute.h"
#include "model/model.h"
#include "view/chart.h"

namespace outcomes::view {

// A line chart of `indicator` over time. `areas` are indices into Results::areas; the first is
// the chart's subject (drawn with its 95% confidence band and a labelled latest point), the
// others comparator lines (e.g. the borough, the region, England). Each area is drawn in its
// own look (colour, dash, marker), the same on every chart: the home area solid with circles.
// The time axis runs over every period from the first to the last published one (extended to
// the target's period when that is later), so a period with no figure is a gap. The target,
// when the indicator has one, is a level, or with a trajectory the path through the
// trajectory's steps to the target; either runs from the indicator's baseline (else the
// trajectory's first step, else the target's own period) to the target's period, never before
// the baseline. Areas with no published figure are left out (and named in the notes).
// A view::TrendChart.
Chart TrendChartSpec(const model::Site& site, const compute::Results& results,
                     uint32_t indicator, const std::vector<uint32_t>& areas,
                     const std::string& id_prefix);

// Horizontal bars of the latest period any of `areas` has, sorted by value (highest first; ties
// by name), each with its 95% interval as a whisker, and a vertical line for `benchmark_area`
// and for every other comparator of the site with a figure for that period, each in the look
// it has on the trend charts (drawn as lines, not as bars; `benchmark_area` is never a bar).
// Areas in the site's gap target group (and the group itself) are "target" bars, striped as
// well as coloured. Areas without a published figure for that period are listed under the bars
// with their marker, never as a zero bar. The desc's comparison counts are against
// `benchmark_area`. A view::ComparisonChart.
Chart ComparisonChartSpec(const model::Site& site, const compute::Results& results,
                          uint32_t indicator, const std::vector<uint32_t>& areas,
                          uint32_t benchmark_area, const std::string& id_prefix);

// Where `area` sits among `among_areas` (e.g. a ward among the borough's wards) for the latest
// period `area` has a published figure: one dot per area on a value axis, `area` a larger
// diamond with its 95% interval, and the home area's value as a reference line. A
// view::PositionChart; empty when `area` has no published figure.
Chart PositionChartSpec(const model::Site& site, const compute::Results& results,
                        uint32_t indicator, uint32_t area,
                        const std::vector<uint32_t>& among_areas,
                        const std::string& id_prefix);

// A word-sized line of `area`'s figures over time for a table cell: no axes or text, gaps where
// a figure is not published, the latest point marked: a view::SparklineChart, empty when there
// is no published figure.
// The title names the figure and the area; the desc says how it moved ("Rose from 53.5% in
// 2012/13 to 61.2% in 2018/19.") and where it has gaps.
Chart SparklineSpec(const model::Site& site, const compute::Results& results,
                    uint32_t indicator, uint32_t area, const std::string& id_prefix);

// An area's profile at a glance, as OHID Fingertips' spine charts: one row per indicator in
// `indicators` (indices into Site::indicators, in the page's order; a repeat is listed once)
// with `area`'s latest published figure against the spread of `among_areas` (e.g. every ward of
// the council) in that same period — lowest, 25th percentile, 75th percentile, highest — and
// `benchmark_area`'s figure for that period. The percentiles are taken over the published
// figures as rounded for publication, by linear interpolation between ranks (Excel's
// PERCENTILE.INC): with n sorted values v, the p-th is v[k] + f (v[k+1] - v[k]) where
// k + f = p (n - 1); they are then rounded as the indicator's figures are. Suppressed and
// missing figures are never read. A row is drawn only for an indicator that compares areas
// (compute::ComparesAreas) where `area` and at least two of `among_areas` have a published
// figure; the others (counts, too few figures) are listed (SpineChart::listed) with the reason and
// no spine. Each row's marker takes the look of `area`'s comparison with `benchmark_area`
// (compute's, as the page's tables show it): a shape as well as a colour for each outcome.
// Orientation: better is on the right, as in Fingertips; for lower-is-better the scale is
// reversed; where neither is better, higher is on the right. Each row's scale is centred on the
// benchmark's value (else on the middle of the range) and reaches the farthest figure. A
// view::SpineChart; empty when no indicator has a published figure for `area`.
Chart SpineChartSpec(const model::Site& site, const compute::Results& results,
                     uint32_t area, const std::vector<uint32_t>& among_areas,
                     uint32_t benchmark_area, const std::vector<uint32_t>& indicators,
                     const std::string& id_prefix);

// The p-th percentile (0 <= p <= 1) of `sorted` (ascending, not empty) by linear interpolation
// between ranks (Excel's PERCENTILE.INC), as SpineChartSpec computes it.
double Percentile(const std::vector<double>& sorted, double p);

// A spec as the JSON the page views held before specs were typed ("type", "id", "title",
// "desc" and each kind's keys, named as the fields of view/chart.h are; null for an empty
// Chart): the golden page views and the tests read it.
nlohmann::json ChartJson(const Chart& chart);

// Horizontal bars of sums of money in pounds, in the order given (e.g. spending by financial
// year), as a view::ComparisonChart with no benchmark lines, whiskers or missing rows: each bar is
// labelled in full ("£1,320,000"), the axis in short ("£0", "£500k", "£1.5m") from zero.
// `title` and `desc` are the chart's; `axis_title` names the axis. Empty when `bars` is empty.
struct MoneyBar {
  std::string name;
  double amount = 0;
  std::string label;  // the amount as the page prints it
};
Chart MoneyBarsSpec(const i18n::Catalogue& t, const std::vector<MoneyBar>& bars,
                    const std::string& title, const std::string& desc,
                    const std::string& axis_title, const std::string& id_prefix);

}  // namespace outcomes::view
