// What the watcher sees: inputs only, without hidden or editor files.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "serve/internal/watch.h"

namespace fs = std::filesystem;
using outcomes::serve::IsIgnoredName;
using outcomes::serve::TakeSnapshot;

TEST_CASE("editor temporary and hidden files are ignored") {
  for (const char* name : {".about.md.swp", "about.md.swp", "about.md~", ".#about.md", "4913",
                           ".git", ".DS_Store"}) {
    INFO(name);
    CHECK(IsIgnoredName(name));
  }
  for (const char* name : {"about.md", "wards.csv", "site.yaml", "swp.md"}) {
    INFO(name);
    CHECK_FALSE(IsIgnoredName(name));
  }
}

TEST_CASE("the snapshot covers the inputs and sees a change") {
  fs::path site =
      fs::temp_directory_path() / ("outcomes-serve-watch-" + std::to_string(::getpid()));
  fs::remove_all(site);
  for (const char* folder : {"content/pages", "data", "templates", "site-output", "content/.git"})
    fs::create_directories(site / folder);
  for (const char* file : {"site.yaml", "content/pages/about.md", "data/areas.csv",
                           "templates/base.html", "site-output/index.html", "content/.git/HEAD",
                           "content/pages/about.md~", "content/pages/.about.md.swp"})
    std::ofstream(site / file) << "x";
  auto before = TakeSnapshot(site.string());
  CHECK(before.size() == 4);
  CHECK(before.count("site.yaml") == 1);
  CHECK(before.count("content/pages/about.md") == 1);
  CHECK(before.count("data/areas.csv") == 1);
  CHECK(before.count("templates/base.html") == 1);
  std::ofstream(site / "site-output" / "index.html") << "changed";
  std::ofstream(site / "content/pages/about.md~") << "changed";
  CHECK(TakeSnapshot(site.string()) == before);
  std::ofstream(site / "content/pages/about.md") << "changed";
  CHECK(TakeSnapshot(site.string()) != before);
  fs::remove_all(site);
}
