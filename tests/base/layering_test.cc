// The pipeline's layering (STYLE.md): each module includes only the modules to its left, and
// writers (render/*) never see the model or the computed results — only views, and of view/
// only the plain types they lay out (kViewTypes), never the headers of the functions that make
// the views (which include model/ and compute/). The writers' libraries link only
// outcomes_view_types (CMakeLists.txt); this catches a header that would compile through the
// shared include path all the same.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace fs = std::filesystem;

namespace {

// Module -> the modules of ours it may include (itself always allowed).
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"base", {}},
    {"theme", {}},
    {"stats", {"base"}},
    {"i18n", {"base"}},
    {"model", {"i18n", "base"}},
    {"markdown", {"base"}},
    {"template", {"base"}},
    {"load", {"model", "i18n", "markdown", "theme", "base"}},
    {"compute", {"model", "i18n", "stats", "base"}},
    {"geo", {"model", "i18n", "base"}},
    {"view", {"compute", "geo", "model", "i18n", "stats", "base"}},
    {"output", {"base"}},
    // render/html writes each chart's downloads beside its page: the SVG file (render/svg) and
    // its table as CSV, guarded as the open data is (render/opendata's TableCsv).
    {"render/html", {"view", "template", "markdown", "render/svg", "render/opendata", "base"}},
    {"render/svg", {"view", "base"}},
    {"render/xlsx", {"view", "base"}},
    {"render/opendata", {"view", "base"}},
    {"site", {"theme", "load", "compute", "view", "render/html", "render/svg", "render/xlsx",
              "render/opendata", "output", "template", "markdown", "model", "i18n", "stats", "base"}},
    {"serve", {"site", "base"}},
    // outcomes new reads back what it makes from a boundary file through the loaders.
    {"scaffold", {"template", "load", "base"}},
    {"cli", {"serve", "site", "theme", "scaffold", "output", "base"}},
};

// Writer -> the only view/ headers it may include.
const std::map<std::string, std::set<std::string>> kViewTypes = {
    {"render/html", {"view/page.h", "view/chart.h", "view/text.h"}},
    {"render/svg", {"view/chart.h"}},
    {"render/xlsx", {"view/pack.h"}},
    {"render/opendata", {"view/opendata.h"}},
};

// "render/html/html.cc" -> "render/html"; "load/internal/x.h" -> "load".
std::string ModuleOf(const std::string& path) {
  if (path.rfind("render/", 0) == 0) return path.substr(0, path.find('/', 7));
  return path.substr(0, path.find('/'));
}

}  // namespace

TEST_CASE("every #include respects the pipeline's layering") {
  fs::path root = fs::path(OUTCOMES_SOURCE_DIR) / "generator";
  REQUIRE(fs::is_directory(root));
  const std::regex include_line("^\\s*#\\s*include\\s+\"([^\"]+)\"");
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::string relative = fs::relative(entry.path(), root).generic_string();
    std::string module = ModuleOf(relative);
    auto allowed = kAllowed.find(module);
    INFO(relative);
    REQUIRE_MESSAGE(allowed != kAllowed.end(), "module " << module << " is not in the table");
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      std::smatch match;
      if (!std::regex_search(line, match, include_line)) continue;
      std::string included = ModuleOf(match[1].str());
      INFO(line);
      CHECK((included == module || allowed->second.count(included) == 1));
      if (auto types = kViewTypes.find(module); types != kViewTypes.end() && included == "view")
        CHECK(types->second.count(match[1].str()) == 1);
    }
  }
  CHECK(files > 20);
}
