// site.yaml, read as LoadSiteConfig reads it.
#include "fuzz_site.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  model::Site site;
  base::Diagnostics diagnostics;
  load::internal::ReadSiteConfigText(fuzz::Text(data, size), site, diagnostics);
  return 0;
}
