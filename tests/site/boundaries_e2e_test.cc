// End-to-end, with the real binary: boundary files as ONS publishes them, carrying the ward's
// code and its council's in every feature (tests/fixtures/boundaries/), and what check says
// when the choice of code is open or a ward has no boundary.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "e2e_util.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using outcomes::e2e::CopyExample;
using outcomes::e2e::ReadAll;
using outcomes::e2e::Run;
using outcomes::e2e::RunOutcomes;
using outcomes::e2e::WriteAll;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

json OnsWards() {
  return json::parse(ReadAll(fs::path(OUTCOMES_SOURCE_DIR) /
                             "tests/fixtures/boundaries/southend-wards-2025.geojson"));
}

// The example site with the ONS file as its only boundary file.
fs::path ExampleWithBoundaries(const std::string& name, const json& boundaries) {
  fs::path site = CopyExample(name);
  fs::remove_all(site / "data/boundaries");
  WriteAll(site / "data/boundaries/wards.geojson", boundaries.dump(1));
  return site;
}

void AddToSiteYaml(const fs::path& site, const std::string& lines) {
  WriteAll(site / "site.yaml", ReadAll(site / "site.yaml") + lines);
}

}  // namespace

TEST_CASE("an ONS ward file with ward and council codes: the ward code is taken, the map drawn") {
  fs::path site = ExampleWithBoundaries("ons-wards", OnsWards());
  Run check = RunOutcomes("check --site " + site.string());
  CHECK(check.exit_code == 0);
  CHECK(check.output.find("warning") == std::string::npos);
  CHECK(!Contains(check.output, "second boundary"));
  Run build = RunOutcomes("build --site " + site.string() + " --out " + (site / "out").string());
  REQUIRE(build.exit_code == 0);
  // Every ward is a link on the indicator's map.
  const std::string page = ReadAll(site / "out/indicators/gld/index.html");
  for (const char* ward : {"Belfairs", "Kursaal", "West Shoebury", "St. Luke"})
    CHECK_MESSAGE(Contains(page, ward), ward);
  CHECK(Contains(page, "<svg"));
}

TEST_CASE("a council's code repeats from ward to ward, so it is never taken for the ward's") {
  json wards = OnsWards();
  // The second half of the wards as if they belonged to a neighbouring council.
  for (size_t idx = 8; idx < wards["features"].size(); ++idx)
    wards["features"][idx]["properties"]["LAD25CD"] = "E07000075";
  fs::path site = ExampleWithBoundaries("ons-two-councils", wards);
  WriteAll(site / "data/areas.csv",
           ReadAll(site / "data/areas.csv") + "E07000075,Rochford,local-authority,E12000006,\n");
  Run check = RunOutcomes("check --site " + site.string());
  CHECK(check.exit_code == 0);
  CHECK(!Contains(check.output, ": error:"));
}

TEST_CASE("when two properties could each be the code, the error lists both and how to choose") {
  json wards = OnsWards();
  // One ward from each of two councils: both codes differ from feature to feature.
  json two = json::array({wards["features"][0], wards["features"][1]});
  two[1]["properties"]["LAD25CD"] = "E07000075";
  wards["features"] = two;
  fs::path site = ExampleWithBoundaries("ons-open-choice", wards);
  // Both codes are known areas: the neighbour is added to areas.csv.
  WriteAll(site / "data/areas.csv",
           ReadAll(site / "data/areas.csv") + "E07000075,Rochford,local-authority,E12000006,\n");
  Run check = RunOutcomes("check --site " + site.string());
  CHECK(check.exit_code == 1);
  CHECK(Contains(check.output, "data/boundaries/wards.geojson:1:1: error: several properties "
                               "could be the area code: LAD25CD and WD25CD"));
  CHECK(Contains(check.output, "boundaries: {code_property: WD25CD}"));

  SUBCASE("naming the property in site.yaml settles it") {
    AddToSiteYaml(site, "boundaries:\n  code_property: WD25CD\n  name_property: WD25NM\n");
    Run named = RunOutcomes("check --site " + site.string());
    CHECK(named.exit_code == 0);
    CHECK(!Contains(named.output, ": error:"));
  }
}

TEST_CASE("naming the council's code by mistake: the error says which property it read") {
  fs::path site = ExampleWithBoundaries("ons-council-code", OnsWards());
  AddToSiteYaml(site, "boundaries:\n  code_property: LAD25CD\n  name_property: WD25NM\n");
  Run named = RunOutcomes("check --site " + site.string());
  CHECK(named.exit_code == 1);
  CHECK(Contains(named.output, "error: area 'E06000033' has a second boundary (read from "
                               "property LAD25CD)"));
}

TEST_CASE("a code property named in site.yaml that a feature lacks is located at the feature") {
  json wards = OnsWards();
  wards["features"][2]["properties"].erase("WD25CD");
  fs::path site = ExampleWithBoundaries("ons-missing-code", wards);
  AddToSiteYaml(site, "boundaries:\n  code_property: WD25CD\n");
  Run check = RunOutcomes("check --site " + site.string());
  CHECK(check.exit_code == 1);
  CHECK(Contains(check.output, "error: boundary feature 3 (Chalkwell) has no property WD25CD"));
  CHECK(Contains(check.output, "hint: site.yaml names it as boundaries: code_property (line "));
}

TEST_CASE("a name property no feature has is an error naming it") {
  fs::path site = ExampleWithBoundaries("ons-bad-name", OnsWards());
  AddToSiteYaml(site, "boundaries:\n  code_property: WD25CD\n  name_property: WD22NM\n");
  Run check = RunOutcomes("check --site " + site.string());
  CHECK(check.exit_code == 1);
  CHECK(Contains(check.output,
                 "data/boundaries/wards.geojson:1:1: error: no feature has the property WD22NM"));
}

TEST_CASE("a ward with no boundary is a warning naming it, at its row of areas.csv") {
  json wards = OnsWards();
  json kept = json::array();
  for (const auto& feature : wards["features"])
    if (feature["properties"]["WD25NM"] != "Kursaal") kept.push_back(feature);
  wards["features"] = kept;
  fs::path site = ExampleWithBoundaries("ons-no-kursaal", wards);
  Run check = RunOutcomes("check --site " + site.string());
  CHECK(check.exit_code == 0);
  CHECK(Contains(check.output, "warning: ward 'Kursaal' (E05002216) has no boundary in "
                               "data/boundaries/, so the maps leave it out"));
  CHECK(Contains(check.output, "data/areas.csv:"));
  // Only wards are expected to have boundaries here: no warning for the council or region.
  CHECK(!Contains(check.output, "'Southend-on-Sea' (E06000033) has no boundary"));
}

TEST_CASE("an unknown code in a boundary file names the feature's ward and the property") {
  json wards = OnsWards();
  wards["features"][0]["properties"]["WD25CD"] = "E05099999";
  fs::path site = ExampleWithBoundaries("ons-unknown-code", wards);
  Run check = RunOutcomes("check --site " + site.string());
  CHECK(check.exit_code == 1);
  CHECK(Contains(check.output, "error: unknown area code 'E05099999' in boundary feature 1 "
                               "(Belfairs) (read from property WD25CD)"));
}
