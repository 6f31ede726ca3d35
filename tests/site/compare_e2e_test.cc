// Comparing two areas (issue 13): each ward's page links to static pages comparing it with its
// council and its groups; each row holds the figures model.json has for the latest period both
// publish, the difference, and "more than chance" exactly when the 95% intervals do not overlap.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

using nlohmann::json;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The published all-children cells of `indicator` for `area`, by period.
std::map<std::string, json> Cells(const json& indicator, const std::string& area) {
  std::map<std::string, json> cells;
  for (const auto& series : indicator["series"])
    if (series["area"] == area && series["breakdown"] == "")
      for (const auto& cell : series["cells"])
        if (cell["published"].get<bool>()) cells[cell["period"]] = cell;
  return cells;
}

TEST_CASE("a ward's comparison with its council shows the published figures and what chance explains") {
  const fs::path out = FreshFolder("compare-out");
  const Run run = RunOutcomes("build --site " OUTCOMES_SOURCE_DIR " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  const std::string ward = ReadAll(out / "areas/kursaal/index.html");
  CHECK(Has(ward, "<a href=\"../../areas/kursaal/compare/southend-on-sea/index.html\">Southend-on-Sea</a>"));
  CHECK(Has(ward, "<a href=\"../../areas/kursaal/compare/target-wards/index.html\">Better Start wards</a>"));
  const std::string page = ReadAll(out / "areas/kursaal/compare/southend-on-sea/index.html");
  const json model = json::parse(ReadAll(out / "model.json"));
  size_t rows = 0;
  size_t apart = 0;
  for (const auto& indicator : model["indicators"]) {
    const std::string unit = indicator["unit"];
    if (unit != "percent" && unit != "rate") continue;
    const auto mine = Cells(indicator, "E05002216");
    const auto council = Cells(indicator, "E06000033");
    std::string period;
    for (const auto& [when, cell] : mine)
      if (council.count(when)) period = when;  // periods sort in time order as text here
    if (period.empty()) continue;
    ++rows;
    CAPTURE(indicator["id"].get<std::string>());
    const json& a = mine.at(period);
    const json& b = council.at(period);
    // The row: the indicator, the period, both figures as published, the verdict.
    const size_t at = page.find(">" + indicator["short_title"].get<std::string>() + "</a></th>");
    REQUIRE(at != std::string::npos);
    const std::string row = page.substr(at, page.find("</tr>", at) - at);
    CHECK(Has(row, "<td data-label=\"Period\">" + period + "</td>"));
    CHECK(Has(row, ">" + a["value_text"].get<std::string>()));
    CHECK(Has(row, ">" + b["value_text"].get<std::string>()));
    const bool intervals = a["lower_ci_95"].is_number() && b["lower_ci_95"].is_number();
    const bool differs = intervals && (a["upper_ci_95"].get<double>() < b["lower_ci_95"].get<double>() ||
                                       b["upper_ci_95"].get<double>() < a["lower_ci_95"].get<double>());
    apart += differs ? 1 : 0;
    CHECK(Has(row, !intervals ? "Cannot tell: no interval"
                   : differs  ? "Yes: the intervals do not overlap"
                              : "No: it could be chance"));
  }
  CHECK(rows > 5);
  CHECK(Has(page, std::to_string(apart) + " of " + std::to_string(rows) +
                      " figures for Kursaal differ from Southend-on-Sea&#39;s by more than chance "
                      "would explain."));
  // Counts are named, never compared.
  CHECK(Has(page, "Not compared, because they are counts and the areas differ in size"));
  // A group is compared with its council; the council itself has nothing to compare with.
  CHECK(fs::exists(out / "areas/target-wards/compare/southend-on-sea/index.html"));
  CHECK_FALSE(fs::exists(out / "areas/southend-on-sea/compare"));
}

}  // namespace
}  // namespace outcomes::e2e
