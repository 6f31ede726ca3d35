// Lays out chart specs (view/chart_view.h) as SVG. The layout is fixed-width: every chart is 400
// units wide and scales to its container (width 100%, at most 30rem), so 18-unit text is never
// smaller than 12 px on a 320 px screen. Nothing here decides what a chart says; legends, notes
// and gaps are drawn as the spec gives them.
#include "render/svg/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <vector>

#include "render/svg/internal/layout.h"
#include "render/svg/internal/markup.h"

namespace outcomes::render {

namespace {

using svg_internal::Box;
using svg_internal::Escape;
using svg_internal::kFontSize;
using svg_internal::kGrid;
using svg_internal::kInk;
using svg_internal::Marker;
using svg_internal::Num;
using svg_internal::Placer;
using svg_internal::Spot;
using svg_internal::SpotsAround;
using svg_internal::Text;
using svg_internal::TextBox;
using svg_internal::TextWidth;
using svg_internal::Truncate;

static_assert(kFontSize == 18, "kSize sets font-size=\"18\"");

constexpr double kWidth = 400;
constexpr double kLineHeight = 24;
constexpr double kSwatch = 32;  // legend swatch width
// Full width of the container up to 30rem (at 1280 px the text is then 21.6 px), and the font
// size and colour every text inherits.
const char* const kSize =
    " width=\"100%\" style=\"display:block;max-width:30rem\" font-size=\"18\" fill=\"#0b0c0c\"";
// A white outline behind text, so lines crossing it do not make it hard to read.
const char* const kHalo =
    " paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"5\" stroke-linejoin=\"round\"";
const char* const kBold = " font-weight=\"700\"";

// A value axis mapped onto [from, to] in user units.
struct Scale {
  double min = 0;
  double max = 1;
  double from = 0;
  double to = 1;
  double operator()(double value) const {
    if (max - min <= 0) return (from + to) / 2;
    return from + (value - min) / (max - min) * (to - from);
  }
};

std::string Attr(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + Escape(value) + "\"";
}

std::string DashAttr(const std::string& dash) {
  return dash.empty() ? std::string() : Attr("stroke-dasharray", dash);
}

std::string Point(double x, double y) { return Num(x) + " " + Num(y); }

// An unfilled path.
std::string Stroke(const std::string& d, const std::string& colour, double width,
                   const std::string& extra = "") {
  return "<path d=\"" + d + "\"" + Attr("stroke", colour) + " stroke-width=\"" + Num(width) +
         "\" fill=\"none\"" + extra + "/>";
}

std::string Line(double x1, double y1, double x2, double y2, const std::string& colour,
                 double width, const std::string& extra = "") {
  return Stroke("M" + Point(x1, y1) + "L" + Point(x2, y2), colour, width, extra);
}

std::string Rect(double x, double y, double width, double height, const std::string& extra) {
  return "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(width) +
         "\" height=\"" + Num(height) + "\"" + extra + "/>";
}

// An interval from `lo` to `hi` at height `y`, with end caps `cap` high; `cased` puts a white
// outline under it so it shows over stripes.
std::string Whisker(double lo, double hi, double y, double cap, const std::string& colour,
                    double width, bool cased = false) {
  std::string d = "M" + Point(lo, y) + "H" + Num(hi) + "M" + Point(lo, y - cap / 2) + "V" +
                  Num(y + cap / 2) + "M" + Point(hi, y - cap / 2) + "V" + Num(y + cap / 2);
  std::string out = cased ? Stroke(d, "#fff", width + 3) : std::string();
  return out + Stroke(d, colour, width);
}

// The open ring that marks the target itself at the end of its path.
std::string Ring(double x, double y, const std::string& colour) {
  return "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"6\" fill=\"#fff\"" +
         Attr("stroke", colour) + " stroke-width=\"2.5\"/>";
}

// The stripes that tell target-area bars apart (id "<id>-stripes").
std::string Stripes(const std::string& id, const view::BarStyle& style) {
  return "<pattern id=\"" + Escape(id) +
         "-stripes\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\"" +
         Attr("fill", style.fill) + "/><path d=\"M4 0V8\"" +
         Attr("stroke", style.stripe) + " stroke-width=\"3.5\"/></pattern>";
}

// --- Legend and notes -------------------------------------------------------------------------

struct LegendItem {
  std::string label;
  std::string swatch;  // markup drawn with its left edge at x = 0 and its middle at y = 0
};

// Items flow left to right and wrap to new rows; a label too long for one line wraps within its
// item. `height` receives the height used below `top`.
std::string Legend(const std::vector<LegendItem>& items, double top, double& height) {
  std::string out = "<g class=\"chart-legend\">";
  double x = 0;
  double row_top = top;
  size_t row_lines = 1;
  for (const auto& item : items) {
    std::vector<std::string> lines =
        svg_internal::Wrap(item.label, kWidth - kSwatch - 8, kFontSize);
    double text_width = 0;
    for (const auto& line : lines) text_width = std::max(text_width, TextWidth(line, kFontSize));
    double item_width = kSwatch + 8 + text_width;
    if (x > 0 && x + item_width > kWidth) {
      row_top += static_cast<double>(row_lines) * kLineHeight + 4;
      x = 0;
      row_lines = 1;
    }
    out += "<g transform=\"translate(" + Point(x, row_top + 12) + ")\">" + item.swatch + "</g>";
    for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx)
      out += Text(x + kSwatch + 8, row_top + 18 + static_cast<double>(line_idx) * kLineHeight,
                  lines[line_idx], "start");
    row_lines = std::max(row_lines, lines.size());
    x += item_width + 18;
  }
  out += "</g>";
  height = items.empty() ? 0 : row_top + static_cast<double>(row_lines) * kLineHeight - top;
  return out;
}

// The legend items one under another, each on its own line from the top; `bottom` is set to
// where the next part of the chart may start.
std::string StackedLegend(const std::vector<LegendItem>& items, double& bottom) {
  std::string out;
  bottom = 0;
  for (const auto& item : items) {
    double height = 0;
    out += Legend({item}, bottom, height);
    bottom += height + 4;
  }
  return out;
}

std::string LineSwatch(const view::TrendSeries& series) {
  const std::string& colour = series.color;
  return Line(0, 0, kSwatch, 0, colour, 3, DashAttr(series.dash)) +
         Marker(series.marker, kSwatch / 2, 0, 10, colour);
}

// The notes, wrapped, from `top`; `height` receives the height used.
std::string Notes(const std::vector<std::string>& notes, double top, double& height) {
  std::string out;
  double y = top;
  for (const auto& note : notes) {
    for (const auto& line : svg_internal::Wrap(note, kWidth - 4, kFontSize)) {
      y += kLineHeight;
      out += Text(0, y - 6, line, "start", " class=\"chart-note\"");
    }
  }
  height = y - top;
  return out.empty() ? out : "<g class=\"chart-notes\">" + out + "</g>";
}

// --- Axes -------------------------------------------------------------------------------------

// Which of `labels` to print so that none overlap in `span` units: every k-th, counted both ways
// from `anchor` (by default the last: the latest period matters most).
std::vector<bool> LabelsToShow(const std::vector<std::string>& labels, double span,
                               size_t anchor = SIZE_MAX) {
  size_t count = labels.size();
  std::vector<bool> show(count, false);
  if (count == 0) return show;
  double widest = 0;
  for (const auto& label : labels) widest = std::max(widest, TextWidth(label, kFontSize));
  size_t fit = std::max<size_t>(1, static_cast<size_t>(span / (widest + 14)));
  size_t every = (count + fit - 1) / fit;
  if (anchor >= count) anchor = count - 1;
  for (size_t idx = 0; idx < count; ++idx)
    show[idx] = (idx > anchor ? idx - anchor : anchor - idx) % every == 0;
  return show;
}

// A label centred on x but kept inside the chart.
std::string CentredLabel(double x, double y, const std::string& label) {
  double half = TextWidth(label, kFontSize) / 2;
  return Text(std::clamp(x, half + 1, kWidth - half - 1), y, label, "middle");
}

// A horizontal value axis: vertical gridlines from `top` to `bottom`, the axis line and the
// labels that fit under it.
std::string HorizontalAxis(const view::ValueAxis& axis, const Scale& scale, double top,
                           double bottom) {
  const std::vector<view::AxisTick>& ticks = axis.ticks;
  std::vector<std::string> texts;
  for (const auto& tick : ticks) texts.push_back(tick.label);
  std::vector<bool> show = LabelsToShow(texts, std::fabs(scale.to - scale.from));
  std::string grid;
  std::string labels;
  for (size_t idx = 0; idx < ticks.size(); ++idx) {
    double x = scale(ticks[idx].value);
    grid += Line(x, top, x, bottom, kGrid, 1);
    if (show[idx]) labels += CentredLabel(x, bottom + 22, texts[idx]);
  }
  return "<g class=\"chart-grid\">" + grid + "</g><g class=\"chart-axis\">" +
         Line(scale.from, bottom, scale.to, bottom, kInk, 1.5) + labels + "</g>";
}

// The axis title above the plot, at the left.
std::string AxisTitle(const view::ValueAxis& axis, double baseline) {
  const std::string& title = axis.title;
  if (title.empty()) return {};
  return Text(0, baseline, Truncate(title, kWidth, kFontSize), "start",
              std::string(" class=\"chart-axis-title\"") + kBold);
}

// Runs of points at consecutive x positions (gaps end a run).
std::vector<std::vector<const view::SeriesPoint*>> Runs(
    const std::vector<view::SeriesPoint>& points) {
  std::vector<std::vector<const view::SeriesPoint*>> runs;
  std::vector<const view::SeriesPoint*> run;
  double last_x = -2;
  for (const auto& point : points) {
    bool drawn = !point.gap;
    double x = static_cast<double>(point.x);
    if (!run.empty() && (!drawn || x != last_x + 1)) {
      runs.push_back(run);
      run.clear();
    }
    if (drawn) run.push_back(&point);
    last_x = x;
  }
  if (!run.empty()) runs.push_back(run);
  return runs;
}

// "M x y L x y …" through `points`, with `x_of` and `y_of` giving their coordinates.
std::string PathThrough(const std::vector<const view::SeriesPoint*>& points,
                        const std::function<double(const view::SeriesPoint&)>& x_of,
                        const std::function<double(const view::SeriesPoint&)>& y_of) {
  std::string d;
  for (const view::SeriesPoint* point : points)
    d += (d.empty() ? "M" : "L") + Point(x_of(*point), y_of(*point));
  return d;
}

}  // namespace

// --- Trend ------------------------------------------------------------------------------------

std::string RenderTrendSvg(const view::TrendChart& spec) {
  const view::ValueAxis& y_axis = spec.y;
  const std::vector<std::string>& labels = spec.x_labels;
  const size_t count = labels.size();
  if (count == 0) return {};
  const std::vector<view::TrendSeries>& series_list = spec.series;
  const view::TrendTarget no_target;
  const view::TrendTarget& target = spec.target ? *spec.target : no_target;
  const bool has_target = spec.target && !target.points.empty();
  const bool level_target = has_target && target.level;
  const bool ends_at_target = has_target && target.ends_at_target;

  // Legend: each series, the band, the target.
  std::vector<LegendItem> items;
  for (const auto& series : series_list) items.push_back({series.name, LineSwatch(series)});
  if (spec.band_label && !series_list.empty())
    items.push_back({*spec.band_label,
                     Rect(0, -9, kSwatch, 18, Attr("fill", series_list[0].color) +
                                                  " fill-opacity=\"0.2\"")});
  if (has_target) {
    const std::string& colour = target.color;
    std::string swatch = Line(0, 0, kSwatch, 0, colour, 2.5, DashAttr(target.dash));
    if (ends_at_target) swatch += Ring(kSwatch - 6, 0, colour);
    items.push_back({target.label, swatch});
  }
  double legend_height = 0;
  std::string body = Legend(items, 0, legend_height);
  const double title_top = legend_height + 8;
  const double title_baseline = title_top + 18;
  const std::string axis_title = AxisTitle(y_axis, title_baseline);
  body += axis_title;

  // The plot: one band per period, points at the bands' middles.
  const std::vector<view::AxisTick>& ticks = y_axis.ticks;
  double widest_tick = 0;
  for (const auto& tick : ticks)
    widest_tick = std::max(widest_tick, TextWidth(tick.label, kFontSize));
  const double left = std::ceil(widest_tick) + 10;
  const double right = kWidth - 4;
  const double plot_top = title_top + 34;
  const double plot_bottom = plot_top + 240;
  const double step = (right - left) / static_cast<double>(count);
  auto x_of = [&](double x) { return left + (x + 0.5) * step; };
  const Scale scale{y_axis.min, y_axis.max, plot_bottom, plot_top};
  // Of a view::SeriesPoint or a view::TimePoint.
  auto point_x = [&](const auto& point) { return x_of(static_cast<double>(point.x)); };
  auto point_y = [&](const auto& point) { return scale(point.value); };

  // Everything drawn in the plot goes to the placer first, so that the labels placed after it
  // (the latest point's, the target's, the gaps' markers) can keep clear of it. Labels stay in
  // the plot, or above it beside the axis title.
  Placer placer({left, title_top, kWidth, plot_bottom});
  if (!axis_title.empty())
    placer.AddBox(TextBox(0, title_baseline, Truncate(y_axis.title, kWidth, kFontSize),
                          "start", kFontSize));
  placer.AddSegment(left, plot_bottom, right, plot_bottom, 1.5);
  constexpr int kTargetOwner = 1;
  constexpr int kGapsOwner = 2;
  auto series_owner = [](size_t pos) { return 3 + static_cast<int>(pos); };

  // The target: a level from its start, or the trajectory's path, ending in a ring at the
  // target's period when that is on the chart.
  std::string target_out;
  std::vector<std::pair<double, double>> target_line;
  if (has_target) {
    const std::vector<view::TimePoint>& points = target.points;
    if (level_target) {
      const double y = point_y(points[0]);
      double x0 = target.from_before ? left : point_x(points.front());
      double x1 = ends_at_target ? point_x(points.back()) : right;
      if (x1 - x0 < step * 0.4) x0 = std::max(left, x1 - step * 0.4);  // one period: a stub
      target_line = {{x0, y}, {x1, y}};
    } else {
      for (const auto& point : points) target_line.push_back({point_x(point), point_y(point)});
    }
    placer.AddPolyline(target_line, 2.5, kTargetOwner);
    if (ends_at_target) {
      auto [ring_x, ring_y] = target_line.back();
      placer.AddBox({ring_x - 7.5, ring_y - 7.5, ring_x + 7.5, ring_y + 7.5}, kTargetOwner);
    }
  }
  const std::optional<view::TimePoint> step_point =
      has_target ? target.step : std::optional<view::TimePoint>();
  if (step_point) {
    double sx = point_x(*step_point);
    double sy = point_y(*step_point);
    placer.AddBox({sx - 5, sy - 5, sx + 5, sy + 5}, kTargetOwner);
  }

  // Series: their lines (broken at gaps, never through zero) and markers while there is room
  // for them (a point on its own always has one).
  std::vector<std::string> series_out(series_list.size());
  for (size_t pos = 0; pos < series_list.size(); ++pos) {
    const view::TrendSeries& series = series_list[pos];
    const std::string& colour = series.color;
    const std::vector<view::SeriesPoint>& points = series.points;
    std::string out;
    std::set<double> alone;
    for (const auto& run : Runs(points)) {
      if (run.size() == 1) {
        alone.insert(static_cast<double>(run[0]->x));
        continue;
      }
      std::vector<std::pair<double, double>> line;
      for (const view::SeriesPoint* point : run) line.push_back({point_x(*point), point_y(*point)});
      placer.AddPolyline(line, 3, series_owner(pos));
      out += Stroke(PathThrough(run, point_x, point_y), colour, 3,
                    " stroke-linejoin=\"round\"" + DashAttr(series.dash));
    }
    for (const auto& point : points) {
      if (point.gap || (step < 12 && !alone.count(static_cast<double>(point.x)))) continue;
      double mx = point_x(point);
      double my = point_y(point);
      placer.AddBox({mx - 7, my - 7, mx + 7, my + 7}, series_owner(pos));
      out += Marker(series.marker, mx, my, 10, colour);
    }
    series_out[pos] = out;
  }

  // The subject's latest point, enlarged and labelled where the label touches nothing: above,
  // below or beside it; else it goes without (the table has the figure).
  std::string latest_out;
  if (!series_list.empty()) {
    const view::TimePoint& latest = series_list[0].latest;
    const double px = point_x(latest);
    const double py = point_y(latest);
    placer.AddBox({px - 8, py - 8, px + 8, py + 8}, series_owner(0));
    latest_out = "<circle cx=\"" + Num(px) + "\" cy=\"" + Num(py) + "\" r=\"7\"" +
                 Attr("fill", series_list[0].color) + " stroke=\"#fff\" stroke-width=\"2\"/>";
    const std::string& text = latest.label;
    const std::vector<Spot> spots = SpotsAround(px, py, 8, kFontSize);
    // Clear of its own line too if it can be; else touching only its own series.
    std::optional<Spot> spot = placer.Place(text, kFontSize, spots);
    if (!spot) spot = placer.Place(text, kFontSize, spots, series_owner(0));
    if (spot)
      latest_out += Text(spot->x, spot->baseline, text, std::string(spot->anchor),
                         std::string(" class=\"chart-latest\"") + kBold + kHalo);
  }

  // The target's own labels: its value at the ring, and the step of the path the latest figure
  // is judged against.
  if (has_target) {
    const std::string& colour = target.color;
    std::string d;
    for (const auto& [x, y] : target_line) d += (d.empty() ? "M" : "L") + Point(x, y);
    target_out += Stroke(d, colour, 2.5, DashAttr(target.dash));
    auto label = [&](const std::string& text, double x, double y, double radius,
                     const std::vector<Spot>& more = {}) {
      std::vector<Spot> spots = SpotsAround(x, y, radius, kFontSize);
      spots.insert(spots.end(), more.begin(), more.end());
      std::optional<Spot> spot = placer.Place(text, kFontSize, spots);
      if (!spot) spot = placer.Place(text, kFontSize, spots, kTargetOwner);
      if (spot)
        target_out += Text(spot->x, spot->baseline, text, std::string(spot->anchor), kHalo);
    };
    // The target's value: by the ring, else along the line (just above or below it), from the
    // right end leftwards.
    std::vector<Spot> along;
    for (size_t seg = target_line.size() - 1; seg-- > 0;) {
      auto [x1, y1] = target_line[seg];
      auto [x2, y2] = target_line[seg + 1];
      const int pieces = std::max(1, static_cast<int>(std::fabs(x2 - x1) / (step / 2)));
      for (int piece = pieces; piece >= 0; --piece) {
        const double t = static_cast<double>(piece) / pieces;
        const double x = x1 + (x2 - x1) * t;
        const double y = y1 + (y2 - y1) * t;
        along.push_back({x, y - 5 - svg_internal::kDescent * kFontSize, "middle"});
        along.push_back({x, y + 5 + svg_internal::kAscent * kFontSize, "middle"});
      }
    }
    auto [end_x, end_y] = target_line.back();
    if (ends_at_target) target_out += Ring(end_x, end_y, colour);
    label(target.end_label, end_x, end_y, ends_at_target ? 7.5 : 2, along);
    if (step_point) {
      double sx = point_x(*step_point);
      double sy = point_y(*step_point);
      target_out += "<circle cx=\"" + Num(sx) + "\" cy=\"" + Num(sy) + "\" r=\"4\"" +
                    Attr("fill", colour) + " stroke=\"#fff\" stroke-width=\"1.5\"/>";
      label(step_point->label, sx, sy, 5);
    }
  }

  // Gaps in the subject's line: a shaded column with its marker where the marker is clear of
  // everything, so a gap reads as "no figure".
  std::string gaps;
  for (const view::GapColumn& gap : spec.gap_columns) {
    const double cx = x_of(static_cast<double>(gap.x));
    gaps += Rect(cx - step / 2, plot_top, step, plot_bottom - plot_top, " fill=\"#f3f2f1\"");
    const std::string& marker = gap.marker;
    if (step < TextWidth(marker, kFontSize) + 2) continue;  // very many periods: no room
    std::vector<Spot> spots;
    for (double baseline = plot_top + 20; baseline <= plot_bottom - 6; baseline += 8)
      spots.push_back({cx, baseline, "middle"});
    if (std::optional<Spot> spot = placer.Place(marker, kFontSize, spots, kGapsOwner))
      gaps += Text(cx, spot->baseline, marker, "middle", kBold);
  }
  if (!gaps.empty()) body += "<g class=\"chart-gaps\">" + gaps + "</g>";

  // Gridlines, value labels, the time axis and its labels (counted from the subject's latest
  // period, so that one is always labelled).
  std::string grid;
  std::string axis;
  for (const auto& tick : ticks) {
    double tick_y = scale(tick.value);
    grid += Line(left, tick_y, right, tick_y, kGrid, 1);
    axis += Text(left - 8, tick_y + 6, tick.label, "end");
  }
  axis += Line(left, plot_bottom, right, plot_bottom, kInk, 1.5);
  size_t anchor = count - 1;
  if (!series_list.empty()) anchor = std::min(count - 1, series_list[0].latest.x);
  std::vector<bool> show = LabelsToShow(labels, right - left, anchor);
  for (size_t x = 0; x < count; ++x) {
    double tick_x = x_of(static_cast<double>(x));
    axis += Line(tick_x, plot_bottom, tick_x, plot_bottom + 6, kInk, 1.5);
    if (show[x]) axis += CentredLabel(tick_x, plot_bottom + 26, labels[x]);
  }
  body += "<g class=\"chart-grid\">" + grid + "</g><g class=\"chart-axis\">" + axis + "</g>";

  // The subject's confidence band: one shape per run of points with intervals.
  if (!series_list.empty() && series_list[0].band) {
    const view::TrendSeries& subject = series_list[0];
    std::string band;
    std::vector<const view::SeriesPoint*> with;
    auto flush = [&]() {
      if (with.size() == 1) {
        double top = scale(*with[0]->upper);
        band += Rect(point_x(*with[0]) - step * 0.2, top, step * 0.4,
                     scale(*with[0]->lower) - top, "");
      } else if (with.size() > 1) {
        auto upper_y = [&](const view::SeriesPoint& point) { return scale(*point.upper); };
        std::string d = PathThrough(with, point_x, upper_y);
        for (auto it = with.rbegin(); it != with.rend(); ++it)
          d += "L" + Point(point_x(**it), scale(*(*it)->lower));
        band += "<path d=\"" + d + "Z\"/>";
      }
      with.clear();
    };
    for (const auto& run : Runs(subject.points)) {
      for (const view::SeriesPoint* point : run) {
        if (point->lower && point->upper) {
          with.push_back(point);
        } else {
          flush();
        }
      }
      flush();
    }
    body += "<g class=\"chart-band\"" + Attr("fill", subject.color) +
            " fill-opacity=\"0.2\">" + band + "</g>";
  }

  if (has_target) body += "<g" + Attr("class", target.css_class) + ">" + target_out + "</g>";
  // Comparators first, so the subject is drawn on top.
  for (size_t pos = series_list.size(); pos-- > 0;)
    body += "<g" + Attr("class", series_list[pos].css_class) + ">" + series_out[pos] +
            (pos == 0 ? latest_out : std::string()) + "</g>";

  double notes_height = 0;
  body += Notes(spec.notes, plot_bottom + 36, notes_height);
  double height = plot_bottom + 36 + notes_height + 6;
  return svg_internal::Svg(spec.id, spec.title, spec.desc, "trend", kWidth, height, kSize, body);
}

// --- Comparison -------------------------------------------------------------------------------

std::string RenderComparisonSvg(const view::ComparisonChart& spec) {
  const std::string& id = spec.id;
  const view::ValueAxis& x_axis = spec.x;
  const view::BarStyle& other = spec.other_style;
  const view::BarStyle target = spec.target_style.value_or(view::BarStyle());
  const std::string& whisker_colour = spec.whisker_color;
  const std::vector<view::BenchmarkLine>& benchmarks = spec.benchmarks;
  const std::string stripes = "url(#" + id + "-stripes)";
  constexpr double kBenchmarkWidth = 2.5;

  auto bar = [&](double x, double y, double width, double height, const std::string& style) {
    const view::BarStyle& look = style == "target" ? target : other;
    return Rect(x, y, width, height,
                Attr("fill", style == "target" ? stripes : look.fill) +
                    Attr("stroke", look.stroke) + " stroke-width=\"1.5\"");
  };
  auto benchmark_line = [&](const view::BenchmarkLine& benchmark, double x, double y1, double y2,
                            const std::string& extra = "") {
    return Line(x, y1, x, y2, benchmark.color, kBenchmarkWidth, DashAttr(benchmark.dash) + extra);
  };

  std::vector<LegendItem> items;
  for (const view::ComparisonLegendItem& item : spec.legend) {
    const std::string& style = item.style;
    std::string swatch;
    if (style == "target" || style == "other") swatch = bar(0, -8, kSwatch, 16, style);
    if (style == "benchmark") {
      size_t idx = item.benchmark.value_or(0);
      if (idx < benchmarks.size())
        swatch = benchmark_line(benchmarks[idx], kSwatch / 2, -12, 12);
    }
    if (style == "whisker") swatch = Whisker(2, kSwatch - 2, 0, 12, whisker_colour, 2);
    items.push_back({item.label, swatch});
  }
  std::string body = "<defs>" + Stripes(id, target) + "</defs>";
  double legend_height = 0;
  body += Legend(items, 0, legend_height);
  const double title_top = legend_height + 8;
  body += AxisTitle(x_axis, title_top + 18);
  const Scale scale{x_axis.min, x_axis.max, 4, kWidth - 12};

  // Each line's name above the bars, at its top: beside the line (right or left of it), on a
  // row of names where it touches no other name and no other line crosses it; the line runs up
  // to its name. Worked out with the rows' top at y = 0 by trying every choice for every line
  // (there are a few lines at most), keeping the one that names the most lines on the fewest
  // rows; a name that fits nowhere is left to the legend.
  struct Heading {
    double x = 0;    // the line's
    double top = 0;  // where the line starts (relative)
    std::optional<Spot> spot;
    Box box;
  };
  const double gap = svg_internal::kLabelGap;
  const size_t lines = benchmarks.size();
  const int max_levels = static_cast<int>(std::min<size_t>(lines, 4));
  auto overlap = [&](const Box& a, const Box& b) {
    return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap &&
           b.top < a.bottom + gap;
  };
  // Whether two headings can stand together.
  auto compatible = [&](const Heading& a, const Heading& b) {
    auto crosses = [&](const Heading& line, const Heading& label) {
      return label.spot && svg_internal::SegmentCrossesBox(line.x, line.top, line.x, 0,
                                                           kBenchmarkWidth / 2 + gap, label.box);
    };
    if (a.spot && b.spot && overlap(a.box, b.box)) return false;
    return !crosses(a, b) && !crosses(b, a);
  };
  std::vector<std::vector<Heading>> options(lines);
  for (size_t idx = 0; idx < lines; ++idx) {
    const double x = scale(benchmarks[idx].value);
    const std::string& name = benchmarks[idx].name;
    for (int level = 0; level < max_levels; ++level) {
      const double baseline = -6 - level * kLineHeight;
      for (const Spot& spot : {Spot{x + 5, baseline, "start"}, Spot{x - 5, baseline, "end"}}) {
        Heading heading;
        heading.x = x;
        heading.spot = spot;
        heading.box = TextBox(spot.x, spot.baseline, name, spot.anchor, kFontSize);
        heading.top = (heading.box.top + heading.box.bottom) / 2;
        if (heading.box.left >= 0 && heading.box.right <= kWidth) options[idx].push_back(heading);
      }
    }
    Heading unnamed;
    unnamed.x = x;
    options[idx].push_back(unnamed);  // last: the name left to the legend
  }
  auto level_of = [](const Heading& heading) {
    return heading.spot ? static_cast<int>(std::lround((-6 - heading.spot->baseline) / kLineHeight))
                        : -1;
  };
  std::vector<Heading> headings(lines);
  std::vector<Heading> chosen(lines);
  size_t best_named = 0;
  int best_levels = 0;
  bool found = false;
  std::function<void(size_t, size_t, int)> search = [&](size_t idx, size_t named, int levels) {
    if (found && (named + (lines - idx) < best_named ||
                  (named + (lines - idx) == best_named && levels >= best_levels)))
      return;  // cannot do better than the best so far
    if (idx == lines) {
      best_named = named;
      best_levels = levels;
      headings = chosen;
      found = true;
      return;
    }
    for (const Heading& option : options[idx]) {
      bool fits = true;
      for (size_t other = 0; other < idx && fits; ++other)
        fits = compatible(option, chosen[other]);
      if (!fits) continue;
      chosen[idx] = option;
      search(idx + 1, named + (option.spot ? 1 : 0), std::max(levels, level_of(option) + 1));
    }
  };
  search(0, 0, 0);
  const int levels_used = best_levels;

  // One row per bar: the name and value on a line, the bar under them; then one row per area
  // without a figure.
  constexpr double kRow = 50;
  constexpr double kMissingRow = 30;
  const std::vector<view::ComparisonBar>& bars = spec.bars;
  const std::vector<view::MissingArea>& missing = spec.missing;
  const double rows_top = title_top + 32 + levels_used * kLineHeight;
  const double rows_bottom = rows_top + kRow * static_cast<double>(bars.size()) +
                             kMissingRow * static_cast<double>(missing.size());
  body += HorizontalAxis(x_axis, scale, rows_top, rows_bottom);

  std::vector<Box> row_labels;  // the lines give way to these
  auto name_and_value = [&](double baseline, const std::string& full_name, const std::string& value,
                            const std::string& value_extra) {
    double room = kWidth - TextWidth(value, kFontSize) - 16;
    std::string name = Truncate(full_name, room, kFontSize);
    row_labels.push_back(TextBox(0, baseline, name, "start", kFontSize));
    row_labels.push_back(TextBox(kWidth - 2, baseline, value, "end", kFontSize));
    return Text(0, baseline, name, "start", kHalo) +
           Text(kWidth - 2, baseline, value, "end", value_extra + kHalo);
  };
  std::string labels;
  std::string shapes;
  std::string whiskers;
  double row = rows_top;
  const double zero = scale(std::clamp(0.0, scale.min, scale.max));
  for (const auto& item : bars) {
    labels += name_and_value(row + 18, item.name, item.label, kBold);
    double end = scale(item.value);
    shapes += bar(std::min(zero, end), row + 25, std::fabs(end - zero), 16, item.style);
    if (item.lower && item.upper)
      whiskers += Whisker(scale(*item.lower), scale(*item.upper), row + 33, 14, whisker_colour, 2,
                          true);
    row += kRow;
  }
  for (const auto& item : missing) {
    labels += name_and_value(row + 20, item.name, spec.no_figure.value_or("") + " " + item.marker,
                             " class=\"chart-missing\"");
    row += kMissingRow;
  }
  body += "<g class=\"chart-bars\">" + shapes + "</g>";

  // The lines, from their names down through the bars, broken where a row's name or value
  // crosses them (the words stay readable; the line carries on below them).
  for (size_t idx = 0; idx < benchmarks.size(); ++idx) {
    const view::BenchmarkLine& benchmark = benchmarks[idx];
    const Heading& heading = headings[idx];
    const double x = heading.x;
    std::vector<std::pair<double, double>> cuts;
    for (const Box& box : row_labels)
      if (box.left - gap < x + kBenchmarkWidth / 2 && x - kBenchmarkWidth / 2 < box.right + gap)
        cuts.push_back({box.top - gap, box.bottom + gap});
    std::sort(cuts.begin(), cuts.end());
    std::string out;
    double from = rows_top + heading.top;
    for (const auto& [cut_top, cut_bottom] : cuts) {
      if (cut_top > from) out += benchmark_line(benchmark, x, from, cut_top);
      from = std::max(from, cut_bottom);
    }
    if (from < rows_bottom) out += benchmark_line(benchmark, x, from, rows_bottom);
    if (heading.spot)
      out += Text(heading.spot->x, rows_top + heading.spot->baseline, benchmark.name,
                  std::string(heading.spot->anchor), kHalo);
    body += "<g" + Attr("class", benchmark.css_class) + ">" + out + "</g>";
  }
  body += "<g class=\"chart-whiskers\">" + whiskers + "</g>";
  body += "<g class=\"chart-labels\">" + labels + "</g>";
  double notes_height = 0;
  body += Notes(spec.notes, rows_bottom + 34, notes_height);
  double height = rows_bottom + 34 + notes_height + 6;
  return svg_internal::Svg(spec.id, spec.title, spec.desc, "comparison", kWidth, height, kSize,
                           body);
}

// --- Position ---------------------------------------------------------------------------------

std::string RenderPositionSvg(const view::PositionChart& spec) {
  const view::ValueAxis& x_axis = spec.x;
  const view::PositionFocus& focus = spec.focus;
  const std::string& focus_colour = spec.focus_style.color;
  const std::string& other_colour = spec.other_style.color;
  const std::string& focus_marker = spec.focus_style.marker;
  const std::string& other_marker = spec.other_style.marker;
  const view::LineStyle& reference_style = spec.reference_style;
  const std::optional<view::PositionReference>& reference = spec.reference;
  const bool has_interval = focus.lower && focus.upper;
  constexpr double kOtherSize = 13;  // circle diameter
  constexpr double kFocusSize = 18;  // diamond width

  // The legend, one item per row: the focus's is a sentence.
  std::vector<LegendItem> items;
  items.push_back({focus.legend, Marker(focus_marker, kSwatch / 2, 0, kFocusSize, focus_colour)});
  if (has_interval)
    items.push_back({spec.interval_legend, Whisker(2, kSwatch - 2, 0, 12, focus_colour, 2.5)});
  items.push_back(
      {spec.others_legend, Marker(other_marker, kSwatch / 2, 0, kOtherSize, other_colour)});
  if (reference)
    items.push_back({reference->legend, Line(kSwatch / 2, -12, kSwatch / 2, 12,
                                             reference_style.color, 2.5,
                                             DashAttr(reference_style.dash))});
  double y = 0;
  std::string body = StackedLegend(items, y);
  body += AxisTitle(x_axis, y + 22);
  y += 32;

  // Stack dots that would overlap: the focus first, on the baseline; each other dot on the
  // lowest level where it touches nothing and is clear of the focus's whisker.
  const Scale scale{x_axis.min, x_axis.max, 12, kWidth - 12};
  const double whisker_lo = has_interval ? scale(*focus.lower) : 0;
  const double whisker_hi = has_interval ? scale(*focus.upper) : 0;
  struct Placed {
    double x;
    double radius;
    int level;
    bool focus;
  };
  std::vector<Placed> placed;
  std::vector<const view::PositionDot*> order;
  for (const auto& dot : spec.dots) {
    if (dot.focus)
      order.insert(order.begin(), &dot);
    else
      order.push_back(&dot);
  }
  int top_level = 0;
  for (const view::PositionDot* dot : order) {
    bool is_focus = dot->focus;
    double radius = (is_focus ? kFocusSize * 0.62 : kOtherSize / 2) + 1;
    double x = scale(dot->value);
    int level = 0;
    for (;; ++level) {
      bool clear = true;
      for (const auto& other : placed)
        if (other.level == level && std::fabs(other.x - x) < other.radius + radius) clear = false;
      if (!is_focus && level == 0 && has_interval && x + radius > whisker_lo - 2 &&
          x - radius < whisker_hi + 2)
        clear = false;
      if (clear) break;
    }
    top_level = std::max(top_level, level);
    placed.push_back({x, radius, level, is_focus});
  }
  constexpr double kLevel = 15;
  const double plot_top = y + 4;
  const double baseline = plot_top + 20 + top_level * kLevel;
  const double plot_bottom = baseline + 22;

  body += HorizontalAxis(x_axis, scale, plot_top, plot_bottom);
  if (reference) {
    double rx = scale(reference->value);
    body += Line(rx, plot_top, rx, plot_bottom, reference_style.color, 2.5,
                 DashAttr(reference_style.dash) + Attr("class", reference_style.css_class));
  }
  // The other dots share one paint on their group: a council's worth of dots on each of a
  // ward page's charts would otherwise repeat it thousands of times.
  std::string others;
  for (const auto& item : placed)
    if (!item.focus)
      others += svg_internal::MarkerShape(other_marker, item.x, baseline - item.level * kLevel,
                                          kOtherSize, other_colour, "");
  body += "<g class=\"chart-dots\"" + svg_internal::MarkerPaint(other_colour) + ">" + others + "</g>";
  if (has_interval)
    body += "<g class=\"chart-whiskers\">" +
            Whisker(whisker_lo, whisker_hi, baseline, 16, focus_colour, 2.5) + "</g>";
  for (const auto& item : placed)
    if (item.focus) body += Marker(focus_marker, item.x, baseline, kFocusSize, focus_colour);

  double notes_height = 0;
  body += Notes(spec.notes, plot_bottom + 34, notes_height);
  double height = plot_bottom + 34 + notes_height + 6;
  return svg_internal::Svg(spec.id, spec.title, spec.desc, "position", kWidth, height, kSize,
                           body);
}

// --- Spine ------------------------------------------------------------------------------------

std::string RenderSpineSvg(const view::SpineChart& spec) {
  const std::string& range_colour = spec.range_color;
  const std::string& middle_colour = spec.middle_color;
  const std::string& bench_colour = spec.benchmark_color;
  // The light band is outlined, so its ends show on white (WCAG 1.4.11: 3:1).
  const std::string& outline = spec.range_outline;
  const std::string range_outline =
      outline.empty() ? std::string() : Attr("stroke", outline) + " stroke-width=\"1\"";
  constexpr double kMarkerSize = 17;
  constexpr double kBand = 14;       // the range's height
  constexpr double kBenchHeight = 26;

  // The legend, one item per row, as the dot charts have it.
  std::vector<LegendItem> items;
  for (const view::SpineLegendItem& item : spec.legend) {
    const std::string& style = item.style;
    std::string swatch;
    if (style == "range")
      swatch = Rect(0, -kBand / 2, kSwatch, kBand, Attr("fill", range_colour) + range_outline);
    else if (style == "middle")
      swatch = Rect(0, -kBand / 2, kSwatch, kBand, Attr("fill", range_colour) + range_outline) +
               Rect(8, -kBand / 2, kSwatch - 16, kBand, Attr("fill", middle_colour));
    else if (style == "benchmark")
      swatch = Rect(kSwatch / 2 - 1.5, -kBenchHeight / 2, 3, kBenchHeight, Attr("fill", bench_colour));
    else
      swatch = Marker(item.marker.value_or(""), kSwatch / 2, 0, kMarkerSize,
                      item.color.value_or(""));
    items.push_back({item.label, swatch});
  }
  double y = 0;
  std::string body = StackedLegend(items, y);

  // The ends' words, once above the rows: "◀ Worse" and "Better ▶".
  y += 30;
  body += "<g class=\"spine-ends\">" + Text(0, y, "\u25C0 " + spec.left_end, "start", kBold) +
          Text(kWidth, y, spec.right_end + " \u25B6", "end", kBold) + "</g>";
  y += 10;

  constexpr double kFrom = 12;
  constexpr double kTo = kWidth - 12;
  std::string rows_markup;
  for (const view::SpineRow& row : spec.rows) {
    // The value at the left end may be the larger (a reversed scale): Scale wants min < max.
    const double left = row.left;
    const double right = row.right;
    const Scale scale = left <= right ? Scale{left, right, kFrom, kTo} : Scale{right, left, kTo, kFrom};
    auto x_of = [&](double value) { return scale(value); };
    const view::SpineComparison& comparison = row.comparison;
    std::string out = "<g class=\"spine-row\">";
    const std::string name = row.indicator + ", " + row.period + ": " + row.texts.value;
    for (const auto& line : svg_internal::Wrap(name, kWidth, kFontSize)) {
      y += kLineHeight;
      out += Text(0, y - 5, line, "start");
    }
    const double middle = y + 6 + kBenchHeight / 2;
    auto span = [&](double from, double to, const char* css, const std::string& colour,
                    double height, const std::string& extra) {
      double a = x_of(from);
      double b = x_of(to);
      return Rect(std::min(a, b), middle - height / 2, std::fabs(b - a), height,
                  Attr("class", css) + Attr("fill", colour) + extra);
    };
    out += span(row.min, row.max, "spine-range", range_colour, kBand, range_outline);
    out += span(row.q1, row.q3, "spine-middle", middle_colour, kBand, "");
    if (row.benchmark_value) {
      double bx = x_of(*row.benchmark_value);
      out += Rect(bx - 1.5, middle - kBenchHeight / 2, 3, kBenchHeight,
                  Attr("class", "spine-benchmark") + Attr("fill", bench_colour));
    }
    // The area's marker (Marker outlines it in white, so it shows over the bands and line).
    out += "<g class=\"spine-area\" transform=\"translate(" + Point(x_of(row.value), middle) +
           ")\">" + Marker(comparison.marker, 0, 0, kMarkerSize, comparison.color) + "</g>";
    out += "</g>";
    rows_markup += out;
    y = middle + kBenchHeight / 2 + 8;
  }
  body += rows_markup;
  double notes_height = 0;
  body += Notes(spec.notes, y + 4, notes_height);
  const double height = y + 4 + notes_height + 6;
  return svg_internal::Svg(spec.id, spec.title, spec.desc, "spine", kWidth, height, kSize, body);
}

// --- Sparkline --------------------------------------------------------------------------------

std::string RenderSparklineSvg(const view::SparklineChart& spec) {
  constexpr double kW = 120;
  constexpr double kH = 36;
  constexpr double kPad = 6;
  const double count = static_cast<double>(spec.count);
  const Scale y_scale{spec.y_min, spec.y_max, kH - kPad, kPad};
  // Of a view::SeriesPoint or a view::TimePoint.
  auto x_of = [&](const auto& point) {
    return count <= 1 ? kW / 2
                      : kPad + static_cast<double>(point.x) * (kW - 2 * kPad) / (count - 1);
  };
  auto y_of = [&](const auto& point) { return y_scale(point.value); };
  const std::string& colour = spec.color;
  // Whole units are precise enough at this size, and keep a dashboard of many of them small.
  auto x_at = [&](const auto& point) { return std::round(x_of(point)); };
  auto y_at = [&](const auto& point) { return std::round(y_of(point)); };
  const std::string& marker = spec.marker;
  auto dot = [&](const auto& point, double size) {
    return Marker(marker, x_at(point), y_at(point), size, colour);
  };
  std::string body;
  for (const auto& run : Runs(spec.points)) {
    if (run.size() == 1) {
      body += dot(*run[0], 6);
      continue;
    }
    body += Stroke(PathThrough(run, x_at, y_at), colour, 2.5, " stroke-linejoin=\"round\" stroke-linecap=\"round\"");
  }
  body += dot(spec.latest, 9);
  return svg_internal::Svg(spec.id, spec.title, spec.desc, "sparkline", kW, kH,
                           " width=\"6em\" height=\"1.8em\" style=\"vertical-align:middle\"", body);
}

}  // namespace outcomes::render
