// An observation file of our layout, or a Fingertips export (data/observations/*.csv), read into
// the example site as LoadObservations reads each file.
#include "fuzz_site.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  model::Site site = fuzz::ExampleSite();
  base::Diagnostics diagnostics;
  load::internal::LoadObservationText(fuzz::Text(data, size), "data/observations/fuzz.csv", site,
                                      diagnostics);
  return 0;
}
