// Reads the postcode -> ward lookup behind the postcode finder (site.yaml `postcodes:`): an
// ONS Postcode Directory, NSPL or similar file with a header row, or OS Code-Point Open (no
// header row, the fixed-width 7-character postcode first and the ward code tenth).
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "base/format.h"
#include "base/text.h"
#include "load/csv.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"

namespace outcomes::load::internal {

namespace {

// Code-Point Open's columns: PC, PQ, EA, NO, CY, RH, LH, CC, DC, WC.
constexpr size_t kCodePointFields = 10;
constexpr size_t kCodePointWard = 9;

// The postcode columns a header-row file may have, in the order they are looked for.
constexpr std::array<std::string_view, 5> kPostcodeColumns{"pcds", "pcd", "pcd7", "pcd8",
                                                           "postcode"};

// `text` in upper case without spaces: "ss0 0aa" and "SS0  0AA" -> "SS00AA".
std::string Squeezed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text)
    if (ch != ' ' && ch != '\t')
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  return out;
}

bool IsLetter(char ch) { return ch >= 'A' && ch <= 'Z'; }
bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }

// Whether `code` (squeezed) is a UK postcode's shape: an outward code of a letter or two, a
// digit and an optional letter or digit, then an inward code of a digit and two letters.
bool IsPostcode(std::string_view code) {
  if (code.size() < 5 || code.size() > 7) return false;
  const std::string_view inward = code.substr(code.size() - 3);
  if (!IsDigit(inward[0]) || !IsLetter(inward[1]) || !IsLetter(inward[2])) return false;
  const std::string_view outward = code.substr(0, code.size() - 3);
  size_t letters = 0;
  while (letters < outward.size() && IsLetter(outward[letters])) ++letters;
  if (letters < 1 || letters > 2 || letters == outward.size() || !IsDigit(outward[letters]))
    return false;
  const std::string_view rest = outward.substr(letters + 1);
  return rest.empty() ||
         (rest.size() == 1 && (IsDigit(rest[0]) || IsLetter(rest[0])));
}

// Lower-case copy, for matching header names.
std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

}  // namespace

void LoadPostcodeText(const std::string& text, const std::string& file, model::Site& site,
                      base::Diagnostics& diagnostics) {
  const model::PostcodeConfig& config = site.config.postcodes;
  const bool header_row = config.layout == model::PostcodeLayout::kHeader;
  FileErrors errors(file, diagnostics);
  int postcode_field = header_row ? -1 : 0;
  int ward_field = header_row ? -1 : static_cast<int>(kCodePointWard);
  int terminated_field = -1;
  size_t field_count = header_row ? 0 : kCodePointFields;
  bool first = true;
  bool header_ok = true;
  size_t terminated = 0;
  size_t unknown_ward = 0;
  std::string first_unknown;  // "E05000819 at line 2"
  std::vector<model::Postcode> postcodes;

  // Finds the header cell named `name` (compared without case), or -1.
  auto find_column = [](const CsvRecord& record, std::string_view name) {
    const std::string wanted = Lower(name);
    for (size_t idx = 0; idx < record.size(); ++idx)
      if (Lower(TrimText(record.fields[idx])) == wanted) return static_cast<int>(idx);
    return -1;
  };
  auto read_header = [&](const CsvRecord& record) {
    field_count = record.size();
    const base::Location at_header{file, record.line, 1};
    if (!config.postcode_column.empty()) {
      postcode_field = find_column(record, config.postcode_column);
      if (postcode_field < 0)
        diagnostics.Error(at_header, "no column '" + config.postcode_column + "' in the header",
                          "site.yaml's postcodes: postcode_column names it");
    } else {
      for (std::string_view name : kPostcodeColumns)
        if ((postcode_field = find_column(record, name)) >= 0) break;
      if (postcode_field < 0)
        diagnostics.Error(at_header, "no postcode column in the header",
                          "name it in site.yaml: postcodes: {postcode_column: ...} (looked for "
                          "pcds, pcd, pcd7, pcd8 and postcode)");
    }
    ward_field = find_column(record, config.ward_column);
    if (ward_field < 0)
      diagnostics.Error(at_header, "no column '" + config.ward_column + "' in the header",
                        "site.yaml's postcodes: ward_column names the column of ward codes, "
                        "e.g. osward (ONS Postcode Directory) or wd24cd");
    const std::string terminated_name =
        config.terminated_column.empty() ? "doterm" : config.terminated_column;
    terminated_field = find_column(record, terminated_name);
    if (terminated_field < 0 && !config.terminated_column.empty())
      diagnostics.Error(at_header, "no column '" + config.terminated_column + "' in the header",
                        "site.yaml's postcodes: terminated_column names it; leave it out when "
                        "the file has live postcodes only");
    return postcode_field >= 0 && ward_field >= 0 &&
           (terminated_field >= 0 || config.terminated_column.empty());
  };

  const bool read = ReadCsv(text, file, diagnostics, [&](const CsvRecord& record) {
    if (first && header_row) {
      first = false;
      header_ok = read_header(record);
      return header_ok;
    }
    first = false;
    if (record.size() != field_count) {
      errors.Error({file, record.line, 1},
                   "row has " + std::to_string(record.size()) + " fields but " +
                       (header_row ? "the header has " + std::to_string(field_count)
                                   : std::string("a Code-Point Open row has 10")));
      return errors.WillShow();
    }
    if (terminated_field >= 0 && !TrimText(record.fields[static_cast<size_t>(terminated_field)])
                                      .empty()) {
      ++terminated;
      return true;
    }
    const std::string_view raw = record.fields[static_cast<size_t>(postcode_field)];
    std::string code = Squeezed(raw);
    if (!IsPostcode(code)) {
      errors.Error(record.FieldLocation(file, static_cast<size_t>(postcode_field)),
                   "'" + std::string(raw.substr(0, 40)) + "' is not a postcode",
                   "a postcode such as SS0 0AA or SS228QP");
      return errors.WillShow();
    }
    std::string ward(TrimText(record.fields[static_cast<size_t>(ward_field)]));
    if (ward.empty()) {
      errors.Error(record.FieldLocation(file, static_cast<size_t>(ward_field)),
                   "postcode " + model::DisplayPostcode(code) + " has no ward code");
      return errors.WillShow();
    }
    const model::Area* area = site.FindArea(ward);
    if (!area || area->type != "ward") {
      if (unknown_ward++ == 0) first_unknown = ward + " at line " + std::to_string(record.line);
    }
    postcodes.push_back({std::move(code), std::move(ward), record.line});
    return true;
  });
  if (!read || !header_ok || errors.count() > 0) return;
  if (postcodes.empty()) {
    diagnostics.Error({file, 1, 1}, "the postcode lookup has no live postcodes",
                      terminated > 0 ? "every row is terminated" : "");
    return;
  }
  std::stable_sort(postcodes.begin(), postcodes.end(),
                   [](const model::Postcode& a, const model::Postcode& b) { return a.code < b.code; });
  for (size_t idx = 1; idx < postcodes.size(); ++idx)
    if (postcodes[idx].code == postcodes[idx - 1].code) {
      errors.Error({file, postcodes[idx].line, 1},
                   "postcode " + model::DisplayPostcode(postcodes[idx].code) + " is given twice",
                   "first at line " + std::to_string(postcodes[idx - 1].line));
      if (!errors.WillShow()) break;
    }
  if (errors.count() > 0) return;
  if (unknown_ward > 0)
    diagnostics.Warning(
        {file, 0, 0},
        base::FormatNumber(static_cast<double>(unknown_ward), 0, true) + " of " +
            base::FormatNumber(static_cast<double>(postcodes.size()), 0, true) +
            " postcodes are in a ward this site does not have (the first: " + first_unknown +
            "): the finder tells readers so, rather than sending them to a page",
        "are the lookup's wards the same as data/areas.csv's? Ward codes change when "
        "boundaries are redrawn");
  site.postcodes = std::move(postcodes);
}

void LoadPostcodes(model::Site& site, base::Diagnostics& diagnostics) {
  if (!site.config.postcodes.enabled) return;
  const std::string& file = site.config.postcodes.file;
  auto text = ReadFile(site.root, file, diagnostics, true);
  if (!text) return;
  LoadPostcodeText(*text, file, site, diagnostics);
}

}  // namespace outcomes::load::internal
