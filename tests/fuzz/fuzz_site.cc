#include "fuzz_site.h"

#include "base/diagnostics.h"
#include "load/load.h"

namespace outcomes::fuzz {

std::vector<std::string> SplitParts(const std::string& text, size_t max_parts) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (parts.size() + 1 < max_parts) {
    const size_t found = text.find("\n%%\n", start);
    if (found == std::string::npos) break;
    parts.push_back(text.substr(start, found + 1 - start));
    start = found + 4;
  }
  parts.push_back(text.substr(start));
  return parts;
}

const model::Site& ExampleSite() {
  static const model::Site site = [] {
    base::Diagnostics diagnostics;
    model::Site loaded = load::LoadSite(OUTCOMES_SOURCE_DIR, diagnostics);
    loaded.observations.clear();
    loaded.boundaries.clear();
    loaded.spending.clear();
    loaded.files.clear();
    loaded.notes = {""};
    return loaded;
  }();
  return site;
}

}  // namespace outcomes::fuzz
