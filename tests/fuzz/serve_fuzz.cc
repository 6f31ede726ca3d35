// `outcomes serve`: the input is a request's target ("/areas/?x=1"), resolved against a small
// built site in a scratch folder, with a file beside it that must never be served. A file
// served must lie inside the site and not be hidden; a redirect must stay on this host (one
// leading slash) and carry no control character into its Location header.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_site.h"
#include "serve/internal/files.h"

namespace {

namespace fs = std::filesystem;

// scratch/site/ (index.html, areas/index.html, "a b.csv", .outcomes-output) and
// scratch/secret.txt; made once per process, removed at exit.
const fs::path& Site() {
  // Never destroyed: the exit handler that removes the folder runs after static destructors.
  static const fs::path* const site = [] {
    const fs::path shm = "/dev/shm";
    const fs::path base = fs::is_directory(shm) ? shm : fs::temp_directory_path();
    const fs::path scratch = base / ("outcomes-serve-fuzz-" + std::to_string(getpid()));
    fs::create_directories(scratch / "site/areas");
    for (const char* file : {"secret.txt", "site/index.html", "site/areas/index.html",
                             "site/a b.csv", "site/.outcomes-output"})
      std::ofstream(scratch / file) << file;
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(Site().parent_path(), ignored);
    });
    return new fs::path(scratch / "site");
  }();
  return *site;
}

[[noreturn]] void Fail(const char* what, const std::string& target, const std::string& got) {
  std::fprintf(stderr, "serve: %s for target \"%s\": \"%s\"\n", what, target.c_str(),
               got.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  const std::string target = fuzz::Text(data, size);
  const serve::Resolved resolved = serve::ResolveTarget(Site(), target);
  if (resolved.kind == serve::Resolution::kFile) {
    if (resolved.relative.empty()) Fail("an empty file name", target, resolved.relative);
    if (resolved.relative[0] == '.' || resolved.relative.find("/.") != std::string::npos)
      Fail("a hidden file or a way up served", target, resolved.relative);
    std::error_code error;
    const fs::path file = fs::canonical(Site() / resolved.relative, error);
    const std::string inside = fs::canonical(Site()).string() + "/";
    if (error || file.string().compare(0, inside.size(), inside) != 0 ||
        !fs::is_regular_file(file))
      Fail("a file outside the site served", target, file.string());
  } else if (resolved.kind == serve::Resolution::kRedirect) {
    const std::string& location = resolved.location;
    if (location.empty() || location[0] != '/' ||
        (location.size() > 1 && (location[1] == '/' || location[1] == '\\')))
      Fail("a redirect off this host", target, location);
    for (char ch : location)
      if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f)
        Fail("a control character in a redirect", target, location);
  }
  return 0;
}
