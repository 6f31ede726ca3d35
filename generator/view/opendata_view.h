// The open data downloads as one view (view/opendata.h; DESIGN §4 `downloads/`, issue 5): every
// published cell of every indicator as a row of a table, each table's Table Schema, and the Data
// Package metadata (Frictionless Data Package v1, profile `tabular-data-package`).
//
// Every word, number and name in the downloads is decided here; render/opendata only lays the
// view out as CSV, JSON and datapackage.json. Rows come from compute::Results, so suppressed
// cells are rows with a marker and a reason and never a figure. The writer includes only
// view/opendata.h; this header forward-declares the model and the results all the same.
#pragma once

#include <cstdint>
#include <functional>

#include "base/diagnostics.h"
#include "view/opendata.h"

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

// Builds the open data view (view/opendata.h), rows and all.
//
// Precondition: the site passed load's checks, which reject an indicator id that would give a
// file name the package already uses ("all", "datapackage") and a breakdown spelt like
// kAllBreakdown (the downloads would overwrite each other or repeat a primary key).
OpenData OpenDataView(const model::Site& site, const compute::Results& results);

// The same view without the indicator tables' rows: what a writer needs before the rows,
// which OpenDataRows gives one table at a time so that the whole never sits in memory.
OpenData OpenDataHeader(const model::Site& site, const compute::Results& results);
// Calls `row` with each row of indicator `indicator`'s table, in order. The row passed is only
// valid during the call.
void OpenDataRows(const model::Site& site, const compute::Results& results, uint32_t indicator,
                  const std::function<void(const OpenDataRow&)>& row);

}  // namespace outcomes::view
