// Files written beside the output folder: what must not be published with the site.
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "output/output.h"

namespace outcomes::output {

namespace fs = std::filesystem;

std::string BesidePath(const std::string& out, std::string_view suffix) {
  fs::path target = fs::path(out);
  if (!target.has_filename()) target = target.parent_path();  // "site-output/"
  return (target.parent_path() / (target.filename().string() + std::string(suffix))).string();
}

bool WriteBeside(const std::string& out, std::string_view suffix, std::string_view bytes,
                 std::string* error) {
  return WriteBeside(
      out, suffix, [bytes](const std::function<bool(std::string_view)>& write) { return write(bytes); },
      error);
}

bool WriteBeside(const std::string& out, std::string_view suffix, const Pieces& pieces,
                 std::string* error) {
  const std::string path = BesidePath(out, suffix);
  // Written whole to a temporary name, then renamed over the old file: never half a report.
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    const bool given = pieces([&file](std::string_view bytes) {
      file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      return static_cast<bool>(file);
    });
    file.close();
    if (!file || !given) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      *error = "cannot write " + path;
      return false;
    }
  }
  std::error_code code;
  fs::rename(temporary, path, code);
  if (code) {
    fs::remove(temporary, code);
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace outcomes::output
