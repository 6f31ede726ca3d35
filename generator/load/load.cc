#include "load/load.h"

#include <unordered_map>

#include "load/internal/files.h"
#include "load/internal/loaders.h"

namespace outcomes::load {

model::Site LoadSite(const std::string& root, base::Diagnostics& diagnostics) {
  model::Site site;
  site.root = root;
  // A folder the loaders list that is a link out of the site, a link loop or unreadable is
  // reported here, once, before any file in it is looked for.
  for (const char* folder : {"data/indicators", "data/observations", "data/boundaries", "content"})
    internal::CheckFolder(root, folder, diagnostics);
  internal::LoadSiteConfig(site, diagnostics);
  internal::LoadInterfaceText(site, diagnostics);
  internal::LoadAreas(site, diagnostics);
  internal::LoadIndicators(site, diagnostics);
  internal::LoadOutcomes(site, diagnostics);
  internal::LoadObservations(site, diagnostics);
  internal::LoadBoundaries(site, diagnostics);
  internal::LoadSpending(site, diagnostics);
  internal::LoadPostcodes(site, diagnostics);
  internal::LoadContent(site, diagnostics);
  internal::WarnUnreadDataFiles(site, diagnostics);
  // Diagnostics stay in the order they were found: each file's own problems first, in file
  // order, then the checks across files — so a cause is listed before its consequences.
  internal::Validate(site, diagnostics);
  internal::CheckPageTemplates(site, diagnostics);
  return site;
}

void CheckNewSiteFiles(const std::string& site_yaml, const std::string& areas_csv,
                       const std::string& boundary_text, const std::string& boundary_file,
                       base::Diagnostics& diagnostics) {
  // The boundary file first: its own problems are the ones to tell the user about.
  if (!internal::CheckText(boundary_text, boundary_file, diagnostics)) return;
  model::Site site;
  if (internal::CheckText(site_yaml, "site.yaml", diagnostics))
    internal::ReadSiteConfigText(site_yaml, site, diagnostics);
  if (internal::CheckText(areas_csv, "data/areas.csv", diagnostics))
    internal::ReadAreasText(areas_csv, site, diagnostics);
  std::unordered_map<std::string, size_t> seen;
  internal::ReadBoundaryText(boundary_text, boundary_file, site, seen, diagnostics);
}

std::vector<std::string> ListSiteFiles(const std::string& root, const std::string& folder,
                                       const std::vector<std::string>& extensions,
                                       base::Diagnostics& diagnostics) {
  return internal::ListFiles(root, folder, extensions, true, diagnostics);
}

std::optional<std::string> ReadSiteFile(const std::string& root, const std::string& relative,
                                        base::Diagnostics& diagnostics) {
  return internal::ReadBytes(root, relative, diagnostics);
}

}  // namespace outcomes::load
