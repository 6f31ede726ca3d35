// One meaning per pattern: on every page of the example site, a dash pattern, a marker shape or
// a fill pattern stands for one thing (an area, the target, the target group, a map class)
// across all the charts and maps of the page. Read from the specs the pages draw.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "compute/compute.h"
#include "load/load.h"
#include "small_site.h"
#include "spec_json.h"
#include "view/chart_view.h"
#include "view/site_view.h"

namespace outcomes::svg_test {
namespace {

using nlohmann::json;

// What each look means on one page: "dash 6 3" -> {"Better Start wards"}.
using Meanings = std::map<std::string, std::set<std::string>>;

// Sparklines are word-sized and always beside the name of their area (a dashboard row, a ward's
// block), so theirs is one look for many areas on a dashboard; on a page with other charts the
// look must mean their area there too. They go to `sparklines`, the rest to `meanings`.
void Collect(const std::vector<view::PlacedChart>& charts, Meanings& meanings,
             Meanings& sparklines) {
  for (const view::PlacedChart& chart : charts) {
    const json spec = view::ChartJson(chart.chart);
    REQUIRE(spec.is_object());
    const std::string type = spec.value("type", "");
    if (type == "trend") {
      for (const auto& series : spec["series"]) {
        meanings["dash " + series["dash"].get<std::string>()].insert(series["name"]);
        meanings["marker " + series["marker"].get<std::string>()].insert(series["name"]);
      }
      if (spec.contains("target"))
        meanings["dash " + spec["target"]["dash"].get<std::string>()].insert("the target");
    } else if (type == "comparison") {
      for (const auto& benchmark : spec["benchmarks"])
        meanings["dash " + benchmark["dash"].get<std::string>()].insert(benchmark["name"]);
      for (const auto& bar : spec["bars"])
        if (bar["style"] == "target")
          meanings["pattern " + spec["styles"]["target"]["pattern"].get<std::string>()].insert(
              "the target group");
    } else if (type == "position") {
      const json& styles = spec["styles"];
      meanings["marker " + styles["focus"]["marker"].get<std::string>()].insert(
          spec["focus"]["name"]);
      meanings["marker " + styles["other"]["marker"].get<std::string>()].insert(
          spec["others_legend"]);
      if (spec.contains("reference"))
        meanings["dash " + styles["reference"]["dash"].get<std::string>()].insert(
            spec["reference"]["name"]);
    } else if (type == "sparkline") {
      sparklines["dash " + spec["dash"].get<std::string>()].insert(spec["name"]);
      sparklines["marker " + spec["marker"].get<std::string>()].insert(spec["name"]);
    } else if (type == "map") {
      for (const auto& item : spec["classes"]) {
        std::string pattern = item.value("pattern", "none");
        if (pattern != "none") meanings["pattern " + pattern].insert(item["label"]);
      }
    }
  }
}

TEST_CASE("on every page of the example, each dash, marker and fill pattern has one meaning") {
  base::Diagnostics diagnostics;
  model::Site site = load::LoadSite(OUTCOMES_SOURCE_DIR, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.HasErrors(), "the example site must load");
  compute::Results results = compute::Compute(site);
  std::vector<view::PageView> pages = view::BuildSiteView(site, results, diagnostics);
  size_t pages_with_charts = 0;
  size_t sparklines_beside_charts = 0;  // looks a sparkline shares with a chart on its page
  std::set<std::string> kinds;  // looks seen anywhere
  for (const auto& page : pages) {
    Meanings meanings;
    Meanings sparklines;
    Collect(page.charts, meanings, sparklines);
    for (const auto& part : page.markdown)
      for (const auto& figure : part.figures) Collect(figure.charts, meanings, sparklines);
    if (!meanings.empty()) ++pages_with_charts;
    auto names = [](const std::set<std::string>& what) {
      std::string text;
      for (const auto& name : what) text += " \"" + name + "\"";
      return text;
    };
    for (const auto& [look, what] : meanings) {
      kinds.insert(look.substr(0, look.find(' ')));
      CHECK_MESSAGE(what.size() == 1, page.path << ": " << look << " means" << names(what));
    }
    for (const auto& [look, what] : sparklines) {
      auto other = meanings.find(look);
      if (other == meanings.end()) continue;
      ++sparklines_beside_charts;
      CHECK_MESSAGE(other->second == what, page.path << ": " << look << " means" << names(what)
                                                      << " on a sparkline and"
                                                      << names(other->second) << " elsewhere");
    }
  }
  CHECK(pages_with_charts >= 35);  // 13 indicators, 17 wards, 4 outcomes, a strategy
  CHECK(kinds == std::set<std::string>{"dash", "marker", "pattern"});
  CHECK(sparklines_beside_charts > 0);  // the ward pages' diamonds: the ward, on both
}

TEST_CASE("every look a chart can give an area is its own, and none is the target's") {
  // The home area, England, the target group and five wards on one chart, and the target.
  const SmallSite s = MakeSmallSite();
  std::vector<uint32_t> areas{s.Area(kHome),    s.Area(kEngland), s.Area("better-start"),
                              s.Area(kKursaal), s.Area(kMilton),  s.Area(kLeigh),
                              s.Area(kVictoria), s.Area(kHostile)};
  json trend = TrendJson(s.site, s.results, s.Indicator("gld"), areas, "t");
  REQUIRE_MESSAGE(trend["series"].size() == areas.size(), trend["notes"].dump());
  std::set<std::string> dashes{trend["target"]["dash"].get<std::string>()};
  std::set<std::string> colours;
  for (const auto& series : trend["series"]) {
    CAPTURE(series["name"]);
    CHECK(dashes.insert(series["dash"].get<std::string>()).second);
    CHECK(colours.insert(series["color"].get<std::string>()).second);
  }
  // An area's look does not depend on the chart: England is the same wherever it is drawn.
  json other = TrendJson(s.site, s.results, s.Indicator("gld"),
                         {s.Area(kKursaal), s.Area(kEngland)}, "o");
  CHECK(other["series"][1]["dash"] == trend["series"][1]["dash"]);
  CHECK(other["series"][1]["marker"] == trend["series"][1]["marker"]);
}

}  // namespace
}  // namespace outcomes::svg_test
