#include "load/csv.h"

#include <doctest/doctest.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace outcomes::load {
namespace {

// A record copied out of ReadCsv's callback, with every field's position.
struct Row {
  uint32_t line = 0;
  std::vector<std::string> fields;
  std::vector<bool> quoted;
  std::vector<std::pair<uint32_t, uint32_t>> positions;  // {line, column} per field
};

struct Result {
  bool ok = false;
  std::vector<Row> rows;
  base::Diagnostics diagnostics;

  // The only diagnostic, formatted; "" when there is none or more than one.
  std::string Error() const {
    if (diagnostics.items().size() != 1) return "";
    return base::FormatDiagnostic(diagnostics.items()[0]);
  }
};

Result Read(std::string_view text) {
  Result result;
  result.ok = ReadCsv(text, "data/x.csv", result.diagnostics, [&](const CsvRecord& record) {
    Row row;
    row.line = record.line;
    for (size_t field_idx = 0; field_idx < record.size(); ++field_idx) {
      row.fields.emplace_back(record.fields[field_idx]);
      row.quoted.push_back(record.quoted[field_idx]);
      row.positions.emplace_back(record.Line(field_idx), record.Column(field_idx));
    }
    result.rows.push_back(std::move(row));
    return true;
  });
  return result;
}

using Fields = std::vector<std::string>;

TEST_CASE("ReadCsv reads plain LF and CRLF files, with or without a BOM and a final line end") {
  const std::string_view kTexts[] = {
      "a,b,c\n1,2,3\n",
      "a,b,c\r\n1,2,3\r\n",
      "\xEF\xBB\xBF"
      "a,b,c\n1,2,3\n",
      "\xEF\xBB\xBF"
      "a,b,c\r\n1,2,3\r\n",
      "a,b,c\n1,2,3",
      "a,b,c\r\n1,2,3",
      "a,b,c\r\n1,2,3\n",
  };
  for (std::string_view text : kTexts) {
    CAPTURE(text);
    const Result result = Read(text);
    CHECK(result.ok);
    CHECK(result.diagnostics.items().empty());
    REQUIRE(result.rows.size() == 2);
    CHECK(result.rows[0].fields == Fields{"a", "b", "c"});
    CHECK(result.rows[1].fields == Fields{"1", "2", "3"});
    CHECK(result.rows[0].line == 1);
    CHECK(result.rows[1].line == 2);
    // Columns on line 1 count from after the BOM.
    CHECK(result.rows[0].positions[0] == std::pair<uint32_t, uint32_t>{1, 1});
    CHECK(result.rows[0].positions[2] == std::pair<uint32_t, uint32_t>{1, 5});
    CHECK(result.rows[1].positions[1] == std::pair<uint32_t, uint32_t>{2, 3});
  }
}

TEST_CASE("ReadCsv unescapes quoted fields: commas, doubled quotes, line breaks, empties") {
  const Result result = Read(
      "name,note,value\n"
      "\"Leigh, West\",\"He said \"\"hi\"\"\",\"1,026\"\n"
      "\"line one\nline two, with comma\",\"\",\"\"\"\"\n"
      "x,,\n");
  REQUIRE(result.ok);
  REQUIRE(result.rows.size() == 4);
  CHECK(result.rows[1].fields == Fields{"Leigh, West", "He said \"hi\"", "1,026"});
  CHECK(result.rows[1].quoted == std::vector<bool>{true, true, true});
  CHECK(result.rows[2].fields == Fields{"line one\nline two, with comma", "", "\""});
  CHECK(result.rows[2].quoted == std::vector<bool>{true, true, true});
  CHECK(result.rows[3].fields == Fields{"x", "", ""});
  CHECK(result.rows[3].quoted == std::vector<bool>{false, false, false});
  // The row after a two-line field starts on line 5.
  CHECK(result.rows[2].line == 3);
  CHECK(result.rows[3].line == 5);
}

TEST_CASE("ReadCsv gives every field's line and column, across quotes and line breaks") {
  const Result result = Read(
      "a,b,c\r\n"                         // line 1
      "\"x,y\",\"say \"\"hi\"\"\",z\r\n"  // line 2
      "1,\"multi\r\n"                     // line 3
      "line\",after\r\n"                  // line 4
      "\r\n"                              // trailing blank lines are ignored
      "\r\n");
  REQUIRE(result.ok);
  REQUIRE(result.rows.size() == 3);
  using P = std::pair<uint32_t, uint32_t>;
  CHECK(result.rows[1].positions == std::vector<P>{{2, 1}, {2, 7}, {2, 20}});
  CHECK(result.rows[2].line == 3);
  CHECK(result.rows[2].positions == std::vector<P>{{3, 1}, {3, 3}, {4, 7}});
  CHECK(result.rows[2].fields == Fields{"1", "multi\r\nline", "after"});
}

TEST_CASE("ReadCsv trims spaces around fields and points at the value") {
  const Result result = Read("a , b,c\n  1 ,  \"2, or 3\"  , 4 \n");
  REQUIRE(result.ok);
  REQUIRE(result.rows.size() == 2);
  CHECK(result.rows[0].fields == Fields{"a", "b", "c"});
  CHECK(result.rows[1].fields == Fields{"1", "2, or 3", "4"});
  CHECK(result.rows[1].quoted == std::vector<bool>{false, true, false});
  using P = std::pair<uint32_t, uint32_t>;
  CHECK(result.rows[1].positions == std::vector<P>{{2, 3}, {2, 8}, {2, 21}});
}

TEST_CASE("ReadCsv ignores blank lines at the end but not in the middle") {
  SUBCASE("trailing blank and whitespace-only lines") {
    const Result result = Read("a,b\n1,2\n\n  \n\t\r\n\n");
    CHECK(result.ok);
    CHECK(result.rows.size() == 2);
  }
  SUBCASE("blank line in the middle") {
    const Result result = Read("a,b\n1,2\n\n3,4\n");
    CHECK_FALSE(result.ok);
    CHECK(result.rows.size() == 2);
    CHECK(result.Error() ==
          "data/x.csv:3: error: blank line in the middle of the file\n"
          "  hint: delete the blank line; only the end of a file may have blank lines");
  }
  SUBCASE("whitespace-only line in the middle, CRLF") {
    const Result result = Read("a,b\r\n1,2\r\n  \r\n3,4\r\n");
    CHECK_FALSE(result.ok);
    CHECK(result.diagnostics.items().at(0).location.line == 3);
    CHECK(result.diagnostics.items().at(0).message == "blank line in the middle of the file");
  }
  SUBCASE("blank line before the header") {
    const Result result = Read("\na,b\n1,2\n");
    CHECK_FALSE(result.ok);
    CHECK(result.rows.empty());
    CHECK(result.diagnostics.items().at(0).message == "blank line at the start of the file");
    CHECK(result.diagnostics.items().at(0).location.line == 1);
  }
  SUBCASE("a blank line inside a quoted field is part of the field") {
    const Result result = Read("a,b\n\"1\n\n2\",3\n4,5\n");
    CHECK(result.ok);
    REQUIRE(result.rows.size() == 3);
    CHECK(result.rows[1].fields == Fields{"1\n\n2", "3"});
    CHECK(result.rows[2].line == 5);
  }
}

TEST_CASE("ReadCsv reports an empty file") {
  for (std::string_view text : {"", "\xEF\xBB\xBF", "\n\n", "  \r\n"}) {
    CAPTURE(text);
    const Result result = Read(text);
    CHECK_FALSE(result.ok);
    CHECK(result.rows.empty());
    CHECK(result.Error() ==
          "data/x.csv: error: the file is empty\n  hint: a CSV file starts with a header row");
  }
}

TEST_CASE("ReadCsv reports invalid UTF-8 at the bad byte, before passing on any record") {
  const Result result = Read(
      "\xEF\xBB\xBF"
      "code,name\nE05002216,Kursaal\nE05002217,Caf\xE9\n");
  CHECK_FALSE(result.ok);
  CHECK(result.rows.empty());
  CHECK(result.Error() ==
        "data/x.csv:3:14: error: invalid UTF-8 (byte 0xE9)\n"
        "  hint: save the file as UTF-8 (in Excel: Save As > CSV UTF-8)");
}

TEST_CASE("ReadCsv reports an unterminated quoted field where its quote opened") {
  SUBCASE("in the middle of a record") {
    const Result result = Read("a,b,c\n1,2,3\n4,\"five,6\n7,8,9\n");
    CHECK_FALSE(result.ok);
    REQUIRE(result.diagnostics.items().size() == 1);
    const base::Diagnostic& error = result.diagnostics.items()[0];
    CHECK(error.message == "quoted field is never closed");
    CHECK(error.location.line == 3);
    CHECK(error.location.column == 3);
    CHECK(result.rows.size() == 2);
  }
  SUBCASE("at the start of the last record, after CRLF") {
    const Result result = Read("a,b\r\n\"open,1\r\n");
    CHECK_FALSE(result.ok);
    REQUIRE(result.diagnostics.items().size() == 1);
    CHECK(result.diagnostics.items()[0].location.line == 2);
    CHECK(result.diagnostics.items()[0].location.column == 1);
  }
}

TEST_CASE("ReadCsv reports stray quotes at the quote") {
  SUBCASE("quote inside an unquoted field") {
    const Result result = Read("a,b\n1,5\" screen\n");
    CHECK_FALSE(result.ok);
    CHECK(result.rows.size() == 1);
    REQUIRE(result.diagnostics.items().size() == 1);
    const base::Diagnostic& error = result.diagnostics.items()[0];
    CHECK(error.message == "quote inside an unquoted field");
    CHECK(error.location.line == 2);
    CHECK(error.location.column == 4);
  }
  SUBCASE("text after a closing quote") {
    const Result result = Read("a,b\n1,\"five\"six\n");
    CHECK_FALSE(result.ok);
    REQUIRE(result.diagnostics.items().size() == 1);
    const base::Diagnostic& error = result.diagnostics.items()[0];
    CHECK(error.message == "unexpected text after the closing quote of a quoted field");
    CHECK(error.location.line == 2);
    CHECK(error.location.column == 9);
  }
}

TEST_CASE("ReadCsv reports a carriage return without a line feed") {
  const Result result = Read("a,b\r1,2\r\n");
  CHECK_FALSE(result.ok);
  CHECK(result.rows.empty());
  REQUIRE(result.diagnostics.items().size() == 1);
  CHECK(result.diagnostics.items()[0].message ==
        "line ends with a carriage return but no line feed");
  CHECK(result.diagnostics.items()[0].location.column == 4);
}

TEST_CASE("ReadCsv stops when the callback returns false") {
  base::Diagnostics diagnostics;
  int calls = 0;
  const bool ok = ReadCsv("a\n1\n2\n3\n", "x.csv", diagnostics, [&](const CsvRecord&) {
    ++calls;
    return calls < 2;
  });
  CHECK(ok);
  CHECK(calls == 2);
  CHECK(diagnostics.items().empty());
}

TEST_CASE("ReadCsv keeps positions right across libcsv's input slices") {
  // More than one 1 MiB slice, with quoted fields (some spanning lines) throughout.
  std::string text = "id,note,value\n";
  const int kRows = 60000;
  for (int row_idx = 0; row_idx < kRows; ++row_idx) {
    text += std::to_string(row_idx) + ",\"a, \"\"b\"\"\nc\"," + std::to_string(row_idx * 2) + "\n";
  }
  REQUIRE(text.size() > (size_t{1} << 20));
  base::Diagnostics diagnostics;
  int row_count = 0;
  bool all_right = true;
  const bool ok = ReadCsv(text, "x.csv", diagnostics, [&](const CsvRecord& record) {
    if (record.line == 1) return true;
    const int row_idx = row_count++;
    const auto expected_line = static_cast<uint32_t>(2 + 2 * row_idx);
    all_right = all_right && record.line == expected_line && record.size() == 3 &&
                record.fields[0] == std::to_string(row_idx) && record.fields[1] == "a, \"b\"\nc" &&
                record.fields[2] == std::to_string(row_idx * 2) &&
                record.Line(2) == expected_line + 1 && record.Column(2) == 4;
    return true;
  });
  CHECK(ok);
  CHECK(row_count == kRows);
  CHECK(all_right);
}

// ----------------------------------------------------------------------------------------------

constexpr std::array<CsvColumn, 5> kColumns = {{
    {"indicator", true},
    {"area", true},
    {"period", true},
    {"value", true},
    {"note", false},
}};

// Reads `text`'s first record as a header.
CsvHeader ReadHeader(std::string_view text, base::Diagnostics& diagnostics,
                     CsvHeader::Unknown unknown = CsvHeader::Unknown::kError) {
  CsvHeader header;
  ReadCsv(text, "obs.csv", diagnostics, [&](const CsvRecord& record) {
    header = CsvHeader::Read(record, kColumns, "obs.csv", diagnostics, unknown);
    return false;
  });
  return header;
}

TEST_CASE("CsvHeader maps known columns in any order") {
  base::Diagnostics diagnostics;
  const CsvHeader header = ReadHeader("value, area ,indicator,period\n", diagnostics);
  CHECK(header.ok());
  CHECK(diagnostics.items().empty());
  CHECK(header.field_count() == 4);
  CHECK(header.Index("value") == 0);
  CHECK(header.Index("area") == 1);
  CHECK(header.Index("indicator") == 2);
  CHECK(header.Index("period") == 3);
  CHECK(header.Index("note") == -1);
  CHECK(header.Index("nope") == -1);
  CHECK(header.Index(size_t{3}) == 0);
  CHECK(header.Index(size_t{4}) == -1);
  CHECK(header.Index(size_t{99}) == -1);
}

TEST_CASE("CsvHeader reports an unknown column with the closest name") {
  base::Diagnostics diagnostics;
  const CsvHeader header =
      ReadHeader("indicator,area,period,\"valeu\",Note,comment\n", diagnostics);
  CHECK_FALSE(header.ok());
  REQUIRE(diagnostics.items().size() == 4);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "obs.csv:1:23: error: unknown column 'valeu'\n"
        "  hint: did you mean 'value'? expected columns: indicator, area, period, value, note");
  CHECK(diagnostics.items()[1].message == "unknown column 'Note'");
  CHECK(diagnostics.items()[1].hint.rfind("did you mean 'note'?", 0) == 0);
  CHECK(diagnostics.items()[1].location.column == 31);
  // Nothing within two edits: no suggestion.
  CHECK(diagnostics.items()[2].message == "unknown column 'comment'");
  CHECK(diagnostics.items()[2].hint == "expected columns: indicator, area, period, value, note");
  CHECK(diagnostics.items()[3].message == "missing required column 'value'");
  CHECK(diagnostics.items()[3].location.line == 1);
  CHECK(diagnostics.items()[3].location.column == 0);
}

TEST_CASE("CsvHeader lists 100 errors of a huge header, then says how many more, in linear time") {
  // 100,000 unknown columns: locating each cell used to rescan the line from its start.
  std::string text = "indicator,area,period,value";
  for (int idx = 0; idx < 100000; ++idx) text += ",x" + std::to_string(idx);
  text += "\n";
  base::Diagnostics diagnostics;
  const CsvHeader header = ReadHeader(text, diagnostics);
  CHECK_FALSE(header.ok());
  REQUIRE(diagnostics.items().size() == 101);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "obs.csv:1:29: error: unknown column 'x0'\n"
        "  hint: expected columns: indicator, area, period, value, note");
  CHECK(diagnostics.items()[99].message == "unknown column 'x99'");
  CHECK(diagnostics.items()[99].location.column == 29 + 10 * 3 + 89 * 4);
  CHECK(base::FormatDiagnostic(diagnostics.items()[100]) ==
        "obs.csv: error: and 99900 more errors in this file (not shown)");
}

TEST_CASE("CsvHeader can ignore unknown columns") {
  base::Diagnostics diagnostics;
  const CsvHeader header = ReadHeader("Extra,indicator,area,period,value,Other\n", diagnostics,
                                      CsvHeader::Unknown::kIgnore);
  CHECK(header.ok());
  CHECK(diagnostics.items().empty());
  CHECK(header.Index("indicator") == 1);
  CHECK(header.Index("value") == 4);
}

TEST_CASE("CsvHeader reports duplicate, empty and missing columns") {
  base::Diagnostics diagnostics;
  const CsvHeader header = ReadHeader("indicator,area,,area,value\n", diagnostics);
  CHECK_FALSE(header.ok());
  REQUIRE(diagnostics.items().size() == 3);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "obs.csv:1:16: error: empty column name in the header\n"
        "  hint: expected columns: indicator, area, period, value, note");
  CHECK(base::FormatDiagnostic(diagnostics.items()[1]) ==
        "obs.csv:1:17: error: duplicate column 'area'\n"
        "  hint: the header already has it at column 11; delete one of them");
  CHECK(diagnostics.items()[2].message == "missing required column 'period'");
  CHECK(header.Index("area") == 1);
}

TEST_CASE("CsvHeader checks that every row has as many fields as the header") {
  const std::string text =
      "indicator,area,period,value,note\n"
      "gld,E1,2018/19,74,\n"
      "gld,E1,2018/19,74\n"
      "gld,E1,2018/19,61,2%,x\n"
      "gld,\"E1,\",2018/19,74,\n";
  base::Diagnostics diagnostics;
  std::optional<CsvHeader> header;
  std::vector<bool> fits;
  {
    FileErrors errors("obs.csv", diagnostics);
    ReadCsv(text, "obs.csv", diagnostics, [&](const CsvRecord& record) {
      if (!header) {
        header = CsvHeader::Read(record, kColumns, "obs.csv", diagnostics);
      } else {
        fits.push_back(header->CheckFieldCount(record, "obs.csv", errors));
      }
      return true;
    });
  }
  CHECK(fits == std::vector<bool>{true, false, false, true});
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "obs.csv:3: error: row has 4 fields but the header has 5\n"
        "  hint: add the missing fields (a blank field is written as nothing between two "
        "commas)");
  CHECK(base::FormatDiagnostic(diagnostics.items()[1]) ==
        "obs.csv:4:22: error: row has 6 fields but the header has 5\n"
        "  hint: a value containing a comma must be in double quotes: \"1,026\"");
}

TEST_CASE("CsvHeader::Field returns the text of a mapped column or nothing") {
  base::Diagnostics diagnostics;
  std::vector<std::string> seen;
  ReadCsv("a,b\n1,2\n", "x.csv", diagnostics, [&](const CsvRecord& record) {
    seen.emplace_back(CsvHeader::Field(record, 1));
    seen.emplace_back(CsvHeader::Field(record, -1));
    seen.emplace_back(CsvHeader::Field(record, 2));
    return true;
  });
  CHECK(seen == std::vector<std::string>{"b", "", "", "2", "", ""});
}

// ----------------------------------------------------------------------------------------------

TEST_CASE("ParseNumberCell reads numbers, percentages and thousands separators") {
  struct Case {
    std::string_view text;
    double value;
    bool had_percent;
  };
  const Case kCases[] = {
      {"74", 74, false},
      {"74.0", 74, false},
      {"-1.5", -1.5, false},
      {"0", 0, false},
      {"0.25", 0.25, false},
      {".5", 0.5, false},
      {"-.5", -0.5, false},
      {"007", 7, false},
      {"  61.2  ", 61.2, false},
      {"61.2%", 61.2, true},
      {"-3%", -3, true},
      {" 100% ", 100, true},
      {"1,026", 1026, false},
      {"1,250,000", 1250000, false},
      {"12,345.75", 12345.75, false},
      {"-1,026", -1026, false},
      {"100,000%", 100000, true},
      {"123456789", 123456789, false},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.text);
    const NumberCell cell = ParseNumberCell(test.text);
    CHECK(cell.kind == CellKind::kNumber);
    CHECK(cell.value == doctest::Approx(test.value));
    CHECK(cell.had_percent == test.had_percent);
  }
}

TEST_CASE("ParseNumberCell reads blanks and each marker") {
  struct Case {
    std::string_view text;
    CellKind kind;
  };
  const Case kCases[] = {
      {"", CellKind::kBlank},
      {"   ", CellKind::kBlank},
      {"\t", CellKind::kBlank},
      {"*", CellKind::kSuppressed},
      {"c", CellKind::kSuppressed},
      {"C", CellKind::kSuppressed},
      {" c ", CellKind::kSuppressed},
      {"x", CellKind::kNotAvailable},
      {"X", CellKind::kNotAvailable},
      {"..", CellKind::kNotAvailable},
      {" .. ", CellKind::kNotAvailable},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.text);
    const NumberCell cell = ParseNumberCell(test.text);
    CHECK(cell.kind == test.kind);
    CHECK(cell.value == 0);
    CHECK_FALSE(cell.had_percent);
  }
}

TEST_CASE("ParseNumberCell rejects everything else") {
  const std::string_view kInvalid[] = {
      "1,02",
      "10,00",
      "1,0260",
      "0,123",
      ",123",
      "1,,026",
      "1,026,",
      "1,026,00",
      "1 026",
      "1e3",
      "1E3",
      "1.5e-3",
      "+5",
      "--5",
      "-",
      "%",
      "-%",
      "5%%",
      "%5",
      "5 %",
      "5.",
      "5..0",
      "1.2.3",
      "...",
      ".",
      "inf",
      "nan",
      "-inf",
      "**",
      "cc",
      "n/a",
      "NA",
      "-",
      "0x1A",
      "1/2",
      "\xE2\x88\x92"
      "5",
      "five",
      "12abc",
      "5*",
      "c5",
      "x5",
      "1,026.",
      "1,02.5",
      "1.026,5",
      "999999999999999999999999999999999999999999999999999999999999999999999999",
  };
  for (std::string_view text : kInvalid) {
    CAPTURE(text);
    CHECK(ParseNumberCell(text).kind == CellKind::kInvalid);
  }
}

}  // namespace
}  // namespace outcomes::load
