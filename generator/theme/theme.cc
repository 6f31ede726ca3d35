#include "theme/theme.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include "theme/internal/embedded.h"

namespace outcomes::theme {

std::span<const File> Files() { return {internal::kEmbedded, internal::kEmbeddedCount}; }

std::optional<std::string_view> Find(std::string_view path) {
  auto files = Files();
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const File& file, std::string_view key) { return file.path < key; });
  if (it == files.end() || it->path != path) return std::nullopt;
  return it->bytes;
}

std::string Export(const std::string& dir, bool overwrite, size_t& written) {
  namespace fs = std::filesystem;
  written = 0;
  std::error_code error;
  // Nothing is written when any file is in the way: a half-exported theme helps no one.
  if (!overwrite) {
    std::vector<std::string> existing;
    for (const File& file : Files())
      if (fs::exists(fs::path(dir) / file.path, error)) existing.emplace_back(file.path);
    if (!existing.empty())
      return dir + "/" + existing.front() + " already exists" +
             (existing.size() > 1 ? " (and " + std::to_string(existing.size() - 1) + " more)"
                                  : "") +
             "; use --force to overwrite";
  }
  for (const File& file : Files()) {
    const fs::path path = fs::path(dir) / file.path;
    fs::create_directories(path.parent_path(), error);
    if (error) return "cannot create " + path.parent_path().string() + ": " + error.message();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
    out.close();
    if (!out) return "cannot write " + path.string();
    ++written;
  }
  return "";
}

}  // namespace outcomes::theme
