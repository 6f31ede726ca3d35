// Tests for render::WriteWorkbook: the workbook's parts are read back from the zip (a small
// reader over zlib below) and checked for what the Analysis Function guidance and DESIGN §4
// ask: text never a formula, table headers set, frozen header rows, print set-up, document
// properties with a fixed creation time, charts with alt text, byte-identical rebuilds; and a
// pack that breaks view/pack.h's contract writes nothing and says why.
#include "render/xlsx/xlsx.h"

#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <string>

#include "base/diagnostics.h"
#include "compute/compute.h"
#include "load/load.h"
#include "view/pack_view.h"

namespace outcomes::render {
namespace {

namespace fs = std::filesystem;
using Cell = view::TableCell;
using view::SheetLineStyle;
using view::Pack;

// --- Reading a zip -------------------------------------------------------------------------------

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

uint32_t Le(const std::string& bytes, size_t offset, int size) {
  uint32_t value = 0;
  for (int idx = size - 1; idx >= 0; --idx)
    value = (value << 8) | static_cast<unsigned char>(bytes.at(offset + static_cast<size_t>(idx)));
  return value;
}

// Every entry of a zip archive, name -> contents (stored or deflated entries only).
std::map<std::string, std::string> Unzip(const std::string& zip) {
  std::map<std::string, std::string> entries;
  size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  REQUIRE(end != std::string::npos);
  size_t count = Le(zip, end + 10, 2);
  size_t offset = Le(zip, end + 16, 4);
  for (size_t entry = 0; entry < count; ++entry) {
    REQUIRE(Le(zip, offset, 4) == 0x02014b50);
    uint32_t method = Le(zip, offset + 10, 2);
    uint32_t compressed = Le(zip, offset + 20, 4);
    uint32_t size = Le(zip, offset + 24, 4);
    uint32_t name_length = Le(zip, offset + 28, 2);
    uint32_t extra = Le(zip, offset + 30, 2);
    uint32_t comment = Le(zip, offset + 32, 2);
    uint32_t local = Le(zip, offset + 42, 4);
    std::string name = zip.substr(offset + 46, name_length);
    size_t data = local + 30 + Le(zip, local + 26, 2) + Le(zip, local + 28, 2);
    std::string contents;
    if (method == 0) {
      contents = zip.substr(data, compressed);
    } else {
      REQUIRE(method == 8);
      contents.resize(size);
      z_stream stream{};
      REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      stream.avail_in = compressed;
      stream.next_out = reinterpret_cast<Bytef*>(contents.data());
      stream.avail_out = size;
      int status = inflate(&stream, Z_FINISH);
      inflateEnd(&stream);
      REQUIRE(status == Z_STREAM_END);
    }
    entries[name] = contents;
    offset += 46 + name_length + extra + comment;
  }
  return entries;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

// A folder for this test run's workbooks, removed when the tests end.
fs::path TempDir() {
  struct Folder {
    fs::path path = fs::temp_directory_path() /
                    ("outcomes-xlsx-test-" + std::to_string(static_cast<long>(::getpid())));
    Folder() { fs::create_directories(path); }
    ~Folder() {
      std::error_code error;
      fs::remove_all(path, error);
    }
  };
  static Folder folder;
  return folder.path;
}

// --- A small pack --------------------------------------------------------------------------------

Cell Text(const std::string& text) { return Cell::Text(text); }

view::TableColumn Column(const std::string& header) {
  view::TableColumn column;
  column.header = header;
  return column;
}

view::ChartRange Range(size_t column, size_t first_row, size_t last_row) {
  return {"Data sheet", column, first_row, last_row};
}

// A cover, a contents sheet, a table of figures and a sheet with a chart of them.
Pack SmallPack() {
  Pack pack;
  pack.properties = {"Test pack", "s", "Council", "Council", "Statistics", "k", "c", 1597881600};
  pack.page_header = "Test & pack";
  pack.tones = {{"Not on track", view::Tone::kBad}, {"Target met", view::Tone::kGood}};
  view::Sheet cover;
  cover.name = "Cover";
  cover.title = "=1+1 cover title";
  cover.lines = {{"Example data", SheetLineStyle::kWarning, ""},
                 {"About", SheetLineStyle::kHeading, ""},
                 {"+44 is text", SheetLineStyle::kPlain, ""},
                 {"Site", SheetLineStyle::kPlain, "https://example.org/"}};
  pack.sheets.push_back(cover);

  view::Sheet contents;
  contents.name = "Contents";
  contents.title = "Table of contents";
  contents.lines = {{"One table.", SheetLineStyle::kPlain, ""}};
  view::TableColumn wide = Column("Sheet title");
  wide.wrap = true;
  contents.table = view::Table{"tbl_Contents",
                               {Column("Sheet name"), wide},
                               {{Cell::SheetLink("Data sheet", "Data sheet"), Text("Figures")}}};
  pack.sheets.push_back(contents);

  view::Sheet data;
  data.name = "Data sheet";
  data.title = "Figures";
  data.lines = {{"One table.", SheetLineStyle::kPlain, ""}};
  view::TableColumn value = Column("Value (%)");
  value.format = {"0.0", 1, false};
  view::TableColumn status = Column("Status");
  status.tone = true;
  data.table = view::Table{
      "tbl_Data",
      {Column("Label"), value, status, Column("Note")},
      {{Text("=HYPERLINK(\"http://evil\")"), Cell::Number(74.06), Text("Not on track"),
        Text("@SUM(A1)")},
       {Text("-2"), Cell::Number(1234.5, {"#,##0.0", 1, false}), Text("Target met"), Cell::Empty()},
       {Text("[c] row"), Text("[c]"), Text("Target met"), Text("+cmd")}}};
  pack.sheets.push_back(data);

  view::Sheet charts;
  charts.name = "Charts";
  charts.title = "Charts";
  charts.lines = {{"One chart.", SheetLineStyle::kPlain, ""}};
  view::PackChart chart;
  chart.title = "Values (%)";
  chart.description = "Line chart of values.";
  chart.y_axis = "%";
  chart.number_format = "0.0";
  chart.categories = Range(0, 0, 1);
  chart.series = {{"Area", Range(1, 0, 1), view::SeriesRole::kPrimary}};
  charts.charts = std::vector<view::PackChart>{chart};
  pack.sheets.push_back(charts);
  return pack;
}

std::string WriteAndRead(const Pack& pack, const std::string& name) {
  fs::path path = TempDir() / name;
  std::string error;
  REQUIRE_MESSAGE(WriteWorkbook(pack, path.string(), &error), error);
  return ReadFile(path);
}

TEST_CASE("text is always text: nothing that starts with = + - @ becomes a formula") {
  auto parts = Unzip(WriteAndRead(SmallPack(), "text.xlsx"));
  for (const auto& [name, contents] : parts) {
    INFO(name);
    CHECK(contents.find("<f>") == std::string::npos);
    CHECK(contents.find("<f ") == std::string::npos);
  }
  const std::string& strings = parts.at("xl/sharedStrings.xml");
  for (std::string text : {"=1+1 cover title", "+44 is text", "=HYPERLINK(\"http://evil\")",
                           "@SUM(A1)", "-2", "+cmd", "[c]"})
    CHECK_MESSAGE(strings.find(">" + text + "<") != std::string::npos, text);
}

TEST_CASE("tables carry their headers, the title is in A1, the header row is frozen") {
  auto parts = Unzip(WriteAndRead(SmallPack(), "tables.xlsx"));
  const std::string& table = parts.at("xl/tables/table2.xml");
  CHECK(table.find("name=\"Value (%)\"") != std::string::npos);
  CHECK(table.find("Column1") == std::string::npos);
  CHECK(table.find("ref=\"A3:D6\"") != std::string::npos);  // title, one line, header, 3 rows
  CHECK(table.find("<autoFilter") != std::string::npos);
  const std::string& sheet = parts.at("xl/worksheets/sheet3.xml");
  CHECK(sheet.find("<c r=\"A1\"") != std::string::npos);
  CHECK(sheet.find("<pane ySplit=\"3\" topLeftCell=\"A4\"") != std::string::npos);
  CHECK(sheet.find("<mergeCell") == std::string::npos);
  // The number keeps its value; the format shows one decimal without a % sign.
  CHECK(sheet.find("<v>74.06</v>") != std::string::npos);
  CHECK(parts.at("xl/styles.xml").find("formatCode=\"0.0\"") != std::string::npos);
  // An empty cell (null) is not written at all.
  CHECK(sheet.find("r=\"D5\"") == std::string::npos);
  // Status colours: a rule per tone on the status column, on the start of the text (a
  // qualifier may follow a status).
  CHECK(Count(sheet, "<cfRule") == 2);
  CHECK(Count(sheet, "type=\"beginsWith\"") == 2);
  CHECK(sheet.find("text=\"Not on track\"") != std::string::npos);
  // The contents link goes to the sheet, quoted.
  CHECK(parts.at("xl/worksheets/sheet2.xml").find("location=\"'Data sheet'!A1\"") !=
        std::string::npos);
}

TEST_CASE("a link to a chart goes to the cell the chart is anchored at; one to none fails") {
  Pack pack = SmallPack();
  auto& contents_rows = pack.sheets[1].table->rows;
  // Three charts on the Charts sheet: the third is in the second row of charts, on the left.
  auto& charts = *pack.sheets[3].charts;
  charts.push_back(charts[0]);
  charts.push_back(charts[0]);
  contents_rows.push_back({Cell::ChartLink("Chart 3", "Charts", 2), Text("The third chart")});
  contents_rows.push_back({Cell::ChartLink("Chart 2", "Charts", 1), Text("The second chart")});
  auto parts = Unzip(WriteAndRead(pack, "chart-links.xlsx"));
  // Charts sheet: title, one line, a row of space, then rows of 14; 8 columns a chart.
  const std::string& contents = parts.at("xl/worksheets/sheet2.xml");
  CHECK(contents.find("location=\"'Charts'!A18\"") != std::string::npos);
  CHECK(contents.find("location=\"'Charts'!I4\"") != std::string::npos);
  const std::string& drawing = parts.at("xl/drawings/drawing1.xml");
  auto anchored = [&](int col, int row) {
    return drawing.find("<xdr:from><xdr:col>" + std::to_string(col) +
                        "</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>" + std::to_string(row) +
                        "</xdr:row>") != std::string::npos;
  };
  CHECK(anchored(0, 17));  // A18
  CHECK(anchored(8, 3));   // I4

  contents_rows.push_back({Cell::ChartLink("Chart 4", "Charts", 3), Text("No such chart")});
  std::string error;
  CHECK_FALSE(WriteWorkbook(pack, (TempDir() / "chart-link-bad.xlsx").string(), &error));
  CHECK(error.find("a link to a chart that Charts does not have") != std::string::npos);
}

TEST_CASE(
    "print set-up: A4 landscape, one page wide, header row repeated, sheet and page in the "
    "footer") {
  auto parts = Unzip(WriteAndRead(SmallPack(), "print.xlsx"));
  for (const char* name :
       {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"}) {
    INFO(name);
    const std::string& sheet = parts.at(name);
    CHECK(sheet.find("orientation=\"landscape\"") != std::string::npos);
    CHECK(sheet.find("paperSize=\"9\"") != std::string::npos);
    CHECK(sheet.find("fitToHeight=\"0\"") != std::string::npos);
    CHECK(sheet.find("<oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter>") !=
          std::string::npos);
    CHECK(sheet.find("<oddHeader>&amp;L&amp;9Test &amp;&amp; pack</oddHeader>") !=
          std::string::npos);
  }
  const std::string& workbook = parts.at("xl/workbook.xml");
  CHECK(workbook.find("name=\"_xlnm.Print_Titles\" localSheetId=\"2\">'Data sheet'!$3:$3<") !=
        std::string::npos);
}

// The attributes of the <row> element numbered `row` (1-based) in a sheet's XML, or "".
std::string RowAttributes(const std::string& sheet, int row) {
  size_t at = sheet.find("<row r=\"" + std::to_string(row) + "\"");
  return at == std::string::npos ? "" : sheet.substr(at, sheet.find('>', at) - at);
}

// The cell format (<xf> of cellXfs) of cell `ref` in a sheet's XML.
std::string CellFormat(const std::string& sheet, const std::string& styles,
                       const std::string& ref) {
  size_t at = sheet.find("<c r=\"" + ref + "\"");
  REQUIRE(at != std::string::npos);
  size_t style_at = sheet.find(" s=\"", at);
  REQUIRE(style_at < sheet.find('>', at));
  int index = std::stoi(sheet.substr(style_at + 4));
  size_t xf = styles.find("<cellXfs");
  for (int idx = 0; idx <= index; ++idx) xf = styles.find("<xf ", xf + 1);
  size_t end = styles.find("</xf>", xf);
  size_t self_closing = styles.find("/>", xf);
  return styles.substr(xf, std::min(end, self_closing + 2) - xf);
}

// The height of a row's attributes ("ht"), 0 when the row has none.
double RowHeight(const std::string& attributes) {
  size_t at = attributes.find(" ht=\"");
  return at == std::string::npos ? 0 : std::stod(attributes.substr(at + 5));
}

TEST_CASE("the cover: the title wraps, the warning hangs below it with room to spare") {
  Pack pack = SmallPack();
  std::string title;
  for (int word = 0; word < 30; ++word) title += "Title" + std::to_string(word) + " ";
  pack.sheets[0].title = title;
  pack.sheets[0].lines[2].text = std::string(60, 'x');  // the cover is 60 wide
  std::string header;
  for (int word = 0; word < 60; ++word) header += "word" + std::to_string(word) + " ";
  pack.page_header = header;
  auto parts = Unzip(WriteAndRead(pack, "cover.xlsx"));
  const std::string& cover = parts.at("xl/worksheets/sheet1.xml");
  const std::string& styles = parts.at("xl/styles.xml");
  // The title wraps within the one printed column: its row is several 14-point lines tall.
  CHECK(CellFormat(cover, styles, "A1").find("wrapText=\"1\"") != std::string::npos);
  CHECK(RowHeight(RowAttributes(cover, 1)) >= 3 * 19);
  // The warning hangs from the top of a row a line taller than its text: text that wraps
  // further runs down into the spare line, not up over the title.
  const std::string warning = CellFormat(cover, styles, "A2");
  CHECK(warning.find("vertical=\"top\"") != std::string::npos);
  CHECK(warning.find("wrapText=\"1\"") != std::string::npos);
  CHECK(RowHeight(RowAttributes(cover, 2)) >= 2 * 15);
  // A long page header is cut at a word, so it stays on one line above the sheet.
  size_t at = cover.find("<oddHeader>");
  REQUIRE(at != std::string::npos);
  std::string shown = cover.substr(at, cover.find("</oddHeader>") - at);
  CHECK(shown.find("&amp;L&amp;9word0 word1 ") != std::string::npos);
  CHECK(shown.find("…") != std::string::npos);
  CHECK(shown.find("word59") == std::string::npos);
  CHECK(shown.size() < 200);
}

TEST_CASE("document properties and a fixed creation time: the same view gives the same bytes") {
  std::string first = WriteAndRead(SmallPack(), "same-1.xlsx");
  std::string second = WriteAndRead(SmallPack(), "same-2.xlsx");
  CHECK(first == second);
  auto parts = Unzip(first);
  const std::string& core = parts.at("docProps/core.xml");
  CHECK(core.find("<dc:title>Test pack</dc:title>") != std::string::npos);
  CHECK(core.find("<dc:creator>Council</dc:creator>") != std::string::npos);
  CHECK(core.find("2020-08-20T00:00:00Z") != std::string::npos);
  CHECK(parts.at("docProps/app.xml").find("<Company>Council</Company>") != std::string::npos);
}

TEST_CASE("a native line chart with its alt text and the cells it plots") {
  auto parts = Unzip(WriteAndRead(SmallPack(), "chart.xlsx"));
  REQUIRE(parts.count("xl/charts/chart1.xml") == 1);
  const std::string& chart = parts.at("xl/charts/chart1.xml");
  CHECK(chart.find("<c:lineChart>") != std::string::npos);
  CHECK(chart.find("'Data sheet'!$B$4:$B$5") != std::string::npos);
  CHECK(chart.find("'Data sheet'!$A$4:$A$5") != std::string::npos);
  CHECK(parts.at("xl/drawings/drawing1.xml").find("descr=\"Line chart of values.\"") !=
        std::string::npos);
}

TEST_CASE("a pack that breaks the contract writes nothing and says why") {
  struct Case {
    const char* name;
    std::function<void(Pack&)> spoil;
    const char* message;
  };
  const Case cases[] = {
      {"short row", [](Pack& p) { p.sheets[2].table->rows[0].pop_back(); },
       "sheet Data sheet, table row 1: has 3 cells, the table has 4 columns"},
      {"long row", [](Pack& p) { p.sheets[2].table->rows[2].push_back(Cell::Empty()); },
       "sheet Data sheet, table row 3: has 5 cells, the table has 4 columns"},
      {"duplicate header", [](Pack& p) { p.sheets[2].table->columns[3].header = "label"; },
       "two columns are headed"},
      {"empty header", [](Pack& p) { p.sheets[2].table->columns[3].header = ""; },
       "every column needs a header"},
      {"bad sheet name", [](Pack& p) { p.sheets[2].name = "a/b"; }, "not a valid Excel sheet name"},
      {"long sheet name", [](Pack& p) { p.sheets[2].name = std::string(32, 'x'); },
       "not a valid Excel sheet name"},
      {"empty sheet name", [](Pack& p) { p.sheets[0].name = ""; }, "not a valid Excel sheet name"},
      {"duplicate sheet", [](Pack& p) { p.sheets[1].name = "COVER"; }, "two sheets have this name"},
      {"no sheets", [](Pack& p) { p.sheets.clear(); }, "has no sheets"},
      {"link to nowhere", [](Pack& p) { p.sheets[1].table->rows[0][0].target = "Nowhere"; },
       "a link to a sheet that does not exist"},
      {"chart outside", [](Pack& p) { (*p.sheets[3].charts)[0].series[0].values.last_row = 3; },
       "a chart range lies outside the table of Data sheet"},
      {"chart column outside", [](Pack& p) { (*p.sheets[3].charts)[0].categories.column = 4; },
       "a chart range lies outside the table of Data sheet"},
      {"chart range backwards", [](Pack& p) { (*p.sheets[3].charts)[0].categories.first_row = 2; },
       "a chart range lies outside the table of Data sheet"},
      {"chart of a sheet without a table",
       [](Pack& p) { (*p.sheets[3].charts)[0].series[0].values.sheet = "Cover"; },
       "a chart range names a sheet without a table"},
      {"chart without series", [](Pack& p) { (*p.sheets[3].charts)[0].series.clear(); },
       "a chart needs at least one series"},
      {"table and charts", [](Pack& p) { p.sheets[2].charts = p.sheets[3].charts; },
       "a sheet holds a table or charts, not both"},
      {"no created", [](Pack& p) { p.properties.created = 0; }, "fixed creation time"},
      {"empty table", [](Pack& p) { p.sheets[2].table->rows.clear(); }, "at least one row"},
      {"no columns", [](Pack& p) { p.sheets[2].table->columns.clear(); },
       "a table needs from 1 to 16,384 columns"},
      {"cell reference table name", [](Pack& p) { p.sheets[2].table->name = "AB12"; },
       "not a valid Excel table name"},
      {"duplicate table name", [](Pack& p) { p.sheets[2].table->name = "TBL_contents"; },
       "two tables are named TBL_contents"},
      {"not a finite number",
       [](Pack& p) { p.sheets[2].table->rows[0][1] = Cell::Number(std::nan("")); },
       "sheet Data sheet, table row 1: a number is not finite"},
      {"not a finite formatted number",
       [](Pack& p) {
         p.sheets[2].table->rows[1][1].number = std::numeric_limits<double>::infinity();
       },
       "sheet Data sheet, table row 2: a number is not finite"},
  };
  for (const auto& item : cases) {
    INFO(item.name);
    Pack pack = SmallPack();
    item.spoil(pack);
    fs::path path = TempDir() / "bad.xlsx";
    fs::remove(path);
    std::string error;
    CHECK_FALSE(WriteWorkbook(pack, path.string(), &error));
    CHECK_MESSAGE(error.find(item.message) != std::string::npos, error);
    CHECK_FALSE(fs::exists(path));
  }
}

TEST_CASE("a path that cannot be written is an error, not a crash") {
  std::string error;
  CHECK_FALSE(WriteWorkbook(SmallPack(), "/nonexistent-folder/x/pack.xlsx", &error));
  CHECK(error.find("/nonexistent-folder/x/pack.xlsx") != std::string::npos);
}

TEST_CASE("every pack of the mini-site writes, twice the same, with charts and tables") {
  base::Diagnostics diagnostics;
  model::Site site =
      load::LoadSite(std::string(OUTCOMES_SOURCE_DIR) + "/tests/fixtures/mini-site", diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  compute::Results results = compute::Compute(site);
  for (const auto& pack : view::ListPacks(site, results)) {
    INFO(pack.path);
    Pack pack_view = view::PackView(site, results, pack);
    std::string name = fs::path(pack.path).filename().string();
    std::string first = WriteAndRead(pack_view, name);
    CHECK(first == WriteAndRead(view::PackView(site, results, pack), "again-" + name));
    auto parts = Unzip(first);
    CHECK(parts.count("xl/charts/chart1.xml") == 1);
    CHECK(parts.count("xl/tables/table1.xml") == 1);
    for (const auto& [part, contents] : parts) {
      INFO(part);
      CHECK(contents.find("<f>") == std::string::npos);
      CHECK(contents.find("<mergeCell") == std::string::npos);
    }
  }
}

TEST_CASE("names from a site that look like formulas stay text in a pack") {
  base::Diagnostics diagnostics;
  model::Site site =
      load::LoadSite(std::string(OUTCOMES_SOURCE_DIR) + "/tests/fixtures/mini-site", diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  site.indicators[site.indicator_index.at("gld")].short_title = "=HYPERLINK(\"http://x\",\"y\")";
  site.outcomes[0].title = "+SUM(1,2)";
  site.areas[site.area_index.at("E05002216")].name = "@cmd|' /C calc'!A0";
  site.config.organisation = "-2+3";
  compute::Results results = compute::Compute(site);
  for (const auto& pack : view::ListPacks(site, results)) {
    INFO(pack.path);
    auto parts = Unzip(WriteAndRead(view::PackView(site, results, pack), "hostile.xlsx"));
    for (const auto& [part, contents] : parts) {
      INFO(part);
      CHECK(contents.find("<f>") == std::string::npos);
    }
    const std::string& strings = parts.at("xl/sharedStrings.xml");
    CHECK(strings.find(">=HYPERLINK(\"http://x\",\"y\")<") != std::string::npos);
  }
}

}  // namespace
}  // namespace outcomes::render
