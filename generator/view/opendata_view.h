// The open data downloads as one view model (DESIGN §4 `downloads/`, issue 5): every published
// cell of every indicator as a row of a table, each table's Table Schema, and the Data Package
// metadata (Frictionless Data Package v1, profile `tabular-data-package`).
//
// Every word, number and name in the downloads is decided here; render/opendata only lays the
// view out as CSV, JSON and datapackage.json. Rows come from compute::Results, so suppressed
// cells are rows with a marker and a reason and never a figure. This header only
// forward-declares the model and the results so writers that include it see neither.
#pragma once

#include <cstdint>
#include <functional>

#include <nlohmann/json.hpp>

#include "base/diagnostics.h"

namespace outcomes::model {
struct Site;
}
namespace outcomes::compute {
struct Results;
}

namespace outcomes::view {

// The breakdown label of an indicator's total rows (breakdown 0).
inline constexpr const char* kAllBreakdown = "All";
// The name (file stem) of the spending table.
inline constexpr const char* kSpendingTable = "spending";

// Builds the open data view:
//
//   {
//     "folder": "downloads",
//     "package": {Data Package properties: profile, name, title, description, homepage (only
//                 with a base URL), licenses, sources?, contributors?},
//     "tables": [one per indicator, in Site::indicators order:
//       {"name": indicator id, "title", "description", "sources"?: [{"title"}],
//        "schema": {"fields": [{"name", "type", "title", "description", "constraints"?,
//                               "unit"?}], "missingValues": [""], "primaryKey": [...]},
//        "meta": {extra properties of the table's JSON file, e.g. "indicator": {...}},
//        "rows": [[one scalar per schema field: string, number or null], ...]}],
//     "all": {like a table without "rows": its rows are those of every table, in order},
//     "others": [tables that are not indicators, with their rows, not part of "all": the
//                spending table ("spending", data/spending.csv) when the site has spending]
//   }
//
// Row order is indicator, area, breakdown, period (the order of compute::Results), so the same
// inputs give the same view. Numbers are plain JSON numbers (whole numbers as integers), never
// formatted text; null means "no value". Objects keep the order written here.
//
// Precondition: the site passed load's checks, which reject an indicator id that would give a
// file name the package already uses ("all", "datapackage") and a breakdown spelt like
// kAllBreakdown (the downloads would overwrite each other or repeat a primary key).
nlohmann::ordered_json OpenDataView(const model::Site& site, const compute::Results& results);

// The same view without rows ("tables" hold no "rows"): what a writer needs before the rows,
// which OpenDataRows gives one table at a time so that the whole never sits in memory.
nlohmann::ordered_json OpenDataHeader(const model::Site& site, const compute::Results& results);
// Calls `row` with each row of indicator `indicator`'s table, in order.
void OpenDataRows(const model::Site& site, const compute::Results& results, uint32_t indicator,
                  const std::function<void(const nlohmann::ordered_json&)>& row);

}  // namespace outcomes::view
