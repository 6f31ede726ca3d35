// data/spending.csv (with its optional note, partner and category columns), read into the
// example site (its outcomes, areas, groups and partners) as LoadSpending reads it.
#include "fuzz_site.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  model::Site site = fuzz::ExampleSite();
  base::Diagnostics diagnostics;
  load::internal::ReadSpendingText(fuzz::Text(data, size), site, diagnostics);
  return 0;
}
