#include "scaffold/scaffold.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "base/diagnostics.h"
#include "base/text.h"
#include "load/load.h"
#include "scaffold/internal/boundaries.h"
#include "scaffold/internal/embedded.h"
#include "scaffold/internal/sample.h"
#include "template/template.h"

namespace outcomes::scaffold {

std::span<const File> Files() { return {internal::kEmbedded, internal::kEmbeddedCount}; }

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kDefaultName = "Example Council";

// The sample areas of a site made without a boundary file: made-up codes no real area has.
constexpr const char* kSampleCouncil = "EXAMPLE-COUNCIL";
constexpr const char* kSampleWards[][2] = {{"EXAMPLE-EAST", "East ward"},
                                           {"EXAMPLE-NORTH", "North ward"},
                                           {"EXAMPLE-SOUTH", "South ward"},
                                           {"EXAMPLE-WEST", "West ward"}};
// The council's code when a boundary file does not say which council its wards belong to.
constexpr const char* kUnknownCouncil = "COUNCIL-CODE";

// A YAML double-quoted scalar: any text, read back exactly.
std::string YamlQuoted(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

// A code or property name as a YAML scalar: plain when it is letters, digits and hyphens
// starting with a letter (E06000033, WD25CD), quoted otherwise.
std::string YamlWord(const std::string& text) {
  bool plain = !text.empty() && std::isalpha(static_cast<unsigned char>(text[0]));
  for (char ch : text) plain = plain && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-');
  return plain ? text : YamlQuoted(text);
}

// A CSV field: quoted when it holds a comma, quote or line break, or starts or ends with a space.
std::string CsvField(const std::string& text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

bool HasControlCharacter(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
}

std::string Today() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

// Why `dir` cannot take a new site, or "".
std::string CheckFolder(const fs::path& dir, bool force, std::string& hint) {
  std::error_code error;
  const fs::file_status status = fs::status(dir, error);
  if (!fs::exists(status)) return "";
  if (!fs::is_directory(status))
    return dir.string() + " is " + (fs::is_regular_file(status) ? "a file" : "not a folder");
  const fs::path absolute = fs::weakly_canonical(fs::absolute(dir, error), error);
  if (!error && absolute == absolute.root_path())
    return "refusing to write a site into the root folder " + absolute.string();
  if (force) return "";
  std::vector<std::string> entries;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
    entries.push_back(it->path().filename().string());
  if (error) return "cannot read the folder " + dir.string() + ": " + error.message();
  if (entries.empty()) return "";
  std::sort(entries.begin(), entries.end());
  const size_t shown = std::min<size_t>(entries.size(), 3);
  std::vector<std::string> names(entries.begin(), entries.begin() + static_cast<long>(shown));
  if (entries.size() > shown) names.push_back(std::to_string(entries.size() - shown) + " more");
  hint =
      "give a new or empty folder, or use --force to write the new site's files into this one "
      "(over any files of the same name)";
  return dir.string() + " is not empty (it has " + base::JoinWords(names, "and") + ")";
}

// Writes `bytes` to dir/relative, making folders; returns "" or an error.
std::string WriteFile(const fs::path& dir, const std::string& relative, const std::string& bytes) {
  const fs::path path = dir / relative;
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  if (error) return "cannot create " + path.parent_path().string() + ": " + error.message();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return "cannot write " + path.string();
  return "";
}

// "wards.geojson:5:4: " (what a diagnostic's location has of it; "" for none).
std::string WhereText(const base::Location& where) {
  if (where.file.empty()) return "";
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  return out + ": ";
}

// Why the council's name cannot be used, or "".
std::string CheckName(const Options& options) {
  const std::string name = options.name.empty() ? kDefaultName : options.name;
  if (HasControlCharacter(name) || name.find_first_not_of(' ') == std::string::npos ||
      base::CharacterCount(name) > base::kMaxNameLength)
    return "the council's name (--name) must be one line of at most " +
           std::to_string(base::kMaxNameLength) + " characters";
  return "";
}

}  // namespace

Result Render(const Options& options, const std::string& boundary_text,
              std::vector<NewFile>& files) {
  Result result;
  files.clear();
  result.error = CheckName(options);
  if (!result.error.empty()) return result;
  const std::string name = options.name.empty() ? kDefaultName : options.name;

  // The areas: the boundary file's wards and their council, or the samples.
  internal::WardFile wards;
  std::string council_code = kSampleCouncil;
  std::string council_name = name;
  std::string boundary_file;  // its name in data/boundaries/
  if (!options.boundaries.empty()) {
    internal::WardOptions ward_options{options.code_property, options.name_property,
                                       options.council_property, options.council_name_property};
    result.error =
        internal::ReadWards(options.boundaries, boundary_text, ward_options, wards, result.hint);
    if (!result.error.empty()) return result;
    if (!wards.council_code.empty()) {
      council_code = wards.council_code;
      council_name = wards.council_name;
    } else {
      council_code = kUnknownCouncil;
      result.notes.push_back(
          "the boundary file does not say which council its wards belong to, so data/areas.csv "
          "gives the council the code " +
          std::string(kUnknownCouncil) +
          ": put the council's ONS code in its place there, in site.yaml and in "
          "data/observations/");
    }
    std::string stem = base::Slugify(fs::path(options.boundaries).stem().string());
    boundary_file = (stem.empty() ? std::string("wards") : stem) + ".geojson";
  } else {
    for (const auto& [code, ward_name] : kSampleWards) wards.wards.push_back({code, ward_name});
    result.sample_areas = true;
  }
  result.council = council_name + " (" + council_code + ")";
  result.wards = wards.wards.size();

  // What the templates under scaffold/ are filled in with.
  json context;
  context["title"] = YamlQuoted(name + " outcomes");
  context["organisation"] = YamlQuoted(name);
  context["organisation_text"] = name;
  context["default_name"] = options.name.empty();
  context["home_area"] = YamlWord(council_code);
  context["today"] = Today();
  if (!boundary_file.empty() && !wards.code_property.empty())
    context["boundaries"] = {{"file", boundary_file},
                             {"code_property", YamlWord(wards.code_property)},
                             {"name_property", YamlWord(wards.name_property)}};
  else
    context["boundaries"] = false;
  json areas = json::array();
  areas.push_back({{"code", CsvField(council_code)},
                   {"name", CsvField(council_name)},
                   {"type", "local-authority"},
                   {"parent", ""},
                   {"tags", ""}});
  std::vector<std::string> ward_codes;
  for (const auto& ward : wards.wards) {
    areas.push_back({{"code", CsvField(ward.code)},
                     {"name", CsvField(ward.name)},
                     {"type", "ward"},
                     {"parent", CsvField(council_code)},
                     {"tags", ""}});
    ward_codes.push_back(ward.code);
  }
  context["areas"] = std::move(areas);
  json observations = json::array();
  for (const auto& row : internal::SampleRows(ward_codes, council_code))
    observations.push_back({{"area", CsvField(row.area)},
                            {"period", row.period},
                            {"value", row.value},
                            {"count", row.count},
                            {"denominator", row.denominator}});
  context["observations"] = std::move(observations);

  // Render every file first: nothing is written when a template is broken (a bug of ours).
  for (const File& file : Files()) {
    tmpl::Templates templates;
    base::Diagnostics diagnostics;
    std::string text;
    std::string error;
    const std::string path(file.path);
    if (!templates.Add(path, file.bytes, "scaffold/" + path, diagnostics) ||
        !templates.Render(path, context, text, &error)) {
      result.error = "the built-in new-site file " + path + " is broken: " +
                     (error.empty() && !diagnostics.items().empty()
                          ? base::FormatDiagnostic(diagnostics.items().front())
                          : error);
      return result;
    }
    files.push_back({path, std::move(text)});
  }
  if (!boundary_file.empty()) {
    // Read back as `outcomes check` will read it: a file whose wards the areas or boundary
    // loaders would refuse (a ring that is not closed, a name too long) is refused here, at the
    // user's own file, with nothing written.
    auto text_of = [&files](const std::string& path) -> const std::string& {
      static const std::string kNone;
      auto it = std::find_if(files.begin(), files.end(),
                             [&path](const NewFile& file) { return file.path == path; });
      return it == files.end() ? kNone : it->bytes;
    };
    base::Diagnostics diagnostics;
    load::CheckNewSiteFiles(text_of("site.yaml"), text_of("data/areas.csv"), wards.bytes,
                            options.boundaries, diagnostics);
    for (const base::Diagnostic& item : diagnostics.items()) {
      if (item.severity != base::Severity::kError) continue;
      result.error = WhereText(item.location) + item.message;
      result.hint = item.hint;
      files.clear();
      return result;
    }
    files.push_back({"data/boundaries/" + boundary_file, wards.bytes});
  }
  std::sort(files.begin(), files.end(),
            [](const NewFile& a, const NewFile& b) { return a.path < b.path; });
  return result;
}

Result New(const Options& options) {
  Result result;
  result.error = CheckName(options);
  if (!result.error.empty()) return result;
  const fs::path dir(options.dir);
  if (options.dir.empty()) {
    result.error = "no folder given";
    return result;
  }
  result.error = CheckFolder(dir, options.force, result.hint);
  if (!result.error.empty()) return result;

  std::string boundary_text;
  if (!options.boundaries.empty()) {
    std::ifstream in(options.boundaries, std::ios::binary);
    std::stringstream bytes;
    if (in) bytes << in.rdbuf();
    if (!in || in.bad()) {
      result.error = "cannot read the boundary file " + options.boundaries;
      return result;
    }
    boundary_text = bytes.str();
  }
  std::vector<NewFile> files;
  result = Render(options, boundary_text, files);
  if (!result.error.empty()) return result;

  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    result.error = "cannot create " + dir.string() + ": " + error.message();
    return result;
  }
  for (const auto& [path, bytes] : files) {
    if (fs::exists(dir / path, error)) result.overwritten.push_back(path);
    result.error = WriteFile(dir, path, bytes);
    if (!result.error.empty()) return result;
    result.files.push_back(path);
  }
  return result;
}

}  // namespace outcomes::scaffold
