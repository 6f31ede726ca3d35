#include "render/svg/svg.h"

#include <cmath>
#include <regex>
#include <sstream>
#include <variant>

#include "render/svg/chart.h"
#include "render/svg/map.h"

namespace outcomes::render {

namespace {

// The SVG of each kind of chart.
std::string Draw(const std::monostate&) { return {}; }
std::string Draw(const view::TrendChart& spec) { return RenderTrendSvg(spec); }
std::string Draw(const view::ComparisonChart& spec) { return RenderComparisonSvg(spec); }
std::string Draw(const view::PositionChart& spec) { return RenderPositionSvg(spec); }
std::string Draw(const view::SparklineChart& spec) { return RenderSparklineSvg(spec); }
std::string Draw(const view::SpineChart& spec) { return RenderSpineSvg(spec); }
std::string Draw(const view::ChoroplethMap& spec) { return RenderChoroplethSvg(spec); }
std::string Draw(const view::LocatorMap& spec) { return RenderLocatorSvg(spec); }

}  // namespace

std::string RenderSvg(const view::Chart& chart) {
  return std::visit([](const auto& spec) { return Draw(spec); }, chart);
}

namespace {

// The font every chart's text widths are estimated for (svg_internal::TextWidth errs wide for
// DejaVu Sans), then the site's own faces.
constexpr const char* kFontFamily =
    "system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, Arial, &quot;DejaVu Sans&quot;, sans-serif";

// A number attribute of an <svg> start tag, or 0.
double ViewBoxPart(const std::string& tag, int part) {
  static const std::regex view_box("viewBox=\"([-0-9. ]+)\"");
  std::smatch match;
  if (!std::regex_search(tag, match, view_box)) return 0;
  std::istringstream in(match[1].str());
  double values[4] = {0, 0, 0, 0};
  for (double& value : values) in >> value;
  return values[part];
}

std::string Pixels(double value) {
  std::ostringstream out;
  out << static_cast<long>(std::lround(value));
  return out.str();
}

}  // namespace

std::string RenderStandaloneSvg(const view::Chart& chart) {
  std::string svg;
  if (const auto* map = std::get_if<view::ChoroplethMap>(&chart))
    svg = RenderStandaloneMapSvg(*map);
  else
    svg = RenderSvg(chart);
  if (svg.empty() || svg.rfind("<svg", 0) != 0) return {};
  const size_t tag_end = svg.find('>');
  std::string tag = svg.substr(0, tag_end);
  // The inline sizing (width 100% of the page's column, or 6em for a sparkline) gives way to
  // pixels: the chart as large as it is drawn for a wide screen.
  static const std::regex sizing(" (width|height|style)=\"[^\"]*\"");
  tag = std::regex_replace(tag, sizing, "");
  // A margin all round: on a page the chart sits in the column's padding; alone, text set at
  // its edge would touch the file's.
  const double x0 = ViewBoxPart(tag, 0);
  const double y0 = ViewBoxPart(tag, 1);
  const double margin = std::round(ViewBoxPart(tag, 2) / 50);
  const double width = ViewBoxPart(tag, 2) + 2 * margin;
  const double height = ViewBoxPart(tag, 3) + 2 * margin;
  static const std::regex view_box("viewBox=\"[^\"]*\"");
  tag = std::regex_replace(tag, view_box,
                           "viewBox=\"" + Pixels(x0 - margin) + " " + Pixels(y0 - margin) + " " +
                               Pixels(width) + " " + Pixels(height) + "\"");
  const double scale = width <= 420 ? 1.5 : 1;
  tag += " width=\"" + Pixels(width * scale) + "\" height=\"" + Pixels(height * scale) +
         "\" font-family=\"" + kFontFamily + "\"";
  if (tag.find(" fill=") == std::string::npos) tag += " fill=\"#0b0c0c\"";
  std::string body = svg.substr(tag_end + 1);
  // A white ground after the title and description, so the file reads on a dark viewer too.
  const size_t desc_end = body.find("</desc>");
  const std::string ground = "<rect x=\"" + Pixels(x0 - margin) + "\" y=\"" + Pixels(y0 - margin) +
                             "\" width=\"" + Pixels(width) + "\" height=\"" + Pixels(height) +
                             "\" fill=\"#fff\"/>";
  if (desc_end != std::string::npos)
    body.insert(desc_end + 7, ground);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + tag + ">" + body + "\n";
}

}  // namespace outcomes::render
