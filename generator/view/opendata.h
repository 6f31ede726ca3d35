// The open data downloads' view types: what view::OpenDataHeader and view::OpenDataRows
// (view/opendata_view.h) decide and render::WriteOpenData (render/opendata/opendata.h) lays out
// as CSV, JSON and datapackage.json (DESIGN §4 `downloads/`, issue 5; Frictionless Data Package
// v1, profile `tabular-data-package`). Plain values only, with no model, compute or JSON behind
// them, so that the writer sees the open data and nothing of the stages that made it (CMake
// target outcomes_view_types; tests/base/layering_test.cc keeps the writer to this header).
//
// Every word, number and name in the downloads is decided by the view; the writer only chooses
// how to print it. Optional properties are left out of the files when they are empty (or unset),
// and properties appear in the files in the order of the members here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace outcomes::view {

// One cell of a row: text, a number or missing.
//
// The writer prints a number in the CSV unquoted and in JSON as a number, the same text in
// both: as an integer when it is a whole number a double holds exactly (|number| < 2^53:
// 1026, -3, 0 for -0.0), otherwise in its shortest round-trip form (-1.5, 61.25,
// 53.535353535353536). A number that is not finite is printed as missing (the view gives none).
// Missing is an empty CSV field (the schema's missing value) and JSON null; text, even empty
// text, is a JSON string.
struct OpenDataCell {
  enum class Kind : uint8_t { kMissing, kText, kNumber };
  Kind kind = Kind::kMissing;
  std::string text;   // kText only
  double number = 0;  // kNumber only

  static OpenDataCell Missing() { return {}; }
  static OpenDataCell Text(std::string words) { return {Kind::kText, std::move(words), 0}; }
  static OpenDataCell Number(double number) { return {Kind::kNumber, {}, number}; }
  bool operator==(const OpenDataCell&) const = default;
};

// One row: one cell per field of its table's schema, in the schema's order.
using OpenDataRow = std::vector<OpenDataCell>;

// A Table Schema field's constraints; the property is left out when none is set.
struct OpenDataConstraints {
  bool required = false;            // "required": true when set
  std::vector<std::string> values;  // "enum": the only values allowed, when not empty
  std::optional<double> minimum;    // "minimum", printed as a row number is
};

// A Table Schema field descriptor.
struct OpenDataField {
  std::string name;  // the column's name: the CSV header and the JSON rows' key
  std::string type;  // Table Schema type: "string" or "number"
  std::string title;
  std::string description;
  OpenDataConstraints constraints;
  std::optional<std::string> unit;  // "unit": the indicator's unit label, on its figures' fields
};

// A table's Table Schema.
struct OpenDataSchema {
  std::vector<OpenDataField> fields;
  std::vector<std::string> missing_values;  // "missingValues", e.g. [""]
  std::vector<std::string> primary_key;     // "primaryKey"; left out when empty
};

// A source of the data: {"title"}.
struct OpenDataSource {
  std::string title;
};

// One point of a target's trajectory.
struct OpenDataTrajectoryStep {
  std::string period;  // period label, e.g. "2021/22"
  double value = 0;    // printed as a row number is (null when not finite)
};

// An indicator's target.
struct OpenDataTarget {
  double value = 0;  // printed as a row number is (null when not finite)
  std::string period;
  double tolerance = 0;  // the close tolerance (the indicator's, else the site's)
  std::vector<OpenDataTrajectoryStep> trajectory;
};

// The indicator as an indicator table's JSON file describes it ("indicator"; all.json lists
// every one under "indicators"). Properties in this order.
struct OpenDataIndicator {
  std::string id;
  std::string title;
  std::string short_title;
  std::string unit;        // model unit name: percent, rate, count, currency, number
  std::string unit_label;  // the unit as printed: "%", "per 10,000 children aged under 5" ...
  std::optional<double> per;  // rates only: the "per" (printed as a row number is)
  int decimals = 1;
  std::string polarity;       // model polarity name
  std::string polarity_text;  // the polarity in words
  std::string period_type;    // model period type name
  std::string ci_method;      // model CI method name
  std::string source;
  std::string definition;
  std::string method;
  std::optional<std::string> baseline;  // baseline period label, when the indicator has one
  std::optional<OpenDataTarget> target;
  std::vector<std::string> breakdowns;  // kAllBreakdown first, then the indicator's
};

// One table: a CSV file <name>.csv, its JSON twin <name>.json, and a resource of
// datapackage.json.
struct OpenDataTable {
  std::string name;  // the file name stem and the resource name: an indicator id, "all", ...
  std::string title;
  std::string description;
  std::vector<OpenDataSource> sources;  // "sources"; left out when empty
  OpenDataSchema schema;
  // The extra properties of the table's JSON file, after its sources: an indicator table
  // carries its indicator ("indicator"), the all table every indicator ("indicators"), other
  // tables neither.
  std::optional<OpenDataIndicator> indicator;
  std::optional<std::vector<OpenDataIndicator>> indicators;
  // The rows, for the tables that carry them (OpenData::others; the whole view's tables).
  // Indicator tables in the header leave them empty: OpenDataRows gives them.
  std::vector<OpenDataRow> rows;
};

// A licence of the package: {"name", "path", "title"}.
struct OpenDataLicence {
  std::string name;  // SPDX / Open Definition identifier
  std::string path;  // the licence's URL
  std::string title;
};

// A contributor of the package: {"title", "role"}.
struct OpenDataContributor {
  std::string title;
  std::string role;
};

// The Data Package properties of datapackage.json, before its resources (the licences are also
// in every table's JSON file). Properties in this order.
struct OpenDataPackage {
  std::string profile;  // "tabular-data-package"
  std::string name;
  std::string title;
  std::string description;
  std::string homepage;  // left out when empty (a site without a base URL)
  std::vector<OpenDataLicence> licenses;
  std::vector<OpenDataSource> sources;            // left out when empty
  std::vector<OpenDataContributor> contributors;  // left out when empty
};

// The open data: every published cell of every indicator as a row of a table, each table's
// Table Schema, and the Data Package metadata.
//
// Row order is indicator, area, breakdown, period (the order of compute::Results), so the same
// inputs give the same view.
struct OpenData {
  std::string folder;  // under the output folder: "downloads"
  OpenDataPackage package;
  // One per indicator, in Site::indicators order.
  std::vector<OpenDataTable> tables;
  // Every indicator's rows, those of each table in order (it has no rows of its own).
  OpenDataTable all;
  // Tables that are not indicators, with their rows, not part of all: the spending table
  // ("spending", data/spending.csv) when the site has spending.
  std::vector<OpenDataTable> others;
};

}  // namespace outcomes::view
