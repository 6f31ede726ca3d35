// The postcode lookup (site.yaml postcodes:), read into the example site as LoadPostcodes reads
// it. The first byte picks the layout: even, a header-row file (ONS Postcode Directory, NSPL)
// with the ward in osward; odd, OS Code-Point Open (no header).
#include "fuzz_site.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  if (size == 0) return 0;
  model::Site site = fuzz::ExampleSite();
  site.config.postcodes.enabled = true;
  if (data[0] % 2 == 0) {
    site.config.postcodes.layout = model::PostcodeLayout::kHeader;
    site.config.postcodes.ward_column = "osward";
  } else {
    site.config.postcodes.layout = model::PostcodeLayout::kCodePointOpen;
    site.config.postcodes.ward_column.clear();
  }
  base::Diagnostics diagnostics;
  load::internal::LoadPostcodeText(fuzz::Text(data + 1, size - 1), "data/postcodes.csv", site,
                                   diagnostics);
  return 0;
}
