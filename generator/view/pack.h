// The Excel packs' view types: what view::PackView (view/pack_view.h) decides and
// render::WriteWorkbook (render/xlsx/xlsx.h) lays out. Plain values only, with no model,
// compute or JSON behind them, so that the writer sees a pack and nothing of the stages that
// made it (CMake target outcomes_view_types; tests/base/layering_test.cc keeps the
// writer to this header).
//
// A pack is a workbook of sheets, in tab order. Every sheet has its title in A1 and its lines
// one a row from A2; below them it holds one of three things:
//   - a table (Sheet::table): an Excel table straight after the lines;
//   - charts (Sheet::charts set, even to none): line charts two across, below the lines;
//   - nothing (neither set): a page of text, such as the cover, whose lines wrap in a wide A.
//
// What the types cannot say, WriteWorkbook checks; a pack that breaks any of it writes nothing
// and gets an error:
//   - at least one sheet; properties.created > 0;
//   - sheet names: 1 to 31 characters, none of []:*?/\, not starting or ending with ', unique
//     without regard to case;
//   - a sheet has a table or charts, not both;
//   - table names: 1 to 255 letters, digits, '_' and '.', starting with a letter or '_', not
//     like a cell reference (A1, R1C1) nor "R" or "C", unique in the workbook without regard
//     to case;
//   - a table has 1 to 16,384 columns, each with a header unique in the table without regard
//     to case, and at least one row (leave the table out instead), no more than a worksheet
//     holds below the sheet's lines; every row has exactly one cell per column;
//   - numbers are finite;
//   - a link names a sheet of the pack; a chart link, a chart that sheet has;
//   - a chart has at least one series; each of its ranges names a sheet with a table and lies
//     inside that table's data rows.
//
// Hidden figures never reach a pack: a suppressed cell is the text "[c]", a missing one "[x]",
// one that cannot exist "[z]" (see the Notes sheet each pack carries).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace outcomes::view {

// The workbook's document properties.
struct PackProperties {
  std::string title;
  std::string subject;
  std::string author;
  std::string company;
  std::string category;
  std::string keywords;
  std::string comments;
  // Seconds since 1970-01-01 UTC; must be > 0. It comes from the data, never the clock, so
  // the same pack gives the same bytes (libxlsxwriter would read 0 as "now").
  int64_t created = 0;
};

// The colour tone of a status.
enum class Tone { kGood, kClose, kBad, kUnclear };

// Cells of a toned column whose text starts with `start` take `tone` (a qualifier may follow
// the start: "Target not met (not certain)").
struct ToneRule {
  std::string start;
  Tone tone = Tone::kUnclear;
};

enum class SheetLineStyle { kPlain, kHeading, kWarning };

// A line of text above a sheet's table or charts, one a row.
struct SheetLine {
  std::string text;
  SheetLineStyle style = SheetLineStyle::kPlain;
  // When it starts with "https://" or "http://", the line is a link to it (in link style);
  // any other value is ignored. Empty: no link.
  std::string url;
};

// An Excel number format with what the writer needs to know of it, so that it never reads a
// format code back: the width of a formatted number depends on its decimals and sign.
struct NumberFormat {
  std::string code;        // e.g. "#,##0.0"; empty: Excel's General format
  int decimals = 0;        // decimal places `code` shows
  bool plus_sign = false;  // `code` puts "+" before positive numbers
};

struct TableColumn {
  std::string header;           // unique in its table (without regard to case), not empty
  bool wrap = false;            // prose: may grow wider than other columns before it wraps
  bool tone = false;            // coloured by the pack's tone rules
  NumberFormat format;          // for the column's TableCell::Number cells
  bool numeric = false;         // figures: markers such as [c] align right, with the numbers
  std::optional<double> width;  // a fixed width in characters instead of one that fits
};

// One cell of a table. `kind` says which of the other fields it uses.
struct TableCell {
  enum class Kind {
    kEmpty,            // no value; the sheet's lines say what an empty cell means
    kText,             // `text`, always written as text (never a formula)
    kNumber,           // `number` in its column's format
    kFormattedNumber,  // `number` in its own `format`
    kSheetLink,        // `text` linking to the top of the sheet named `target`
    kChartLink,        // `text` linking to chart `chart` (from 0) of the sheet named `target`
    kUrlLink,          // `text` linking to the web or mail address `target` (https://,
                       // http://, mailto:); plain text for any other address
  };
  Kind kind = Kind::kEmpty;
  std::string text;
  double number = 0;
  NumberFormat format;
  std::string target;
  size_t chart = 0;

  static TableCell Empty() { return {}; }
  static TableCell Text(std::string text) {
    TableCell cell;
    cell.kind = Kind::kText;
    cell.text = std::move(text);
    return cell;
  }
  static TableCell Number(double number) {
    TableCell cell;
    cell.kind = Kind::kNumber;
    cell.number = number;
    return cell;
  }
  static TableCell Number(double number, NumberFormat format) {
    TableCell cell;
    cell.kind = Kind::kFormattedNumber;
    cell.number = number;
    cell.format = std::move(format);
    return cell;
  }
  static TableCell SheetLink(std::string text, std::string sheet) {
    TableCell cell;
    cell.kind = Kind::kSheetLink;
    cell.text = std::move(text);
    cell.target = std::move(sheet);
    return cell;
  }
  static TableCell ChartLink(std::string text, std::string sheet, size_t chart) {
    TableCell cell;
    cell.kind = Kind::kChartLink;
    cell.text = std::move(text);
    cell.target = std::move(sheet);
    cell.chart = chart;
    return cell;
  }
  static TableCell UrlLink(std::string text, std::string url) {
    TableCell cell;
    cell.kind = Kind::kUrlLink;
    cell.text = std::move(text);
    cell.target = std::move(url);
    return cell;
  }
};

using TableRow = std::vector<TableCell>;

// An Excel table: a header row from the columns, then the rows, with a filter on each column.
struct Table {
  std::string name;  // the Excel table name, unique in the workbook
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;  // at least one, each with a cell per column
};

// Cells of one column of a sheet's table: data rows `first_row` to `last_row` (from 0, after
// the header row), both included.
struct ChartRange {
  std::string sheet;
  size_t column = 0;
  size_t first_row = 0;
  size_t last_row = 0;
};

// How a series is drawn: the first, second and third area in the palette's first three
// colours, with circle, square and diamond markers; a target as a thin dashed grey line.
enum class SeriesRole { kPrimary, kSecondary, kTertiary, kTarget };

struct ChartSeries {
  std::string name;  // in the legend
  ChartRange values;
  SeriesRole role = SeriesRole::kPrimary;
};

// A line chart of some columns of a table against another column's categories.
struct PackChart {
  std::string title;
  std::string description;          // alt text: what the chart shows, in words
  std::string y_axis;               // the value axis's title
  std::string number_format;        // the value axis's number format code
  ChartRange categories;            // the x axis: periods
  std::vector<ChartSeries> series;  // at least one
};

struct Sheet {
  std::string name;   // the tab name
  std::string title;  // A1
  std::vector<SheetLine> lines;
  std::optional<Table> table;
  // Set on a charts sheet, even when it holds no chart (its lines then say why): such a sheet
  // is laid out for charts, not as a page of text.
  std::optional<std::vector<PackChart>> charts;
};

struct Pack {
  PackProperties properties;
  // Printed at the top left of every page, on one line: the writer cuts a long one at a word,
  // so what must show comes first.
  std::string page_header;
  // The tones of toned columns, in the order the writer adds their rules (the first rule that
  // matches a cell colours it).
  std::vector<ToneRule> tones;
  std::vector<Sheet> sheets;  // in tab order
};

}  // namespace outcomes::view
