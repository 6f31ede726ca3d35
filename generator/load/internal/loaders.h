// The individual readers LoadSite runs, one per input file kind. Each reports problems into
// `diagnostics` and fills what it could read.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "base/diagnostics.h"
#include "i18n/i18n.h"
#include "load/mapping.h"
#include "model/model.h"

namespace outcomes::load::internal {

void LoadSiteConfig(model::Site& site, base::Diagnostics& diagnostics);
// Needs the site config: the interface text for its language (site.text).
void LoadInterfaceText(model::Site& site, base::Diagnostics& diagnostics);
// The built-in English catalogue: every interface text key.
const i18n::Catalogue& ReferenceCatalogue();
void LoadOutcomes(model::Site& site, base::Diagnostics& diagnostics);
void LoadIndicators(model::Site& site, base::Diagnostics& diagnostics);
void LoadAreas(model::Site& site, base::Diagnostics& diagnostics);
// Needs indicators and areas loaded.
void LoadObservations(model::Site& site, base::Diagnostics& diagnostics);
// Reads one observation file's text (our layout or a Fingertips export) into site.
// `range_years` (one per indicator, 0 = none seen yet) carries the length of each rolling-years
// indicator's ranges across files, so all of an indicator's ranges have the same length.
void LoadObservationText(const std::string& text, const std::string& file, model::Site& site,
                         std::vector<uint8_t>& range_years, base::Diagnostics& diagnostics);
void LoadObservationText(const std::string& text, const std::string& file, model::Site& site,
                         base::Diagnostics& diagnostics);
void LoadBoundaries(model::Site& site, base::Diagnostics& diagnostics);
void LoadSpending(model::Site& site, base::Diagnostics& diagnostics);
// Needs areas loaded: the postcode lookup site.yaml's postcodes: names (nothing without it).
void LoadPostcodes(model::Site& site, base::Diagnostics& diagnostics);
// Reads one postcode lookup's text (called `file` in diagnostics) into site.postcodes, laid out
// as site.config.postcodes says.
void LoadPostcodeText(const std::string& text, const std::string& file, model::Site& site,
                      base::Diagnostics& diagnostics);
void LoadContent(model::Site& site, base::Diagnostics& diagnostics);
// Warns at each file under data/ (recursively) that none of the loaders above reads, except
// Markdown notes (*.md).
void WarnUnreadDataFiles(const model::Site& site, base::Diagnostics& diagnostics);
// Cross-file checks once everything is loaded.
void Validate(model::Site& site, base::Diagnostics& diagnostics);
// Reports each page template the build would render that templates/ lacks (nothing when the
// site has no templates/ folder).
void CheckPageTemplates(const model::Site& site, base::Diagnostics& diagnostics);

// The readers above that take a file's text instead of reading it from the site folder: each
// Load* reads its file (reporting a missing or unreadable one) and hands the text to one of
// these, so tests and the fuzz targets (tests/fuzz/) go through the same code. Diagnostics name
// the file as the loader would ("site.yaml", "data/areas.csv"...) unless `file` is given.
void ReadSiteConfigText(const std::string& text, model::Site& site,
                        base::Diagnostics& diagnostics);
void ReadOutcomesText(const std::string& text, model::Site& site, base::Diagnostics& diagnostics);
void ReadIndicatorText(const std::string& text, const std::string& file, model::Site& site,
                       base::Diagnostics& diagnostics);
void ReadAreasText(const std::string& text, model::Site& site, base::Diagnostics& diagnostics);
// Needs the site config, areas and outcomes loaded.
void ReadSpendingText(const std::string& text, model::Site& site, base::Diagnostics& diagnostics);
// One GeoJSON file of data/boundaries/. `seen` maps each area code given a boundary so far
// (in this file or an earlier one) to its index in site.boundaries.
void ReadBoundaryText(const std::string& text, const std::string& file, model::Site& site,
                      std::unordered_map<std::string, size_t>& seen,
                      base::Diagnostics& diagnostics);
// One content file (`file` under content/): its front matter, quotes and figure blocks. Returns
// nullopt when the page cannot be read at all (the reason is in `diagnostics`).
std::optional<model::ContentPage> ReadContentPage(const std::string& file,
                                                  const std::string& text,
                                                  const model::Site& site,
                                                  base::Diagnostics& diagnostics);
// Reads catalogue `text` (file `file`) into `out`, key by key. With `reference`, keys it lacks
// are warnings and entries whose shape or placeholders differ from it are errors.
void ReadCatalogue(const std::string& text, const std::string& file,
                   const i18n::Catalogue* reference, i18n::Catalogue& out,
                   base::Diagnostics& diagnostics);
// One data file of data/observations/ (`data`: CSV text, or the bytes of an .xlsx file when
// `file` ends in .xlsx), read with `mapping` when not null (already read and checked by
// ReadObservationMapping) and otherwise as our layout or a Fingertips export.
void LoadObservationData(const std::string& data, const std::string& file,
                         const ObservationMapping* mapping, model::Site& site,
                         base::Diagnostics& diagnostics);

// Adds an error at `where` and returns false when `text` (`what`, e.g. "area name") has more
// than `max_characters` characters; `hint` says why the limit exists (by default: names head
// table columns, texts must fit a spreadsheet cell).
bool CheckLength(std::string_view text, size_t max_characters, const base::Location& where,
                 const std::string& what, base::Diagnostics& diagnostics,
                 const std::string& hint = {});

// True for YYYY-MM-DD dates that exist.
bool IsIsoDate(const std::string& text);

}  // namespace outcomes::load::internal
