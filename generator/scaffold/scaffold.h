// `outcomes new`: writes a small site that checks and builds at once — a commented site.yaml,
// one outcome, one indicator, data/areas.csv, made-up sample figures and one page — from the
// files under the repository's scaffold/ folder, compiled into the binary. Given an ONS-style
// GeoJSON file of wards, the site is about those wards and their council, with the file as its
// boundaries (so the maps draw at once).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace outcomes::scaffold {

struct File {
  std::string_view path;   // relative to scaffold/, '/' separated: "data/areas.csv"
  std::string_view bytes;  // the file as it is in scaffold/: a Mustache template
};

// Every file of a new site, sorted by path.
std::span<const File> Files();

struct Options {
  std::string dir;   // the folder to write the site into; made when missing
  std::string name;  // the council's name; "" gives "Example Council", marked as a placeholder
  // A GeoJSON FeatureCollection of wards, or "" for four sample wards with made-up codes.
  std::string boundaries;
  // Which feature properties hold each ward's code and name, and its council's; "" for each
  // means worked out from the file (see boundaries.h).
  std::string code_property;
  std::string name_property;
  std::string council_property;
  std::string council_name_property;
  bool force = false;  // write into a folder that is not empty, over any files in the way
};

struct Result {
  std::string error;                     // "" on success; otherwise what went wrong, for the user
  std::string hint;                      // how to put it right, or ""
  std::vector<std::string> files;        // the files written, relative to dir, sorted
  std::vector<std::string> overwritten;  // those of them that were there before (--force)
  std::string council;                   // "Southend-on-Sea (E06000033)"
  size_t wards = 0;
  bool sample_areas = false;       // the areas are made up (no boundary file)
  std::vector<std::string> notes;  // what the user must finish by hand, or ""
};

// Writes a new site into options.dir. Refuses (an error, nothing written) when the folder is
// not empty and !options.force, when it is a file or the root folder, when the council's name
// is empty or has control characters, and when the boundary file cannot be read or does not
// say what New needs (see boundaries.h). Environment failures (a file that cannot be written)
// are errors too; files written before one are left.
Result New(const Options& options);

// A file of a new site: its path relative to the site's folder ('/' separated) and its bytes.
struct NewFile {
  std::string path;
  std::string bytes;
};

// What New writes, made in memory, for the fuzz target that checks every site New makes loads
// (tests/fuzz/scaffold_fuzz.cc). `boundary_text` is the boundary file's bytes (read from
// options.boundaries, which names it in messages); options.dir is not looked at. Refuses as New
// does for the name and the boundary file; `files` is sorted by path.
Result Render(const Options& options, const std::string& boundary_text,
              std::vector<NewFile>& files);

}  // namespace outcomes::scaffold
