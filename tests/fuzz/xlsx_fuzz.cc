// An .xlsx observation file without a mapping (our columns in the first row of the first
// sheet), read into the example site as LoadObservations reads it; and its sheet names.
#include "fuzz_site.h"
#include "load/internal/loaders.h"
#include "load/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  const std::string bytes = fuzz::Text(data, size);
  const std::string file = "data/observations/fuzz.xlsx";
  base::Diagnostics diagnostics;
  if (!load::ReadXlsxSheetNames(bytes, file, diagnostics)) return 0;
  model::Site site = fuzz::ExampleSite();
  load::internal::LoadObservationData(bytes, file, nullptr, site, diagnostics);
  return 0;
}
