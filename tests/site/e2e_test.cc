// End-to-end: the example site (the repository root) checks clean, builds to byte-identical
// output twice, and a planted small count never reaches the output.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "e2e_util.h"

// Running the binary, copying the example, reading outputs: shared with the other end-to-end
// tests.
using namespace outcomes::e2e;  // NOLINT: a test file, not a header

TEST_CASE("the example site checks without errors") {
  Run run = RunOutcomes(std::string("check --site ") + OUTCOMES_SOURCE_DIR);
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(run.output.find(": error: ") == std::string::npos);
}

TEST_CASE("building twice gives byte-identical output") {
  fs::path site = CopyExample("twice-site");
  fs::path first = FreshFolder("twice-out") / "first";
  fs::path second = first.parent_path() / "second";
  Run a = RunOutcomes("build --site " + site.string() + " --out " + first.string());
  Run b = RunOutcomes("build --site " + site.string() + " --out " + second.string());
  INFO(a.output << b.output);
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  auto first_tree = Tree(first);
  auto second_tree = Tree(second);
  CHECK(first_tree.size() >= 2);
  CHECK(first_tree.count("model.json") == 1);
  CHECK(first_tree == second_tree);
  // Building again into the same folder replaces it in place.
  Run c = RunOutcomes("build --site " + site.string() + " --out " + first.string());
  CHECK(c.exit_code == 0);
  CHECK(Tree(first) == second_tree);
}

TEST_CASE("a failed build leaves the previous output untouched") {
  fs::path site = CopyExample("failed-site");
  fs::path out = FreshFolder("failed-out") / "site";
  REQUIRE(RunOutcomes("build --site " + site.string() + " --out " + out.string()).exit_code == 0);
  auto before = Tree(out);
  std::ofstream(site / "data" / "observations" / "broken.csv")
      << "indicator,area,period,value\ngld,E05002216,2018/19,not-a-number\n";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("data/observations/broken.csv:2:") != std::string::npos);
  CHECK(Tree(out) == before);
  // No staging folder is left behind.
  for (const auto& entry : fs::directory_iterator(out.parent_path()))
    CHECK(entry.path().filename().string().find("staging") == std::string::npos);
}

TEST_CASE("dangerous output folders are refused") {
  fs::path site = CopyExample("guard-site");
  for (const std::string& out : {std::string("/"), site.string(), site.parent_path().string(),
                                 (site / "data").string()}) {
    Run run = RunOutcomes("build --site " + site.string() + " --out " + out);
    INFO(out << ": " << run.output);
    CHECK(run.exit_code == 1);
    CHECK(run.output.find("refusing") != std::string::npos);
  }
  // A folder of someone else's files is not replaced.
  fs::path theirs = FreshFolder("guard-theirs");
  std::ofstream(theirs / "notes.txt") << "keep me";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + theirs.string());
  CHECK(run.exit_code == 1);
  CHECK(ReadAll(theirs / "notes.txt") == "keep me");
  CHECK(fs::exists(site / "data" / "areas.csv"));
}

TEST_CASE("a planted count of 3 appears nowhere in the output") {
  fs::path site = CopyExample("planted-site");
  fs::path csv = site / "data" / "observations" / "example-wards.csv";
  std::string text = ReadAll(csv);
  const std::string row = "breastfeeding,E05002216,2018/19,,35.1,59,168,,,example";
  REQUIRE(text.find(row) != std::string::npos);
  // 3 babies out of 6151 (a denominator no other figure of the example has): value 0.04877...
  text.replace(text.find(row), row.size(), "breastfeeding,E05002216,2018/19,,,3,6151,,,example");
  std::ofstream(csv, std::ios::binary | std::ios::trunc) << text;
  fs::path out = FreshFolder("planted-out") / "site";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  for (const auto& [path, bytes] : Tree(out)) {
    INFO(path);
    // As whole numbers: 6151 must not appear, nor the value 0.0487... (digits inside longer
    // numbers, such as 94.46151, are not the planted figures).
    CHECK_FALSE(std::regex_search(bytes, std::regex("(^|[^0-9.])6,?151([^0-9.]|$)")));
    CHECK_FALSE(std::regex_search(bytes, std::regex("(^|[^0-9.])0\\.0487")));
  }
  auto model = nlohmann::json::parse(ReadAll(out / "model.json"));
  const nlohmann::json* breastfeeding = nullptr;
  for (const auto& indicator : model["indicators"])
    if (indicator["id"] == "breastfeeding") breastfeeding = &indicator;
  REQUIRE(breastfeeding != nullptr);
  // The planted cell is hidden, and the Better Start wards' total cannot give it back by
  // subtraction: fewer than two of its members' counts may be missing only if the total is too.
  std::map<std::string, nlohmann::json> cells;  // area -> the 2018/19 cell
  for (const auto& series : (*breastfeeding)["series"])
    for (const auto& cell : series["cells"])
      if (cell["period"] == "2018/19" && series["breakdown"] == "")
        cells[series["area"].get<std::string>()] = cell;
  REQUIRE(cells.count("E05002216") == 1);
  CHECK(cells["E05002216"]["count"].is_null());
  CHECK(cells["E05002216"]["value"].is_null());
  CHECK(cells["E05002216"]["hidden"] == "suppressed");
  for (const char* total : {"target-wards", "E06000033"}) {
    if (!cells.count(total) || cells[total]["count"].is_null()) continue;
    std::string group = total;
    int hidden_members = 0;
    for (const auto& area : model["areas"]) {
      bool member = false;
      if (group == "target-wards" && area.contains("tags"))
        for (const auto& tag : area["tags"]) member |= tag == "target-area";
      if (group == "E06000033" && area.value("parent", "") == "E06000033") member = true;
      if (member && cells[area["code"].get<std::string>()]["count"].is_null()) ++hidden_members;
    }
    INFO(total);
    CHECK(hidden_members >= 2);
  }
  // The suppression report lists the cell and its rule, without figures, beside the output
  // folder: nothing published says which hidden cell holds the small number.
  CHECK_FALSE(model.contains("suppressed"));
  CHECK_FALSE(fs::exists(out / "suppression-report.json"));
  fs::path report_path = out.parent_path() / "site.suppression-report.json";
  REQUIRE(fs::exists(report_path));
  auto report = nlohmann::json::parse(ReadAll(report_path));
  bool listed = false;
  for (const auto& row : report)
    listed |= row["indicator"] == "breastfeeding" && row["area"] == "E05002216" &&
              row["period"] == "2018/19" && row["reason"] == "suppressed";
  CHECK(listed);
  for (const auto& [path, bytes] : Tree(out)) {
    INFO(path);
    CHECK(bytes.find("suppressed-secondary") == std::string::npos);
    CHECK(bytes.find("a small number elsewhere") == std::string::npos);
  }
}
