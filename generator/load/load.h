// Loading a site folder into a validated model::Site.
//
// LoadSite reads every input of DESIGN §2 (site.yaml, data/, content/ front matter), checks
// each file and the references between them, and reports every problem it finds as a
// Diagnostic rather than stopping at the first. The returned Site is complete only when
// `diagnostics` has no errors; callers must not compute on a site with errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/model.h"

namespace outcomes::load {

// Loads the site at `root` (a folder). Paths in diagnostics are relative to `root`.
// A missing required file is an error; a missing optional file (spending.csv) is not.
// When the site has a templates/ folder, also reports each page template the build would
// render that it lacks (see PageTemplates), at the missing file.
model::Site LoadSite(const std::string& root, base::Diagnostics& diagnostics);

// The site's other files (templates/, templates/assets/) under the rule every input keeps: a
// symbolic link may lead anywhere inside the site folder, never out of it.
//
// Lists the files under `root/folder`, recursively (relative to `root`, '/' separated,
// sorted), whose names end with one of `extensions` (any name when empty). Reports each link
// that leads out of the site, loops or leads nowhere, and each folder that cannot be listed,
// naming it; such files are left out. A missing folder gives an empty list.
std::vector<std::string> ListSiteFiles(const std::string& root, const std::string& folder,
                                       const std::vector<std::string>& extensions,
                                       base::Diagnostics& diagnostics);

// Reads `root/relative` as bytes, as they are. Reports and returns nullopt when it cannot
// (missing, unreadable, or a link that breaks the rule).
std::optional<std::string> ReadSiteFile(const std::string& root, const std::string& relative,
                                        base::Diagnostics& diagnostics);

// What `outcomes new` makes from a ward boundary file, read as LoadSite reads it, before New
// writes anything: the new site's site.yaml and data/areas.csv, then the boundary file, named
// `boundary_file` in diagnostics (the user's own path). Reports what LoadSite would of them:
// so a boundary file New accepts gives a site whose areas and maps load.
void CheckNewSiteFiles(const std::string& site_yaml, const std::string& areas_csv,
                       const std::string& boundary_text, const std::string& boundary_file,
                       base::Diagnostics& diagnostics);

// The page templates (names under templates/ without ".mustache", e.g. "indicator") that a
// build of `site` renders pages with: the pages every site has, and those of its outcomes,
// indicators and published content when it has any. Partials and layouts are not listed:
// the template loader checks that what a template includes exists.
std::vector<std::string> PageTemplates(const model::Site& site);

}  // namespace outcomes::load
