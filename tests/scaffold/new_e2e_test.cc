// End-to-end, with the real binary: `outcomes new` writes a site into an empty folder that
// `check` passes and `build` builds at once (with the built-in theme: no templates/ folder),
// with sample wards or with the wards of a real ONS boundary file (tests/fixtures/boundaries/);
// and what it says when the folder is not empty or the boundary file is not usable.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../site/e2e_util.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using outcomes::e2e::FreshFolder;
using outcomes::e2e::ReadAll;
using outcomes::e2e::Run;
using outcomes::e2e::RunOutcomes;
using outcomes::e2e::SplitCsvLine;
using outcomes::e2e::Tree;
using outcomes::e2e::WriteAll;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const fs::path kWardsFixture =
    fs::path(OUTCOMES_SOURCE_DIR) / "tests/fixtures/boundaries/southend-wards-2025.geojson";

// "--boundaries <fixture> --code-property WD25CD --name-property WD25NM"
std::string WardOptions(const fs::path& file = kWardsFixture) {
  return "--boundaries " + file.string() + " --code-property WD25CD --name-property WD25NM";
}

// The rows of a CSV file without its header (one record per line: the files `new` writes).
std::vector<std::vector<std::string>> CsvRows(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::string text = ReadAll(path);
  size_t start = text.find('\n') + 1;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    rows.push_back(SplitCsvLine(text.substr(start, end - start)));
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return rows;
}

// Runs check and build on `site`: both must succeed, check with no error or warning.
void CheckAndBuild(const fs::path& site) {
  Run check = RunOutcomes("check --site " + site.string());
  INFO(check.output);
  CHECK(check.exit_code == 0);
  CHECK(!Contains(check.output, "error"));
  CHECK(!Contains(check.output, "warning"));
  Run build = RunOutcomes("build --site " + site.string());
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  CHECK(Contains(build.output, "built "));
}

}  // namespace

TEST_CASE("outcomes new writes a site that checks and builds at once, with no templates/") {
  fs::path site = FreshFolder("new-plain") / "my-site";  // not there yet: new makes it
  Run made = RunOutcomes("new " + site.string());
  INFO(made.output);
  REQUIRE(made.exit_code == 0);
  CHECK(Contains(made.output, "wrote a new site into " + site.string()));
  CHECK(Contains(made.output, "4 sample wards"));
  CHECK(Contains(made.output, "next: outcomes check --site " + site.string()));

  const auto files = Tree(site);
  std::vector<std::string> names;
  for (const auto& [name, bytes] : files) names.push_back(name);
  CHECK(names == std::vector<std::string>{"README.md", "content/pages/about.md", "data/areas.csv",
                                          "data/indicators/area-satisfaction.yaml",
                                          "data/observations/sample-area-satisfaction.csv",
                                          "data/outcomes.yaml", "site.yaml"});
  for (const auto& [name, bytes] : files) {
    INFO(name);
    CHECK(!Contains(bytes, "{{"));  // every placeholder filled in
  }
  CHECK(!fs::exists(site / "templates"));
  const std::string yaml = files.at("site.yaml");
  CHECK(Contains(yaml, "organisation: \"Example Council\""));
  CHECK(Contains(yaml, "\"Example Council\" is a placeholder"));
  CHECK(Contains(yaml, "example_data: true"));
  CHECK(Contains(yaml, "home_area: EXAMPLE-COUNCIL"));
  CHECK(!Contains(yaml, "\nboundaries:"));
  // The sample areas: the council, then its wards by name; every figure flagged example.
  const auto areas = CsvRows(site / "data/areas.csv");
  REQUIRE(areas.size() == 5);
  CHECK(areas[0] ==
        std::vector<std::string>{"EXAMPLE-COUNCIL", "Example Council", "local-authority", "", ""});
  CHECK(areas[1] ==
        std::vector<std::string>{"EXAMPLE-EAST", "East ward", "ward", "EXAMPLE-COUNCIL", ""});
  const auto rows = CsvRows(site / "data/observations/sample-area-satisfaction.csv");
  CHECK(rows.size() == 5 * 5);  // 4 wards and the council, 5 years each
  for (const auto& row : rows) CHECK(row.back() == "example");

  CheckAndBuild(site);
  const fs::path out = site / "site-output";
  for (const char* page : {"index.html", "outcomes/proud-of-our-area/index.html",
                           "indicators/area-satisfaction/index.html", "areas/north-ward/index.html",
                           "pages/about/index.html", "dashboard/index.html", "downloads/all.csv"})
    CHECK_MESSAGE(fs::exists(out / page), page);
  const std::string home = ReadAll(out / "index.html");
  CHECK(Contains(home, "Example Council outcomes"));
  CHECK(Contains(home, "class=\"banner\""));  // the figures are said to be examples
  // The built-in wording fits any council: no early-years or borough words (the example site
  // says "young children" in its own i18n/en.yaml).
  for (const char* page : {"index.html", "areas/index.html", "areas/north-ward/index.html"}) {
    const std::string html = ReadAll(out / page);
    INFO(page);
    CHECK(Contains(html, "How children"));
    CHECK(!Contains(html, "young children"));
    CHECK(!Contains(html, "borough"));
  }
  CHECK(Contains(ReadAll(out / "indicators/area-satisfaction/index.html"), "North ward"));
}

TEST_CASE("--name puts the council's name in the settings and on the pages") {
  fs::path site = FreshFolder("new-named");
  Run made = RunOutcomes("new " + site.string() + " --name \"Trafford Council\"");
  REQUIRE(made.exit_code == 0);
  const std::string yaml = ReadAll(site / "site.yaml");
  CHECK(Contains(yaml, "title: \"Trafford Council outcomes\""));
  CHECK(Contains(yaml, "organisation: \"Trafford Council\""));
  CHECK(!Contains(yaml, "placeholder"));
  CheckAndBuild(site);
  CHECK(Contains(ReadAll(site / "site-output/index.html"), "Trafford Council outcomes"));
  CHECK(Contains(ReadAll(site / "site-output/pages/about/index.html"),
                 "how Trafford Council is doing"));
}

TEST_CASE("with an ONS boundary file: the council and its 17 wards, and a map of them") {
  fs::path site = FreshFolder("new-wards");
  std::string options = WardOptions();
  SUBCASE("the properties named") {}
  SUBCASE("the properties worked out from the file") {
    options = "--boundaries " + kWardsFixture.string();
  }
  Run made =
      RunOutcomes("new " + site.string() + " --name \"Southend-on-Sea City Council\" " + options);
  INFO(made.output);
  REQUIRE(made.exit_code == 0);
  CHECK(Contains(made.output, "Southend-on-Sea (E06000033) and 17 wards"));

  const auto areas = CsvRows(site / "data/areas.csv");
  REQUIRE(areas.size() == 18);
  CHECK(areas[0] ==
        std::vector<std::string>{"E06000033", "Southend-on-Sea", "local-authority", "", ""});
  std::vector<std::string> names;
  for (size_t idx = 1; idx < areas.size(); ++idx) {
    CHECK(areas[idx][0].rfind("E05", 0) == 0);
    CHECK(areas[idx][2] == "ward");
    CHECK(areas[idx][3] == "E06000033");
    names.push_back(areas[idx][1]);
  }
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(names.front() == "Belfairs");
  CHECK(std::find(names.begin(), names.end(), "St. Luke's") != names.end());
  // The boundary file is copied as it is, and site.yaml says which properties to read.
  CHECK(ReadAll(site / "data/boundaries/southend-wards-2025.geojson") == ReadAll(kWardsFixture));
  const std::string yaml = ReadAll(site / "site.yaml");
  CHECK(Contains(yaml, "home_area: E06000033"));
  CHECK(Contains(yaml, "boundaries:\n  code_property: WD25CD\n  name_property: WD25NM\n"));
  CHECK(CsvRows(site / "data/observations/sample-area-satisfaction.csv").size() == 18 * 5);

  CheckAndBuild(site);
  // Every ward is on the indicator's map (a link in an SVG).
  const std::string page = ReadAll(site / "site-output/indicators/area-satisfaction/index.html");
  CHECK(Contains(page, "<svg"));
  for (const std::string& name : names) {
    const std::string html_name = name == "St. Luke's" ? "St. Luke&#39;s" : name;
    CHECK_MESSAGE(Contains(page, html_name), name);
  }
  CHECK(fs::exists(site / "site-output/areas/kursaal/index.html"));
}

TEST_CASE("a boundary file that does not name the council: a code to fill in, and a note") {
  fs::path folder = FreshFolder("new-no-council");
  json wards = json::parse(ReadAll(kWardsFixture));
  for (auto& feature : wards["features"]) {
    feature["properties"].erase("LAD25CD");
    feature["properties"].erase("LAD25NM");
  }
  WriteAll(folder / "wards.geojson", wards.dump());
  fs::path site = folder / "site";
  Run made = RunOutcomes("new " + site.string() + " --name \"Southend-on-Sea City Council\" " +
                         WardOptions(folder / "wards.geojson"));
  INFO(made.output);
  REQUIRE(made.exit_code == 0);
  CHECK(Contains(made.output,
                 "note: the boundary file does not say which council its wards "
                 "belong to, so data/areas.csv gives the council the code "
                 "COUNCIL-CODE"));
  const auto areas = CsvRows(site / "data/areas.csv");
  REQUIRE(areas.size() == 18);
  CHECK(areas[0] == std::vector<std::string>{"COUNCIL-CODE", "Southend-on-Sea City Council",
                                             "local-authority", "", ""});
  CHECK(areas[1][3] == "COUNCIL-CODE");
  CheckAndBuild(site);
}

TEST_CASE("a folder that is not empty is refused unless --force, and nothing is written") {
  fs::path site = FreshFolder("new-not-empty");
  WriteAll(site / "notes.txt", "mine\n");
  Run refused = RunOutcomes("new " + site.string());
  CHECK(refused.exit_code == 1);
  CHECK(Contains(refused.output, "error: " + site.string() + " is not empty (it has notes.txt)"));
  CHECK(Contains(refused.output, "--force"));
  CHECK(Tree(site).size() == 1);

  SUBCASE("--force writes the site beside what is there, and says what it wrote over") {
    WriteAll(site / "site.yaml", "title: old\n");
    Run forced = RunOutcomes("new " + site.string() + " --force");
    CHECK(forced.exit_code == 0);
    CHECK(Contains(forced.output, "1 of them over files there"));
    CHECK(ReadAll(site / "notes.txt") == "mine\n");
    CHECK(Contains(ReadAll(site / "site.yaml"), "organisation:"));
  }
  SUBCASE("a file is not a folder") {
    Run file = RunOutcomes("new " + (site / "notes.txt").string());
    CHECK(file.exit_code == 1);
    CHECK(Contains(file.output, "notes.txt is a file"));
  }
}

TEST_CASE("a boundary file that cannot be used is one error saying why, and nothing is written") {
  fs::path folder = FreshFolder("new-bad-boundaries");
  fs::path site = folder / "site";
  json wards = json::parse(ReadAll(kWardsFixture));
  std::string options;
  std::string expected;
  std::string also;  // a second part of the message, when the first is its place
  SUBCASE("not there") {
    options = "--boundaries " + (folder / "missing.geojson").string();
    expected = "error: cannot read the boundary file " + (folder / "missing.geojson").string();
  }
  SUBCASE("not JSON: the place is given") {
    WriteAll(folder / "bad.geojson",
             "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}\n");
    options = "--boundaries " + (folder / "bad.geojson").string();
    expected = "error: " + (folder / "bad.geojson").string() + ":3:16: invalid JSON: ";
  }
  SUBCASE("not a FeatureCollection") {
    WriteAll(folder / "bad.geojson", "{\"type\": \"Feature\"}");
    options = "--boundaries " + (folder / "bad.geojson").string();
    expected = "bad.geojson: not a GeoJSON FeatureCollection";
  }
  SUBCASE("a feature without the code property: its number and the properties it has") {
    wards["features"][2]["properties"].erase("WD25CD");
    WriteAll(folder / "bad.geojson", wards.dump());
    options = WardOptions(folder / "bad.geojson");
    expected =
        "bad.geojson: feature 3 has no property WD25CD (or it is empty or not text); it "
        "has the properties BNG_E, BNG_N, CAUTHCD, FID, GlobalID, LAD25CD, LAD25NM, "
        "LADCD_ACTIVE, LAT, LONG, RGNCD, UTLACD, WD25NM and WD25NMW";
  }
  SUBCASE("a property no feature has") {
    options = "--boundaries " + kWardsFixture.string() + " --code-property WD22CD";
    expected = "feature 1 has no property WD22CD";
  }
  SUBCASE("two properties could be the ward code") {
    for (size_t idx = 0; idx < wards["features"].size(); ++idx)
      wards["features"][idx]["properties"]["LAD25CD"] = "E0700007" + std::to_string(idx % 10);
    wards["features"] = json::array({wards["features"][0], wards["features"][1]});
    WriteAll(folder / "bad.geojson", wards.dump());
    options = "--boundaries " + (folder / "bad.geojson").string();
    expected = "several properties could be the ward code: LAD25CD and WD25CD";
  }
  SUBCASE("wards of two councils") {
    wards["features"][0]["properties"]["LAD25CD"] = "E07000075";
    WriteAll(folder / "bad.geojson", wards.dump());
    options = WardOptions(folder / "bad.geojson");
    expected = "the wards belong to 2 councils (LAD25CD is E06000033 or E07000075)";
  }
  SUBCASE("two features for one ward") {
    wards["features"][4]["properties"]["WD25CD"] = wards["features"][1]["properties"]["WD25CD"];
    WriteAll(folder / "bad.geojson", wards.dump());
    options = WardOptions(folder / "bad.geojson");
    expected = "features 2 and 5 have the same ward code E05002213";
  }
  SUBCASE("a ward name with a line break") {
    wards["features"][0]["properties"]["WD25NM"] = "Belfairs\nNorth";
    WriteAll(folder / "bad.geojson", wards.dump());
    options = WardOptions(folder / "bad.geojson");
    expected =
        "bad.geojson: the ward name of feature 1 has a line break, tab or other invisible "
        "character";
  }
  SUBCASE("a ward name longer than a site allows") {
    wards["features"][0]["properties"]["WD25NM"] = std::string(151, 'B');
    WriteAll(folder / "bad.geojson", wards.dump());
    options = WardOptions(folder / "bad.geojson");
    expected = "bad.geojson: the ward name of feature 1 is 151 characters long; the most is 150";
  }
  SUBCASE("a council name with a control character") {
    for (auto& feature : wards["features"]) feature["properties"]["LAD25NM"] = "Southend\x01";
    WriteAll(folder / "bad.geojson", wards.dump());
    options = WardOptions(folder / "bad.geojson");
    expected =
        "bad.geojson: the council's LAD25NM has a line break, tab or other invisible "
        "character";
  }
  SUBCASE("a boundary the loader would refuse: a ring that is not closed, at its place") {
    wards["features"][0]["geometry"] = {
        {"type", "Polygon"},
        {"coordinates", {{{0.6, 51.5}, {0.61, 51.5}, {0.61, 51.51}, {0.6, 51.51}}}}};
    WriteAll(folder / "bad.geojson", wards.dump());
    options = WardOptions(folder / "bad.geojson");
    expected = "bad.geojson:1:";
    also = ": boundary of 'E05002212': a ring must be closed";
  }
  Run made = RunOutcomes("new " + site.string() + " " + options);
  INFO(made.output);
  CHECK(made.exit_code == 1);
  CHECK(Contains(made.output, expected));
  CHECK(Contains(made.output, also));
  CHECK(!fs::exists(site));
}

TEST_CASE("new's usage: property options need --boundaries, and `init` suggests `new`") {
  fs::path site = FreshFolder("new-usage") / "site";
  Run usage = RunOutcomes("new " + site.string() + " --code-property WD25CD");
  CHECK(usage.exit_code == 2);
  CHECK(Contains(usage.output, "--boundaries"));
  CHECK(!fs::exists(site));
  Run init = RunOutcomes("init " + site.string());
  CHECK(init.exit_code == 2);
  CHECK(Contains(init.output, "hint: did you mean `outcomes new`?"));
  CHECK(Contains(init.output, "new"));
}
