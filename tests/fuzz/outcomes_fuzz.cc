// data/outcomes.yaml, read into the example site in place of its own outcomes, then the checks
// across files that LoadSite runs next (statement links, spend per head, pages' outcomes).
#include "fuzz_site.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  model::Site site = fuzz::ExampleSite();
  site.outcomes.clear();
  base::Diagnostics diagnostics;
  load::internal::ReadOutcomesText(fuzz::Text(data, size), site, diagnostics);
  load::internal::Validate(site, diagnostics);
  return 0;
}
