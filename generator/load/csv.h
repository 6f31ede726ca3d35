// CSV reading for every tabular input (areas, observations, spending, Fingertips exports).
//
// ReadCsv streams the records of a whole in-memory file through libcsv (strict RFC 4180 with
// the usual leniencies, below) and knows where every field starts, so loaders can point a
// diagnostic at `file:line:column` of a bad cell. CsvHeader maps a header row onto the columns
// a loader knows, and ParseNumberCell reads the numeric cells of our observation files
// (docs/formats.md). libcsv is only included by csv.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace outcomes::load {

namespace internal {
class CsvReader;  // csv.cc: fills CsvRecord's private members
}  // namespace internal

// One record (row) of a CSV file. Handed to ReadCsv's callback; everything in it, including the
// string_views, is only valid during that call (the reader reuses its buffers).
struct CsvRecord {
  uint32_t line = 0;                     // 1-based line where the record starts
  std::vector<std::string_view> fields;  // unescaped contents; unquoted fields are trimmed of
                                         // surrounding spaces and tabs, quoted ones are not
  std::vector<bool> quoted;              // whether each field was written in double quotes

  size_t size() const { return fields.size(); }
  // 1-based line where field `field_idx` starts: `line`, unless an earlier quoted field of this
  // record contained a line break. Returns `line` when field_idx is out of range. Constant time
  // (positions are recorded as the record is read), so a diagnostic per field stays linear.
  uint32_t Line(size_t field_idx) const;
  // 1-based byte column where field `field_idx` starts on its line: its opening quote, or its
  // first character after any leading spaces (for an empty field, the comma or line end that
  // ends it). Returns 0 ("the whole line") when field_idx is out of range. Constant time.
  uint32_t Column(size_t field_idx) const;
  // {file, Line(field_idx), Column(field_idx)}, for diagnostics.
  base::Location FieldLocation(const std::string& file, size_t field_idx) const;
  // Appends a field that starts at `field_line`:`field_column`: for records built from another
  // source (a mapped observation file or a spreadsheet) that reuse the CSV loaders' checks.
  void AddField(std::string_view text, uint32_t field_line, uint32_t field_column) {
    fields.push_back(text);
    quoted.push_back(false);
    positions_.push_back({field_line, field_column});
  }

 private:
  friend class internal::CsvReader;
  struct Position {
    uint32_t line;
    uint32_t column;
  };
  std::vector<Position> positions_;  // where each field starts (see Line and Column)
};

// After this many errors in one file, readers count the rest instead of listing them.
constexpr size_t kMaxErrorsPerFile = 100;

// The errors of one file, at most kMaxErrorsPerFile of them listed: the rest are counted, and
// one error "and N more errors in this file (not shown)", at the file, is added when this is
// destroyed. Several FileErrors for one file each count their own.
class FileErrors {
 public:
  FileErrors(std::string file, base::Diagnostics& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}
  ~FileErrors();
  FileErrors(const FileErrors&) = delete;
  FileErrors& operator=(const FileErrors&) = delete;

  void Error(base::Location location, std::string message, std::string hint = {});
  // Whether the next Error would be listed: callers can skip building costly hints when not.
  bool WillShow() const { return shown_ < kMaxErrorsPerFile; }
  // Errors reported so far, listed or not.
  size_t count() const { return shown_ + hidden_; }

 private:
  std::string file_;
  base::Diagnostics& diagnostics_;
  size_t shown_ = 0;
  size_t hidden_ = 0;
};

// Reads CSV `text` (a whole file; `file` names it in diagnostics) and calls `on_record` for every
// record, the header included, in order; stops early, returning true, when on_record returns
// false.
//
// Accepts: a UTF-8 byte order mark (skipped; columns on line 1 count from after it), LF or CRLF
// line ends (also mixed), a missing final line end, quoted fields containing commas, doubled
// quotes and line breaks (later line numbers stay right), spaces around fields and around a
// quoted field's quotes (dropped), blank or whitespace-only lines at the end of the file (ignored).
//
// Returns false, after adding one error diagnostic and without calling on_record again, for:
//  - invalid UTF-8 ("invalid UTF-8 ...", at the line:column of the bad byte; checked before any
//    record is passed on, so on_record is never called for such a file);
//  - an empty file (nothing but a BOM, spaces or line ends): "the file is empty ...";
//  - a blank line followed by more records: "blank line in the middle of the file";
//  - a quote inside an unquoted field, or text after a quoted field's closing quote (at the
//    offending character);
//  - a quoted field that is never closed (at the line:column of its opening quote);
//  - a carriage return outside quotes not followed by a line feed (at the carriage return).
// Does not check that records have the same number of fields: see CsvHeader::CheckFieldCount.
bool ReadCsv(std::string_view text, const std::string& file, base::Diagnostics& diagnostics,
             const std::function<bool(const CsvRecord&)>& on_record);

// `text` without spaces or tabs at either end (a cell as its reader means it).
std::string_view TrimText(std::string_view text);

// A column a loader knows.
struct CsvColumn {
  std::string_view name;  // exact, case-sensitive header text, e.g. "value"
  bool required = false;  // a header without it is an error
};

// Where each known column sits in a file, from its header row.
class CsvHeader {
 public:
  // What to do with a header cell that names none of the known columns.
  enum class Unknown { kError, kIgnore };

  // Maps header record `header` onto `columns` (the names are copied). Header cells are compared
  // after trimming spaces. Adds an error diagnostic (at most kMaxErrorsPerFile of them, then one
  // saying how many more; linear in the number of cells), and ok() is then false, for each:
  //  - empty header cell ("empty column name in the header", at the cell);
  //  - unknown column ("unknown column 'valeu'", at the cell, hint "did you mean 'value'?" when a
  //    known name is within 2 edits ignoring case, and the list of expected columns) unless
  //    `unknown` is kIgnore;
  //  - duplicate column ("duplicate column 'area'", at the second cell, hint names the first);
  //  - required column not in the header ("missing required column 'value'", at the header line).
  static CsvHeader Read(const CsvRecord& header, std::span<const CsvColumn> columns,
                        const std::string& file, base::Diagnostics& diagnostics,
                        Unknown unknown = Unknown::kError);

  // A default-constructed CsvHeader maps nothing: ok() is false and every Index is -1.
  CsvHeader() = default;

  // False when Read reported an error (or the header was default-constructed).
  bool ok() const { return ok_; }
  // Number of fields in the header row.
  size_t field_count() const { return field_count_; }
  // Field index of the known column at `column_idx` in Read's `columns`, or -1 when the header
  // does not have it (or column_idx is out of range).
  int Index(size_t column_idx) const;
  // Field index of the known column named `name`, or -1 when the header does not have it or
  // `name` is not a known column.
  int Index(std::string_view name) const;

  // The text of field `field_idx` in `row`, or "" when field_idx is -1 or past the row's end.
  static std::string_view Field(const CsvRecord& row, int field_idx);

  // Returns true when `row` has as many fields as the header. Otherwise adds the error "row has 8
  // fields but the header has 10" (at the first extra field, or at the row's line when fields
  // are missing) to `errors` and returns false.
  bool CheckFieldCount(const CsvRecord& row, const std::string& file, FileErrors& errors) const;

 private:
  std::vector<std::string> names_;  // known column names, in Read's order
  std::vector<int> indices_;        // field index per known column, or -1
  size_t field_count_ = 0;
  bool ok_ = false;
};

// What a numeric cell holds.
enum class CellKind {
  kBlank,         // empty or only spaces: the value is missing
  kNumber,        // `value` holds it
  kSuppressed,    // `*`, `c` or `C`: suppressed at source
  kNotAvailable,  // `x`, `X` or `..`: not available
  kInvalid,       // anything else
};

struct NumberCell {
  CellKind kind = CellKind::kBlank;
  double value = 0;          // set when kind is kNumber
  bool had_percent = false;  // the number was written with a trailing `%` (value is unchanged:
                             // "61.2%" gives 61.2)
};

// Reads a numeric cell of our observation and spending files, after trimming spaces and tabs.
// A number is an optional `-`, digits with an optional fraction (`74`, `-1.5`, `0.25`, `.5`),
// optionally followed directly by `%`. The integer part may group thousands with commas, but then
// every group after the first must have exactly three digits and the first must not start with 0
// (`1,026` and `1,250,000`; not `1,02`, `10,00`, `0,123`, `1,,026`). Rejected as kInvalid: a
// leading `+`, exponents (`1e3`: usually a spreadsheet that has rounded a value), `inf`/`nan`,
// a `%` alone or not at the end, spaces inside the number, numbers longer than 64 characters, and
// any other text. Never throws.
NumberCell ParseNumberCell(std::string_view text);

}  // namespace outcomes::load
