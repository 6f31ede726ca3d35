// The postcode finder (issue 13): a lookup file read as site.yaml's postcodes: says, pages by
// postcode district and sector that work without JavaScript, and a JSON shard per district for
// the finder box. Postcodes whose ward is not one of the site's are said to be outside it, never
// sent to another ward's page: Trafford's postcodes with its 2022 ward codes against a site of
// its 2025 wards (every code changed) show it (real extracts, tests/fixtures/postcodes/).
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("the example's postcodes (Code-Point Open) lead to their wards, with and without a script") {
  const fs::path site = CopyExample("postcodes");
  const fs::path out = FreshFolder("postcodes-out");
  const Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  CHECK_FALSE(Has(run.output, "postcodes are in a ward"));  // all 17 wards are the site's

  // Every row of the lookup is in its district's shard, pointing at its ward's page; the
  // 4-character outward codes (SS22 8QP, written SS228QP) are split right.
  std::map<std::string, std::string> ward_names;  // code -> name, from areas.csv
  {
    std::istringstream areas(ReadAll(site / "data/areas.csv"));
    std::string line;
    while (std::getline(areas, line)) {
      const size_t comma = line.find(',');
      ward_names[line.substr(0, comma)] = line.substr(comma + 1, line.find(',', comma + 1) - comma - 1);
    }
  }
  std::istringstream lookup(ReadAll(site / "data/postcodes.csv"));
  std::map<std::string, nlohmann::json> shards;
  std::string line;
  size_t rows = 0;
  while (std::getline(lookup, line)) {
    ++rows;
    const std::string postcode = line.substr(1, 7);  // "SS0 0AA" or "SS228QP"
    std::string squeezed;
    for (char ch : postcode)
      if (ch != ' ') squeezed += ch;
    const std::string outward = squeezed.substr(0, squeezed.size() - 3);
    std::string district = outward;
    for (char& ch : district) ch = static_cast<char>(std::tolower(ch));
    if (!shards.count(district))
      shards[district] = nlohmann::json::parse(ReadAll(out / "postcodes/data" / (district + ".json")));
    const nlohmann::json& shard = shards[district];
    const std::string ward_code = line.substr(line.rfind(",\"") + 2, 9);
    REQUIRE_MESSAGE(shard["p"].contains(squeezed.substr(squeezed.size() - 3)), postcode);
    const nlohmann::json& ward = shard["w"][shard["p"][squeezed.substr(squeezed.size() - 3)].get<size_t>()];
    CHECK(ward[0] == ward_names[ward_code]);
    const std::string page = ward[1];
    CHECK(fs::exists(out / page));
    // The page's heading is the name, HTML-escaped (St. Luke's).
    const std::string heading =
        std::regex_replace(ward_names[ward_code], std::regex("'"), "&#39;");
    CHECK(Has(ReadAll(out / page), "<h1>" + heading));
  }
  CHECK(rows == 3711);
  CHECK(shards.count("ss22") == 1);

  // Without a script: the finder lists the districts; SS0's page its sectors with their wards;
  // the sector's page each ward with its postcodes, linking to the ward.
  const std::string finder = ReadAll(out / "postcodes/index.html");
  CHECK(Has(finder, "<a href=\"../postcodes/ss0/index.html\">SS0</a>"));
  CHECK(Has(finder, "<a href=\"../postcodes/ss22/index.html\">SS22</a>"));
  CHECK(Has(finder, "<form class=\"finder\""));
  CHECK(Has(finder, " hidden>"));  // shown by its script only
  const std::string district = ReadAll(out / "postcodes/ss0/index.html");
  CHECK(Has(district, "<a href=\"../../postcodes/ss0/ss0-0/index.html\">SS0 0</a>: Blenheim Park, "));
  const std::string sector = ReadAll(out / "postcodes/ss0/ss0-0/index.html");
  CHECK(Has(sector, "<h2><a href=\"../../../areas/blenheim-park/index.html\">Blenheim Park</a></h2>"));
  CHECK(Has(sector, "<span>SS0 0AA</span>"));
  CHECK_FALSE(Has(sector, "wards this site does not cover"));
  // The Your area page has the box and the way round it, and the ward map with links.
  const std::string areas = ReadAll(out / "areas/index.html");
  CHECK(Has(areas, "data-shards=\"../postcodes/data/\""));
  CHECK(Has(areas, "<a href=\"../postcodes/index.html\">Find your ward by postcode district</a>"));
  CHECK(Has(areas, "aria-label=\"Kursaal (Better Start wards)\""));
  CHECK(fs::exists(out / "assets/finder.js"));
}

// A site of Trafford's wards as they are in `wards_file` (five wards of M32, and the council).
fs::path TraffordSite(const std::string& name, const std::string& wards_file) {
  const fs::path site = FreshFolder(name);
  REQUIRE(RunOutcomes("new " + (site / "s").string()).exit_code == 0);
  const fs::path root = site / "s";
  std::set<std::pair<std::string, std::string>> wards;
  {
    std::istringstream rows(ReadAll(fs::path(OUTCOMES_SOURCE_DIR) / "tests/fixtures/postcodes" / wards_file));
    std::string line;
    std::getline(rows, line);  // header
    while (std::getline(rows, line)) {
      const size_t first = line.find(',');
      const size_t second = line.find(',', first + 1);
      wards.insert({line.substr(first + 1, second - first - 1),
                    line.substr(second + 1, line.find(',', second + 1) - second - 1)});
    }
  }
  REQUIRE(wards.size() == 5);
  std::string areas = "code,name,type,parent,tags\nE08000009,Trafford,local-authority,,\n";
  std::vector<std::string> codes;
  for (const auto& [code, ward_name] : wards) {
    areas += code + "," + ward_name + ",ward,E08000009,\n";
    codes.push_back(code);
  }
  WriteAll(root / "data/areas.csv", areas);
  // The scaffold's observations and settings, moved to Trafford.
  for (const fs::path& file : {root / "site.yaml", root / "data/observations/sample-area-satisfaction.csv"}) {
    std::string text = ReadAll(file);
    text = std::regex_replace(text, std::regex("EXAMPLE-COUNCIL"), "E08000009");
    text = std::regex_replace(text, std::regex("EXAMPLE-EAST"), codes[0]);
    text = std::regex_replace(text, std::regex("EXAMPLE-NORTH"), codes[1]);
    text = std::regex_replace(text, std::regex("EXAMPLE-SOUTH"), codes[2]);
    text = std::regex_replace(text, std::regex("EXAMPLE-WEST"), codes[3]);
    WriteAll(file, text);
  }
  WriteAll(root / "site.yaml",
           ReadAll(root / "site.yaml") + "\npostcodes:\n  ward_column: ward_code\n");
  return root;
}

TEST_CASE("postcodes of wards the site does not have are said to be outside it, not sent elsewhere") {
  const fs::path fixtures = fs::path(OUTCOMES_SOURCE_DIR) / "tests/fixtures/postcodes";
  // The site has Trafford's 2025 wards.
  const fs::path site = TraffordSite("trafford", "trafford-2025-m32.csv");
  const fs::path out = FreshFolder("trafford-out");

  // With the 2025 lookup every postcode reaches one of the site's wards.
  fs::copy_file(fixtures / "trafford-2025-m32.csv", site / "data/postcodes.csv");
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  CHECK_FALSE(Has(run.output, "postcodes are in a ward"));
  nlohmann::json shard = nlohmann::json::parse(ReadAll(out / "postcodes/data/m32.json"));
  CHECK(shard["p"].size() == 986);
  for (const auto& ward : shard["w"]) CHECK(ward[1].get<std::string>().starts_with("areas/"));

  // With the 2022 lookup (the old ward codes) none does: the build warns with the count, the
  // shard gives no page for any of them, and the sector pages list them apart, unlinked.
  fs::remove(site / "data/postcodes.csv");
  fs::copy_file(fixtures / "trafford-2022-m32.csv", site / "data/postcodes.csv");
  run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  CHECK(Has(run.output, "data/postcodes.csv: warning: 978 of 978 postcodes are in a ward this "
                        "site does not have (the first: E05000"));
  shard = nlohmann::json::parse(ReadAll(out / "postcodes/data/m32.json"));
  CHECK(shard["p"].size() == 978);
  for (const auto& ward : shard["w"]) {
    CHECK(ward[0].get<std::string>().starts_with("E05000"));  // the code: no name to give
    CHECK(ward[1] == "");
  }
  for (const auto& entry : fs::recursive_directory_iterator(out / "postcodes/m32")) {
    if (entry.path().filename() != "index.html" || entry.path().parent_path() == out / "postcodes/m32")
      continue;
    const std::string page = ReadAll(entry.path());
    CHECK(Has(page, "Postcodes in wards this site does not cover"));
    // No link to any area's page (the breadcrumbs' areas/index.html is the list of areas).
    CHECK_FALSE(std::regex_search(page, std::regex("areas/[^\"/]+/index\\.html")));
  }
}

}  // namespace
}  // namespace outcomes::e2e
