// Files in data/ that no loader reads: a council's spreadsheet dropped in the wrong folder, or
// saved in a format we do not read, must not be ignored silently.
#include <string>
#include <string_view>

#include "load/internal/files.h"
#include "load/internal/loaders.h"

namespace outcomes::load::internal {

namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Whether a loader reads `file` (relative to the site, under data/).
bool IsRead(const model::Site& site, const std::string& file) {
  if (file == "data/outcomes.yaml" || file == "data/areas.csv" || file == "data/spending.csv")
    return true;
  if (site.config.postcodes.enabled && file == site.config.postcodes.file) return true;
  const size_t slash = file.rfind('/');
  const std::string folder = file.substr(0, slash);
  const std::string_view name = std::string_view(file).substr(slash + 1);
  if (folder == "data/indicators") return EndsWith(name, ".yaml") || EndsWith(name, ".yml");
  if (folder == "data/observations")
    return EndsWith(name, ".csv") || EndsWith(name, ".xlsx") || EndsWith(name, ".yaml") ||
           EndsWith(name, ".yml");
  if (folder == "data/boundaries") return EndsWith(name, ".geojson") || EndsWith(name, ".json");
  return false;
}

}  // namespace

void WarnUnreadDataFiles(const model::Site& site, base::Diagnostics& diagnostics) {
  for (const std::string& file : ListFiles(site.root, "data", {}, true)) {
    // Markdown files (README.md, SOURCES.md) are notes for people.
    if (EndsWith(file, ".md") || IsRead(site, file)) continue;
    std::string hint;
    if (file.rfind("data/observations/", 0) == 0 &&
        (EndsWith(file, ".xls") || EndsWith(file, ".ods") || EndsWith(file, ".xlsm")))
      hint = "observations are read from .csv and .xlsx files: save it as .xlsx (Excel "
             "workbook) or .csv; ";
    hint += "data/ is read as outcomes.yaml, areas.csv, spending.csv, indicators/*.yaml, "
            "observations/*.csv and *.xlsx (each with an optional NAME.yaml mapping) and "
            "boundaries/*.geojson (and the postcode lookup site.yaml's postcodes: names); move "
            "or delete this file (.md notes are fine)";
    diagnostics.Warning({file, 0, 0}, "nothing reads this file", hint);
  }
}

}  // namespace outcomes::load::internal
