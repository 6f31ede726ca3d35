// Reading one sheet of an .xlsx workbook (Office Open XML) as a table of text cells, for
// observation files kept as spreadsheets (docs/formats.md, "Spreadsheets").
//
// The workbook is a zip archive (read with libzip from memory) of XML parts (parsed with
// expat): workbook.xml names the sheets, its relationships lead to each sheet's part, and
// sharedStrings.xml holds the text most cells point into. Cells may be shared strings, inline
// strings, numbers (dates are numbers too, and read as such), booleans (TRUE/FALSE) or error
// values (#N/A...); formulas are read as their cached results. Numbers are written back in their
// shortest form, so 61.199999999999996 reads as 61.2.
//
// Hostile files are refused with an error, never a crash: at most kMaxXlsxEntries entries in
// the archive, at most kMaxXlsxPartBytes read from any part and in total (the count is of bytes
// actually inflated, not the archive's claims), any document type declaration (and so every
// entity: no "billion laughs"), sheets past Excel's limits of 1,048,576 rows and 16,384 columns,
// and more than kMaxXlsxCells cells.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "load/mapping.h"

namespace outcomes::load {

inline constexpr size_t kMaxXlsxEntries = 10000;
inline constexpr uint64_t kMaxXlsxPartBytes = 200ull * 1024 * 1024;
inline constexpr size_t kMaxXlsxCells = 20'000'000;

// The sheet `sheet` names (the first sheet when null) of workbook `bytes` (`file` names it in
// diagnostics). Each cell's line and column are its row and column number (B7 is 7:2). Returns
// nullopt after an error at the file ("not an .xlsx workbook...") or, for a sheet that does not
// exist, at `sheet->where` naming the sheets there are.
std::optional<SourceTable> ReadXlsxTable(const std::string& bytes, const std::string& file,
                                         const MappedText* sheet, base::Diagnostics& diagnostics);

// The names of the workbook's sheets in order, or nullopt after an error.
std::optional<std::vector<std::string>> ReadXlsxSheetNames(const std::string& bytes,
                                                          const std::string& file,
                                                          base::Diagnostics& diagnostics);

}  // namespace outcomes::load
