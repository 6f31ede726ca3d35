// The Excel packs (DESIGN §4) as view models: a scrutiny briefing pack per `packs:` entry and a
// ward pack per ward, laid out after the Analysis Function's "Releasing statistics in
// spreadsheets" guidance. Every sheet name, title, label, number, number format, shorthand
// marker and status colour tone is decided here; render/xlsx only lays the view out.
//
// The view of one pack (the contract with render::WriteWorkbook):
//
//   {
//     "properties": {"title", "subject", "author", "company", "category", "keywords",
//                    "comments": strings, "created": seconds since 1970-01-01 UTC (> 0)},
//     "page_header": text printed at the top left of every page (one line: the writer cuts
//                    a long one at a word, so what must show comes first),
//     "tones": {"Target met": "good", "Close to target": "close", "Target not met": "bad",
//               ...},   // start of a cell's text -> colour tone ("good", "close", "bad",
//                       // "unclear"); a qualifier may follow the start
//     "sheets": [{
//       "name": tab name (1-31 characters, none of []:*?/\, unique),
//       "title": text for A1,
//       "lines": [{"text", "style": "" | "heading" | "warning", "url": optional https link}],
//                 // one per row from A2, above the table
//       "table": optional {
//         "name": Excel table name (letters, digits, '_'; unique in the workbook),
//         "columns": [{"header": unique text, "wrap": bool (prose: may be wider),
//                      "tone": bool (colour by "tones"), "format": number format for plain
//                      numbers, "numeric": bool (figures: markers align right),
//                      "width": optional fixed width in characters}],
//         "rows": [[cell, ...], ...]   // at least one row; each as long as "columns"
//       },
//       "charts": optional [{"title", "description" (alt text), "y_axis", "number_format",
//                   "categories": {"sheet", "column", "first_row", "last_row"},
//                   "series": [{"name", "sheet", "column", "first_row", "last_row",
//                               "role": "primary" | "secondary" | "tertiary" | "target"}]}]
//                   // rows and columns index the data rows of the named sheet's table
//     }, ...]
//   }
//
// A cell is a string (always written as text, never a formula), a number (written with the
// column's format), null (an empty cell: the sheet's lines say what an empty cell means),
// {"number": x, "format": "0.0"}, {"text": t, "sheet": tab name} (a link to that sheet),
// {"text": t, "sheet": tab name, "chart": n} (a link to the n-th chart, from 0, of that sheet's
// "charts") or {"text": t, "url": "https://..."}.
//
// Hidden figures never reach a view: a suppressed cell is the text "[c]", a missing one "[x]",
// one that cannot exist "[z]" (see the Notes sheet each pack carries).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compute/compute.h"
#include "model/model.h"

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

// The view model of one pack (the schema above). `pack` must come from ListPacks for the same
// site and results. Cost is proportional to the pack's own cells: a ward pack reads only the
// ward's, its parent authority's and England's series.
nlohmann::json PackView(const model::Site& site, const compute::Results& results,
                        const PackRef& pack);

// Seconds since 1970-01-01 UTC at midnight of `iso_date` (YYYY-MM-DD); 0 when it does not parse.
// The packs' creation time comes from the data date, never the clock, so builds repeat.
int64_t DateToUnixSeconds(const std::string& iso_date);

}  // namespace outcomes::view
