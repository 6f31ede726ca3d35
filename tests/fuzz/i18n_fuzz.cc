// An interface text catalogue (i18n/<language>.yaml), checked against the built-in English one
// as LoadInterfaceText reads a site's own; then every entry it has, looked up and counted.
#include "fuzz_site.h"
#include "i18n/i18n.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  base::Diagnostics diagnostics;
  i18n::Catalogue catalogue{size % 2 == 0 ? "en" : "cy"};
  load::internal::ReadCatalogue(fuzz::Text(data, size), "i18n/fuzz.yaml",
                                &load::internal::ReferenceCatalogue(), catalogue, diagnostics);
  for (const auto& [key, entry] : catalogue.entries()) {
    catalogue(key, {{"number", "3"}, {"name", "Kursaal"}});
    catalogue.Count(key, 2);
  }
  return 0;
}
