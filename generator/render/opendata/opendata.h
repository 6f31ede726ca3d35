// The open data writer: lays the open data view (view/opendata.h) out as files under the
// view's folder (downloads/):
//
//   <table>.csv, <table>.json   one pair per indicator table, and all.csv / all.json
//   datapackage.json            Frictionless Data Package (tabular-data-package) describing
//                               every CSV file: path, format, media type, encoding, CSV
//                               dialect, size in bytes and Table Schema
//
// CSV files follow RFC 4180: UTF-8 without a byte order mark, comma-separated, a header row of
// the schema's field names, every line (the last too) ending in CRLF, fields quoted with `"`
// (a quote doubled) when they contain a comma, quote, CR or LF. Numbers are written unquoted
// in their shortest round-trip form (-1.5, 61.25, 1026); a missing value is an empty field.
// Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
// prefixed with an apostrophe and quoted, as OWASP advises, so the CSV text of such a cell is
// the JSON text with a leading '.
//
// JSON files hold the table's metadata and its rows as objects keyed by field name, one row
// per line; numbers are the same text as in the CSV, missing values are null.
//
// Pure: the same view gives the same bytes. Sees only the view types (view/opendata.h), never
// the model or results.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "view/opendata.h"

namespace outcomes::render {

// Where WriteOpenData sends the files: (path relative to the output folder, bytes, append).
// `append` false starts the file, true adds to its end. Returns false to stop the writing.
using OpenDataSink = std::function<bool(const std::string&, std::string_view, bool)>;
// The rows of table `table` (an index into the view's tables): calls `row` with each, in
// order.
using OpenDataRows =
    std::function<void(size_t table, const std::function<void(const view::OpenDataRow&)>& row)>;

// Writes every open data file through `sink`, a table at a time, so memory follows the largest
// table and never the whole: each table's CSV and JSON, then all.csv and all.json (written in
// pieces as the tables' rows go by), then the other tables (with their own rows), then
// datapackage.json. `header` is the view without the indicator tables' rows (OpenDataHeader);
// `rows` gives them. Returns false when the sink did.
//
// Precondition: every row has one cell per field of its table's schema (a programmer error
// otherwise).
bool WriteOpenData(const view::OpenData& header, const OpenDataRows& rows,
                   const OpenDataSink& sink);

// Every open data file as (path relative to the output folder, bytes), sorted by path, for a
// view whose indicator tables carry their rows (OpenDataView).
std::vector<std::pair<std::string, std::string>> RenderOpenData(const view::OpenData& view);

// A figure's table (a table view of view/site_view.cc: "headers" [{"text"}], "rows"
// [{"cells": [{"text"}]}]) as CSV, for the "Download its figures" link under a chart: the header
// row, then one line per row, every field the cell's words exactly as the page's table prints
// them ("61.2%", "[c]", "–"; a status badge as its label and "(qualifier)"; the words only
// screen readers hear are left out), guarded as the open data is (CsvText: a cell a spreadsheet would run as
// a formula gets a leading '), lines ended with CRLF. A table of another shape gives "".
std::string TableCsv(const nlohmann::json& table);

}  // namespace outcomes::render
