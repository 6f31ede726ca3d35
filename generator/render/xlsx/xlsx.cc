// Lays out a pack as an .xlsx workbook (see xlsx.h). Two passes: Check() validates what the
// pack's types cannot (view/pack.h) and works out where every table sits, so a bad pack writes
// nothing; Write() then builds the workbook.
//
// constant_memory mode is not used: libxlsxwriter 1.1.4 refuses worksheet_add_table() in that
// mode (LXW_ERROR_FEATURE_NOT_SUPPORTED, checked), every table sheet here is a marked-up Excel
// table as the guidance asks, and chart caches are filled from the cells kept in memory. A pack
// holds a few thousand cells at most, so the in-memory tables cost little; the work per pack is
// linear in its cells.
#include "render/xlsx/xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "base/format.h"

namespace outcomes::render {

namespace {

using view::ChartRange;
using view::SheetLineStyle;
using view::NumberFormat;
using view::PackChart;
using view::SeriesRole;
using view::Sheet;
using view::TableCell;
using view::TableColumn;

// Colours: GOV.UK text colour and the Analysis Function's accessible chart palette.
constexpr lxw_color_t kText = 0x0B0C0C;
constexpr lxw_color_t kLink = 0x1D70B8;
constexpr lxw_color_t kWarning = 0x942514;
constexpr lxw_color_t kHeaderFill = 0xF3F2F1;
constexpr lxw_color_t kDarkBlue = 0x12436D;
constexpr lxw_color_t kOrange = 0xF46A25;
constexpr lxw_color_t kTurquoise = 0x28A197;
constexpr lxw_color_t kDarkGrey = 0x3D3D3D;

struct ToneColours {
  view::Tone tone;
  lxw_color_t fill;
  lxw_color_t font;
};
// Pale fills with dark text of the same hue: the status text stays readable in black and white
// and for people who cannot tell the colours apart (the text, not the colour, carries it).
constexpr ToneColours kTones[] = {{view::Tone::kGood, 0xCCE2D8, 0x005A30},
                                  {view::Tone::kClose, 0xFFF7BF, 0x594D00},
                                  {view::Tone::kBad, 0xF4CDC6, 0x942514},
                                  {view::Tone::kUnclear, 0xE5E6E7, 0x383F43}};

constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 16;      // wider text wraps
constexpr double kMaxWideWidth = 30;  // columns marked "wrap" (prose)
constexpr int kChartRows = 14;        // rows per chart, with a row of space
constexpr int kChartCols = 8;         // columns per chart
constexpr double kChartScale = 0.9;   // 432 x 259 pixels: two charts across a landscape page

// Characters a text shows as (UTF-8 code points).
size_t DisplayLength(const std::string& text) {
  size_t length = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++length;
  return length;
}

// The length of the longest word, for headers that may wrap.
size_t LongestWord(const std::string& text) {
  size_t longest = 0;
  size_t current = 0;
  for (unsigned char c : text) {
    if (c == ' ') {
      current = 0;
    } else if ((c & 0xC0) != 0x80) {
      longest = std::max(longest, ++current);
    }
  }
  return longest;
}

// Lines a text takes when wrapped at spaces in a column `width` characters wide. Calibri's
// letters are on average a little narrower than the digit "0" that column widths count in;
// bold ones are not. The estimate errs towards a line too many, never a line too few.
int WrappedLines(const std::string& text, double width, bool bold) {
  const size_t capacity =
      static_cast<size_t>(std::max(1.0, std::floor(width * (bold ? 1.15 : 1.2)) - 1));
  int lines = 1;
  size_t current = 0;
  size_t word = 0;
  auto place_word = [&] {
    if (word == 0) return;
    if (current == 0) {
      current = word;
    } else if (current + 1 + word <= capacity) {
      current += 1 + word;
    } else {
      ++lines;
      current = word;
    }
    while (current > capacity) {  // a word longer than the line breaks anywhere
      ++lines;
      current -= capacity;
    }
    word = 0;
  };
  for (unsigned char c : text) {
    if (c == ' ') {
      place_word();
    } else if (c == '\n') {
      place_word();
      ++lines;
      current = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++word;
    }
  }
  place_word();
  return lines;
}

constexpr double kLineHeight = 15;        // points, for Calibri 11
constexpr double kTitleLineHeight = 19;   // points, for the 14-point title
constexpr double kTitleScale = 14.0 / 11;  // the title's letters against body text's

// Lines a bold text takes in a column `width` characters wide, allowing for a spreadsheet
// program that has no Calibri and falls back to a wider font: LibreOffice without Carlito
// uses DejaVu Sans, whose bold letters are about an eighth wider (seen in its PDFs).
int BoldLinesAnyFont(const std::string& text, double width) {
  return WrappedLines(text, width / 1.15, true);
}

// A page header's text: one line across the page, cut at a word with "…" when longer (a
// second line would run into the sheet below the header margin); "&" doubled, as it is a
// control character there.
std::string HeaderText(const std::string& text) {
  constexpr size_t kMaxCharacters = 150;  // 9-point text across A4 landscape
  std::string shown = text;
  if (DisplayLength(text) > kMaxCharacters) {
    size_t cut = 0;
    for (size_t characters = 0; cut < text.size() && characters < kMaxCharacters - 1; ++cut)
      if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80) ++characters;
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    size_t space = text.rfind(' ', cut);
    if (space != std::string::npos && space > cut / 2) cut = space;
    shown = text.substr(0, cut) + "…";
  }
  std::string out;
  for (char c : shown) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

// 'Sheet name' for formulas and internal links: quotes doubled.
std::string QuotedSheet(const std::string& name) {
  std::string out = "'";
  for (char c : name) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

bool ValidTableName(const std::string& name) {
  if (name.empty() || name.size() > 255) return false;
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!letter(name[0]) && name[0] != '_') return false;
  for (char c : name)
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '.') return false;
  // Names that read as a cell reference (A1, R1C1) or as R / C are refused by Excel.
  size_t letters = 0;
  while (letters < name.size() && letter(name[letters])) ++letters;
  bool rest_digits =
      letters < name.size() && std::all_of(name.begin() + static_cast<long>(letters), name.end(),
                                           [](char c) { return c >= '0' && c <= '9'; });
  if (letters <= 3 && rest_digits) return false;
  std::string lower = Lower(name);
  return lower != "r" && lower != "c";
}

// Whether a cell shows text (a label or a link's words), which wraps at spaces.
bool HasText(const TableCell& cell) {
  return cell.kind == TableCell::Kind::kText || cell.kind == TableCell::Kind::kSheetLink ||
         cell.kind == TableCell::Kind::kChartLink || cell.kind == TableCell::Kind::kUrlLink;
}

// Where a sheet's parts sit, worked out before anything is written.
struct Layout {
  const Sheet* sheet = nullptr;
  std::string name;
  lxw_row_t header_row = 0;  // the table's header row (when there is a table)
  size_t columns = 0;
  size_t rows = 0;
  bool has_table = false;
  size_t charts = 0;  // charts on the sheet (a charts sheet)
};

// The top-left cell of chart `chart_idx` on a charts sheet: two charts across, below the title
// and lines with a row of space.
void ChartAnchor(const Layout& layout, size_t chart_idx, lxw_row_t& row, lxw_col_t& col) {
  row = layout.header_row + 1 + static_cast<lxw_row_t>((chart_idx / 2) * kChartRows);
  col = static_cast<lxw_col_t>((chart_idx % 2) * kChartCols);
}

class Writer {
 public:
  Writer(const view::Pack& pack, std::string* error) : pack_(pack), error_(error) {}

  bool Check();
  bool Write(const std::string& path);

 private:
  bool Fail(const std::string& message) {
    if (error_) *error_ = message;
    return false;
  }
  const char* Keep(std::string text) {
    arena_.push_back(std::move(text));
    return arena_.back().c_str();
  }
  lxw_format* BodyFormat(const std::string& number_format);
  bool CheckCell(const TableCell& cell, const std::string& where);
  bool CheckRange(const ChartRange& range, const std::string& where);
  bool CheckChart(const PackChart& chart, const std::string& where);
  bool WriteSheet(const Layout& layout);
  bool WriteCell(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, const TableCell& cell,
                 const TableColumn& column);
  bool WriteCharts(lxw_worksheet* worksheet, const Layout& layout);
  double CellWidth(const TableCell& cell, const NumberFormat& column_format) const;
  void PageSetup(lxw_worksheet* worksheet);
  bool Ok(lxw_error status, const std::string& what) {
    if (status == LXW_NO_ERROR) return true;
    return Fail(what + ": " + lxw_strerror(status));
  }

  const view::Pack& pack_;
  std::string* error_;
  std::vector<Layout> layouts_;
  std::map<std::string, size_t> layout_by_name_;
  lxw_workbook* workbook_ = nullptr;
  std::deque<std::string> arena_;  // strings libxlsxwriter may point at until workbook_close
  std::map<std::string, lxw_format*> body_formats_;
  lxw_format* title_ = nullptr;
  lxw_format* cover_title_ = nullptr;  // the title on the cover: wraps
  lxw_format* heading_ = nullptr;
  lxw_format* warning_ = nullptr;
  lxw_format* line_ = nullptr;
  lxw_format* cover_line_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* text_ = nullptr;    // table text: wraps, indented from a number to its left
  lxw_format* marker_ = nullptr;  // text in a column of figures ([c], [x]): on the right
  lxw_format* link_ = nullptr;
  std::map<view::Tone, lxw_format*> tones_;
  std::deque<std::vector<lxw_row_t>> page_breaks_;  // kept until workbook_close
};

// --- Checking ------------------------------------------------------------------------------------

bool Writer::CheckCell(const TableCell& cell, const std::string& where) {
  switch (cell.kind) {
    case TableCell::Kind::kNumber:
    case TableCell::Kind::kFormattedNumber:
      if (!std::isfinite(cell.number)) return Fail(where + ": a number is not finite");
      return true;
    case TableCell::Kind::kSheetLink:
    case TableCell::Kind::kChartLink: {
      auto target = layout_by_name_.find(cell.target);
      if (target == layout_by_name_.end())
        return Fail(where + ": a link to a sheet that does not exist");
      const Layout& layout = layouts_[target->second];
      if (cell.kind == TableCell::Kind::kChartLink && cell.chart >= layout.charts)
        return Fail(where + ": a link to a chart that " + layout.name + " does not have");
      return true;
    }
    case TableCell::Kind::kEmpty:
    case TableCell::Kind::kText:
    case TableCell::Kind::kUrlLink:
      return true;
  }
  return true;
}

bool Writer::CheckRange(const ChartRange& range, const std::string& where) {
  auto it = layout_by_name_.find(range.sheet);
  if (it == layout_by_name_.end() || !layouts_[it->second].has_table)
    return Fail(where + ": a chart range names a sheet without a table");
  const Layout& layout = layouts_[it->second];
  if (range.column >= layout.columns || range.first_row > range.last_row ||
      range.last_row >= layout.rows)
    return Fail(where + ": a chart range lies outside the table of " + layout.name);
  return true;
}

bool Writer::CheckChart(const PackChart& chart, const std::string& where) {
  if (chart.series.empty()) return Fail(where + ": a chart needs at least one series");
  if (!CheckRange(chart.categories, where)) return false;
  for (const auto& series : chart.series)
    if (!CheckRange(series.values, where)) return false;
  return true;
}

bool Writer::Check() {
  if (pack_.sheets.empty()) return Fail("the pack view has no sheets");
  if (pack_.properties.created <= 0)
    return Fail("the pack view's properties need a fixed creation time (\"created\" > 0)");
  std::set<std::string> sheet_names;
  std::set<std::string> table_names;
  // First the names and table shapes, so that links and chart ranges can be checked.
  for (const Sheet& sheet : pack_.sheets) {
    Layout layout;
    layout.sheet = &sheet;
    layout.name = sheet.name;
    const std::string where = "sheet " + layout.name;
    if (layout.name.empty() || DisplayLength(layout.name) > LXW_SHEETNAME_MAX ||
        layout.name.find_first_of("[]:*?/\\") != std::string::npos || layout.name.front() == '\'' ||
        layout.name.back() == '\'')
      return Fail(where + ": not a valid Excel sheet name");
    if (!sheet_names.insert(Lower(layout.name)).second)
      return Fail(where + ": two sheets have this name");
    layout.header_row = static_cast<lxw_row_t>(1 + sheet.lines.size());
    if (sheet.charts) layout.charts = sheet.charts->size();
    if (sheet.table) {
      // A table sheet lays out no charts: they would silently go missing.
      if (sheet.charts) return Fail(where + ": a sheet holds a table or charts, not both");
      const view::Table& table = *sheet.table;
      if (!ValidTableName(table.name))
        return Fail(where + ": \"" + table.name + "\" is not a valid Excel table name");
      if (!table_names.insert(Lower(table.name)).second)
        return Fail(where + ": two tables are named " + table.name);
      if (table.columns.empty() || table.columns.size() > LXW_COL_MAX)
        return Fail(where + ": a table needs from 1 to 16,384 columns");
      if (table.rows.empty())
        return Fail(where + ": a table needs at least one row (leave the table out instead)");
      std::set<std::string> headers;
      for (const TableColumn& column : table.columns) {
        if (column.header.empty()) return Fail(where + ": every column needs a header");
        if (!headers.insert(Lower(column.header)).second)
          return Fail(where + ": two columns are headed \"" + column.header + "\"");
      }
      layout.has_table = true;
      layout.columns = table.columns.size();
      layout.rows = table.rows.size();
      if (static_cast<size_t>(layout.header_row) + layout.rows >= LXW_ROW_MAX)
        return Fail(where + ": too many rows for a worksheet");
    }
    layout_by_name_[layout.name] = layouts_.size();
    layouts_.push_back(std::move(layout));
  }
  // Then every cell and chart.
  for (const Layout& layout : layouts_) {
    const Sheet& sheet = *layout.sheet;
    const std::string where = "sheet " + layout.name;
    if (sheet.table) {
      const auto& rows = sheet.table->rows;
      for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
        const view::TableRow& row = rows[row_idx];
        std::string row_where = where + ", table row " + std::to_string(row_idx + 1);
        if (row.size() != layout.columns)
          return Fail(row_where + ": has " + std::to_string(row.size()) + " cells, the table has " +
                      std::to_string(layout.columns) + " columns");
        for (const TableCell& cell : row)
          if (!CheckCell(cell, row_where)) return false;
      }
    }
    if (sheet.charts)
      for (const PackChart& chart : *sheet.charts)
        if (!CheckChart(chart, where)) return false;
  }
  return true;
}

// --- Writing -------------------------------------------------------------------------------------

lxw_format* Writer::BodyFormat(const std::string& number_format) {
  auto it = body_formats_.find(number_format);
  if (it != body_formats_.end()) return it->second;
  lxw_format* format = workbook_add_format(workbook_);
  format_set_text_wrap(format);
  format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color(format, kText);
  if (!number_format.empty()) format_set_num_format(format, Keep(number_format));
  body_formats_[number_format] = format;
  return format;
}

double Writer::CellWidth(const TableCell& cell, const NumberFormat& column_format) const {
  const NumberFormat* format = &column_format;
  switch (cell.kind) {
    case TableCell::Kind::kEmpty:
      return 0;
    case TableCell::Kind::kFormattedNumber:
      format = &cell.format;
      break;
    case TableCell::Kind::kNumber:
      break;
    case TableCell::Kind::kText:
    case TableCell::Kind::kSheetLink:
    case TableCell::Kind::kChartLink:
    case TableCell::Kind::kUrlLink:
      return static_cast<double>(DisplayLength(cell.text));
  }
  std::string shown = base::FormatNumber(cell.number, format->decimals, true);
  return static_cast<double>(shown.size() + (format->plus_sign ? 1 : 0));
}

bool Writer::WriteCell(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col,
                       const TableCell& cell, const TableColumn& column) {
  std::string target;
  switch (cell.kind) {
    case TableCell::Kind::kEmpty:
      return true;  // the sheet's lines say what an empty cell means
    case TableCell::Kind::kText:
      return Ok(worksheet_write_string(worksheet, row, col, cell.text.c_str(),
                                       column.numeric ? marker_ : text_),
                "writing text");
    case TableCell::Kind::kNumber:
      return Ok(
          worksheet_write_number(worksheet, row, col, cell.number, BodyFormat(column.format.code)),
          "writing a number");
    case TableCell::Kind::kFormattedNumber:
      return Ok(
          worksheet_write_number(worksheet, row, col, cell.number, BodyFormat(cell.format.code)),
          "writing a number");
    case TableCell::Kind::kSheetLink:
    case TableCell::Kind::kChartLink: {
      char where[LXW_MAX_CELL_NAME_LENGTH] = "A1";
      if (cell.kind == TableCell::Kind::kChartLink) {  // the chart's top-left cell (checked)
        lxw_row_t chart_row = 0;
        lxw_col_t chart_col = 0;
        ChartAnchor(layouts_[layout_by_name_.at(cell.target)], cell.chart, chart_row, chart_col);
        lxw_rowcol_to_cell(where, chart_row, chart_col);
      }
      target = "internal:" + QuotedSheet(cell.target) + "!" + where;
      break;
    }
    case TableCell::Kind::kUrlLink:
      // Only web and mail links; anything else stays plain text.
      if (cell.target.rfind("https://", 0) != 0 && cell.target.rfind("http://", 0) != 0 &&
          cell.target.rfind("mailto:", 0) != 0)
        return Ok(worksheet_write_string(worksheet, row, col, cell.text.c_str(), text_),
                  "writing text");
      target = cell.target;
      break;
  }
  return Ok(worksheet_write_url_opt(worksheet, row, col, target.c_str(), link_, cell.text.c_str(),
                                    nullptr),
            "writing a link");
}

void Writer::PageSetup(lxw_worksheet* worksheet) {
  worksheet_set_landscape(worksheet);
  worksheet_set_paper(worksheet, 9);  // A4
  worksheet_fit_to_pages(worksheet, 1, 0);
  worksheet_set_margins(worksheet, 0.5, 0.5, 0.75, 0.75);
  std::string header = HeaderText(pack_.page_header);
  // "&9" sets 9 points; a digit straight after it would read as part of the size.
  if (!header.empty() && header[0] >= '0' && header[0] <= '9') header = " " + header;
  header = "&L&9" + header;
  worksheet_set_header(worksheet, Keep(header));
  worksheet_set_footer(worksheet, "&L&A&RPage &P of &N");
}

bool Writer::WriteCharts(lxw_worksheet* worksheet, const Layout& layout) {
  const lxw_row_t first_row = layout.header_row + 1;  // as ChartAnchor places them
  const std::vector<PackChart>& charts = *layout.sheet->charts;
  std::vector<lxw_row_t>& breaks = page_breaks_.emplace_back();
  for (size_t chart_idx = 0; chart_idx < charts.size(); ++chart_idx) {
    const PackChart& spec = charts[chart_idx];
    lxw_chart* chart = workbook_add_chart(workbook_, LXW_CHART_LINE);
    if (!chart) return Fail("could not add a chart");
    chart_title_set_name(chart, Keep(spec.title));
    lxw_chart_font title_font{};
    title_font.size = 11;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(chart, &title_font);
    auto range = [&](const ChartRange& item, lxw_row_t& first, lxw_row_t& last, lxw_col_t& col,
                     const char*& sheet) {
      const Layout& source = layouts_[layout_by_name_.at(item.sheet)];
      first = source.header_row + 1 + static_cast<lxw_row_t>(item.first_row);
      last = source.header_row + 1 + static_cast<lxw_row_t>(item.last_row);
      col = static_cast<lxw_col_t>(item.column);
      sheet = Keep(source.name);
    };
    for (const auto& item : spec.series) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      if (!series) return Fail("could not add a chart series");
      lxw_row_t first = 0, last = 0;
      lxw_col_t col = 0;
      const char* sheet = nullptr;
      range(spec.categories, first, last, col, sheet);
      chart_series_set_categories(series, sheet, first, col, last, col);
      range(item.values, first, last, col, sheet);
      chart_series_set_values(series, sheet, first, col, last, col);
      chart_series_set_name(series, Keep(item.name));
      lxw_chart_line line{};
      line.width = 2.25;
      uint8_t marker = LXW_CHART_MARKER_CIRCLE;
      switch (item.role) {
        case SeriesRole::kPrimary:
          line.color = kDarkBlue;
          break;
        case SeriesRole::kSecondary:
          line.color = kOrange;
          marker = LXW_CHART_MARKER_SQUARE;
          break;
        case SeriesRole::kTertiary:
          line.color = kTurquoise;
          marker = LXW_CHART_MARKER_DIAMOND;
          break;
        case SeriesRole::kTarget:
          line.color = kDarkGrey;
          line.width = 1.5;
          line.dash_type = LXW_CHART_LINE_DASH_DASH;
          marker = LXW_CHART_MARKER_NONE;
          break;
      }
      chart_series_set_line(series, &line);
      // Markers show single points that a line alone would not.
      chart_series_set_marker_type(series, marker);
      if (marker != LXW_CHART_MARKER_NONE) {
        chart_series_set_marker_size(series, 5);
        lxw_chart_line marker_line{};
        marker_line.color = line.color;
        chart_series_set_marker_line(series, &marker_line);
        lxw_chart_fill marker_fill{};
        marker_fill.color = line.color;
        chart_series_set_marker_fill(series, &marker_fill);
      }
    }
    chart_axis_set_name(chart->y_axis, Keep(spec.y_axis));
    lxw_chart_font axis_font{};
    axis_font.size = 9;
    axis_font.bold = LXW_FALSE;
    chart_axis_set_name_font(chart->y_axis, &axis_font);
    chart_axis_set_num_format(chart->y_axis, Keep(spec.number_format));
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
    lxw_chart_options options{};
    options.x_scale = kChartScale;
    options.y_scale = kChartScale;
    options.description = const_cast<char*>(Keep(spec.description));
    lxw_row_t row = 0;
    lxw_col_t col = 0;
    ChartAnchor(layout, chart_idx, row, col);
    if (!Ok(worksheet_insert_chart_opt(worksheet, row, col, chart, &options), "placing a chart"))
      return false;
    // Two rows of charts a page, never a chart cut in two.
    if (chart_idx % 4 == 0 && chart_idx > 0) breaks.push_back(row);
  }
  size_t chart_rows = (charts.size() + 1) / 2;
  lxw_row_t last_row = first_row + static_cast<lxw_row_t>(chart_rows * kChartRows);
  worksheet_print_area(worksheet, 0, 0, last_row, 2 * kChartCols - 1);
  if (!breaks.empty()) {
    breaks.push_back(0);
    if (!Ok(worksheet_set_h_pagebreaks(worksheet, breaks.data()), "setting page breaks"))
      return false;
  }
  return true;
}

bool Writer::WriteSheet(const Layout& layout) {
  const Sheet& sheet = *layout.sheet;
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook_, Keep(layout.name));
  if (!worksheet) return Fail("could not add the sheet " + layout.name);
  PageSetup(worksheet);
  const std::string& title = sheet.title;
  const bool cover = !sheet.table && !sheet.charts;
  // Lines: A2 down. On a sheet with a table they overflow to the right over the empty cells;
  // on the cover (no table) column A is made wide and they wrap.
  double longest_line = static_cast<double>(DisplayLength(title)) * kTitleScale;
  for (const auto& line : sheet.lines)
    longest_line = std::max(longest_line, static_cast<double>(DisplayLength(line.text)));
  const double cover_width = std::clamp(longest_line, 40.0, 100.0);
  // The title: on the cover it wraps within the column (the print area is that column alone).
  if (!Ok(worksheet_write_string(worksheet, 0, 0, title.c_str(), cover ? cover_title_ : title_),
          "writing a title"))
    return false;
  // On the cover, space below the title: the line under it hangs from the top of its row.
  const int title_lines = cover ? BoldLinesAnyFont(title, cover_width / kTitleScale) : 1;
  worksheet_set_row(worksheet, 0, title_lines * kTitleLineHeight + (cover ? 8 : 2), nullptr);
  lxw_row_t row = 1;
  for (const auto& line : sheet.lines) {
    const std::string& text = line.text;
    lxw_format* format = line.style == SheetLineStyle::kHeading   ? heading_
                         : line.style == SheetLineStyle::kWarning ? warning_
                         : cover                             ? cover_line_
                                                             : line_;
    lxw_error status;
    const std::string& url = line.url;
    if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0)
      status =
          worksheet_write_url_opt(worksheet, row, 0, url.c_str(), link_, text.c_str(), nullptr);
    else
      status = worksheet_write_string(worksheet, row, 0, text.c_str(), format);
    if (!Ok(status, "writing a line")) return false;
    // Spreadsheet programs do not grow rows for wrapped text when they open a file, so the
    // writer sets each row's height from the lines its text wraps to.
    if (line.style == SheetLineStyle::kHeading) {
      worksheet_set_row(worksheet, row, 24, nullptr);  // 12 points, with space above
    } else if (line.style == SheetLineStyle::kWarning) {
      // The text hangs from the top of the row, with room for a line more than Calibri needs
      // (or as many as a wider fallback font needs): were it to wrap further, it would run
      // down, never up over the title as a bottom-aligned text taller than its row does.
      const double width = cover ? cover_width : kMaxWidth;
      int wrapped = std::max(WrappedLines(text, width, true) + 1, BoldLinesAnyFont(text, width));
      worksheet_set_row(worksheet, row, wrapped * kLineHeight + 4, nullptr);
    } else if (cover) {
      int wrapped = WrappedLines(text, cover_width, false);
      if (wrapped > 1) worksheet_set_row(worksheet, row, wrapped * kLineHeight, nullptr);
    }
    ++row;
  }
  if (cover) {
    worksheet_set_column(worksheet, 0, 0, cover_width, nullptr);
    worksheet_print_area(worksheet, 0, 0, row - 1, 0);
    return true;
  }
  if (!sheet.table) return WriteCharts(worksheet, layout);

  const view::Table& table = *sheet.table;
  const std::vector<TableColumn>& columns = table.columns;
  const std::vector<view::TableRow>& rows = table.rows;
  const lxw_row_t header_row = layout.header_row;
  // Column widths that fit the header and every cell, up to a cap beyond which text wraps at
  // spaces; never narrower than the longest word or number, which cannot wrap.
  std::vector<double> widths(columns.size());
  for (size_t col = 0; col < columns.size(); ++col) {
    const TableColumn& column = columns[col];
    // The header wraps to fit the figures below it, down to its longest word.
    double natural = static_cast<double>(LongestWord(column.header));
    double unbreakable = natural;
    for (const auto& cells : rows) {
      const TableCell& cell = cells[col];
      double width = CellWidth(cell, column.format);
      natural = std::max(natural, width);
      if (HasText(cell))
        unbreakable = std::max<double>(unbreakable, LongestWord(cell.text));
      else
        unbreakable = std::max(unbreakable, width);
    }
    double cap = column.wrap ? kMaxWideWidth : kMaxWidth;
    double width = std::max(std::min(natural, cap), std::min(unbreakable, kMaxWideWidth));
    if (column.width) width = *column.width;
    widths[col] = std::max(width + 3, kMinWidth);  // + the indent and a margin
    worksheet_set_column(worksheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                         widths[col], nullptr);
  }
  // The table: header cells come from the column definitions.
  std::vector<lxw_table_column> table_columns(columns.size());
  std::vector<lxw_table_column*> column_pointers(columns.size() + 1, nullptr);
  for (size_t col = 0; col < columns.size(); ++col) {
    table_columns[col].header = const_cast<char*>(Keep(columns[col].header));
    table_columns[col].header_format = header_;
    column_pointers[col] = &table_columns[col];
  }
  lxw_table_options options{};
  options.name = const_cast<char*>(Keep(table.name));
  options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  options.style_type_number = 1;
  options.columns = column_pointers.data();
  const lxw_row_t last_row = header_row + static_cast<lxw_row_t>(rows.size());
  const lxw_col_t last_col = static_cast<lxw_col_t>(columns.size() - 1);
  if (!Ok(worksheet_add_table(worksheet, header_row, 0, last_row, last_col, &options),
          "adding the table of " + layout.name))
    return false;
  int header_lines = 1;
  for (size_t col = 0; col < columns.size(); ++col)
    header_lines = std::max(header_lines, WrappedLines(columns[col].header, widths[col], true));
  if (header_lines > 1)
    worksheet_set_row(worksheet, header_row, header_lines * kLineHeight, nullptr);
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const lxw_row_t sheet_row = header_row + 1 + static_cast<lxw_row_t>(row_idx);
    int row_lines = 1;
    for (size_t col = 0; col < columns.size(); ++col) {
      const TableCell& cell = rows[row_idx][col];
      if (!WriteCell(worksheet, sheet_row, static_cast<lxw_col_t>(col), cell, columns[col]))
        return false;
      if (HasText(cell) && cell.text.size() + 2 > widths[col])
        row_lines = std::max(row_lines, WrappedLines(cell.text, widths[col] - 1, false));
    }
    if (row_lines > 1) worksheet_set_row(worksheet, sheet_row, row_lines * kLineHeight, nullptr);
  }
  // Status colours: one rule per tone over each run of toned columns.
  for (size_t col = 0; col < columns.size();) {
    if (!columns[col].tone) {
      ++col;
      continue;
    }
    size_t end = col;
    while (end + 1 < columns.size() && columns[end + 1].tone) ++end;
    for (const view::ToneRule& tone : pack_.tones) {
      // "Begins with": a status may carry a qualifier after its label.
      lxw_conditional_format rule{};
      rule.type = LXW_CONDITIONAL_TYPE_TEXT;
      rule.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH;
      rule.value_string = const_cast<char*>(Keep(tone.start));
      rule.format = tones_.at(tone.tone);
      if (!Ok(worksheet_conditional_format_range(worksheet, header_row + 1,
                                                 static_cast<lxw_col_t>(col), last_row,
                                                 static_cast<lxw_col_t>(end), &rule),
              "adding status colours"))
        return false;
    }
    col = end + 1;
  }
  worksheet_freeze_panes(worksheet, header_row + 1, 0);
  worksheet_repeat_rows(worksheet, header_row, header_row);
  // Print the table, and far enough right that the title and lines are not cut off.
  lxw_col_t print_last = last_col;
  double covered = 0;
  for (double width : widths) covered += width;
  while (covered < longest_line && print_last < 50) {
    covered += 8.43;  // a default column
    ++print_last;
  }
  worksheet_print_area(worksheet, 0, 0, last_row, print_last);
  return true;
}

bool Writer::Write(const std::string& path) {
  // libxlsxwriter reports a folder it cannot write into on stderr; say it here instead.
  std::error_code error;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty() && !std::filesystem::is_directory(folder, error))
    return Fail("cannot create " + path + ": no folder " + folder.string());
  workbook_ = workbook_new(path.c_str());
  if (!workbook_) return Fail("cannot create " + path);
  title_ = workbook_add_format(workbook_);
  format_set_bold(title_);
  format_set_font_size(title_, 14);
  format_set_font_color(title_, kText);
  heading_ = workbook_add_format(workbook_);
  format_set_bold(heading_);
  format_set_font_size(heading_, 12);
  format_set_font_color(heading_, kText);
  cover_title_ = workbook_add_format(workbook_);
  format_set_bold(cover_title_);
  format_set_font_size(cover_title_, 14);
  format_set_font_color(cover_title_, kText);
  format_set_text_wrap(cover_title_);
  format_set_align(cover_title_, LXW_ALIGN_VERTICAL_TOP);
  warning_ = workbook_add_format(workbook_);
  format_set_bold(warning_);
  format_set_font_color(warning_, kWarning);
  format_set_text_wrap(warning_);
  format_set_align(warning_, LXW_ALIGN_VERTICAL_TOP);
  line_ = workbook_add_format(workbook_);
  format_set_font_color(line_, kText);
  cover_line_ = workbook_add_format(workbook_);
  format_set_font_color(cover_line_, kText);
  format_set_text_wrap(cover_line_);
  format_set_align(cover_line_, LXW_ALIGN_VERTICAL_TOP);
  header_ = workbook_add_format(workbook_);
  format_set_bold(header_);
  format_set_text_wrap(header_);
  format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color(header_, kText);
  format_set_bg_color(header_, kHeaderFill);
  format_set_bottom(header_, LXW_BORDER_THIN);
  text_ = workbook_add_format(workbook_);
  format_set_text_wrap(text_);
  format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
  format_set_indent(text_, 1);
  format_set_font_color(text_, kText);
  marker_ = workbook_add_format(workbook_);
  format_set_align(marker_, LXW_ALIGN_RIGHT);
  format_set_align(marker_, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color(marker_, kText);
  link_ = workbook_add_format(workbook_);
  format_set_underline(link_, LXW_UNDERLINE_SINGLE);
  format_set_font_color(link_, kLink);
  format_set_align(link_, LXW_ALIGN_VERTICAL_TOP);
  format_set_indent(link_, 1);
  for (const ToneColours& tone : kTones) {
    lxw_format* format = workbook_add_format(workbook_);
    format_set_bg_color(format, tone.fill);
    format_set_font_color(format, tone.font);
    tones_[tone.tone] = format;
  }
  for (const Layout& layout : layouts_) {
    if (!WriteSheet(layout)) {
      lxw_workbook_free(workbook_);
      workbook_ = nullptr;
      return false;
    }
  }
  const view::PackProperties& properties = pack_.properties;
  lxw_doc_properties doc{};
  auto text = [&](const std::string& value) -> char* { return const_cast<char*>(Keep(value)); };
  doc.title = text(properties.title);
  doc.subject = text(properties.subject);
  doc.author = text(properties.author);
  doc.company = text(properties.company);
  doc.category = text(properties.category);
  doc.keywords = text(properties.keywords);
  doc.comments = text(properties.comments);
  doc.created = static_cast<time_t>(properties.created);
  workbook_set_properties(workbook_, &doc);
  lxw_error status = workbook_close(workbook_);
  workbook_ = nullptr;
  if (status != LXW_NO_ERROR) return Fail("writing " + path + ": " + lxw_strerror(status));
  return true;
}

}  // namespace

bool WriteWorkbook(const view::Pack& pack, const std::string& path, std::string* error) {
  Writer writer(pack, error);
  return writer.Check() && writer.Write(path);
}

}  // namespace outcomes::render
