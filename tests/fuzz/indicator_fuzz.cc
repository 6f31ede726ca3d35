// One indicator file (data/indicators/*.yaml), read into the example site as LoadIndicators
// reads each file, then the checks across files.
#include "fuzz_site.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  model::Site site = fuzz::ExampleSite();
  base::Diagnostics diagnostics;
  load::internal::ReadIndicatorText(fuzz::Text(data, size), "data/indicators/fuzz.yaml", site,
                                    diagnostics);
  load::internal::Validate(site, diagnostics);
  return 0;
}
