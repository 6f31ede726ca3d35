#include "load/csv.h"

#include <csv.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <optional>
#include <system_error>

#include "base/utf8.h"

namespace outcomes::load {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// Input is handed to libcsv in slices of this size so that an early stop (the callback returned
// false, or an error was reported from inside a callback) does not parse the rest of the file.
constexpr size_t kSliceSize = size_t{1} << 20;

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

namespace internal {

// Drives libcsv over a whole file and rebuilds each field's position.
//
// libcsv reports field contents but not where they were. With the options used here its output
// determines the input exactly: leading spaces and tabs are skipped; an unquoted field is its
// content followed by trimmed spaces; a quoted field is `"` + content with each `"` doubled +
// `"` + spaces. So walking `cursor_` over the raw text in step with the callbacks gives every
// field's offset without a second tokenizer, and most fields can point straight into the text
// instead of being copied.
class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& file, base::Diagnostics& diagnostics,
            const std::function<bool(const CsvRecord&)>& on_record)
      : text_(text), file_(file), diagnostics_(diagnostics), on_record_(on_record) {}

  bool Run() {
    if (const std::optional<base::Utf8Error> bad = base::FindInvalidUtf8(text_)) {
      const unsigned byte = static_cast<unsigned char>(text_[bad->offset]);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      diagnostics_.Error({file_, bad->line, bad->column},
                         std::string("invalid UTF-8 (byte ") + hex + ")",
                         "save the file as UTF-8 (in Excel: Save As > CSV UTF-8)");
      return false;
    }
    if (SkipBlank(0) == text_.size()) {
      diagnostics_.Error({file_, 0, 0}, "the file is empty", "a CSV file starts with a header row");
      return false;
    }

    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
      diagnostics_.Error({file_, 0, 0}, "could not start the CSV parser");
      return false;
    }
    for (size_t offset = 0; offset < text_.size() && !stopped_; offset += kSliceSize) {
      const size_t length = std::min(kSliceSize, text_.size() - offset);
      const size_t parsed =
          csv_parse(&parser, text_.data() + offset, length, &FieldCallback, &RowCallback, this);
      if (stopped_) break;
      if (parsed != length) ReportParseError(csv_error(&parser), offset + parsed);
    }
    if (!stopped_ && csv_fini(&parser, &FieldCallback, &RowCallback, this) != 0 && !stopped_) {
      // CSV_STRICT_FINI: the last field opened a quote that never closed.
      const size_t quote = in_record_ ? SkipSpaces(cursor_) : SkipBlank(cursor_);
      Fail(quote, "quoted field is never closed",
           "add the closing double quote; a quote inside a quoted field is written twice (\"\")");
    }
    csv_free(&parser);
    return !failed_;
  }

 private:
  // Fields whose unescaped content differs from the raw text (it had doubled quotes) live in
  // scratch_ until the record ends; scratch_ may move while the record grows.
  struct Unescaped {
    size_t field_idx;
    size_t offset;
    size_t length;
  };

  static void FieldCallback(void* data, size_t length, void* self) {
    static_cast<CsvReader*>(self)->OnField(static_cast<const char*>(data), length);
  }
  static void RowCallback(int terminator, void* self) {
    static_cast<CsvReader*>(self)->OnRow(terminator);
  }

  size_t SkipSpaces(size_t pos) const {
    while (pos < text_.size() && IsSpace(text_[pos])) ++pos;
    return pos;
  }
  // Skips spaces, tabs and line ends (what libcsv skips between records).
  size_t SkipBlank(size_t pos) const {
    while (pos < text_.size() &&
           (IsSpace(text_[pos]) || text_[pos] == '\n' || text_[pos] == '\r')) {
      ++pos;
    }
    return pos;
  }

  void Fail(size_t offset, std::string message, std::string hint) {
    diagnostics_.Error(base::LocationAt(file_, text_, offset), std::move(message), std::move(hint));
    failed_ = true;
    stopped_ = true;
  }

  void ReportParseError(int status, size_t offset) {
    if (status != CSV_EPARSE) {
      diagnostics_.Error(base::LocationAt(file_, text_, offset),
                         std::string("could not read the file: ") + csv_strerror(status));
      failed_ = stopped_ = true;
      return;
    }
    const size_t field_start = in_record_ ? SkipSpaces(cursor_) : SkipBlank(cursor_);
    if (field_start < text_.size() && text_[field_start] == '"') {
      Fail(offset, "unexpected text after the closing quote of a quoted field",
           "a quote inside a quoted field is written twice: \"say \"\"hi\"\"\"");
    } else {
      Fail(offset, "quote inside an unquoted field",
           "put the whole field in double quotes and write each quote inside it twice: "
           "\"say \"\"hi\"\"\"");
    }
  }

  // Moves cursor_ over the blank lines before a record. Returns false after reporting an error.
  bool BeginRecord() {
    uint32_t first_blank_line = 0;
    size_t pos = cursor_;
    while (pos < text_.size()) {
      const char c = text_[pos];
      if (IsSpace(c)) {
        ++pos;
        continue;
      }
      if (c == '\r' && (pos + 1 == text_.size() || text_[pos + 1] != '\n')) {
        Fail(pos, "line ends with a carriage return but no line feed",
             "save the file with LF or CRLF line endings");
        return false;
      }
      if (c != '\r' && c != '\n') break;
      if (first_blank_line == 0) first_blank_line = line_;
      pos += c == '\r' ? 2 : 1;
      ++line_;
      line_start_ = pos;
    }
    if (first_blank_line != 0) {
      diagnostics_.Error({file_, first_blank_line, 0},
                         seen_record_ ? "blank line in the middle of the file"
                                      : "blank line at the start of the file",
                         "delete the blank line; only the end of a file may have blank lines");
      failed_ = stopped_ = true;
      return false;
    }
    cursor_ = pos;
    record_.line = line_;
    record_.fields.clear();
    record_.quoted.clear();
    record_.positions_.clear();
    scratch_.clear();
    unescaped_.clear();
    in_record_ = true;
    return true;
  }

  void OnField(const char* data, size_t length) {
    if (stopped_) return;
    if (!in_record_ && !BeginRecord()) return;
    const size_t start = SkipSpaces(cursor_);
    // line_ and line_start_ still describe the line `start` is on: only this field's own line
    // breaks (below) move them.
    record_.positions_.push_back({line_, static_cast<uint32_t>(start - line_start_ + 1)});
    const bool quoted = start < text_.size() && text_[start] == '"';
    std::string_view field;
    size_t end = 0;
    if (!quoted) {
      field = text_.substr(start, length);
      assert(std::memcmp(field.data(), data, length) == 0);  // the layout in the class comment
      end = start + length;
    } else {
      const std::string_view content(data, length);
      size_t quotes = 0;
      size_t newlines = 0;
      for (const char c : content) {
        quotes += c == '"';
        newlines += c == '\n';
      }
      end = start + 1 + length + quotes + 1;
      if (quotes == 0) {
        field = text_.substr(start + 1, length);
      } else {
        unescaped_.push_back({record_.fields.size(), scratch_.size(), length});
        scratch_.append(content);
      }
      if (newlines > 0) {
        line_ += static_cast<uint32_t>(newlines);
        line_start_ = text_.rfind('\n', end - 1) + 1;
      }
    }
    cursor_ = SkipSpaces(end);
    if (cursor_ < text_.size() && text_[cursor_] == ',') ++cursor_;
    record_.fields.push_back(field);
    record_.quoted.push_back(quoted);
  }

  void OnRow(int terminator) {
    if (stopped_) return;
    // cursor_ is at the line end that closed the record (or at the end of the text).
    if (terminator == '\r') {
      assert(text_[cursor_] == '\r');
      if (cursor_ + 1 == text_.size() || text_[cursor_ + 1] != '\n') {
        Fail(cursor_, "line ends with a carriage return but no line feed",
             "save the file with LF or CRLF line endings");
        return;
      }
      cursor_ += 2;
    } else if (terminator == '\n') {
      assert(text_[cursor_] == '\n');
      cursor_ += 1;
    }
    ++line_;
    line_start_ = cursor_;
    for (const Unescaped& item : unescaped_) {
      record_.fields[item.field_idx] = std::string_view(scratch_).substr(item.offset, item.length);
    }
    in_record_ = false;
    seen_record_ = true;
    if (!on_record_(record_)) stopped_ = true;
  }

  std::string_view text_;
  const std::string& file_;
  base::Diagnostics& diagnostics_;
  const std::function<bool(const CsvRecord&)>& on_record_;

  CsvRecord record_;
  std::string scratch_;
  std::vector<Unescaped> unescaped_;
  size_t cursor_ = 0;       // offset of the first raw byte libcsv has not reported on yet
  uint32_t line_ = 1;       // line of cursor_
  size_t line_start_ = 0;   // offset where line_ starts
  bool in_record_ = false;  // a field of the current record has been reported
  bool seen_record_ = false;
  bool stopped_ = false;  // on_record_ asked to stop, or an error was reported
  bool failed_ = false;
};

}  // namespace internal

uint32_t CsvRecord::Line(size_t field_idx) const {
  return field_idx < positions_.size() ? positions_[field_idx].line : line;
}

uint32_t CsvRecord::Column(size_t field_idx) const {
  return field_idx < positions_.size() ? positions_[field_idx].column : 0;
}

base::Location CsvRecord::FieldLocation(const std::string& file, size_t field_idx) const {
  return {file, Line(field_idx), Column(field_idx)};
}

bool ReadCsv(std::string_view text, const std::string& file, base::Diagnostics& diagnostics,
             const std::function<bool(const CsvRecord&)>& on_record) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  internal::CsvReader reader(text, file, diagnostics, on_record);
  return reader.Run();
}

// ---------------------------------------------------------------------------------------------
// FileErrors

FileErrors::~FileErrors() {
  if (hidden_ == 0) return;
  diagnostics_.Error({file_, 0, 0}, "and " + std::to_string(hidden_) + " more " +
                                        (hidden_ == 1 ? "error" : "errors") +
                                        " in this file (not shown)");
}

void FileErrors::Error(base::Location location, std::string message, std::string hint) {
  if (!WillShow()) {
    ++hidden_;
    return;
  }
  ++shown_;
  diagnostics_.Error(std::move(location), std::move(message), std::move(hint));
}

// ---------------------------------------------------------------------------------------------
// CsvHeader

namespace {

// Levenshtein distance between `a` and `b`, ignoring ASCII case.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      const size_t next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

constexpr size_t kMaxSuggestionDistance = 2;

}  // namespace

CsvHeader CsvHeader::Read(const CsvRecord& header, std::span<const CsvColumn> columns,
                          const std::string& file, base::Diagnostics& diagnostics,
                          Unknown unknown) {
  CsvHeader result;
  result.field_count_ = header.size();
  result.indices_.assign(columns.size(), -1);
  for (const CsvColumn& column : columns) result.names_.emplace_back(column.name);
  FileErrors errors(file, diagnostics);

  std::string expected;
  for (const CsvColumn& column : columns) {
    if (!expected.empty()) expected += ", ";
    expected += column.name;
  }

  for (size_t field_idx = 0; field_idx < header.size(); ++field_idx) {
    const std::string_view name = Trim(header.fields[field_idx]);
    const base::Location location = header.FieldLocation(file, field_idx);
    if (name.empty()) {
      errors.Error(location, "empty column name in the header", "expected columns: " + expected);
      continue;
    }
    const auto known = std::find_if(columns.begin(), columns.end(),
                                    [&](const CsvColumn& column) { return column.name == name; });
    if (known == columns.end()) {
      if (unknown == Unknown::kIgnore) continue;
      if (!errors.WillShow()) {  // only counted: no need for a suggestion
        errors.Error(location, "unknown column");
        continue;
      }
      std::string hint;
      size_t best_distance = kMaxSuggestionDistance + 1;
      for (const CsvColumn& column : columns) {
        const size_t distance = EditDistance(name, column.name);
        if (distance < best_distance) {
          best_distance = distance;
          hint = "did you mean " + Quoted(column.name) + "? ";
        }
      }
      hint += "expected columns: " + expected;
      errors.Error(location, "unknown column " + Quoted(name), std::move(hint));
      continue;
    }
    int& index = result.indices_[static_cast<size_t>(known - columns.begin())];
    if (index >= 0) {
      errors.Error(location, "duplicate column " + Quoted(name),
                   "the header already has it at column " +
                       std::to_string(header.Column(static_cast<size_t>(index))) +
                       "; delete one of them");
      continue;
    }
    index = static_cast<int>(field_idx);
  }

  for (size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
    if (columns[column_idx].required && result.indices_[column_idx] < 0) {
      errors.Error({file, header.line, 0},
                   "missing required column " + Quoted(columns[column_idx].name),
                   "expected columns: " + expected);
    }
  }
  result.ok_ = errors.count() == 0;
  return result;
}

int CsvHeader::Index(size_t column_idx) const {
  return column_idx < indices_.size() ? indices_[column_idx] : -1;
}

int CsvHeader::Index(std::string_view name) const {
  for (size_t column_idx = 0; column_idx < names_.size(); ++column_idx) {
    if (names_[column_idx] == name) return indices_[column_idx];
  }
  return -1;
}

std::string_view CsvHeader::Field(const CsvRecord& row, int field_idx) {
  if (field_idx < 0 || static_cast<size_t>(field_idx) >= row.size()) return {};
  return row.fields[static_cast<size_t>(field_idx)];
}

bool CsvHeader::CheckFieldCount(const CsvRecord& row, const std::string& file,
                                FileErrors& errors) const {
  if (row.size() == field_count_) return true;
  const base::Location location = row.size() > field_count_ ? row.FieldLocation(file, field_count_)
                                                            : base::Location{file, row.line, 0};
  std::string message = "row has " + std::to_string(row.size()) +
                        (row.size() == 1 ? " field" : " fields") + " but the header has " +
                        std::to_string(field_count_);
  errors.Error(location, std::move(message),
               row.size() > field_count_
                   ? "a value containing a comma must be in double quotes: \"1,026\""
                   : "add the missing fields (a blank field is written as nothing "
                     "between two commas)");
  return false;
}

// ---------------------------------------------------------------------------------------------
// ParseNumberCell

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Longest number (without separators) we read; longer text is not a statistic.
constexpr size_t kMaxNumberLength = 64;

}  // namespace

NumberCell ParseNumberCell(std::string_view text) {
  text = Trim(text);
  NumberCell cell;
  if (text.empty()) return cell;
  if (text == "*" || text == "c" || text == "C") {
    cell.kind = CellKind::kSuppressed;
    return cell;
  }
  if (text == "x" || text == "X" || text == "..") {
    cell.kind = CellKind::kNotAvailable;
    return cell;
  }
  cell.kind = CellKind::kInvalid;
  if (text.back() == '%') {
    cell.had_percent = true;
    text.remove_suffix(1);
  }

  // Copy sign, digits and point (without thousands separators) into `digits`, checking the form.
  char digits[kMaxNumberLength];
  size_t used = 0;
  size_t pos = 0;
  const auto put = [&](char c) {
    if (used == kMaxNumberLength) return false;
    digits[used++] = c;
    return true;
  };
  if (pos < text.size() && text[pos] == '-') {
    put('-');
    ++pos;
  }
  // Integer part: plain digits, or groups "1,026,000" (first group 1-3 digits not starting with
  // a 0, then groups of exactly 3).
  size_t integer_digits = 0;
  size_t group_digits = 0;
  bool grouped = false;
  const size_t integer_start = pos;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (IsDigit(c)) {
      if (!put(c)) return cell;
      ++integer_digits;
      ++group_digits;
    } else if (c == ',') {
      const bool first_group_ok =
          !grouped && group_digits >= 1 && group_digits <= 3 && text[integer_start] != '0';
      if (!(grouped ? group_digits == 3 : first_group_ok)) return cell;
      grouped = true;
      group_digits = 0;
    } else {
      break;
    }
  }
  if (grouped && group_digits != 3) return cell;
  size_t fraction_digits = 0;
  if (pos < text.size() && text[pos] == '.') {
    if (!put('.')) return cell;
    for (++pos; pos < text.size() && IsDigit(text[pos]); ++pos) {
      if (!put(text[pos])) return cell;
      ++fraction_digits;
    }
    if (fraction_digits == 0) return cell;
  }
  if (pos != text.size() || integer_digits + fraction_digits == 0) return cell;

  double value = 0;
  const auto [end, error] = std::from_chars(digits, digits + used, value);
  if (error != std::errc() || end != digits + used) return cell;
  cell.kind = CellKind::kNumber;
  cell.value = value;
  return cell;
}

std::string_view TrimText(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace outcomes::load
