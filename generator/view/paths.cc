#include "view/paths.h"

#include "base/text.h"

namespace outcomes::view {

std::vector<std::string> AreaSlugs(const model::Site& site, const compute::Results& results) {
  std::vector<std::string> slugs(results.areas.size());
  base::SlugSet used;
  for (size_t area_idx = 0; area_idx < results.areas.size(); ++area_idx)
    if (results.areas[area_idx].is_group) {
      slugs[area_idx] = results.areas[area_idx].code;
      used.Reserve(slugs[area_idx]);
    }
  for (size_t area_idx = 0; area_idx < results.areas.size(); ++area_idx) {
    const auto& area = results.areas[area_idx];
    if (area.is_group) continue;
    slugs[area_idx] = used.Claim(area_idx < site.areas.size() ? site.areas[area_idx].name : area.name,
                                 area.code);
  }
  return slugs;
}

std::string ContentFolder(const std::string& content_path) {
  std::string stem = content_path;
  if (stem.size() > 3 && stem.compare(stem.size() - 3, 3, ".md") == 0) stem.resize(stem.size() - 3);
  std::string folder;
  size_t start = 0;
  while (start <= stem.size()) {
    size_t end = stem.find('/', start);
    if (end == std::string::npos) end = stem.size();
    if (end > start) folder += (folder.empty() ? "" : "/") + base::Slugify(stem.substr(start, end - start));
    start = end + 1;
  }
  return folder;
}

}  // namespace outcomes::view
