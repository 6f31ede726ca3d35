#include "serve/internal/files.h"

#include <array>
#include <utility>

namespace outcomes::serve {

namespace fs = std::filesystem;

namespace {

int HexValue(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

std::string_view Extension(std::string_view name) {
  size_t slash = name.rfind('/');
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return name.substr(dot + 1);
}

}  // namespace

bool PercentDecode(std::string_view text, std::string* decoded) {
  decoded->clear();
  for (size_t idx = 0; idx < text.size(); ++idx) {
    char ch = text[idx];
    if (ch == '%') {
      int high = idx + 1 < text.size() ? HexValue(text[idx + 1]) : -1;
      int low = idx + 2 < text.size() ? HexValue(text[idx + 2]) : -1;
      if (high < 0 || low < 0) return false;
      ch = static_cast<char>(high * 16 + low);
      idx += 2;
    }
    if (ch == '\0') return false;
    decoded->push_back(ch);
  }
  return true;
}

std::string_view TargetPath(std::string_view target) {
  return target.substr(0, target.find_first_of("?#"));
}

Resolved ResolveTarget(const fs::path& root, std::string_view target) {
  Resolved resolved;
  std::string_view raw_path = TargetPath(target);
  std::string path;
  if (raw_path.empty() || raw_path[0] != '/' || !PercentDecode(raw_path, &path)) return resolved;
  // A request line cannot carry control characters; one here would end up in a header.
  for (char ch : target)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) return resolved;
  // Segments, refusing any that could leave the root or reveal what is hidden. Empty and "."
  // segments are skipped; ".." is refused rather than resolved, as no link of ours makes one.
  std::string relative;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view segment = std::string_view(path).substr(start, end - start);
    start = end + 1;
    if (segment.empty() || segment == ".") continue;
    if (segment[0] == '.' || segment.find('\\') != std::string_view::npos) return resolved;
    if (!relative.empty()) relative += '/';
    relative += segment;
  }
  std::error_code error;
  fs::path file = relative.empty() ? root : root / relative;
  fs::file_status status = fs::symlink_status(file, error);
  if (error) return resolved;
  if (fs::is_directory(status)) {
    if (path.back() != '/') {
      resolved.kind = Resolution::kRedirect;
      // One leading slash: "//areas/" would send the browser to a host named "areas".
      const std::string_view rest = raw_path.substr(raw_path.find_first_not_of('/'));
      resolved.location =
          "/" + std::string(rest) + "/" + std::string(target.substr(raw_path.size()));
      return resolved;
    }
    relative += relative.empty() ? "index.html" : "/index.html";
    status = fs::symlink_status(root / relative, error);
    if (error) return resolved;
  }
  // Only plain files: the builds we serve hold no links, so one would not be ours.
  if (!fs::is_regular_file(status)) return resolved;
  resolved.kind = Resolution::kFile;
  resolved.relative = std::move(relative);
  return resolved;
}

std::string ContentType(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTypes = {{
      {"html", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"json", "application/json"},
      {"geojson", "application/geo+json"},
      {"csv", "text/csv; charset=utf-8"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"ico", "image/x-icon"},
      {"txt", "text/plain; charset=utf-8"},
      {"xml", "application/xml"},
      {"woff2", "font/woff2"},
      {"webmanifest", "application/manifest+json"},
  }};
  std::string extension(Extension(name));
  for (char& ch : extension)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  for (const auto& [known, type] : kTypes)
    if (extension == known) return std::string(type);
  return "application/octet-stream";
}

bool IsHtml(std::string_view name) { return ContentType(name).rfind("text/html", 0) == 0; }

}  // namespace outcomes::serve
