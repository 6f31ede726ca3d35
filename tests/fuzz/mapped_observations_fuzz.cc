// A mapping file and the CSV file it describes, read into the example site as LoadObservations
// reads a data file with a mapping beside it. The input is the mapping's YAML, a line "%%", then
// the CSV.
#include "fuzz_site.h"
#include "load/internal/loaders.h"
#include "load/mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  const std::vector<std::string> parts = fuzz::SplitParts(fuzz::Text(data, size), 2);
  if (parts.size() < 2) return 0;
  base::Diagnostics diagnostics;
  auto mapping =
      load::ReadObservationMapping(parts[0], "data/observations/fuzz.yaml", diagnostics);
  // LoadObservations refuses a sheet for a CSV file before reading it.
  if (!mapping || mapping->sheet) return 0;
  model::Site site = fuzz::ExampleSite();
  load::internal::LoadObservationData(parts[1], "data/observations/fuzz.csv", &*mapping, site,
                                      diagnostics);
  return 0;
}
