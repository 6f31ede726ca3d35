// Tests for the open data downloads: the view (view/opendata_view.h) and the writer
// (render/opendata/opendata.h). Small sites are built in code, computed and rendered; the CSV is
// read back with an independent RFC 4180 reader and compared with the JSON. The example site is
// rendered to a temporary folder and checked by tests/opendata/check_datapackage.py.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>

#include "load/internal/loaders.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostics.h"
#include "compute/compute.h"
#include "load/load.h"
#include "model/model.h"
#include "model/period.h"
#include "render/opendata/internal/csv.h"
#include "render/opendata/opendata.h"
#include "support/site_builder.h"
#include "view/opendata_view.h"

namespace outcomes {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using Files = std::vector<std::pair<std::string, std::string>>;

// ---------------------------------------------------------------------------------------------
// A small site: Southend, England and three wards (two tagged `bss`), both groups.

constexpr const char* kHome = "E06000033";
constexpr const char* kEngland = "E92000001";
constexpr const char* kKursaal = "E05002212";
constexpr const char* kMilton = "E05002213";
constexpr const char* kLeigh = "E05002215";

using testing::SiteBuilder;
using Obs = testing::Row;

// Southend, England and three wards (two tagged `bss`), both groups; no indicators yet.
SiteBuilder Standard() {
  SiteBuilder builder(kHome);
  builder.Comparators({kHome, kEngland})
      .Area(kHome, "Southend-on-Sea", "local-authority")
      .Area(kEngland, "England", "country")
      .Area(kKursaal, "Kursaal", "ward", kHome, {"bss"})
      .Area(kMilton, "Milton", "ward", kHome, {"bss"})
      .Area(kLeigh, "Leigh", "ward", kHome)
      .Group("better-start", "Better Start wards", "bss", "")
      .Group("rest-of-southend", "Rest of Southend", "", "bss");
  return builder;
}

model::Indicator Percent(const std::string& id = "gld") {
  model::Indicator indicator;
  indicator.id = id;
  indicator.title = "Children with a good level of development at age 5";
  indicator.short_title = "Good level of development";
  indicator.phrase = "reached a good level of development by age 5";
  indicator.population = "children";
  indicator.unit = model::Unit::kPercent;
  indicator.decimals = 1;
  indicator.polarity = model::Polarity::kHigherIsBetter;
  indicator.source = "DfE";
  indicator.definition = "The share of children at the end of Reception with a **good level**.";
  indicator.period_type = model::PeriodType::kAcademicYear;
  indicator.ci_method = model::CiMethod::kWilson;
  indicator.breakdowns = {"Girls", "Boys"};
  return indicator;
}

model::Indicator Change(const std::string& id = "change") {
  model::Indicator indicator;
  indicator.id = id;
  indicator.title = "Change in an index";
  indicator.short_title = "Change";
  indicator.phrase = "changed";
  indicator.population = "families";
  indicator.unit = model::Unit::kNumber;
  indicator.decimals = 2;
  indicator.polarity = model::Polarity::kNeutral;
  indicator.source = "Test source";
  indicator.ci_method = model::CiMethod::kNone;
  return indicator;
}

// The standard small site: gld by ward over two years, Kursaal with 3 children in 2019/20
// (suppressed, with a note that restates the count), England given as values.
SiteBuilder SmallSite() {
  SiteBuilder builder = Standard();
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          {.area = kKursaal, .period = "2018/19", .count = 50, .denominator = 80,
                           .note = "example", .flags = model::kFlagExample},
                          {.area = kKursaal, .period = "2019/20", .count = 3, .denominator = 60,
                           .note = "example; 3 children only", .flags = model::kFlagExample},
                          {.area = kMilton, .period = "2018/19", .count = 40, .denominator = 70},
                          {.area = kMilton, .period = "2019/20", .count = 45, .denominator = 72,
                           .note = "provisional", .flags = model::kFlagProvisional},
                          {.area = kLeigh, .period = "2018/19", .count = 60, .denominator = 90},
                          {.area = kLeigh, .period = "2019/20", .count = 62, .denominator = 88},
                          {.area = kHome, .period = "2018/19", .count = 150, .denominator = 240},
                          {.area = kHome, .period = "2019/20", .count = 110, .denominator = 220},
                          {.area = kEngland, .period = "2018/19", .value = 71.8},
                          {.area = kEngland, .period = "2019/20", .value = 71.5},
                      });
  return builder;
}

Files Render(const model::Site& site) {
  compute::Results results = compute::Compute(site);
  view::OpenData view = view::OpenDataView(site, results);
  return render::RenderOpenData(view);
}

const std::string& FileOf(const Files& files, const std::string& path) {
  for (const auto& [name, bytes] : files)
    if (name == path) return bytes;
  INFO("no file " << path);
  REQUIRE(false);
  static const std::string kNone;
  return kNone;
}

// ---------------------------------------------------------------------------------------------
// An independent RFC 4180 reader (CRLF records, "" inside quotes), for reading output back.

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  size_t Column(const std::string& name) const {
    for (size_t idx = 0; idx < header.size(); ++idx)
      if (header[idx] == name) return idx;
    INFO("no column " << name);
    REQUIRE(false);
    return 0;
  }
};

CsvTable ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    char c = text[idx];
    if (quoted) {
      if (c == '"' && idx + 1 < text.size() && text[idx + 1] == '"') {
        field += '"';
        ++idx;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      REQUIRE_MESSAGE(field.empty(), "quote inside an unquoted field");
      quoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
    } else if (c == '\r') {
      REQUIRE_MESSAGE((idx + 1 < text.size() && text[idx + 1] == '\n'), "CR without LF");
      ++idx;
      record.push_back(field);
      field.clear();
      records.push_back(record);
      record.clear();
    } else {
      REQUIRE_MESSAGE(c != '\n', "LF outside quotes: every record must end in CRLF");
      field += c;
    }
  }
  REQUIRE_MESSAGE(!quoted, "unterminated quote");
  REQUIRE_MESSAGE((field.empty() && record.empty()), "the last record has no CRLF");
  REQUIRE(!records.empty());
  CsvTable table;
  table.header = records.front();
  table.rows.assign(records.begin() + 1, records.end());
  for (const auto& row : table.rows) REQUIRE(row.size() == table.header.size());
  return table;
}

bool IsNumberText(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

// What the CSV must hold for a JSON row value.
std::string ExpectedCsvText(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    return render::internal::LooksLikeFormula(text) ? "'" + text : text;
  }
  return render::internal::NumberText(value.get<double>());
}

// Checks a CSV table and its JSON twin say the same thing, cell by cell.
void CheckCsvMatchesJson(const std::string& csv, const std::string& json) {
  CsvTable table = ReadCsv(csv);
  Json document = Json::parse(json);
  REQUIRE(document.contains("rows"));
  const Json& rows = document["rows"];
  REQUIRE(rows.size() == table.rows.size());
  std::vector<std::string> schema_names;
  for (const auto& field : document["schema"]["fields"]) schema_names.push_back(field["name"]);
  CHECK(schema_names == table.header);
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const Json& row = rows[row_idx];
    REQUIRE(row.size() == table.header.size());
    size_t column = 0;
    for (const auto& [key, value] : row.items()) {
      CAPTURE(row_idx);
      CAPTURE(key);
      CHECK(key == table.header[column]);
      const std::string& cell = table.rows[row_idx][column];
      if (value.is_number()) {
        REQUIRE(IsNumberText(cell));
        CHECK(std::strtod(cell.c_str(), nullptr) == value.get<double>());
      } else {
        CHECK(cell == ExpectedCsvText(value));
      }
      ++column;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// CSV cells

TEST_CASE("formula injection: text that a spreadsheet would run is prefixed and quoted") {
  using Cell = view::OpenDataCell;
  struct Case {
    Cell value;
    std::string csv;
  };
  auto text = [](const char* words) { return Cell::Text(words); };
  const Case cases[] = {
      {text("=SUM(A1)"), "\"'=SUM(A1)\""},
      {text("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {text("+1"), "\"'+1\""},
      {text("-x"), "\"'-x\""},
      {text("-1.5"), "\"'-1.5\""},  // the text "-1.5" is text; only a number is a number
      {text("@cmd"), "\"'@cmd\""},
      {text("\tindent"), "\"'\tindent\""},
      {text("\rreturn"), "\"'\rreturn\""},
      {text("a=b"), "a=b"},
      {text("2020-22"), "2020-22"},
      {text("Kursaal"), "Kursaal"},
      {text(""), ""},
      {Cell::Missing(), ""},
      {Cell::Number(-1.5), "-1.5"},
      {Cell::Number(-3), "-3"},
      {Cell::Number(0.1), "0.1"},
      {Cell::Number(74.0), "74"},
      {Cell::Number(1026), "1026"},
      {Cell::Number(-0.0), "0"},
      {Cell::Number(61.25), "61.25"},
      {Cell::Number(53.535353535353536), "53.535353535353536"},
      {Cell::Number(std::nan("")), ""},  // not finite: missing
  };
  for (const Case& c : cases) {
    CAPTURE(c.csv);
    CHECK(render::internal::CsvField(c.value) == c.csv);
  }
  CHECK(render::internal::LooksLikeFormula("=1"));
  CHECK(render::internal::LooksLikeFormula("\t"));
  CHECK_FALSE(render::internal::LooksLikeFormula(""));
  CHECK_FALSE(render::internal::LooksLikeFormula(" =1"));
}

TEST_CASE("CSV quoting of commas, quotes and line breaks (RFC 4180)") {
  struct Case {
    std::string text;
    std::string csv;
  };
  const Case cases[] = {
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"\"", "\"\"\"\""},
      {"line 1\nline 2", "\"line 1\nline 2\""},
      {"line 1\r\nline 2", "\"line 1\r\nline 2\""},
      {"£1,250", "\"£1,250\""},
      {"per 10,000 children", "\"per 10,000 children\""},
      {"Ŵales é", "Ŵales é"},
      {"plain", "plain"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(render::internal::CsvText(c.text) == c.csv);
  }
}

// ---------------------------------------------------------------------------------------------
// Suppression

TEST_CASE("a suppressed cell is a row with a marker and a reason, and never a number") {
  SiteBuilder builder = SmallSite();
  Files files = Render(builder.site());
  for (const char* path : {"downloads/gld.csv", "downloads/all.csv"}) {
    CAPTURE(path);
    CsvTable table = ReadCsv(FileOf(files, path));
    size_t marker = table.Column("marker");
    size_t reason = table.Column("missing_reason");
    size_t note = table.Column("note");
    size_t area = table.Column("area_code");
    size_t period = table.Column("period");
    size_t breakdown = table.Column("breakdown");
    bool kursaal_row = false;
    size_t suppressed_rows = 0;
    for (const auto& row : table.rows) {
      if (row[area] == kKursaal && row[period] == "2019/20" && row[breakdown] == "All") {
        kursaal_row = true;
        CHECK(row[marker] == "[c]");
      }
      if (row[marker].empty()) continue;
      ++suppressed_rows;
      CAPTURE(row[area]);
      CAPTURE(row[period]);
      CHECK(row[reason].find(row[marker] == "[c]" ? "suppressed" : "not available") !=
            std::string::npos);
      CHECK(row[note].empty());
      for (size_t column = 0; column < row.size(); ++column) {
        CAPTURE(table.header[column]);
        CHECK_FALSE(IsNumberText(row[column]));
      }
    }
    CHECK(kursaal_row);
    CHECK(suppressed_rows >= 2);  // Kursaal and whatever protects it (groups, Southend)
  }
  // The JSON says the same: nulls, no numbers.
  Json document = Json::parse(FileOf(files, "downloads/gld.json"));
  for (const auto& row : document["rows"]) {
    if (row["marker"].is_null()) continue;
    for (const auto& [key, value] : row.items()) {
      CAPTURE(key);
      CHECK_FALSE(value.is_number());
    }
  }
}

TEST_CASE("the count 3 appears in no download, nor its share (3 / 60 = 5%)") {
  SiteBuilder builder = SmallSite();
  Files files = Render(builder.site());
  for (const auto& [path, bytes] : files) {
    if (path.size() < 4 || path.substr(path.size() - 4) != ".csv") continue;
    CAPTURE(path);
    CsvTable table = ReadCsv(bytes);
    for (const auto& row : table.rows)
      for (const auto& cell : row) {
        CHECK(cell != "3");
        CHECK(cell != "5");
      }
  }
}

TEST_CASE("flags have their own column and leave the note, and notes of published rows stay") {
  SiteBuilder builder = SmallSite();
  Files files = Render(builder.site());
  CsvTable table = ReadCsv(FileOf(files, "downloads/gld.csv"));
  size_t area = table.Column("area_code");
  size_t period = table.Column("period");
  size_t flags = table.Column("flags");
  size_t note = table.Column("note");
  for (const auto& row : table.rows) {
    if (row[area] == kKursaal && row[period] == "2018/19") {
      CHECK(row[flags] == "example");
      CHECK(row[note].empty());
    }
    if (row[area] == kMilton && row[period] == "2019/20" && row[table.Column("marker")].empty())
      CHECK(row[flags] == "provisional");
  }
}

// ---------------------------------------------------------------------------------------------
// Whole files

TEST_CASE("negative numbers stay numbers, and awkward text is quoted and neutralised") {
  SiteBuilder builder = Standard();
  builder.Rename(kKursaal, "=HYPERLINK(\"http://evil\",\"Kursaal\")")
      .Rename(kMilton, "Milton, \"Old\" Town")
      .Rename(kLeigh, "-Leigh\non two lines")
      .Indicator(Change());
  builder.Rows("change", {
                             {.area = kKursaal, .period = "2023", .value = -1.5,
                              .note = "+ a note, with \"quotes\""},
                             {.area = kMilton, .period = "2023", .value = 2.25},
                             {.area = kLeigh, .period = "2023", .value = -0.125},
                             {.area = kHome, .period = "2023", .value = 0.5},
                         });
  Files files = Render(builder.site());
  const std::string& csv = FileOf(files, "downloads/change.csv");
  CHECK(csv.find(",-1.5,") != std::string::npos);
  CHECK(csv.find(",-0.125,") != std::string::npos);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil\"\",\"\"Kursaal\"\")\"") != std::string::npos);
  CHECK(csv.find("\"Milton, \"\"Old\"\" Town\"") != std::string::npos);
  CHECK(csv.find("\"'-Leigh\non two lines\"") != std::string::npos);
  CHECK(csv.find("\"'+ a note, with \"\"quotes\"\"\"") != std::string::npos);
  CsvTable table = ReadCsv(csv);
  size_t value = table.Column("value");
  size_t name = table.Column("area_name");
  bool found = false;
  for (const auto& row : table.rows)
    if (row[name] == "'=HYPERLINK(\"http://evil\",\"Kursaal\")") {
      found = true;
      CHECK(row[value] == "-1.5");
    }
  CHECK(found);
  CheckCsvMatchesJson(csv, FileOf(files, "downloads/change.json"));
  CheckCsvMatchesJson(FileOf(files, "downloads/all.csv"), FileOf(files, "downloads/all.json"));
}

TEST_CASE("JSON and CSV agree, for every table and for all") {
  SiteBuilder builder = SmallSite();
  builder.Indicator(Change());
  builder.Rows("change", {{.area = kHome, .period = "2023", .value = -1.5}});
  Files files = Render(builder.site());
  for (const char* name : {"gld", "change", "all"}) {
    CAPTURE(name);
    std::string stem = std::string("downloads/") + name;
    CheckCsvMatchesJson(FileOf(files, stem + ".csv"), FileOf(files, stem + ".json"));
  }
  // all = every table's rows, one indicator after another.
  size_t gld_rows = ReadCsv(FileOf(files, "downloads/gld.csv")).rows.size();
  size_t change_rows = ReadCsv(FileOf(files, "downloads/change.csv")).rows.size();
  CHECK(ReadCsv(FileOf(files, "downloads/all.csv")).rows.size() == gld_rows + change_rows);
}

TEST_CASE("the files and the datapackage descriptor") {
  SiteBuilder builder = SmallSite();
  Files files = Render(builder.site());
  std::vector<std::string> paths;
  for (const auto& file : files) paths.push_back(file.first);
  CHECK(paths == std::vector<std::string>{"downloads/all.csv", "downloads/all.json",
                                          "downloads/datapackage.json", "downloads/gld.csv",
                                          "downloads/gld.json"});
  Json package = Json::parse(FileOf(files, "downloads/datapackage.json"));
  CHECK(package["profile"] == "tabular-data-package");
  CHECK(package["name"] == "test-site");
  CHECK(package["licenses"][0]["name"] == "OGL-UK-3.0");
  CHECK(package["contributors"][0]["title"] == "Test council");
  REQUIRE(package["resources"].size() == 2);
  const Json& gld = package["resources"][0];
  CHECK(gld["name"] == "gld");
  CHECK(gld["path"] == "gld.csv");
  CHECK(gld["profile"] == "tabular-data-resource");
  CHECK(gld["format"] == "csv");
  CHECK(gld["mediatype"] == "text/csv");
  CHECK(gld["encoding"] == "utf-8");
  CHECK(gld["dialect"]["lineTerminator"] == "\r\n");
  CHECK(gld["bytes"] == FileOf(files, "downloads/gld.csv").size());
  CHECK(gld["schema"]["primaryKey"] ==
        Json::array({"indicator", "period", "area_code", "breakdown"}));
  CHECK(gld["schema"]["missingValues"] == Json::array({""}));
  std::vector<std::string> names;
  for (const auto& field : gld["schema"]["fields"]) {
    names.push_back(field["name"]);
    CHECK(field.contains("type"));
    CHECK(field.contains("description"));
  }
  CHECK(names == std::vector<std::string>{
                     "indicator", "period", "area_code", "area_name", "area_type", "breakdown",
                     "value", "lower_ci_95", "upper_ci_95", "count", "denominator", "unit",
                     "marker", "missing_reason", "target", "target_type", "target_status",
                     "target_status_qualifier",
                     "compared_with_E06000033", "compared_with_E92000001", "recent_trend",
                     "flags", "note"});
  CHECK(gld["schema"]["fields"][6]["unit"] == "%");
  CHECK(package["resources"][1]["name"] == "all");
  CHECK(ReadCsv(FileOf(files, "downloads/gld.csv")).header == names);
}

TEST_CASE("the same site gives the same bytes") {
  SiteBuilder first = SmallSite();
  SiteBuilder second = SmallSite();
  Files a = Render(first.site());
  Files b = Render(second.site());
  REQUIRE(a.size() == b.size());
  for (size_t idx = 0; idx < a.size(); ++idx) {
    CAPTURE(a[idx].first);
    CHECK(a[idx].first == b[idx].first);
    CHECK(a[idx].second == b[idx].second);
  }
  CHECK(Render(first.site()) == a);
}

TEST_CASE("indicator ids and breakdowns that would clash with the downloads are errors") {
  // The check lives in load/validate.cc, so `outcomes check` reports it before any writer runs.
  SiteBuilder builder = Standard();
  builder.Indicator(Change("all"));
  model::Indicator split = Change("split");
  split.breakdowns = {"All", "Boys"};
  builder.Indicator(split);
  base::Diagnostics diagnostics;
  load::internal::Validate(builder.site(), diagnostics);
  std::vector<std::string> messages;
  for (const auto& item : diagnostics.items()) messages.push_back(item.message);
  auto has = [&](const std::string& text) {
    return std::find(messages.begin(), messages.end(), text) != messages.end();
  };
  CHECK(has("indicator id 'all' is reserved for the site's downloads"));
  CHECK(has("breakdown 'All' of indicator 'split' is the open data's label for the total rows"));
}

// ---------------------------------------------------------------------------------------------
// The example site, checked by the independent Python checker

fs::path Fresh(const std::string& name) {
  fs::path path = fs::temp_directory_path() /
                  ("outcomes-opendata-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(path);
  fs::create_directories(path);
  return path;
}

void WriteFiles(const fs::path& root, const Files& files) {
  for (const auto& [path, bytes] : files) {
    fs::path full = root / path;
    fs::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out << bytes;
  }
}

int RunChecker(const fs::path& descriptor, std::string* output) {
  fs::path log = descriptor.parent_path().parent_path() / "checker.log";
  std::string command = "/usr/bin/python3 " + std::string(OUTCOMES_SOURCE_DIR) +
                        "/tests/opendata/check_datapackage.py " + descriptor.string() + " >" +
                        log.string() + " 2>&1";
  int status = std::system(command.c_str());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  *output = text.str();
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_CASE("spending is its own table, with names beside ids, and is not part of all.csv") {
  SiteBuilder builder = SmallSite();
  model::Site& site = builder.site();
  model::Outcome outcome;
  outcome.id = "best-start";
  outcome.title = "Children get the best start";
  site.outcomes.push_back(outcome);
  site.config.partners = {{"council", "Test council", {}}, {"nhs", "NHS, \"South\"", {}}};
  auto spend = [&](const std::string& area, const std::string& partner,
                   const std::string& category, double amount) {
    model::Spending row;
    row.outcome = "best-start";
    row.area = area;
    row.period = testing::ParsedPeriod("2019/20", model::PeriodType::kFinancialYear);
    row.partner = partner;
    row.category = category;
    row.amount = amount;
    site.spending.push_back(row);
  };
  spend(kHome, "council", "Family hubs", 1250000);
  spend(kKursaal, "nhs", "=HYPERLINK(\"x\")", 180000.5);
  spend(kHome, "", "", 40000);
  const Files files = Render(site);
  const CsvTable table = ReadCsv(FileOf(files, "downloads/spending.csv"));
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0][table.Column("outcome")] == "Children get the best start");
  CHECK(table.rows[0][table.Column("area_name")] == "Southend-on-Sea");
  CHECK(table.rows[0][table.Column("partner")] == "Test council");
  CHECK(table.rows[0][table.Column("amount_gbp")] == "1250000");
  CHECK(table.rows[1][table.Column("area_name")] == "Kursaal");
  CHECK(table.rows[1][table.Column("partner")] == "NHS, \"South\"");
  CHECK(table.rows[1][table.Column("amount_gbp")] == "180000.5");
  // Text a spreadsheet would run is neutralised, as in every other table.
  CHECK(table.rows[1][table.Column("category")].front() != '=');
  CHECK(table.rows[2][table.Column("partner_id")].empty());
  CheckCsvMatchesJson(FileOf(files, "downloads/spending.csv"),
                      FileOf(files, "downloads/spending.json"));
  // all.csv holds the indicators' rows only.
  CHECK(FileOf(files, "downloads/all.csv").find("Family hubs") == std::string::npos);
  const Json package = Json::parse(FileOf(files, "downloads/datapackage.json"));
  CHECK(package["resources"].back()["name"] == "spending");
  CHECK(package["resources"].back()["path"] == "spending.csv");
}

TEST_CASE("the example site's downloads pass check_datapackage.py and broken ones do not") {
  base::Diagnostics diagnostics;
  model::Site site = load::LoadSite(OUTCOMES_SOURCE_DIR, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.HasErrors(), "the example site must load");
  Files files = Render(site);
  REQUIRE(!diagnostics.HasErrors());
  // A CSV and a JSON file per indicator, all.csv and all.json, datapackage.json, and the
  // spending table's CSV and JSON (the example has data/spending.csv).
  REQUIRE(!site.spending.empty());
  CHECK(files.size() == 2 * site.indicators.size() + 5);
  CHECK(FileOf(files, "downloads/spending.csv")
            .starts_with("outcome_id,outcome,area_code,area_name,period,partner_id,partner,"
                         "category,amount_gbp,note\r\n"));

  fs::path root = Fresh("example");
  WriteFiles(root, files);
  std::string output;
  int code = RunChecker(root / "downloads" / "datapackage.json", &output);
  INFO(output);
  CHECK(code == 0);

  // The checker is not a rubber stamp: a bad number, a repeated key, an LF line end and a
  // formula each make it fail.
  struct Breakage {
    const char* what;
    std::string from;
    std::string to;
  };
  const std::string& all = FileOf(files, "downloads/all.csv");
  size_t first_row = all.find("\r\n") + 2;
  size_t second_row = all.find("\r\n", first_row) + 2;
  std::string row = all.substr(first_row, second_row - first_row);
  // The first data row with a value, made into one whose value is not a number.
  CsvTable first = ReadCsv(all.substr(0, second_row));
  std::vector<std::string> fields = first.rows[0];
  fields[first.Column("value")] = "sixty";
  std::string bad_row;
  for (size_t idx = 0; idx < fields.size(); ++idx)
    bad_row += (idx ? "," : "") + render::internal::CsvText(fields[idx]);
  bad_row += "\r\n";
  const Breakage breakages[] = {
      {"repeated primary key", row, row + row},
      {"LF line end", row, row.substr(0, row.size() - 2) + "\n"},
      {"number that is not one", row, bad_row},
      {"formula", ",Southend-on-Sea,", ",=Southend-on-Sea,"},
  };
  for (const Breakage& breakage : breakages) {
    CAPTURE(breakage.what);
    std::string broken = all;
    size_t at = broken.find(breakage.from, first_row);
    REQUIRE(at != std::string::npos);
    broken.replace(at, breakage.from.size(), breakage.to);
    fs::path copy = Fresh("broken");
    WriteFiles(copy, files);
    std::ofstream(copy / "downloads" / "all.csv", std::ios::binary) << broken;
    std::string broken_output;
    CHECK(RunChecker(copy / "downloads" / "datapackage.json", &broken_output) == 1);
    CHECK(broken_output.find("all.csv") != std::string::npos);
    fs::remove_all(copy);
  }
  fs::remove_all(root);
}

}  // namespace
}  // namespace outcomes
