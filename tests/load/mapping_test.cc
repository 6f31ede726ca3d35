// Observation files as councils have them (docs/formats.md, "Mapping files"): each mapping form
// loaded end to end on a copy of tests/fixtures/mini-site, the mapping reader on its own, and
// .xlsx workbooks written by libxlsxwriter and saved by LibreOffice.
#include <doctest/doctest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "load/load.h"
#include "load/mapping.h"
#include "load/xlsx_reader.h"

namespace {

namespace fs = std::filesystem;
using outcomes::base::Diagnostics;
using outcomes::model::Site;

const fs::path kSourceDir = OUTCOMES_SOURCE_DIR;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A copy of the mini-site in a fresh temporary folder, deleted at the end.
class TempSite {
 public:
  TempSite() {
    static int counter = 0;
    root_ = fs::temp_directory_path() / ("outcomes-mapping-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(++counter));
    fs::remove_all(root_);
    fs::copy(kSourceDir / "tests" / "fixtures" / "mini-site", root_, fs::copy_options::recursive);
  }
  ~TempSite() {
    std::error_code error;
    fs::remove_all(root_, error);
  }
  TempSite(const TempSite&) = delete;
  TempSite& operator=(const TempSite&) = delete;

  const fs::path& root() const { return root_; }
  void Write(const std::string& relative, const std::string& text) const {
    std::ofstream(root_ / relative, std::ios::binary) << text;
  }
  void Remove(const std::string& relative) const { fs::remove(root_ / relative); }

  Site Load(Diagnostics& diagnostics) const {
    return outcomes::load::LoadSite(root_.string(), diagnostics);
  }

 private:
  fs::path root_;
};

std::string Errors(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& item : diagnostics.items()) out += outcomes::base::FormatDiagnostic(item) + "\n";
  return out;
}

// The observation of `indicator`, `area`, `period` (label) and breakdown 0, or nullptr.
const outcomes::model::Observation* Find(const Site& site, const std::string& indicator,
                                         const std::string& area, const std::string& period,
                                         uint16_t breakdown = 0) {
  for (const auto& observation : site.observations)
    if (site.indicators[observation.indicator].id == indicator &&
        site.areas[observation.area].code == area && observation.period.Label() == period &&
        observation.breakdown == breakdown)
      return &observation;
  return nullptr;
}

size_t CountOf(const Site& site, const std::string& indicator) {
  size_t count = 0;
  for (const auto& observation : site.observations)
    if (site.indicators[observation.indicator].id == indicator) ++count;
  return count;
}

// births.csv of the mini-site, long, as the other forms must read it.
const char* kBirthsYaml = "columns:\n  area: Ward code\n  period: Year\n  value: Births\n"
                          "constants:\n  indicator: births\n";

}  // namespace

TEST_CASE("mapping: columns and constants") {
  TempSite site;
  site.Write("data/observations/births.csv",
             "Ward code,Year,Births,Source\nE92000001,2015,\"640,000\",ONS\n"
             "E05002212,2016,109,ONS\n");
  site.Write("data/observations/births.yaml", kBirthsYaml);
  Diagnostics diagnostics;
  Site loaded = site.Load(diagnostics);
  INFO(Errors(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(CountOf(loaded, "births") == 2);
  const auto* england = Find(loaded, "births", "E92000001", "2015");
  REQUIRE(england != nullptr);
  CHECK(england->value == 640000);
  // Rows still point at the data file's line.
  CHECK(loaded.files[england->file] == "data/observations/births.csv");
  CHECK(england->line == 2);
}

TEST_CASE("mapping: a data row's error points at the data file's cell") {
  TempSite site;
  site.Write("data/observations/births.csv",
             "Ward code,Year,Births\nE92000001,2015,lots\n");
  site.Write("data/observations/births.yaml", kBirthsYaml);
  Diagnostics diagnostics;
  site.Load(diagnostics);
  REQUIRE(diagnostics.HasErrors());
  const auto& first = diagnostics.items().front();
  CHECK(first.location.file == "data/observations/births.csv");
  CHECK(first.location.line == 2);
  CHECK(first.location.column == 16);
  CHECK(first.message == "value 'lots' is not a number");
}

TEST_CASE("mapping: a measure column gives value, count and denominator") {
  TempSite site;
  site.Remove("data/observations/gld.csv");
  site.Write("data/observations/eyfs.csv",
             "Early years foundation stage profile,,,,\n"
             "Source: DfE,,,,\n"
             "Ward code,Year,Sex,Measure,Figure\n"
             "E92000001,201415,Total,Percent,70.0\n"
             "E92000001,201415,Total,Count,420000\n"
             "E92000001,201415,Total,Cohort,600000\n"
             "E92000001,201415,Total,Rank,3\n"
             "E92000001,201415,Girls,Percent,NA\n");
  site.Write("data/observations/eyfs.yaml",
             "header_row: 3\n"
             "columns:\n  area: Ward code\n  period: Year\n  breakdown: Sex\n  value: Figure\n"
             "constants:\n  indicator: gld\n"
             "breakdown_total: [Total]\n"
             "measure:\n  column: Measure\n  value: Percent\n  count: Count\n"
             "  denominator: Cohort\n  ignore: [Rank]\n"
             "missing: [NA]\n"
             "periods:\n  \"201415\": 2014/15\n");
  Diagnostics diagnostics;
  Site loaded = site.Load(diagnostics);
  // Other indicators keep their files; gld now has only these rows, so its target and the like
  // may warn, but nothing is an error of the mapped file.
  for (const auto& item : diagnostics.items())
    if (item.severity == outcomes::base::Severity::kError) {
      INFO(Errors(diagnostics));
      CHECK(item.location.file.find("eyfs") == std::string::npos);
    }
  const auto* england = Find(loaded, "gld", "E92000001", "2014/15");
  REQUIRE(england != nullptr);
  CHECK(england->value == 70.0);
  CHECK(england->count == 420000);
  CHECK(england->denominator == 600000);
  const auto* girls = Find(loaded, "gld", "E92000001", "2014/15", 1);
  REQUIRE(girls != nullptr);
  CHECK(std::isnan(girls->value));
  CHECK(CountOf(loaded, "gld") == 2);
}

TEST_CASE("mapping: wide by period, with missing markers and a period pattern") {
  TempSite site;
  site.Write("data/observations/births.csv",
             "Area,201415,201516,201617\n"
             "E92000001,\"640,000\",-,\"627,200\"\n"
             "E05002212,110,,108\n");
  // births is a calendar-year indicator: the pattern keeps the first year.
  site.Write("data/observations/births.yaml",
             "columns:\n  area: Area\nconstants:\n  indicator: births\n"
             "wide:\n  by: period\nmissing: [\"-\"]\n"
             "period_pattern:\n  match: '^(\\d{4})\\d{2}$'\n  replace: '$1'\n");
  Diagnostics diagnostics;
  Site loaded = site.Load(diagnostics);
  INFO(Errors(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  // Blank and missing cells of a wide table are no row at all.
  CHECK(CountOf(loaded, "births") == 4);
  REQUIRE(Find(loaded, "births", "E92000001", "2016") != nullptr);
  CHECK(Find(loaded, "births", "E92000001", "2015") == nullptr);
  CHECK(Find(loaded, "births", "E05002212", "2016")->value == 108);
}

TEST_CASE("mapping: wide by area, only the columns listed") {
  TempSite site;
  site.Write("data/observations/births.csv",
             "Year,E92000001,E05002212,Notes\n2015,\"640,000\",110,ignored\n"
             "2016,\"633,600\",109,ignored\n");
  site.Write("data/observations/births.yaml",
             "columns:\n  period: Year\nconstants:\n  indicator: births\n"
             "wide:\n  by: area\n  columns: [E92000001, E05002212]\n");
  Diagnostics diagnostics;
  Site loaded = site.Load(diagnostics);
  INFO(Errors(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(CountOf(loaded, "births") == 4);
  CHECK(Find(loaded, "births", "E05002212", "2016")->value == 109);
}

TEST_CASE("mapping: wide by period with a measure column") {
  TempSite site;
  site.Remove("data/observations/gld.csv");
  site.Write("data/observations/gld.csv",
             "Area,Measure,2014/15,2015/16\nE92000001,Percent,70.0,71.2\n"
             "E92000001,Count,420000,428482\nE92000001,Cohort,600000,601800\n");
  site.Write("data/observations/gld.yaml",
             "columns:\n  area: Area\nconstants:\n  indicator: gld\n"
             "measure:\n  column: Measure\n  value: Percent\n  count: Count\n"
             "  denominator: Cohort\nwide:\n  by: period\n");
  Diagnostics diagnostics;
  Site loaded = site.Load(diagnostics);
  const auto* later = Find(loaded, "gld", "E92000001", "2015/16");
  REQUIRE(later != nullptr);
  CHECK(later->value == 71.2);
  CHECK(later->count == 428482);
  CHECK(later->denominator == 601800);
}

TEST_CASE("mapping: pooled periods as councils write them") {
  TempSite site;
  site.Write("data/observations/pooled.csv",
             "indicator,area,period,value,note\n"
             "births,E92000001,2015 - 17,\"1,900,800\",\n"
             "births,E92000001,2016-2018,\"1,881,600\",\n");
  site.Write("data/observations/pooled-gld.csv",
             "indicator,area,period,breakdown,value,count,denominator,lower_ci,upper_ci,note\n"
             "gld,E92000001,2015/16 to 2017/18,,72.4,,,,,\n");
  Diagnostics diagnostics;
  Site loaded = site.Load(diagnostics);
  INFO(Errors(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(Find(loaded, "births", "E92000001", "2015 to 2017") != nullptr);
  CHECK(Find(loaded, "births", "E92000001", "2016 to 2018") != nullptr);
  CHECK(Find(loaded, "gld", "E92000001", "2015/16 to 2017/18") != nullptr);
}

TEST_CASE("an unknown period_type is one error, not one per row") {
  TempSite site;
  std::string gld = ReadText(site.root() / "data/indicators/gld.yaml");
  gld.replace(gld.find("period_type: academic-year"), 26, "period_type: school-year");
  site.Write("data/indicators/gld.yaml", gld);
  Diagnostics diagnostics;
  site.Load(diagnostics);
  INFO(Errors(diagnostics));
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("mapping reader: every key read, unknown keys and contradictions reported") {
  Diagnostics diagnostics;
  auto mapping = outcomes::load::ReadObservationMapping(
      "sheet: Table 1\nheader_row: 3\ncolumns:\n  area: Ward\n  period: Year\n  value: V\n"
      "constants:\n  indicator: gld\n  note: from the council\n"
      "missing: [NA, \"-\", \"\"]\nperiods:\n  \"201314\": 2013/14\n"
      "period_pattern:\n  match: '^(\\d{4})(\\d{2})$'\n  replace: '$1/$2'\n",
      "m.yaml", diagnostics);
  INFO(Errors(diagnostics));
  REQUIRE(mapping);
  CHECK(mapping->sheet->text == "Table 1");
  CHECK(mapping->header_row == 3);
  CHECK(mapping->columns[outcomes::load::kFieldArea]->text == "Ward");
  CHECK(mapping->columns[outcomes::load::kFieldArea]->where.line == 4);
  CHECK(mapping->constants[outcomes::load::kFieldNote]->text == "from the council");
  CHECK(mapping->IsMissing(" NA "));
  CHECK(mapping->IsMissing(""));
  CHECK_FALSE(mapping->IsMissing("N/A"));
  CHECK(mapping->RewritePeriod("201314") == "2013/14");
  CHECK(mapping->RewritePeriod("201516") == "2015/16");
  CHECK(mapping->RewritePeriod("2015/16") == "2015/16");

  Diagnostics bad;
  CHECK_FALSE(outcomes::load::ReadObservationMapping(
      "columns:\n  aera: A\n  period: P\n  value: V\nconstants: {indicator: x}\n", "m.yaml", bad));
  REQUIRE(bad.HasErrors());
  CHECK(bad.items().front().message == "unknown key 'aera' in columns");
  CHECK(bad.items().front().hint == "did you mean 'area'?");
  CHECK(bad.items().front().location.line == 2);

  Diagnostics not_yaml;
  CHECK_FALSE(outcomes::load::ReadObservationMapping("[1, 2", "m.yaml", not_yaml));
  CHECK(not_yaml.HasErrors());
  Diagnostics list;
  CHECK_FALSE(outcomes::load::ReadObservationMapping("- a\n- b\n", "m.yaml", list));
  CHECK(list.HasErrors());
}

// --- .xlsx ------------------------------------------------------------------------------------

namespace {

// Writes a workbook with libxlsxwriter: a title sheet first, then "Data" as `rows` (a cell that
// parses as a number is written as a number).
std::string WriteWorkbook(const fs::path& path, const std::vector<std::vector<std::string>>& rows) {
  lxw_workbook* workbook = workbook_new(path.string().c_str());
  lxw_worksheet* notes = workbook_add_worksheet(workbook, "Notes");
  worksheet_write_string(notes, 0, 0, "About this data", nullptr);
  lxw_worksheet* data = workbook_add_worksheet(workbook, "Data");
  for (size_t row = 0; row < rows.size(); ++row)
    for (size_t col = 0; col < rows[row].size(); ++col) {
      const std::string& text = rows[row][col];
      if (text.empty()) continue;
      char* end = nullptr;
      const double number = std::strtod(text.c_str(), &end);
      if (end == text.c_str() + text.size())
        worksheet_write_number(data, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               number, nullptr);
      else
        worksheet_write_string(data, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               text.c_str(), nullptr);
    }
  REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
  return ReadText(path);
}

}  // namespace

TEST_CASE("xlsx: a workbook written by libxlsxwriter reads cell by cell, gaps kept") {
  TempSite site;
  const std::string bytes =
      WriteWorkbook(site.root() / "book.xlsx", {{"Title"}, {}, {"a", "", "c"}, {"1", "61.2", "x"}});
  Diagnostics diagnostics;
  auto names = outcomes::load::ReadXlsxSheetNames(bytes, "book.xlsx", diagnostics);
  REQUIRE(names);
  CHECK(*names == std::vector<std::string>{"Notes", "Data"});
  outcomes::load::MappedText sheet{"Data", {"m.yaml", 1, 8}};
  auto table = outcomes::load::ReadXlsxTable(bytes, "book.xlsx", &sheet, diagnostics);
  INFO(Errors(diagnostics));
  REQUIRE(table);
  REQUIRE(table->rows.size() == 3);  // the empty row 2 is left out
  CHECK(table->rows[0].number == 1);
  CHECK(table->rows[1].number == 3);
  REQUIRE(table->rows[1].cells.size() == 3);
  CHECK(table->rows[1].cells[1].text.empty());
  CHECK(table->rows[1].cells[2].text == "c");
  CHECK(table->rows[1].cells[2].column == 3);
  CHECK(table->rows[2].cells[1].text == "61.2");
  // The first sheet by default.
  auto first = outcomes::load::ReadXlsxTable(bytes, "book.xlsx", nullptr, diagnostics);
  REQUIRE(first);
  CHECK(first->rows[0].cells[0].text == "About this data");
  // A sheet that is not there names those that are.
  outcomes::load::MappedText missing{"Table 1", {"m.yaml", 1, 8}};
  Diagnostics no_sheet;
  CHECK_FALSE(outcomes::load::ReadXlsxTable(bytes, "book.xlsx", &missing, no_sheet));
  REQUIRE(no_sheet.HasErrors());
  CHECK(no_sheet.items().front().message == "no sheet 'Table 1' in book.xlsx");
  CHECK(no_sheet.items().front().hint == "its sheets are: 'Notes', 'Data'");
  CHECK(no_sheet.items().front().location.file == "m.yaml");
}

TEST_CASE("xlsx: observations from a libxlsxwriter workbook through a mapping") {
  TempSite site;
  site.Remove("data/observations/births.csv");
  WriteWorkbook(site.root() / "data/observations/births.xlsx",
                {{"Live births"},
                 {"Area", "2015", "2016"},
                 {"E92000001", "640000", "633600"},
                 {"E05002212", "110", "lots"}});
  site.Write("data/observations/births.yaml",
             "sheet: Data\nheader_row: 2\ncolumns:\n  area: Area\nconstants:\n"
             "  indicator: births\nwide:\n  by: period\n");
  Diagnostics diagnostics;
  Site loaded = site.Load(diagnostics);
  REQUIRE(diagnostics.HasErrors());
  // The bad cell is C4: row 4, column 3.
  const auto& first = diagnostics.items().front();
  CHECK(first.location.file == "data/observations/births.xlsx");
  CHECK(first.location.line == 4);
  CHECK(first.location.column == 3);
  CHECK(Find(loaded, "births", "E92000001", "2016")->value == 633600);
}

TEST_CASE("xlsx: a workbook saved by LibreOffice, in our layout, needs no mapping") {
  TempSite site;
  site.Remove("data/observations/births.csv");
  fs::copy_file(kSourceDir / "tests/fixtures/xlsx/births-libreoffice.xlsx",
                site.root() / "data/observations/births.xlsx");
  Diagnostics diagnostics;
  Site loaded = site.Load(diagnostics);
  INFO(Errors(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(CountOf(loaded, "births") == 35);
  const auto* england = Find(loaded, "births", "E92000001", "2015");
  REQUIRE(england != nullptr);
  CHECK(england->value == 640000);
}

TEST_CASE("xlsx: hostile and broken workbooks are errors, never a crash") {
  Diagnostics diagnostics;
  CHECK_FALSE(outcomes::load::ReadXlsxTable("not a zip", "x.xlsx", nullptr, diagnostics));
  REQUIRE(diagnostics.HasErrors());
  CHECK(diagnostics.items().front().message.rfind("not an .xlsx workbook", 0) == 0);
  // Truncated archives of a real workbook, at many lengths.
  TempSite site;
  const std::string bytes = WriteWorkbook(site.root() / "book.xlsx", {{"a", "1"}, {"b", "2"}});
  for (size_t length = 0; length < bytes.size(); length += 97) {
    Diagnostics truncated;
    outcomes::load::ReadXlsxTable(bytes.substr(0, length), "x.xlsx", nullptr, truncated);
    CHECK(truncated.HasErrors());
  }
  // Every byte flipped in turn somewhere in the archive: an error or a table, never a crash.
  for (size_t at = 0; at < bytes.size(); at += 13) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    Diagnostics flipped;
    outcomes::load::ReadXlsxTable(damaged, "x.xlsx", nullptr, flipped);
  }
}

TEST_CASE("a file in data/ that nothing reads is a warning naming what is read") {
  TempSite site;
  site.Write("data/observations/notes.txt", "from the council\n");
  site.Write("data/observations/eyfs.xls", "old workbook");
  site.Write("data/README.md", "notes for people\n");
  fs::create_directories(site.root() / "data/old");
  site.Write("data/old/births.csv", "indicator,area,period,value\n");
  Diagnostics diagnostics;
  site.Load(diagnostics);
  INFO(Errors(diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  std::vector<std::string> warned;
  for (const auto& item : diagnostics.items())
    if (item.message == "nothing reads this file") warned.push_back(item.location.file);
  CHECK(warned == std::vector<std::string>{"data/observations/eyfs.xls", "data/observations/notes.txt",
                                           "data/old/births.csv"});
}

TEST_CASE("xlsx: a document type declaration (entities, billion laughs) is refused") {
  // A workbook whose workbook.xml declares entities that expand a thousandfold each.
  TempSite site;
  const fs::path path = site.root() / "laughs.xlsx";
  int error = 0;
  zip_t* archive = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  static const std::string kWorkbook =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
      "<workbook><sheets><sheet name=\"&c;\" r:id=\"rId1\"/></sheets></workbook>";
  static const std::string kRels =
      "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/></Relationships>";
  static const std::string kSheet = "<worksheet><sheetData/></worksheet>";
  for (const auto& [name, text] : {std::pair{"xl/workbook.xml", &kWorkbook},
                                   std::pair{"xl/_rels/workbook.xml.rels", &kRels},
                                   std::pair{"xl/worksheets/sheet1.xml", &kSheet}}) {
    zip_source_t* source = zip_source_buffer(archive, text->data(), text->size(), 0);
    REQUIRE(zip_file_add(archive, name, source, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  Diagnostics diagnostics;
  CHECK_FALSE(outcomes::load::ReadXlsxTable(ReadText(path), "laughs.xlsx", nullptr, diagnostics));
  REQUIRE(diagnostics.HasErrors());
  CHECK(diagnostics.items().front().message ==
        "part xl/workbook.xml has a document type declaration, which a workbook never has");
}

TEST_CASE("xlsx: a zip bomb stops at 200 MB inflated, whatever the archive claims") {
  TempSite site;
  const fs::path path = site.root() / "bomb.xlsx";
  int error = 0;
  zip_t* archive = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  static const std::string kWorkbook =
      "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>";
  static const std::string kRels =
      "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/></Relationships>";
  // 201 MiB of spaces compress to about 200 KB.
  static const std::string kSheet(outcomes::load::kMaxXlsxPartBytes + (1 << 20), ' ');
  for (const auto& [name, text] : {std::pair{"xl/workbook.xml", &kWorkbook},
                                   std::pair{"xl/_rels/workbook.xml.rels", &kRels},
                                   std::pair{"xl/worksheets/sheet1.xml", &kSheet}}) {
    zip_source_t* source = zip_source_buffer(archive, text->data(), text->size(), 0);
    REQUIRE(zip_file_add(archive, name, source, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  const std::string bytes = ReadText(path);
  CHECK(bytes.size() < 2'000'000);
  Diagnostics diagnostics;
  CHECK_FALSE(outcomes::load::ReadXlsxTable(bytes, "bomb.xlsx", nullptr, diagnostics));
  REQUIRE(diagnostics.HasErrors());
  CHECK(diagnostics.items().front().message ==
        "the workbook holds more than 200 MB of uncompressed data");
}
