#include "serve/internal/watch.h"

#include <filesystem>

namespace outcomes::serve {

namespace fs = std::filesystem;

namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

void Stamp(const fs::path& path, const std::string& relative, Snapshot& snapshot) {
  std::error_code error;
  auto modified = fs::last_write_time(path, error);
  if (error) return;
  uintmax_t size = fs::file_size(path, error);
  if (error) return;
  snapshot[relative] = {static_cast<int64_t>(modified.time_since_epoch().count()), size};
}

}  // namespace

bool IsIgnoredName(std::string_view name) {
  return name.empty() || name[0] == '.' || EndsWith(name, "~") || EndsWith(name, ".swp") ||
         EndsWith(name, ".swx") || EndsWith(name, ".swo") || name == "4913";
}

Snapshot TakeSnapshot(const std::string& site_dir) {
  Snapshot snapshot;
  const fs::path root(site_dir);
  Stamp(root / "site.yaml", "site.yaml", snapshot);
  for (const std::string folder : {"data", "content", "templates", "theme", "i18n"}) {
    std::error_code error;
    const std::string base = (root / folder).generic_string();
    fs::recursive_directory_iterator it(root / folder, error), end;
    if (error) continue;
    for (; it != end; it.increment(error)) {
      if (error) break;
      const std::string name = it->path().filename().string();
      if (IsIgnoredName(name)) {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(error)) continue;
      // The iterator's paths all start with `base`: cheaper than fs::relative, which stats.
      Stamp(it->path(), folder + it->path().generic_string().substr(base.size()), snapshot);
    }
  }
  return snapshot;
}

}  // namespace outcomes::serve
