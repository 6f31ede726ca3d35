#include "load/load.h"

#include "load/internal/loaders.h"

namespace outcomes::load {

model::Site LoadSite(const std::string& root, base::Diagnostics& diagnostics) {
  model::Site site;
  site.root = root;
  internal::LoadSiteConfig(site, diagnostics);
  internal::LoadAreas(site, diagnostics);
  internal::LoadIndicators(site, diagnostics);
  internal::LoadOutcomes(site, diagnostics);
  internal::LoadObservations(site, diagnostics);
  internal::LoadBoundaries(site, diagnostics);
  internal::LoadSpending(site, diagnostics);
  internal::LoadContent(site, diagnostics);
  // Diagnostics stay in the order they were found: each file's own problems first, in file
  // order, then the checks across files — so a cause is listed before its consequences.
  internal::Validate(site, diagnostics);
  internal::CheckPageTemplates(site, diagnostics);
  return site;
}

}  // namespace outcomes::load
