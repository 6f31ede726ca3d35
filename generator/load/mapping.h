// Observation files as councils have them: a mapping file data/observations/NAME.yaml beside a
// data file NAME.csv or NAME.xlsx says which of its columns hold our fields, which fields are
// the same for every row, whether figures come one per row with a measure column or one column
// per period or area, which cells mean "missing" and how to rewrite its periods
// (docs/formats.md, "Mapping files"). ReadObservationMapping reads and checks the mapping on its
// own; observations.cc checks it against the data file's header and turns every data row into a
// row of our layout, keeping each cell's place in the data file for diagnostics.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"

namespace outcomes::load {

// One cell of a table read from a CSV file or a spreadsheet, with where it is: a CSV cell's
// line and byte column, a sheet cell's row and column number (column A is 1).
struct SourceCell {
  std::string text;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct SourceRow {
  uint32_t number = 0;  // 1-based row number: the CSV record's number, or the sheet's row
  uint32_t line = 0;    // line for diagnostics (the CSV line the record starts on, or `number`)
  std::vector<SourceCell> cells;  // in column order; a sheet's gaps are filled with empty cells
};

struct SourceTable {
  std::vector<SourceRow> rows;  // only rows that have at least one cell
};

// Our observation fields, in the order of the columns of our own layout (docs/formats.md).
enum MappedField : size_t {
  kFieldIndicator,
  kFieldArea,
  kFieldPeriod,
  kFieldBreakdown,
  kFieldValue,
  kFieldCount,
  kFieldDenominator,
  kFieldLowerCi,
  kFieldUpperCi,
  kFieldNote,
};
inline constexpr size_t kMappedFieldCount = 10;
inline constexpr std::array<std::string_view, kMappedFieldCount> kMappedFieldNames = {
    "indicator", "area",     "period",   "breakdown", "value",
    "count",     "denominator", "lower_ci", "upper_ci", "note"};

// A named text in the mapping file and where it was written.
struct MappedText {
  std::string text;
  base::Location where;
};

struct ObservationMapping {
  std::string file;                     // the mapping's path, e.g. data/observations/eyfs.yaml
  base::Location where;                 // its top-level mapping
  std::optional<MappedText> sheet;      // .xlsx only; default the first sheet
  uint32_t header_row = 1;              // rows above it are titles and are skipped
  base::Location header_row_where;
  std::array<std::optional<MappedText>, kMappedFieldCount> columns;    // field <- header text
  std::array<std::optional<MappedText>, kMappedFieldCount> constants;  // field <- fixed text

  // The long "measure" layout: one row per figure; `column` says which figure the row's number
  // (in the `value` column) is.
  struct Measure {
    MappedText column;
    // Measure name for value, count, denominator, lower_ci and upper_ci (kFieldValue...).
    std::array<std::optional<MappedText>, 5> names;
    std::vector<std::string> ignore;  // measures whose rows are skipped
    base::Location where;
  };
  std::optional<Measure> measure;

  // The wide layout: one column per period or per area.
  struct Wide {
    MappedField by = kFieldPeriod;        // kFieldPeriod or kFieldArea
    std::vector<MappedText> columns;      // empty: every header cell no other key names
    base::Location where;
  };
  std::optional<Wide> wide;

  std::vector<std::string> missing;                           // cells read as blank
  std::vector<std::string> breakdown_total;  // breakdown texts meaning "everyone" (no breakdown)
  std::unordered_map<std::string, std::string> period_rewrites;  // exact text -> period
  // A regular expression that must match a whole period text, and its replacement ($1, $2...).
  std::optional<std::regex> period_pattern;
  std::string period_replace;

  // The text `period` stands for after the rewrites (unchanged when none applies).
  std::string RewritePeriod(std::string_view period) const;
  // Whether `text` (trimmed) is one of the missing-value markers.
  bool IsMissing(std::string_view text) const;
};

// Reads mapping file `file` (its YAML `text`). Reports every problem (unknown keys, a field named
// twice, a layout that contradicts itself, a bad regular expression...) at its line and column
// and returns nullopt when there was any.
std::optional<ObservationMapping> ReadObservationMapping(const std::string& text,
                                                         const std::string& file,
                                                         base::Diagnostics& diagnostics);

}  // namespace outcomes::load
