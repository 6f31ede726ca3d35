// End-to-end: the dashboard's pre-built views. Every view is listed on every view, at a slug
// path; every cell of the every-cell view agrees with the open data (status, period, the "not
// certain" qualifier as its mark); the counts in each lead are the cells shown; the key explains
// every symbol a page uses; the not-met view lists exactly the cells not met or close; an
// outcome whose id is "not-met" does not take the not-met view's address.
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

std::string Unescape(std::string text) {
  for (auto [from, to] : {std::pair{"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"},
                          {"&amp;", "&"}}) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, std::string(from).size(), to);
  }
  return text;
}

// The open data's latest published row of each (indicator id, area name): status, qualifier,
// period.
struct Latest {
  std::string period;
  std::string status;
  std::string qualifier;
};
std::map<std::pair<std::string, std::string>, Latest> LatestRows(const fs::path& csv_path) {
  std::istringstream csv(ReadAll(csv_path));
  std::string line;
  std::getline(csv, line);
  const std::vector<std::string> header = SplitCsvLine(line);
  auto column = [&](const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<size_t>(it - header.begin());
  };
  const size_t indicator = column("indicator"), period = column("period"),
               area = column("area_name"), breakdown = column("breakdown"),
               value = column("value"), status = column("target_status"),
               qualifier = column("target_status_qualifier");
  std::map<std::pair<std::string, std::string>, Latest> latest;
  while (std::getline(csv, line)) {
    auto fields = SplitCsvLine(line);
    if (fields.size() != header.size() || fields[breakdown] != "All" || fields[value].empty())
      continue;
    Latest& row = latest[{fields[indicator], fields[area]}];
    // Periods of one indicator sort as text ("2018/19" < "2019/20", "2015" < "2016").
    if (row.period.empty() || row.period < fields[period])
      row = {fields[period], fields[status], fields[qualifier]};
  }
  return latest;
}

struct Cell {
  std::string area;
  std::string indicator;  // its id
  std::string css;        // "met", "close", "off", "none"
  std::string shape;
  std::string words;
  std::string period;
  bool mark = false;
};

// The cells of a view's area-by-indicator tables.
std::vector<Cell> TableCells(const std::string& page) {
  std::vector<Cell> cells;
  std::regex table_re("<table class=\"data dash-table\">([\\s\\S]*?)</table>");
  std::regex column_re("<th scope=\"col\"><a href=\"[^\"]*indicators/([^/\"]+)/index\\.html\">");
  std::regex row_re("<tr><th scope=\"row\"><a href=\"[^\"]*\">([^<]*)</a></th>(.*?)</tr>");
  std::regex cell_re(
      "<td data-label=\"[^\"]*\"><span class=\"status--([a-z]+)\" aria-hidden=\"true\">([^<]*)"
      "</span><span class=\"dw\"> ([^<]*?):?</span>(?: [^<]* <span class=\"dp\">([^<]*)</span>)?"
      "( <span class=\"dm\" aria-hidden=\"true\">)?");
  for (std::sregex_iterator table(page.begin(), page.end(), table_re), end; table != end; ++table) {
    const std::string body = (*table)[1];
    std::vector<std::string> columns;
    for (std::sregex_iterator it(body.begin(), body.end(), column_re); it != end; ++it)
      columns.push_back((*it)[1]);
    for (std::sregex_iterator row(body.begin(), body.end(), row_re); row != end; ++row) {
      const std::string tds = (*row)[2];
      size_t column = 0;
      for (std::sregex_iterator it(tds.begin(), tds.end(), cell_re); it != end; ++it, ++column) {
        REQUIRE(column < columns.size());
        cells.push_back({Unescape((*row)[1]), columns[column], (*it)[1], (*it)[2], (*it)[3],
                         (*it)[4], (*it)[5].matched});
      }
      CHECK_MESSAGE(column == columns.size(), "a row of " << (*row)[1] << " has " << column
                                                          << " cells, expected " << columns.size());
    }
  }
  return cells;
}

// The key's entries as (shape, label).
std::set<std::pair<std::string, std::string>> KeyEntries(const std::string& page) {
  std::set<std::pair<std::string, std::string>> entries;
  size_t from = page.find("<ul class=\"dash-key\">");
  REQUIRE(from != std::string::npos);
  const std::string key = page.substr(from, page.find("</ul>", from) - from);
  std::regex entry_re("<li><span class=\"dash-shape [^\"]*\" aria-hidden=\"true\">([^<]*)</span> "
                      "<strong>([^<]*)</strong>");
  for (std::sregex_iterator it(key.begin(), key.end(), entry_re), end; it != end; ++it)
    entries.insert({(*it)[1], (*it)[2]});
  return entries;
}

// The views navigation's links, relative to the page.
std::vector<std::string> ViewLinks(const std::string& page) {
  std::vector<std::string> links;
  size_t from = page.find("<nav class=\"dash-views\" aria-label=\"Dashboard views\">");
  REQUIRE(from != std::string::npos);
  const std::string nav = page.substr(from, page.find("</nav>", from) - from);
  std::regex link_re("<a href=\"([^\"]+)\"");
  for (std::sregex_iterator it(nav.begin(), nav.end(), link_re), end; it != end; ++it)
    links.push_back((*it)[1]);
  return links;
}

// `link` (relative, from the page at `from`) as a path in the output: "dashboard/index.html" +
// "../dashboard/not-met/index.html" -> "dashboard/not-met/index.html".
std::string Resolve(const std::string& from, const std::string& link) {
  std::vector<std::string> parts;
  std::stringstream folders(from.substr(0, from.rfind('/') + 1));
  for (std::string part; std::getline(folders, part, '/');)
    if (!part.empty()) parts.push_back(part);
  std::stringstream steps(link);
  for (std::string step; std::getline(steps, step, '/');) {
    if (step == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!step.empty() && step != ".") {
      parts.push_back(step);
    }
  }
  std::string path;
  for (const auto& part : parts) path += (path.empty() ? "" : "/") + part;
  return path;
}

std::string Lead(const std::string& page) {
  std::smatch lead;
  REQUIRE(std::regex_search(page, lead, std::regex("<p class=\"lead\">([^<]*)")));
  return lead[1];
}

}  // namespace

TEST_CASE("the dashboard's views: every cell as the open data has it, keys, counts, not met") {
  fs::path out = FreshFolder("dashboard-out") / "site";
  Run run = RunOutcomes(std::string("build --site ") + OUTCOMES_SOURCE_DIR + " --out " +
                        out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const std::string every = ReadAll(out / "dashboard" / "index.html");
  REQUIRE_FALSE(every.empty());

  // Every view lists every view (itself current), each at dashboard/<slug>/.
  std::vector<std::string> views;
  for (const auto& link : ViewLinks(every)) views.push_back(Resolve("dashboard/index.html", link));
  REQUIRE(views.size() == 6);  // every cell, not met, four outcomes
  CHECK(views[0] == "dashboard/index.html");
  CHECK(views[1] == "dashboard/not-met/index.html");
  for (size_t idx = 0; idx < views.size(); ++idx) {
    INFO(views[idx]);
    if (idx > 0)
      CHECK(std::regex_match(views[idx], std::regex("dashboard/[a-z0-9]+(-[a-z0-9]+)*/index\\.html")));
    const std::string view = ReadAll(out / views[idx]);
    REQUIRE_FALSE(view.empty());
    std::vector<std::string> from_view;
    for (const auto& link : ViewLinks(view)) from_view.push_back(Resolve(views[idx], link));
    CHECK(from_view == views);
    const std::string nav = view.substr(view.find("<nav class=\"dash-views\""));
    std::smatch current;
    REQUIRE(std::regex_search(nav, current, std::regex("<a href=\"([^\"]+)\" aria-current=\"page\">")));
    CHECK(Resolve(views[idx], current[1]) == views[idx]);
  }

  // Every cell agrees with the open data.
  const auto latest = LatestRows(out / "downloads" / "all.csv");
  const std::vector<Cell> cells = TableCells(every);
  std::set<std::string> areas;
  std::set<std::string> indicators;
  for (const Cell& cell : cells) {
    INFO(cell.area << " / " << cell.indicator);
    areas.insert(cell.area);
    indicators.insert(cell.indicator);
    auto it = latest.find({cell.indicator, cell.area});
    if (it == latest.end()) {
      CHECK(cell.words == "No data");
      continue;
    }
    CHECK(cell.words == it->second.status);
    CHECK(cell.period == it->second.period);
    CHECK(cell.mark == !it->second.qualifier.empty());
  }
  CHECK(areas.size() == 20);  // the borough, its two groups, 17 wards
  CHECK(indicators.size() == 13);
  CHECK(cells.size() == areas.size() * indicators.size());
  CHECK(Lead(every).find("all 13 indicators in 20 areas: 260 cells") != std::string::npos);

  // The key explains every shape and status used, and the mark, and nothing else.
  std::set<std::pair<std::string, std::string>> used;
  bool any_mark = false;
  for (const Cell& cell : cells) {
    used.insert({cell.shape, cell.words});
    any_mark |= cell.mark;
  }
  REQUIRE(any_mark);
  used.insert({"?", "Not certain — small numbers, could be chance"});
  CHECK(KeyEntries(every) == used);

  // The not-met view: exactly the cells not met or close, counted in its lead.
  const std::string not_met = ReadAll(out / "dashboard" / "not-met" / "index.html");
  std::set<std::pair<std::string, std::string>> expected;
  size_t off = 0;
  for (const Cell& cell : cells)
    if (cell.css == "off" || cell.css == "close") {
      expected.insert({cell.indicator, cell.area});
      off += cell.css == "off";
    }
  REQUIRE_FALSE(expected.empty());
  std::set<std::pair<std::string, std::string>> listed;
  std::regex list_re("<section class=\"dash-list\" aria-labelledby=\"dash-([^\"]+)-title\">"
                     "([\\s\\S]*?)</section>");
  std::regex area_re("<tr><th scope=\"row\"><a href=\"[^\"]*\">([^<]*)</a></th>");
  for (std::sregex_iterator it(not_met.begin(), not_met.end(), list_re), end; it != end; ++it) {
    const std::string body = (*it)[2];
    for (std::sregex_iterator row(body.begin(), body.end(), area_re); row != end; ++row)
      CHECK_MESSAGE(listed.insert({(*it)[1], Unescape((*row)[1])}).second, "twice: " << (*row)[1]);
  }
  CHECK(listed == expected);
  CHECK(Lead(not_met).find("The " + std::to_string(expected.size()) + " cells where") == 0);
  CHECK(Lead(not_met).find("(" + std::to_string(off) + " not met, " +
                           std::to_string(expected.size() - off) + " close to it)") !=
        std::string::npos);
  // Its key: the statuses it lists, no mark (it says "not certain" in words).
  for (const auto& [shape, label] : KeyEntries(not_met)) {
    INFO(label);
    CHECK(shape != "?");
    CHECK((shape == "■" || shape == "▲"));
  }

  // An outcome's view: only its indicators, every area.
  const std::string best_start = ReadAll(out / "dashboard" / "best-start" / "index.html");
  std::set<std::string> outcome_indicators;
  for (const Cell& cell : TableCells(best_start)) outcome_indicators.insert(cell.indicator);
  CHECK(outcome_indicators ==
        std::set<std::string>{"gld", "gld-fsm", "low-income", "children-in-poverty",
                              "injury-admissions"});
  CHECK(Lead(best_start).find("the 5 indicators of this outcome in 20 areas: 100 cells") !=
        std::string::npos);
}

TEST_CASE("an outcome whose id is not-met gets its own dashboard address") {
  fs::path site = CopyExample("dashboard-not-met");
  std::string outcomes = ReadAll(site / "data" / "outcomes.yaml");
  outcomes += R"(
  - id: not-met
    title: An outcome called not met
    owner: Test
    summary: An outcome whose id is the not-met view's folder name.
    indicators: [gld]
)";
  WriteAll(site / "data" / "outcomes.yaml", outcomes);
  fs::path out = site / "out";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const std::string every = ReadAll(out / "dashboard" / "index.html");
  const std::vector<std::string> links = ViewLinks(every);
  REQUIRE(links.size() == 7);
  CHECK(Resolve("dashboard/index.html", links[1]) == "dashboard/not-met/index.html");
  CHECK(Resolve("dashboard/index.html", links[6]) == "dashboard/not-met-outcome/index.html");
  CHECK(ReadAll(out / "dashboard" / "not-met" / "index.html").find("<h1>Dashboard: not met") !=
        std::string::npos);
  CHECK(ReadAll(out / "dashboard" / "not-met-outcome" / "index.html")
            .find("<h1>Dashboard: An outcome called not met</h1>") != std::string::npos);
}
