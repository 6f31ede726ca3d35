// The writers that stream what grows with the whole site (model.json, the open data) give the
// bytes the whole-document views give, and stop when the output stops taking them.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "compute/compute.h"
#include "load/load.h"
#include "render/opendata/opendata.h"
#include "view/opendata_view.h"
#include "view/view.h"

namespace outcomes::view {

namespace {

model::Site Example() {
  base::Diagnostics diagnostics;
  model::Site site = load::LoadSite(OUTCOMES_SOURCE_DIR, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.HasErrors(), "the example site must load");
  return site;
}

std::string Streamed(const model::Site& site, const compute::Results& results) {
  std::string text;
  CHECK(WriteModel(site, results, [&text](std::string_view bytes) {
    text += bytes;
    return true;
  }));
  return text;
}

}  // namespace

TEST_CASE("model.json written a piece at a time is ModelView's document, byte for byte") {
  model::Site site = Example();
  compute::Results results = compute::Compute(site);
  const std::string streamed = Streamed(site, results);
  CHECK(streamed.size() > 100000);
  CHECK(streamed == ModelView(site, results).dump(1) + "\n");
}

TEST_CASE("text that needs escaping is escaped as the JSON serializer escapes it") {
  model::Site site = Example();
  // Names, notes and breakdowns with quotes, backslashes, control characters and non-ASCII
  // letters: the text writer must fall back to the serializer for each.
  for (size_t idx = 0; idx < site.areas.size(); idx += 3)
    site.areas[idx].name += " \"Tŵr\" \\ \t\x01 \xF0\x9F\x8F\xA0";
  for (auto& note : site.notes)
    if (!note.empty()) note += " \"quoted\"\n\xC3\xA9";
  site.notes.push_back("odd\x7f note");
  compute::Results results = compute::Compute(site);
  const std::string streamed = Streamed(site, results);
  CHECK(streamed == ModelView(site, results).dump(1) + "\n");
}

TEST_CASE("the suppression report written a row at a time is its view's document") {
  model::Site site = Example();
  compute::Results results = compute::Compute(site);
  REQUIRE(results.suppressed.size() > 10);
  std::string text;
  CHECK(WriteSuppressionReport(site, results, [&text](std::string_view bytes) {
    text += bytes;
    return true;
  }));
  CHECK(text == SuppressionReportView(site, results).dump(1) + "\n");
  size_t calls = 0;
  CHECK_FALSE(WriteSuppressionReport(site, results, [&calls](std::string_view) { return ++calls < 4; }));
  CHECK(calls == 4);
}

TEST_CASE("a site without indicators, and a write that fails, stop cleanly") {
  model::Site site = Example();
  compute::Results results = compute::Compute(site);
  size_t calls = 0;
  CHECK_FALSE(WriteModel(site, results, [&calls](std::string_view) { return ++calls < 5; }));
  CHECK(calls == 5);  // nothing written after the refusal

  site.indicators.clear();
  site.outcomes.clear();
  site.observations.clear();
  compute::Results empty = compute::Compute(site);
  const std::string streamed = Streamed(site, empty);
  CHECK(streamed.find("\"indicators\": []") != std::string::npos);
  CHECK(streamed == ModelView(site, empty).dump(1) + "\n");
}

TEST_CASE("the open data written table by table is the whole view's files, byte for byte") {
  model::Site site = Example();
  compute::Results results = compute::Compute(site);
  const auto whole = render::RenderOpenData(OpenDataView(site, results));
  std::map<std::string, std::string> streamed;
  std::map<std::string, int> starts;
  bool written = render::WriteOpenData(
      OpenDataHeader(site, results),
      [&](size_t table, const std::function<void(const OpenDataRow&)>& row) {
        OpenDataRows(site, results, static_cast<uint32_t>(table), row);
      },
      [&](const std::string& path, std::string_view bytes, bool append) {
        if (!append) {
          streamed[path].clear();
          ++starts[path];
        }
        streamed[path] += bytes;
        return true;
      });
  REQUIRE(written);
  REQUIRE(streamed.size() == whole.size());
  for (const auto& [path, bytes] : whole) {
    INFO(path);
    CHECK(streamed[path] == bytes);
    CHECK(starts[path] == 1);  // each file started once, never rewritten
  }
  // A refusal stops the writing.
  size_t calls = 0;
  CHECK_FALSE(render::WriteOpenData(
      OpenDataHeader(site, results),
      [&](size_t table, const std::function<void(const OpenDataRow&)>& row) {
        OpenDataRows(site, results, static_cast<uint32_t>(table), row);
      },
      [&calls](const std::string&, std::string_view, bool) { return ++calls < 3; }));
  CHECK(calls == 3);
}

}  // namespace outcomes::view
