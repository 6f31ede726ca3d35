// An observation mapping file (data/observations/NAME.yaml) on its own, and the rewrites it
// describes applied to a few periods and cells.
#include "fuzz_site.h"
#include "load/mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  base::Diagnostics diagnostics;
  auto mapping = load::ReadObservationMapping(fuzz::Text(data, size),
                                              "data/observations/fuzz.yaml", diagnostics);
  if (!mapping) return 0;
  for (const char* text : {"2019/20", "2019-20", "Q1 2020", "", " - ", "Total", "x"}) {
    mapping->RewritePeriod(text);
    mapping->IsMissing(text);
  }
  return 0;
}
