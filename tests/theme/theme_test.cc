// The built-in theme: what the binary carries, that it parses as a whole, and `theme export`.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/diagnostics.h"
#include "template/template.h"
#include "theme/theme.h"

namespace outcomes::theme {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path Fresh(const std::string& name) {
  fs::path path = fs::temp_directory_path() /
                  ("outcomes-theme-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(path);
  return path;
}

TEST_CASE("the binary carries every file of theme/, byte for byte, sorted by path") {
  const fs::path source = fs::path(OUTCOMES_SOURCE_DIR) / "theme";
  size_t on_disk = 0;
  for (const auto& entry : fs::recursive_directory_iterator(source)) {
    if (!entry.is_regular_file() || entry.path().filename().string().starts_with(".")) continue;
    ++on_disk;
    const std::string relative = fs::relative(entry.path(), source).generic_string();
    auto bytes = Find(relative);
    REQUIRE_MESSAGE(bytes.has_value(), relative);
    CHECK_MESSAGE(*bytes == Slurp(entry.path()), relative);
  }
  CHECK(Files().size() == on_disk);
  CHECK(std::is_sorted(Files().begin(), Files().end(),
                       [](const File& a, const File& b) { return a.path < b.path; }));
  CHECK(Find("templates/layouts/base.mustache"));
  CHECK(Find("templates/assets/site.css"));
  CHECK_FALSE(Find("templates/nothing.mustache"));
  CHECK_FALSE(Find(""));
}

TEST_CASE("the built-in templates parse, and every partial and parent they name is built in") {
  tmpl::Templates templates;
  base::Diagnostics diagnostics;
  const fs::path dir = Fresh("parse");
  size_t written = 0;
  REQUIRE(Export(dir.string(), false, written) == "");
  // LoadDirectory also checks the references between templates.
  CHECK(templates.LoadDirectory((dir / "templates").string(), "templates/", diagnostics));
  CHECK(diagnostics.items().empty());
  CHECK(templates.Has("home"));
  CHECK(templates.Has("layouts/base"));
  fs::remove_all(dir);
}

TEST_CASE("export writes every file once, and refuses to overwrite without being told to") {
  const fs::path dir = Fresh("export");
  size_t written = 0;
  REQUIRE(Export(dir.string(), false, written) == "");
  CHECK(written == Files().size());
  for (const File& file : Files()) CHECK(Slurp(dir / file.path) == file.bytes);

  // A customised file survives a second export without --force, and nothing else is written.
  std::ofstream(dir / "templates/home.mustache", std::ios::trunc) << "mine";
  fs::remove(dir / "templates/robots.mustache");
  std::string refusal = Export(dir.string(), false, written);
  CHECK(written == 0);
  CHECK(refusal.find(dir.string() + "/") != std::string::npos);  // names the file it found
  CHECK(refusal.find("already exists") != std::string::npos);
  CHECK(refusal.find("--force") != std::string::npos);
  CHECK(Slurp(dir / "templates/home.mustache") == "mine");
  CHECK_FALSE(fs::exists(dir / "templates/robots.mustache"));

  REQUIRE(Export(dir.string(), true, written) == "");
  CHECK(written == Files().size());
  CHECK(Slurp(dir / "templates/home.mustache") == *Find("templates/home.mustache"));
  fs::remove_all(dir);
}

TEST_CASE("export into a path that cannot be a folder says so") {
  const fs::path file = Fresh("not-a-folder");
  std::ofstream(file) << "x";
  size_t written = 0;
  std::string error = Export((file / "sub").string(), false, written);
  CHECK_FALSE(error.empty());
  CHECK(written == 0);
  fs::remove(file);
}

}  // namespace
}  // namespace outcomes::theme
