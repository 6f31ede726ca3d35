// `outcomes new --boundaries FILE`: the input is the ward boundary file. When New accepts it,
// the site it makes must load without an error (it promises a site that checks at once), with
// every ward of the file as an area: so a ward name or code that the loaders would refuse must
// be refused by New itself, with a message, not handed on to the user's first `outcomes check`.
// The site is written to a scratch folder and loaded with LoadSite, as `outcomes check` does.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/diagnostics.h"
#include "fuzz_site.h"
#include "geo/geo.h"
#include "load/load.h"
#include "scaffold/scaffold.h"

namespace {

namespace fs = std::filesystem;

// A folder of this process's own, removed at exit (never destroyed: the exit handler runs
// after static destructors).
const fs::path& Scratch() {
  static const fs::path* const folder = [] {
    const fs::path shm = "/dev/shm";
    fs::path base = fs::is_directory(shm) ? shm : fs::temp_directory_path();
    std::atexit([] { std::error_code ignored; fs::remove_all(Scratch(), ignored); });
    return new fs::path(base / ("outcomes-scaffold-fuzz-" + std::to_string(getpid())));
  }();
  return *folder;
}

[[noreturn]] void Fail(const std::string& what, const outcomes::base::Diagnostics& diagnostics) {
  std::fprintf(stderr, "outcomes new made a site that does not load: %s\n", what.c_str());
  for (const auto& item : diagnostics.items())
    std::fprintf(stderr, "  %s\n", outcomes::base::FormatDiagnostic(item).c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  scaffold::Options options;
  options.name = "Fuzz Council";
  options.boundaries = "wards.geojson";
  std::vector<scaffold::NewFile> files;
  const scaffold::Result result = scaffold::Render(options, fuzz::Text(data, size), files);
  if (!result.error.empty()) return 0;

  std::error_code error;
  fs::remove_all(Scratch(), error);
  for (const auto& file : files) {
    const fs::path path = Scratch() / file.path;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", path.c_str());
      std::abort();
    }
  }
  base::Diagnostics diagnostics;
  model::Site site = load::LoadSite(Scratch().string(), diagnostics);
  if (diagnostics.HasErrors()) Fail("errors", diagnostics);
  // The council and each ward.
  if (site.areas.size() != result.wards + 1)
    Fail(std::to_string(site.areas.size()) + " areas for " + std::to_string(result.wards) +
             " wards",
         diagnostics);
  geo::BuildMapGeometry(site);
  return 0;
}
