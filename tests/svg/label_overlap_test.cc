// Labels never collide: every chart on every page of the example site (the repository's
// site.yaml, data/ and content/) is rendered as the pages render it, read back from the SVG
// (chart_geometry.h), and no label may overlap another label or a mark that is not its own.
// The reader itself is checked first on hand-made SVG, so the check is known to be able to fail.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "base/diagnostics.h"
#include "chart_geometry.h"
#include "compute/compute.h"
#include "load/load.h"
#include "render/svg/svg.h"
#include "view/chart_view.h"
#include "view/site_view.h"

namespace outcomes::svg_test {
namespace {

using nlohmann::json;

std::vector<std::string> OverlapsIn(const std::string& svg) {
  return Overlaps(ReadGeometry(Parse(svg)));
}

TEST_CASE("the overlap reader finds a label on a line, a mark or a label, and allows its own") {
  const std::string open = "<svg xmlns=\"http://www.w3.org/2000/svg\" font-size=\"18\">";
  // "74.0%" at (100, 50) spans about 100-163.4 across and 35.6-54.7 down.
  const std::string label = "<text x=\"100\" y=\"50\">74.0%</text>";
  auto with = [&](const std::string& shapes) {
    return OverlapsIn(open + label + shapes + "</svg>");
  };
  CHECK(with("").empty());
  // A line through it; one under it; one ending just short of it.
  CHECK(with("<g class=\"s\"><path d=\"M90 45H200\" stroke=\"#000\" stroke-width=\"2\" "
             "fill=\"none\"/></g>")
            .size() == 1);
  CHECK(with("<g class=\"s\"><path d=\"M90 60H200\" stroke=\"#000\" stroke-width=\"2\" "
             "fill=\"none\"/></g>")
            .empty());
  CHECK(with("<g class=\"s\"><path d=\"M0 0L97 45\" stroke=\"#000\" stroke-width=\"2\" "
             "fill=\"none\"/></g>")
            .empty());
  // A diagonal across it; a vertical drawn with V; a marker beside it and one on it; a bar
  // under it; circles inside a translation, clear of it and on it.
  CHECK(with("<g class=\"s\"><path d=\"M80 30L210 60\" stroke=\"#000\" fill=\"none\"/></g>")
            .size() == 1);
  CHECK(with("<g class=\"s\"><path d=\"M150 0V20V100\" stroke=\"#000\" fill=\"none\"/></g>")
            .size() == 1);
  CHECK(with("<g class=\"s\"><path d=\"M170 50L175 40L180 50Z\" fill=\"#000\" stroke=\"#fff\" "
             "stroke-width=\"1.5\"/></g>")
            .empty());
  CHECK(with("<g class=\"s\"><path d=\"M150 50L155 40L160 50Z\" fill=\"#000\"/></g>").size() == 1);
  CHECK(with("<g class=\"bars\"><rect x=\"0\" y=\"52\" width=\"120\" height=\"16\"/></g>").size() ==
        1);
  CHECK(with("<g transform=\"translate(100 50)\"><circle cx=\"20\" cy=\"-30\" r=\"5\"/></g>")
            .empty());
  CHECK(with("<g transform=\"translate(100 50)\"><circle cx=\"20\" cy=\"-10\" r=\"5\"/></g>")
            .size() == 1);
  // Two labels on one another; the same two a line apart.
  CHECK(with("<text x=\"150\" y=\"60\" text-anchor=\"middle\">England</text>").size() == 1);
  CHECK(with("<text x=\"150\" y=\"74\" text-anchor=\"middle\">England</text>").empty());
  // A label may touch its own group's marks, and sit on gridlines, bands and gap columns.
  CHECK(OverlapsIn(open + "<g class=\"series\">" + label +
                   "<path d=\"M90 45H200\" stroke=\"#000\" fill=\"none\"/></g></svg>")
            .empty());
  CHECK(with("<g class=\"chart-grid\"><path d=\"M90 45H200\" stroke=\"#000\" fill=\"none\"/></g>"
             "<g class=\"chart-band\"><path d=\"M0 0H400V100H0Z\"/></g>"
             "<g class=\"chart-gaps\"><rect x=\"90\" y=\"0\" width=\"50\" height=\"100\"/></g>")
            .empty());
  // Shapes in <defs> are not drawn where they are written.
  CHECK(with("<defs><pattern id=\"p\"><path d=\"M90 45H200\" stroke=\"#000\"/></pattern></defs>")
            .empty());
}

// The specs of `charts`.
void CollectSpecs(const std::vector<view::PlacedChart>& charts, std::vector<view::Chart>& specs) {
  for (const view::PlacedChart& chart : charts) specs.push_back(chart.chart);
}

TEST_CASE("no label on any chart of the example site overlaps a label or a mark not its own") {
  base::Diagnostics diagnostics;
  model::Site site = load::LoadSite(OUTCOMES_SOURCE_DIR, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.HasErrors(), "the example site must load");
  compute::Results results = compute::Compute(site);
  std::vector<view::PageView> pages = view::BuildSiteView(site, results, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.HasErrors(), "the example site's pages must build");

  std::map<std::string, size_t> charts;  // by type
  std::set<std::string> seen;            // a chart drawn on several pages is checked once
  size_t labels = 0;
  size_t overlaps = 0;
  for (const auto& page : pages) {
    std::vector<view::Chart> specs;
    CollectSpecs(page.charts, specs);
    for (const auto& part : page.markdown)
      for (const auto& figure : part.figures) CollectSpecs(figure.charts, specs);
    for (const view::Chart& chart : specs) {
      // Maps draw no text in them.
      if (std::holds_alternative<view::ChoroplethMap>(chart) ||
          std::holds_alternative<view::LocatorMap>(chart))
        continue;
      const json spec = view::ChartJson(chart);
      const std::string type = spec.value("type", "");
      std::string svg = render::RenderSvg(chart);
      REQUIRE_MESSAGE(!svg.empty(), page.path << ": a " << type << " chart drew nothing");
      if (!seen.insert(svg).second) continue;
      ++charts[type];
      ChartGeometry geometry = ReadGeometry(Parse(svg));
      labels += geometry.labels.size();
      for (const auto& overlap : Overlaps(geometry)) {
        ++overlaps;
        FAIL_CHECK(page.path << ", chart " << spec.value("id", "") << ": " << overlap);
      }
    }
  }
  MESSAGE("checked " << charts["trend"] << " trend, " << charts["comparison"] << " comparison, "
                     << charts["position"] << " position and " << charts["sparkline"]
                     << " sparkline charts with " << labels << " labels; " << overlaps
                     << " overlaps");
  // Every kind of chart the example has was seen (so charts that stop being found fail): a
  // trend for each indicator, a comparison for each of the 11 with ward figures that compare
  // areas (not the count, children-in-poverty), a position chart for each of those and each of
  // the 17 wards, sparklines on the dashboard and the area pages.
  CHECK(charts["trend"] >= 13);
  CHECK(charts["comparison"] >= 11);
  CHECK(charts["position"] >= 11 * 17);
  CHECK(charts["sparkline"] >= 13);
  CHECK(overlaps == 0);
}

}  // namespace
}  // namespace outcomes::svg_test
