// Chart writers: lay out the chart specs of view/chart.h as inline SVG. Every decision about
// data, words and colours was made in the view; these functions only place things (a 400-unit
// wide viewBox whose text stays at least 12 px high on a 320 px screen) and escape every text.
//
// Each returns one <svg role="img"> with a <title> and a <desc> (linked by aria-labelledby and
// aria-describedby) and ids that all start with the spec's id followed by "-". The same spec
// always gives the same bytes.
#pragma once

#include <string>

#include "view/chart.h"

namespace outcomes::render {

// Value labels (the latest point's, the target's, the path's step, the gaps' markers, the
// names of benchmark lines) are placed where they touch no other label, mark or line: each
// tries its places in turn (above, below, beside, farther out) and is left out, rather than
// drawn over something, when none is clear; the figures are all in the table beside the chart.

// A line chart over time (view::TrendChart): legend, value axis with gridlines, a shaded column and
// marker for each gap of the subject, confidence band, the target's level or path (from its
// start to its period, a ring at the target, the step the latest figure is judged against),
// one line per series (broken at gaps, never through zero), a labelled latest point and the
// notes under it.
std::string RenderTrendSvg(const view::TrendChart& spec);

// Horizontal bars (view::ComparisonChart): each area's name above its bar, the value at the right,
// 95% whiskers, target areas striped, a line for each benchmark named at its top (the lines
// break where a row's name or value crosses them), "No figure" rows for the missing, a value
// axis and notes.
std::string RenderComparisonSvg(const view::ComparisonChart& spec);

// A dot strip (view::PositionChart): one dot per area stacked where they would overlap, the focus
// area as a larger diamond with its interval, a dashed reference line and a value axis.
std::string RenderPositionSvg(const view::PositionChart& spec);

// An area's profile (view::SpineChart): the legend, the ends' words ("◀ Worse", "Better ▶"), then
// per row the indicator's name, period and value, a light band from the lowest to the highest
// of the areas it is set among (class "spine-range"), a darker band over the middle half
// ("spine-middle"), the benchmark's value as an upright bar ("spine-benchmark") and the area's
// marker ("spine-area", a group translated to the marker's centre) in its comparison's shape
// and colour. Each row has its own scale, from the row's left to right value across the
// chart; each row is a <g class="spine-row">.
std::string RenderSpineSvg(const view::SpineChart& spec);

// A word-sized line for a table cell (view::SparklineChart), 6em wide: no text, gaps left open,
// a lone point and the latest point marked with the spec's marker.
std::string RenderSparklineSvg(const view::SparklineChart& spec);

}  // namespace outcomes::render
