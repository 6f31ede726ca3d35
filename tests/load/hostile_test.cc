// Hostile input for the readers: nesting far deeper than any stack, generated at run time (the
// committed bad-input fixtures stay small). Each reader must answer with a located error, not a
// crash; the sanitizer build runs these too.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "load/internal/loaders.h"

namespace {

namespace fs = std::filesystem;
using outcomes::base::Diagnostics;
using outcomes::model::Site;

std::string Repeat(std::string_view text, size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (size_t idx = 0; idx < times; ++idx) out += text;
  return out;
}

// A site folder holding only the files a test writes; deleted at the end.
class TempSite {
 public:
  TempSite() {
    static int counter = 0;
    root_ = fs::temp_directory_path() / ("outcomes-hostile-test-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(++counter));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~TempSite() {
    std::error_code error;
    fs::remove_all(root_, error);
  }
  TempSite(const TempSite&) = delete;
  TempSite& operator=(const TempSite&) = delete;

  void Write(const std::string& relative, const std::string& text) const {
    const fs::path file = root_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }
  std::string root() const { return root_.string(); }

 private:
  fs::path root_;
};

TEST_CASE("GeoJSON nested 300,000 deep is refused before parsing, at the first bracket too deep") {
  TempSite folder;
  folder.Write("data/boundaries/deep.geojson",
               "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
               "\"id\": \"E1\", \"geometry\": {\"type\": \"Polygon\",\n\"coordinates\": " +
                   Repeat("[", 300000) + Repeat("]", 300000) + "}}]}\n");
  Site site;
  site.root = folder.root();
  Diagnostics diagnostics;
  outcomes::load::internal::LoadBoundaries(site, diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  const auto& error = diagnostics.items().front();
  CHECK(error.location.file == "data/boundaries/deep.geojson");
  CHECK(error.location.line == 2);
  CHECK(error.location.column == 112);  // the 97th '[', level 101 after the 4 before it
  CHECK(error.message == "JSON nested more than 100 levels deep");
  CHECK(site.boundaries.empty());
}

TEST_CASE("a chain of 100,000 parents is checked in linear time: too deep, and loops blamed") {
  TempSite folder;
  // A0 <- A1 <- ... <- A99999, and L0 -> L1 -> L2 -> L0 with B below the loop.
  std::string areas = "code,name,type,parent\n";
  for (int idx = 0; idx < 100000; ++idx) {
    areas += "A" + std::to_string(idx) + ",Area,ward," +
             (idx == 0 ? std::string() : "A" + std::to_string(idx - 1)) + "\n";
  }
  areas += "B,Below,ward,L0\nL0,Loop,ward,L1\nL1,Loop,ward,L2\nL2,Loop,ward,L0\n";
  folder.Write("data/areas.csv", areas);
  Site site;
  site.root = folder.root();
  Diagnostics diagnostics;
  outcomes::load::internal::LoadAreas(site, diagnostics);
  CHECK(site.areas.size() == 100004);
  REQUIRE(diagnostics.error_count() == 4);
  // One error where the chain passes 16 levels, not one per area below.
  CHECK(diagnostics.items()[0].location.line == 18);
  CHECK(diagnostics.items()[0].message ==
        "area 'A16' is 17 levels down its parents: areas may be nested at most 16 levels deep");
  CHECK(diagnostics.items()[1].location.line == 100003);
  CHECK(diagnostics.items()[1].message == "area 'L0' is its own ancestor (parents form a loop)");
  CHECK(diagnostics.items()[3].message == "area 'L2' is its own ancestor (parents form a loop)");
}

}  // namespace
