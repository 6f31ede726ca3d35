// The site search's index (search/index.json): every entry leads to a page the build wrote, and
// its words read as the excerpt a reader sees under a result: an indicator's short title is its
// own sentence before the definition, and words cut to fit end with "…".
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

TEST_CASE("search index entries lead to built pages and read as sentences") {
  const fs::path out = FreshFolder("search-index-out");
  const Run run = RunOutcomes("build --site " + std::string(OUTCOMES_SOURCE_DIR) + " --out " +
                              out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  const nlohmann::json index = nlohmann::json::parse(ReadAll(out / "search/index.json"));
  REQUIRE(index["e"].is_array());
  size_t indicators = 0;
  for (const nlohmann::json& entry : index["e"]) {
    const std::string title = entry[0];
    const std::string path = entry[1];
    const std::string kind = entry[2];
    const std::string words = entry[3];
    CAPTURE(title);
    CHECK(fs::is_regular_file(out / path));
    CHECK(words.find("  ") == std::string::npos);
    // At most 200 bytes of text, and "…" (3 bytes) when the text was cut.
    CHECK(words.size() <= 203);
    if (words.size() > 200) CHECK(words.ends_with("…"));
    if (kind != "Indicator") continue;
    ++indicators;
    // "Good level of development. The percentage of …": never "development The".
    const size_t stop = words.find(". ");
    REQUIRE(stop != std::string::npos);
    CHECK(words[stop + 2] >= 'A');
    CHECK(words[stop + 2] <= 'Z');
  }
  CHECK(indicators == 13);
  // The example's indicator GLD: its short title, then its definition.
  const std::string gld = ReadAll(out / "search/index.json");
  CHECK(gld.find("\"Good level of development. ") != std::string::npos);
}

}  // namespace
}  // namespace outcomes::e2e
