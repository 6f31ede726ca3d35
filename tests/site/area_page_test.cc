// End-to-end: a ward page answers at a glance. Its summary lists every measure of the ward
// once, worst first, each row linking to its block; the sentence counts what the rows show;
// every status agrees with the open data; the page links its contents and the ward's pack.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_util.h"

using namespace outcomes::e2e;  // NOLINT: a test file, not a header

namespace {

struct SummaryRow {
  std::string anchor;
  std::string status;
  std::string qualifier;
};

int Rank(const std::string& status) {
  if (status == "Target not met" || status == "Behind the path to target") return 0;
  if (status == "Close to target" || status == "Close to the path to target") return 1;
  if (status == "Target met" || status == "On the path to target") return 2;
  if (status == "No target") return 3;
  return 4;
}

}  // namespace

TEST_CASE("a ward page opens with a summary of every measure, worst first") {
  fs::path out = FreshFolder("area-page-out") / "site";
  Run run = RunOutcomes(std::string("build --site ") + OUTCOMES_SOURCE_DIR + " --out " +
                        out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const std::string page = ReadAll(out / "areas" / "kursaal" / "index.html");
  REQUIRE_FALSE(page.empty());

  // The summary comes before the first measure's block.
  size_t summary_at = page.find("class=\"area-summary\"");
  size_t first_block = page.find("class=\"indicator\"");
  REQUIRE(summary_at != std::string::npos);
  REQUIRE(first_block != std::string::npos);
  CHECK(summary_at < first_block);
  const std::string summary = page.substr(summary_at, page.find("</section>", summary_at) - summary_at);

  // Rows: the anchor each links to and its status words.
  std::vector<SummaryRow> rows;
  std::regex row_re(
      "<tr><th scope=\"row\"><a href=\"#([^\"]+)\">[^<]*</a></th>.*?data-label=\"Progress\">"
      "<span class=\"status [^\"]*\"><span class=\"status__shape\" aria-hidden=\"true\">[^<]*"
      "</span> ([^<]*)</span>( <span class=\"status__qualifier\">\\(([^)]*)\\)</span>)?");
  for (std::sregex_iterator it(summary.begin(), summary.end(), row_re), end; it != end; ++it)
    rows.push_back({(*it)[1], (*it)[2], (*it)[4]});
  REQUIRE(rows.size() >= 10);

  // Every measure block on the page is in the summary once, and every row's link lands.
  std::set<std::string> blocks;
  std::regex block_re("<div class=\"indicator\" id=\"([^\"]+)\">");
  for (std::sregex_iterator it(page.begin(), page.end(), block_re), end; it != end; ++it)
    blocks.insert((*it)[1]);
  std::set<std::string> linked;
  for (const auto& row : rows) {
    CHECK_MESSAGE(linked.insert(row.anchor).second, "listed twice: " << row.anchor);
    CHECK_MESSAGE(blocks.count(row.anchor) == 1, "no block for " << row.anchor);
  }
  CHECK(linked == blocks);

  // Worst first.
  for (size_t idx = 1; idx < rows.size(); ++idx) {
    INFO(rows[idx - 1].status << " then " << rows[idx].status);
    CHECK(Rank(rows[idx - 1].status) <= Rank(rows[idx].status));
  }

  // The sentence counts what the rows show.
  std::map<int, int> by_rank;
  for (const auto& row : rows) ++by_rank[Rank(row.status)];
  std::string measures = std::to_string(rows.size()) + " measures, Kursaal ";
  CHECK(summary.find("Of " + measures) != std::string::npos);
  if (by_rank[2]) CHECK(summary.find("meets " + std::to_string(by_rank[2]) + " target") != std::string::npos);
  if (by_rank[0]) CHECK(summary.find("has not met " + std::to_string(by_rank[0])) != std::string::npos);
  if (by_rank[3]) CHECK(summary.find(std::to_string(by_rank[3]) + " have no target") != std::string::npos);

  // Every status and qualifier agrees with the open data's latest row for Kursaal.
  std::istringstream csv(ReadAll(out / "downloads" / "all.csv"));
  std::string line;
  std::getline(csv, line);
  std::vector<std::string> header = SplitCsvLine(line);
  auto column = [&](const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<size_t>(it - header.begin());
  };
  const size_t indicator_col = column("indicator"), period_col = column("period"),
               area_col = column("area_code"), breakdown_col = column("breakdown"),
               value_col = column("value"), status_col = column("target_status"),
               qualifier_col = column("target_status_qualifier");
  std::map<std::string, std::vector<std::string>> latest;  // indicator -> its latest row
  while (std::getline(csv, line)) {
    auto fields = SplitCsvLine(line);
    if (fields.size() != header.size() || fields[area_col] != "E05002216" ||
        fields[breakdown_col] != "All" || fields[value_col].empty())
      continue;
    auto& row = latest[fields[indicator_col]];
    if (row.empty() || row[period_col] < fields[period_col]) row = fields;
  }
  REQUIRE(latest.size() >= 10);
  size_t compared = 0;
  for (const auto& row : rows) {
    std::string id = row.anchor.substr(std::string("measure-").size());
    auto it = latest.find(id);
    if (it == latest.end()) {
      CHECK(row.status == "No data");
      continue;
    }
    INFO(id);
    CHECK(row.status == it->second[status_col]);
    CHECK(row.qualifier == it->second[qualifier_col]);
    ++compared;
  }
  CHECK(compared >= 10);

  // Contents and the ward's own pack.
  CHECK(page.find("<nav class=\"contents\"") != std::string::npos);
  std::smatch pack;
  REQUIRE(std::regex_search(page, pack, std::regex("<a href=\"([^\"]+\\.xlsx)\">Download Kursaal")));
  CHECK(fs::exists(out / "areas" / "kursaal" / std::string(pack[1])));
  // "one of the wards in the rest of Southend", never a bare list.
  const std::string belfairs = ReadAll(out / "areas" / "belfairs" / "index.html");
  CHECK(belfairs.find("Belfairs is one of the wards in the <a") != std::string::npos);
}

// A count of one area against another's says how big they are: no output sets them side by
// side (found: every ward "Better than" the council for a count, on the site and in all.csv).
TEST_CASE("counts are never compared between areas, on pages or in the open data") {
  fs::path out = FreshFolder("count-out") / "site";
  Run run = RunOutcomes(std::string("build --site ") + OUTCOMES_SOURCE_DIR + " --out " +
                        out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  // children-in-poverty is a count in the example.
  const std::string page = ReadAll(out / "indicators" / "children-in-poverty" / "index.html");
  REQUIRE_FALSE(page.empty());
  CHECK(page.find("chart--comparison") == std::string::npos);  // no ranked bars
  CHECK(page.find("chart-benchmark") == std::string::npos);    // no line at the total
  CHECK(page.find("id=\"ward-map-title\"") == std::string::npos);  // no map shaded by count
  CHECK(page.find("Better than") == std::string::npos);
  CHECK(page.find("Worse than") == std::string::npos);
  // Its trend chart draws one area.
  std::smatch desc;
  REQUIRE(std::regex_search(page, desc, std::regex("<desc id=\"trend-desc\">([^<]*)</desc>")));
  CHECK(std::string(desc[1]).find("Better Start wards") == std::string::npos);
  // A ward's block: no position among the wards, no council total beside its own count.
  const std::string ward = ReadAll(out / "areas" / "kursaal" / "index.html");
  size_t block = ward.find("id=\"measure-children-in-poverty\"");
  REQUIRE(block != std::string::npos);
  std::string text = ward.substr(block, ward.find("<div class=\"indicator\"", block + 1) - block);
  CHECK(text.find("chart--position") == std::string::npos);
  CHECK(text.find("<th scope=\"col\">Southend-on-Sea</th>") == std::string::npos);
  // The open data: every comparison of a count row says why it is not made.
  std::istringstream csv(ReadAll(out / "downloads" / "children-in-poverty.csv"));
  std::string line;
  std::getline(csv, line);
  std::vector<std::string> header = SplitCsvLine(line);
  size_t rows = 0;
  while (std::getline(csv, line)) {
    auto fields = SplitCsvLine(line);
    REQUIRE(fields.size() == header.size());
    for (size_t idx = 0; idx < header.size(); ++idx) {
      if (header[idx].rfind("compared_with_", 0) != 0) continue;
      INFO(line);
      CHECK(fields[idx].rfind("Not compared", 0) == 0);
    }
    ++rows;
  }
  CHECK(rows > 20);
}
