// The Excel packs (DESIGN §4) as view models: a scrutiny briefing pack per `packs:` entry and a
// ward pack per ward, laid out after the Analysis Function's "Releasing statistics in
// spreadsheets" guidance. Every sheet name, title, label, number, number format, shorthand
// marker and status colour tone is decided here; render/xlsx only lays the view out. The view
// types, and the contract with render::WriteWorkbook, are in view/pack.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compute/compute.h"
#include "model/model.h"
#include "view/pack.h"

namespace outcomes::view {

enum class PackKind { kScrutiny, kWard };

struct PackRef {
  std::string path;  // output path, e.g. "downloads/packs/scrutiny-2020-09.xlsx"
  PackKind kind = PackKind::kScrutiny;
  uint32_t index = 0;  // SiteConfig::packs index (scrutiny) or Results::areas index (ward)
};

// Every pack the site writes, sorted by path: `downloads/packs/<pack-id>.xlsx` for each
// `packs:` entry (about its `area`, default the home area) and `downloads/packs/ward-<slug>.xlsx`
// for each ward: of the home area (type `ward`, parent the home area) by default, of every area
// of type `ward` with `ward_packs: all` (each compared with its own parent authority). A ward's
// slug is its AreaSlugs slug (view/paths.h), as on the website. Reads no figures.
std::vector<PackRef> ListPacks(const model::Site& site, const compute::Results& results);

// The view model of one pack (view/pack.h). `pack` must come from ListPacks for the same site
// and results. Cost is proportional to the pack's own cells: a ward pack reads only the ward's,
// its parent authority's and England's series. The pack meets view/pack.h's contract.
Pack PackView(const model::Site& site, const compute::Results& results, const PackRef& pack);

// A pack as JSON, for tests and anything else that wants to read one as a document:
//
//   {"properties": {"title", "subject", "author", "company", "category", "keywords",
//                   "comments", "created": integer},
//    "page_header": text,
//    "tones": {start of text: "good" | "close" | "bad" | "unclear", ...},
//    "sheets": [{"name", "title",
//                "lines": [{"text", "style": "" | "heading" | "warning", "url"?}],
//                "table"?: {"name",
//                           "columns": [{"header", "wrap", "tone", "format"? (when not
//                                        General), "numeric"? (true only), "width"?}],
//                           "rows": [[cell, ...], ...]},
//                "charts"?: [{"title", "description", "y_axis", "number_format",
//                             "categories": range, "series": [range + {"name", "role":
//                             "primary" | "secondary" | "tertiary" | "target"}]}]}]}
//
// A range is {"sheet", "column", "first_row", "last_row"}. A cell is null (empty), a string
// (text), a number (in the column's format; a whole number as an integer), {"number", "format"}
// (in its own format), {"text", "sheet"} (a link to a sheet), {"text", "sheet", "chart"} (a
// link to a chart) or {"text", "url"}. Objects are keyed in nlohmann::json's sorted order, so
// the same pack always dumps the same bytes.
nlohmann::json PackJson(const Pack& pack);

// Seconds since 1970-01-01 UTC at midnight of `iso_date` (YYYY-MM-DD); 0 when it does not parse.
// The packs' creation time comes from the data date, never the clock, so builds repeat.
int64_t DateToUnixSeconds(const std::string& iso_date);

}  // namespace outcomes::view
