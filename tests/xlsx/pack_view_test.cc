// Tests for view::ListPacks and view::PackView on the mini-site fixture and the example site:
// the Analysis Function layout (cover, contents, notes, one table per sheet), markers in place
// of hidden figures, the exceptions' worst-first order and a creation time from the data date.
// Most read the pack as view::PackJson gives it.
#include "view/pack_view.h"

#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "base/diagnostics.h"
#include "base/format.h"
#include "compute/compute.h"
#include "load/load.h"
#include "view/labels.h"

namespace outcomes::view {
namespace {

using nlohmann::json;

struct Loaded {
  model::Site site;
  compute::Results results;
};

// Loads and computes a site folder once per test binary.
const Loaded& Load(const std::string& relative) {
  static std::map<std::string, Loaded> cache;
  auto it = cache.find(relative);
  if (it != cache.end()) return it->second;
  base::Diagnostics diagnostics;
  Loaded loaded;
  loaded.site = load::LoadSite(std::string(OUTCOMES_SOURCE_DIR) + "/" + relative, diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  loaded.results = compute::Compute(loaded.site);
  return cache.emplace(relative, std::move(loaded)).first->second;
}

const Loaded& Mini() { return Load("tests/fixtures/mini-site"); }
const Loaded& Example() { return Load("."); }

const json* FindSheet(const json& view, const std::string& name) {
  for (const auto& sheet : view["sheets"])
    if (sheet["name"] == name) return &sheet;
  return nullptr;
}

size_t ColumnIndex(const json& sheet, const std::string& header) {
  const json& columns = sheet["table"]["columns"];
  for (size_t idx = 0; idx < columns.size(); ++idx)
    if (columns[idx]["header"] == header) return idx;
  FAIL("no column " << header << " in " << sheet["name"]);
  return 0;
}

// The colour tone of a status text: the tone whose key the text starts with, or "".
std::string ToneOf(const json& view, const std::string& text) {
  for (const auto& [start, tone] : view["tones"].items())
    if (text.rfind(start, 0) == 0) return tone;
  return "";
}

// Every number in the view is finite (a NaN would be a leaked hidden figure).
void CheckFinite(const json& node) {
  if (node.is_number_float()) CHECK(std::isfinite(node.get<double>()));
  if (node.is_structured())
    for (const auto& child : node) CheckFinite(child);
}

TEST_CASE("DateToUnixSeconds gives midnight UTC of a date, 0 for what does not parse") {
  struct Case {
    const char* date;
    int64_t seconds;
  };
  const Case cases[] = {{"1970-01-02", 86400},      {"2000-03-01", 951868800},
                        {"2020-08-20", 1597881600}, {"2024-02-29", 1709164800},
                        {"2020-8-20", 0},           {"", 0},
                        {"2020-13-01", 0},          {"abcd-ef-gh", 0}};
  for (const auto& item : cases) {
    INFO(item.date);
    CHECK(DateToUnixSeconds(item.date) == item.seconds);
  }
}

TEST_CASE("ListPacks: a scrutiny pack per packs: entry and a ward pack per ward, sorted") {
  const Loaded& mini = Mini();
  std::vector<PackRef> packs = ListPacks(mini.site, mini.results);
  std::vector<std::string> paths;
  for (const auto& pack : packs) paths.push_back(pack.path);
  CHECK(paths == std::vector<std::string>{
                     "downloads/packs/scrutiny-2020-09.xlsx", "downloads/packs/ward-belfairs.xlsx",
                     "downloads/packs/ward-kursaal.xlsx", "downloads/packs/ward-leigh.xlsx",
                     "downloads/packs/ward-milton.xlsx"});
  CHECK(packs[0].kind == PackKind::kScrutiny);
  CHECK(packs[1].kind == PackKind::kWard);
  CHECK(mini.results.areas[packs[1].index].name == "Belfairs");
}

TEST_CASE("ListPacks: a ward named like another gets its code; St. Luke's is st-lukes") {
  Loaded loaded = Mini();
  model::Area twin = loaded.site.areas[loaded.site.area_index.at("E05002216")];
  twin.code = "E05009999";
  loaded.site.areas.push_back(twin);  // a second "Kursaal"
  model::Area saint = twin;
  saint.code = "E05009998";
  saint.name = "St. Luke's";
  loaded.site.areas.push_back(saint);
  compute::Results results = compute::Compute(loaded.site);
  std::set<std::string> paths;
  for (const auto& pack : ListPacks(loaded.site, results)) paths.insert(pack.path);
  CHECK(paths.count("downloads/packs/ward-kursaal.xlsx") == 1);
  CHECK(paths.count("downloads/packs/ward-kursaal-e05009999.xlsx") == 1);
  CHECK(paths.count("downloads/packs/ward-st-lukes.xlsx") == 1);
}

TEST_CASE("a scrutiny pack follows the guidance: cover, contents, notes, one table a sheet") {
  const Loaded& example = Example();
  auto packs = ListPacks(example.site, example.results);
  REQUIRE(!packs.empty());
  REQUIRE(packs[0].kind == PackKind::kScrutiny);
  json view = PackJson(PackView(example.site, example.results, packs[0]));
  std::vector<std::string> names;
  for (const auto& sheet : view["sheets"]) names.push_back(sheet["name"]);
  CHECK(names == std::vector<std::string>{"Cover", "Contents", "Notes", "Summary", "Exceptions",
                                          "Outcome_1", "Outcome_2", "Outcome_3", "Outcome_4",
                                          "Matrix", "Data", "Spending", "Spending_by_year",
                                          "Spending_charts", "Figures_and_voices", "Chart_data",
                                          "Charts", "Exception_chart_data",
                                          "Exception_charts"});
  // The contents table links to every sheet after itself, in order.
  const json* contents = FindSheet(view, "Contents");
  REQUIRE(contents);
  const json& rows = (*contents)["table"]["rows"];
  REQUIRE(rows.size() == names.size() - 2);
  for (size_t idx = 0; idx < rows.size(); ++idx) CHECK(rows[idx][0]["sheet"] == names[idx + 2]);
  // Every sheet has a title; every table has rows as long as its columns and unique headers.
  for (const auto& sheet : view["sheets"]) {
    INFO(sheet["name"]);
    CHECK(!sheet["title"].get<std::string>().empty());
    if (!sheet.contains("table")) continue;
    std::set<std::string> headers;
    for (const auto& column : sheet["table"]["columns"])
      CHECK(headers.insert(column["header"]).second);
    for (const auto& row : sheet["table"]["rows"]) CHECK(row.size() == headers.size());
  }
  // The cover warns that the data are made up; the notes explain every marker.
  const json& cover = view["sheets"][0]["lines"];
  CHECK(cover[0]["style"] == "warning");
  std::set<std::string> markers;
  for (const auto& row : (*FindSheet(view, "Notes"))["table"]["rows"]) markers.insert(row[0]);
  for (const char* marker : {"[c]", "[x]", "[z]", "[p]", "[r]", "[note 1]", "[note 2]"})
    CHECK(markers.count(marker) == 1);
  CHECK(view["properties"]["created"] == DateToUnixSeconds("2020-08-20"));
  CHECK(view["properties"]["company"] == "Southend-on-Sea City Council");
  // One chart per indicator of the pack's outcomes that has figures.
  CHECK((*FindSheet(view, "Charts"))["charts"].size() >= 10);
  CheckFinite(view);
}

TEST_CASE("suppressed cells are [c] in the data sheet, never numbers") {
  const Loaded& example = Example();
  auto packs = ListPacks(example.site, example.results);
  json view = PackJson(PackView(example.site, example.results, packs[0]));
  const json* data = FindSheet(view, "Data");
  REQUIRE(data);
  size_t id = ColumnIndex(*data, "Indicator ID");
  size_t code = ColumnIndex(*data, "Area code");
  size_t breakdown = ColumnIndex(*data, "Breakdown");
  size_t period = ColumnIndex(*data, "Period");
  size_t value = ColumnIndex(*data, "Value");
  size_t count = ColumnIndex(*data, "Count");
  size_t denominator = ColumnIndex(*data, "Denominator");
  std::map<std::string, const json*> rows;
  for (const auto& row : (*data)["table"]["rows"])
    rows[row[id].get<std::string>() + "|" + row[code].get<std::string>() + "|" +
         row[breakdown].get<std::string>() + "|" + row[period].get<std::string>()] = &row;
  size_t checked = 0;
  for (const auto& record : example.results.suppressed) {
    if (record.reason == compute::Hidden::kMissing ||
        record.reason == compute::Hidden::kGroupIncomplete)
      continue;
    const auto& indicator = example.site.indicators[record.indicator];
    std::string key = indicator.id + "|" + example.results.areas[record.area].code + "|" +
                      (record.breakdown ? indicator.breakdowns[record.breakdown - 1] : "All") +
                      "|" + record.period.Label();
    auto it = rows.find(key);
    if (it == rows.end()) continue;  // an indicator outside the pack's outcomes
    INFO(key);
    CHECK((*it->second)[value] == "[c]");
    CHECK((*it->second)[count] == "[c]");
    CHECK((*it->second)[denominator] == "[c]");
    ++checked;
  }
  CHECK(checked > 5);
}

TEST_CASE("exceptions: not met before close, then the larger relative shortfall first") {
  const Loaded& example = Example();
  auto packs = ListPacks(example.site, example.results);
  json view = PackJson(PackView(example.site, example.results, packs[0]));
  const json* exceptions = FindSheet(view, "Exceptions");
  REQUIRE(exceptions);
  REQUIRE(exceptions->contains("table"));
  size_t status = ColumnIndex(*exceptions, "Status");
  size_t relative = ColumnIndex(*exceptions, "Shortfall as % of target");
  size_t rank = ColumnIndex(*exceptions, "Rank");
  bool seen_close = false;
  double previous = INFINITY;
  int expected_rank = 0;
  std::set<std::string> tones;
  for (const auto& row : (*exceptions)["table"]["rows"]) {
    CHECK(row[rank] == ++expected_rank);
    std::string tone = ToneOf(view, row[status]);
    tones.insert(tone);
    CHECK((tone == "bad" || tone == "close"));
    if (tone == "close" && !seen_close) {
      seen_close = true;
      previous = INFINITY;
    }
    if (tone == "bad") CHECK_FALSE(seen_close);
    double shortfall = row[relative].is_object() ? row[relative]["number"].get<double>() : INFINITY;
    CHECK(shortfall <= previous);
    previous = shortfall;
  }
  CHECK(expected_rank > 0);
  CHECK(tones.count("bad") == 1);
}

TEST_CASE("a status shows the web page's label, a path step as such, the qualifier beside it") {
  const Loaded& example = Example();
  auto packs = ListPacks(example.site, example.results);
  json view = PackJson(PackView(example.site, example.results, packs[0]));
  const json* data = FindSheet(view, "Data");
  REQUIRE(data);
  size_t id = ColumnIndex(*data, "Indicator ID");
  size_t code = ColumnIndex(*data, "Area code");
  size_t breakdown = ColumnIndex(*data, "Breakdown");
  size_t period = ColumnIndex(*data, "Period");
  size_t status = ColumnIndex(*data, "Target status");
  size_t uncertain = 0, steps = 0;
  for (const auto& row : (*data)["table"]["rows"]) {
    if (row[breakdown] != "All") continue;
    uint32_t indicator_idx = example.site.indicator_index.at(row[id].get<std::string>());
    const auto& indicator = example.site.indicators[indicator_idx];
    int32_t area = example.results.FindArea(row[code].get<std::string>());
    REQUIRE(area >= 0);
    const compute::Cell* cell = nullptr;
    for (const auto& candidate :
         example.results.Find(indicator_idx, static_cast<uint32_t>(area))->cells)
      if (candidate.period.Label() == row[period]) cell = &candidate;
    REQUIRE(cell);
    INFO(row.dump());
    std::string expected = TargetStatusBadge(example.site.text, indicator, *cell).label;
    if (cell->target_uncertain && cell->Published()) {
      expected += " (" + NotCertain(example.site.text) + ")";
      ++uncertain;
    }
    if (cell->target_reference_kind == compute::TargetReference::kTrajectoryStep &&
        cell->Published()) {
      CHECK(row[status].get<std::string>().find("path to target") != std::string::npos);
      ++steps;
    }
    CHECK(row[status] == expected);
  }
  CHECK(uncertain > 0);
  CHECK(steps > 0);
}

TEST_CASE("a ward pack: the ward against the borough and England, in words, with charts") {
  const Loaded& example = Example();
  auto packs = ListPacks(example.site, example.results);
  const PackRef* kursaal = nullptr;
  for (const auto& pack : packs)
    if (pack.path == "downloads/packs/ward-kursaal.xlsx") kursaal = &pack;
  REQUIRE(kursaal);
  json view = PackJson(PackView(example.site, example.results, *kursaal));
  // The exceptions right after the cover sheets, as in the scrutiny pack.
  std::vector<std::string> names;
  for (const auto& sheet : view["sheets"]) names.push_back(sheet["name"]);
  CHECK(names == std::vector<std::string>{"Cover", "Contents", "Notes", "Exceptions", "Summary",
                                          "In_plain_English", "Chart_data", "Charts"});
  const json* summary = FindSheet(view, "Summary");
  REQUIRE(summary);
  CHECK(ColumnIndex(*summary, "Kursaal") == 4);
  CHECK(ColumnIndex(*summary, "Southend-on-Sea") == 5);
  CHECK(ColumnIndex(*summary, "England") == 6);
  CHECK((*summary)["table"]["rows"].size() == example.site.indicators.size());
  const json* words = FindSheet(view, "In_plain_English");
  REQUIRE(words);
  // The sentences are compute's, joined.
  uint32_t gld = example.site.indicator_index.at("gld");
  const compute::Series* series =
      example.results.Find(gld, static_cast<uint32_t>(example.results.FindArea("E05002216")));
  REQUIRE(series);
  REQUIRE(!series->sentences.empty());
  bool found = false;
  for (const auto& row : (*words)["table"]["rows"])
    if (row[1].get<std::string>().rfind(series->sentences[0], 0) == 0) found = true;
  CHECK(found);
  const json* charts = FindSheet(view, "Charts");
  REQUIRE(charts);
  // A chart for each indicator with an exception (at least two charts in all).
  std::set<std::string> exception_indicators;
  const json* exceptions = FindSheet(view, "Exceptions");
  REQUIRE(exceptions);
  for (const auto& row : (*exceptions)["table"]["rows"])
    exception_indicators.insert(row[ColumnIndex(*exceptions, "Indicator")]);
  CHECK(exception_indicators.size() >= 2);
  CHECK((*charts)["charts"].size() == exception_indicators.size());
  CHECK((*charts)["charts"][0]["series"][0]["name"] == "Kursaal");
  CHECK(view["sheets"][0]["title"] == "Kursaal ward pack: A Better Start in Southend");
  CheckFinite(view);
}

// The rank of a status text, worst first: not met 0, close 1, met 2, no target 3, no data 4.
int StatusRankOf(const json& view, const std::string& text) {
  std::string tone = ToneOf(view, text);
  if (tone == "bad") return 0;
  if (tone == "close") return 1;
  if (tone == "good") return 2;
  if (text == "No target") return 3;
  if (text == "No data") return 4;
  FAIL("not a status: " << text);
  return -1;
}

TEST_CASE("summaries: worst status first, ties in outcome and indicator order") {
  const Loaded& example = Example();
  const auto& site = example.site;
  // The outcome and indicator order: each outcome's indicators, then those in no outcome.
  std::map<std::string, size_t> order;
  for (const auto& outcome : site.outcomes)
    for (const auto& id : outcome.indicator_ids)
      order.emplace(site.indicators[site.indicator_index.at(id)].short_title, order.size());
  for (const auto& indicator : site.indicators) order.emplace(indicator.short_title, order.size());
  size_t ward_packs = 0;
  for (const auto& pack : ListPacks(site, example.results)) {
    INFO(pack.path);
    json view = PackJson(PackView(site, example.results, pack));
    const json* summary = FindSheet(view, "Summary");
    REQUIRE(summary);
    if (pack.kind == PackKind::kScrutiny) {
      // One row per outcome; the status columns worst first.
      std::vector<std::string> headers;
      for (const auto& column : (*summary)["table"]["columns"]) headers.push_back(column["header"]);
      CHECK(headers == std::vector<std::string>{"Outcome", "Indicators", "Target not met",
                                                "Close to target", "Target met", "No target",
                                                "No data", "Of which not certain"});
      continue;
    }
    ++ward_packs;
    size_t indicator = ColumnIndex(*summary, "Indicator");
    size_t status = ColumnIndex(*summary, "Status");
    std::set<int> ranks;
    std::pair<int, size_t> previous{-1, 0};
    for (const auto& row : (*summary)["table"]["rows"]) {
      std::pair<int, size_t> key{StatusRankOf(view, row[status]),
                                 order.at(row[indicator].get<std::string>())};
      INFO(row.dump());
      CHECK(previous < key);
      previous = key;
      ranks.insert(key.first);
    }
    CHECK(ranks.size() >= 3);  // the order is tested, not trivially true
  }
  CHECK(ward_packs > 10);
}

TEST_CASE("every exception has its chart: the exception's indicator for its area") {
  const Loaded& example = Example();
  size_t linked = 0, elsewhere = 0;
  for (const auto& pack : ListPacks(example.site, example.results)) {
    INFO(pack.path);
    json view = PackJson(PackView(example.site, example.results, pack));
    const json* exceptions = FindSheet(view, "Exceptions");
    REQUIRE(exceptions);
    if (!exceptions->contains("table")) continue;
    const bool ward = pack.kind == PackKind::kWard;
    const std::string ward_name = ward ? example.results.areas[pack.index].name : "";
    for (const auto& row : (*exceptions)["table"]["rows"]) {
      INFO(row.dump());
      const json& link = row[ColumnIndex(*exceptions, "Chart")];
      REQUIRE(link.is_object());
      const json* chart_sheet = FindSheet(view, link["sheet"]);
      REQUIRE(chart_sheet);
      REQUIRE(link["chart"].get<size_t>() < (*chart_sheet)["charts"].size());
      const json& chart = (*chart_sheet)["charts"][link["chart"].get<size_t>()];
      // The chart's first line is the exception's area...
      const std::string area =
          ward ? ward_name : row[ColumnIndex(*exceptions, "Area")].get<std::string>();
      CHECK(chart["series"][0]["name"] == area);
      elsewhere += link["sheet"] == "Exception_charts";
      // ... and its rows are the exception's indicator.
      const json& categories = chart["categories"];
      const json* data = FindSheet(view, categories["sheet"]);
      REQUIRE(data);
      const size_t indicator = ColumnIndex(*data, "Indicator");
      for (size_t idx = categories["first_row"]; idx <= categories["last_row"]; ++idx)
        CHECK((*data)["table"]["rows"][idx][indicator] ==
              row[ColumnIndex(*exceptions, "Indicator")]);
      ++linked;
    }
  }
  CHECK(linked > 20);
  CHECK(elsewhere > 0);
}

// How often `word` occurs in `text`, ignoring case.
size_t CountWord(std::string text, std::string word) {
  for (auto* item : {&text, &word})
    for (char& c : *item) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t count = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++count;
  return count;
}

TEST_CASE("the cover reads naturally whatever the pack's title: nothing is said twice") {
  Loaded loaded = Example();
  const std::string site_title = loaded.site.config.title;
  REQUIRE(loaded.site.config.packs.size() >= 1);
  const PackRef pack{"downloads/packs/test.xlsx", PackKind::kScrutiny, 0};
  const std::vector<std::string> pack_titles{
      "People Scrutiny Committee briefing", "Briefing for the People Scrutiny Committee",
      "People Scrutiny Committee", site_title, site_title + " briefing"};
  for (const std::string& pack_title : pack_titles) {
    INFO(pack_title);
    loaded.site.config.packs[0].title = pack_title;
    json view = PackJson(PackView(loaded.site, loaded.results, pack));
    const json& cover = view["sheets"][0];
    std::vector<std::string> texts{cover["title"], view["page_header"]};
    for (const auto& line : cover["lines"]) texts.push_back(line["text"]);
    for (const auto& text : texts) {
      INFO(text);
      CHECK(CountWord(text, "briefing") <= 1);
      CHECK(CountWord(text, site_title) <= 1);
      CHECK(CountWord(text, "committee") <= 1);
    }
    CHECK(cover["title"].get<std::string>().rfind(pack_title, 0) == 0);
    CHECK(CountWord(cover["title"], site_title) == 1);
  }
}

TEST_CASE("chart target lines run from the baseline to the target's period, as compute judges") {
  const Loaded& example = Example();
  const auto& site = example.site;
  const auto& results = example.results;
  std::map<std::string, uint32_t> area_by_name;
  for (uint32_t area_idx = 0; area_idx < results.areas.size(); ++area_idx)
    area_by_name.emplace(results.areas[area_idx].name, area_idx);
  std::map<std::string, uint32_t> indicator_by_title;
  for (uint32_t idx = 0; idx < site.indicators.size(); ++idx)
    indicator_by_title.emplace(site.indicators[idx].short_title, idx);
  size_t before_baseline = 0, steps = 0, drawn = 0, after_data = 0;
  for (const auto& pack : ListPacks(site, results)) {
    INFO(pack.path);
    json view = PackJson(PackView(site, results, pack));
    const json* data = FindSheet(view, "Chart_data");
    const json* charts = FindSheet(view, "Charts");
    if (!data || !charts) continue;
    const json& rows = (*data)["table"]["rows"];
    const size_t period_column = ColumnIndex(*data, "Period");
    const size_t target_column = ColumnIndex(*data, "Target or path step");
    for (const auto& chart : (*charts)["charts"]) {
      const json& series = chart["series"];
      const uint32_t area = area_by_name.at(series[0]["name"].get<std::string>());
      const json& target_series = series.back();
      if (target_series["role"] != "target") continue;
      CHECK(target_series["column"] == target_column);
      for (size_t row_idx = target_series["first_row"]; row_idx <= target_series["last_row"];
           ++row_idx) {
        const json& row = rows[row_idx];
        INFO(row.dump());
        const uint32_t indicator_idx = indicator_by_title.at(row[0].get<std::string>());
        const auto& indicator = site.indicators[indicator_idx];
        REQUIRE(indicator.target);
        std::string error;
        auto period = model::ParsePeriod(row[period_column].get<std::string>(),
                                         indicator.period_type, &error);
        REQUIRE(period);
        if (indicator.target->trajectory.size() > 0 &&
            target_series["name"] != "Path to target")
          FAIL("a trajectory's line is not named the path to target");
        const json& value = row[target_column];
        const compute::Cell* cell = results.CellAt(indicator_idx, area, *period);
        if (indicator.baseline && *period < *indicator.baseline) {
          ++before_baseline;
          CHECK(value.is_null());
        } else if (indicator.target->period < *period) {
          CHECK(value.is_null());
        } else if (!cell) {
          // A period only a benchmark has, or on past the data to the target's period.
          ++after_data;
          CHECK(value.is_object());
        } else {
          ++drawn;
          REQUIRE(value.is_object());
          CHECK(value["number"].get<double>() ==
                doctest::Approx(base::RoundTo(cell->target_reference, indicator.decimals)));
          if (cell->target_reference_kind == compute::TargetReference::kTrajectoryStep) ++steps;
        }
      }
    }
  }
  CHECK(before_baseline > 0);
  CHECK(steps > 0);
  CHECK(drawn > 0);
  CHECK(after_data > 0);
}

// The decimals and sign a number format carries beside its code (for the writer's column
// widths) are those the code shows.
void CheckFormat(const NumberFormat& format) {
  INFO(format.code);
  const size_t dot = format.code.find('.');
  int decimals = 0;
  for (size_t idx = dot + 1;
       dot != std::string::npos && idx < format.code.size() && format.code[idx] == '0'; ++idx)
    ++decimals;
  CHECK(format.decimals == decimals);
  CHECK(format.plus_sign == (format.code.find('+') != std::string::npos));
}

TEST_CASE("number formats carry the decimals and sign their codes show") {
  const Loaded& example = Example();
  std::set<std::string> codes;
  for (const auto& pack : ListPacks(example.site, example.results)) {
    INFO(pack.path);
    const Pack view = PackView(example.site, example.results, pack);
    for (const Sheet& sheet : view.sheets) {
      if (!sheet.table) continue;
      for (const TableColumn& column : sheet.table->columns) {
        CheckFormat(column.format);
        codes.insert(column.format.code);
      }
      for (const TableRow& row : sheet.table->rows)
        for (const TableCell& cell : row)
          if (cell.kind == TableCell::Kind::kFormattedNumber) {
            CheckFormat(cell.format);
            codes.insert(cell.format.code);
          }
    }
  }
  // Whole numbers, decimals, thousands and signed changes are all there.
  CHECK(codes.count("0") == 1);
  CHECK(codes.count("#,##0") == 1);
  CHECK(codes.count("0.0") == 1);
  bool signed_format = false;
  for (const auto& code : codes) signed_format |= code.rfind("+", 0) == 0;
  CHECK(signed_format);
}

TEST_CASE("the same inputs give the same view") {
  const Loaded& mini = Mini();
  for (const auto& pack : ListPacks(mini.site, mini.results)) {
    INFO(pack.path);
    CHECK(PackJson(PackView(mini.site, mini.results, pack)).dump() ==
          PackJson(PackView(mini.site, mini.results, pack)).dump());
  }
}

}  // namespace
}  // namespace outcomes::view
