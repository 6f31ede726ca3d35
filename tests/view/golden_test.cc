// Golden tests of the page views: for each kind of page (template) of the example site, the
// first page's view, as JSON, equals the file kept in tests/view/golden/<template>.json. A
// change to what a page shows shows up here as a reviewable diff of data, before any HTML.
//
// After an intended change, rewrite the files and review the diff:
//   OUTCOMES_UPDATE_GOLDEN=1 build/tests/view_tests -tc='*golden*'
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "compute/compute.h"
#include "load/load.h"
#include "view/chart_view.h"
#include "view/site_view.h"

namespace outcomes::view {
namespace {

namespace fs = std::filesystem;

// `view` with each of `charts`, as JSON (ChartJson), under "svg_spec" of the node it is drawn
// into: the files keep the charts where the page shows them.
nlohmann::json WithSpecs(nlohmann::json view, const std::vector<PlacedChart>& charts) {
  for (const PlacedChart& chart : charts) view[chart.at]["svg_spec"] = ChartJson(chart.chart);
  return view;
}

// The page's view and its Markdown parts (all but the prepared HTML, which is not a view).
nlohmann::json Golden(const PageView& page) {
  nlohmann::json parts = nlohmann::json::array();
  for (const MarkdownPart& part : page.markdown) {
    nlohmann::json figures = nlohmann::json::array();
    for (const Figure& figure : part.figures) figures.push_back(WithSpecs(figure.view, figure.charts));
    parts.push_back({{"key", part.key},
                     {"source", part.source},
                     {"first_line", part.first_line},
                     {"prepared", part.prepared != nullptr},
                     {"links", part.links},
                     {"figures", figures},
                     {"footnote_prefix", part.footnote_prefix}});
  }
  return {{"path", page.path},
          {"template", page.template_name},
          {"view", WithSpecs(page.view, page.charts)},
          {"markdown", parts}};
}

// "line N: expected … / got …" for the first line where two texts differ.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  std::istringstream want(expected);
  std::istringstream got(actual);
  std::string want_line;
  std::string got_line;
  for (size_t line = 1;; ++line) {
    const bool more_want = static_cast<bool>(std::getline(want, want_line));
    const bool more_got = static_cast<bool>(std::getline(got, got_line));
    if (!more_want && !more_got) return "";
    if (!more_want || !more_got || want_line != got_line)
      return "line " + std::to_string(line) + ": expected " +
             (more_want ? want_line : "(end)") + "\n                got " +
             (more_got ? got_line : "(end)");
  }
}

TEST_CASE("each kind of page's view equals its golden file") {
  base::Diagnostics diagnostics;
  model::Site site = load::LoadSite(OUTCOMES_SOURCE_DIR, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.HasErrors(), "the example site must load");
  const compute::Results results = compute::Compute(site);
  const std::vector<PageView> pages = BuildSiteView(site, results, diagnostics);
  REQUIRE(!diagnostics.HasErrors());
  std::map<std::string, const PageView*> first;  // template -> its first page, by path
  for (const PageView& page : pages)
    if (!page.template_name.empty()) first.emplace(page.template_name, &page);  // not a raw file
  // Every kind of page the example has, so none goes untested unnoticed.
  CHECK(first.size() >= 15);

  const fs::path folder = fs::path(OUTCOMES_SOURCE_DIR) / "tests" / "view" / "golden";
  const bool update = std::getenv("OUTCOMES_UPDATE_GOLDEN") != nullptr;
  for (const auto& [name, page] : first) {
    CAPTURE(name);
    std::string file_name = name;
    for (char& ch : file_name)
      if (ch == '/') ch = '-';  // "dashboard/outcome" -> dashboard-outcome.json
    const fs::path file = folder / (file_name + ".json");
    const std::string actual = Golden(*page).dump(1) + "\n";
    if (update) {
      fs::create_directories(folder);
      std::ofstream(file, std::ios::binary | std::ios::trunc) << actual;
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "no golden file " << file.string()
                                                  << ": run with OUTCOMES_UPDATE_GOLDEN=1");
    std::stringstream expected;
    expected << in.rdbuf();
    const std::string difference = FirstDifference(expected.str(), actual);
    CHECK_MESSAGE(difference.empty(), file.string() << " differs at " << difference);
  }
  // No golden file is left over from a kind of page that is gone.
  if (!update && fs::is_directory(folder))
    for (const auto& entry : fs::directory_iterator(folder)) {
      std::string stem = entry.path().stem().string();
      bool known = false;
      for (const auto& [name, page] : first) {
        std::string file_name = name;
        for (char& ch : file_name)
          if (ch == '/') ch = '-';
        known |= file_name == stem;
      }
      CHECK_MESSAGE(known, "golden file for no kind of page: " << entry.path().string());
    }
}

}  // namespace
}  // namespace outcomes::view
