// A GeoJSON boundary file (data/boundaries/*.geojson), read into the example site as
// LoadBoundaries reads each file; what it reads is then projected and simplified for maps.
#include "fuzz_site.h"
#include "geo/geo.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  model::Site site = fuzz::ExampleSite();
  base::Diagnostics diagnostics;
  std::unordered_map<std::string, size_t> seen;
  load::internal::ReadBoundaryText(fuzz::Text(data, size), "data/boundaries/fuzz.geojson", site,
                                   seen, diagnostics);
  // A build draws maps only from boundaries that loaded without errors.
  if (!diagnostics.HasErrors()) geo::BuildMapGeometry(site);
  return 0;
}
