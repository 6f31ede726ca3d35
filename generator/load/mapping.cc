#include "load/mapping.h"

#include <yaml-cpp/yaml.h>

#include "load/internal/yaml_fields.h"

namespace outcomes::load {

namespace {

using internal::LocationOf;
using internal::YamlFields;

// Longest period text a rewrite pattern is tried on: periods are short, and std::regex is
// recursive (a long text could exhaust the stack).
constexpr size_t kMaxPatternInput = 64;
constexpr size_t kMaxPatternLength = 200;
constexpr uint32_t kMaxHeaderRow = 1000;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Reads `node` (a mapping of our field names to text) into `out`. `allowed` limits the fields.
// Whether `text` has a run of more than 4 digits.
bool HasLongNumber(std::string_view text) {
  size_t run = 0;
  for (char c : text) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run > 4) return true;
  }
  return false;
}

bool ReadFieldMap(const YAML::Node& node, const std::string& file, const std::string& what,
                  size_t allowed_end, base::Diagnostics& diagnostics,
                  std::array<std::optional<MappedText>, kMappedFieldCount>& out) {
  YamlFields fields(node, file, diagnostics, what);
  if (!fields.ok()) return false;
  const size_t errors = diagnostics.error_count();
  for (size_t idx = 0; idx < allowed_end; ++idx) {
    const std::string key(kMappedFieldNames[idx]);
    std::string text;
    if (fields.String(key.c_str(), text, false)) out[idx] = MappedText{text, fields.Where(key.c_str())};
  }
  fields.Finish();
  return diagnostics.error_count() == errors;
}

}  // namespace

std::string ObservationMapping::RewritePeriod(std::string_view period) const {
  const std::string_view trimmed = Trim(period);
  if (auto it = period_rewrites.find(std::string(trimmed)); it != period_rewrites.end())
    return it->second;
  if (period_pattern && trimmed.size() <= kMaxPatternInput) {
    const std::string text(trimmed);
    std::smatch match;
    if (std::regex_match(text, match, *period_pattern)) return match.format(period_replace);
  }
  return std::string(period);
}

bool ObservationMapping::IsMissing(std::string_view text) const {
  const std::string_view trimmed = Trim(text);
  for (const auto& marker : missing)
    if (trimmed == marker) return true;
  return false;
}

std::optional<ObservationMapping> ReadObservationMapping(const std::string& text,
                                                         const std::string& file,
                                                         base::Diagnostics& diagnostics) {
  const size_t errors = diagnostics.error_count();
  auto root = internal::ParseYaml(text, file, diagnostics);
  if (!root) return std::nullopt;
  YamlFields top(*root, file, diagnostics, "an observation mapping");
  if (!top.ok()) return std::nullopt;
  ObservationMapping mapping;
  mapping.file = file;
  mapping.where = LocationOf(file, *root);

  std::string sheet;
  if (top.String("sheet", sheet, false)) mapping.sheet = MappedText{sheet, top.Where("sheet")};
  int header_row = 1;
  mapping.header_row_where = top.Where("header_row");
  if (top.Int("header_row", header_row, false)) {
    if (header_row < 1 || header_row > static_cast<int>(kMaxHeaderRow))
      diagnostics.Error(top.Where("header_row"), "header_row must be between 1 and 1000",
                        "header_row is the number of the row that names the columns; the rows "
                        "above it are titles and are skipped");
    else
      mapping.header_row = static_cast<uint32_t>(header_row);
  }

  if (YAML::Node node = top.Child("columns", false); node.IsDefined())
    ReadFieldMap(node, file, "columns", kMappedFieldCount, diagnostics, mapping.columns);
  if (YAML::Node node = top.Child("constants", false); node.IsDefined()) {
    // Figures are never the same for every row; the key fields and the note may be.
    YamlFields constants(node, file, diagnostics, "constants");
    if (constants.ok()) {
      for (size_t idx : {size_t{kFieldIndicator}, size_t{kFieldArea}, size_t{kFieldPeriod},
                         size_t{kFieldBreakdown}, size_t{kFieldNote}}) {
        const std::string key(kMappedFieldNames[idx]);
        std::string value;
        if (constants.String(key.c_str(), value, false))
          mapping.constants[idx] = MappedText{value, constants.Where(key.c_str())};
      }
      for (const auto& entry : node) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
        for (size_t idx = kFieldValue; idx <= kFieldUpperCi; ++idx)
          if (key == kMappedFieldNames[idx]) {
            constants.Child(key.c_str(), false);
            diagnostics.Error(LocationOf(file, entry.first),
                              "'" + key + "' cannot be a constant",
                              "constants are fields that are the same for every row: indicator, "
                              "area, period, breakdown or note; name the column that holds " +
                                  key + " under columns");
          }
      }
      constants.Finish();
    }
  }
  for (size_t idx = 0; idx < kMappedFieldCount; ++idx)
    if (mapping.columns[idx] && mapping.constants[idx])
      diagnostics.Error(mapping.constants[idx]->where,
                        std::string(kMappedFieldNames[idx]) +
                            " is given both as a column and as a constant",
                        "keep one: the column '" + mapping.columns[idx]->text + "' at line " +
                            std::to_string(mapping.columns[idx]->where.line) + ", or the constant");

  if (YAML::Node node = top.Child("measure", false); node.IsDefined()) {
    YamlFields fields(node, file, diagnostics, "measure");
    if (fields.ok()) {
      ObservationMapping::Measure measure;
      measure.where = LocationOf(file, node);
      fields.String("column", measure.column.text, true);
      measure.column.where = fields.Where("column");
      bool any = false;
      for (size_t idx = kFieldValue; idx <= kFieldUpperCi; ++idx) {
        const std::string key(kMappedFieldNames[idx]);
        std::string name;
        if (fields.String(key.c_str(), name, false)) {
          for (size_t other = kFieldValue; other < idx; ++other)
            if (measure.names[other - kFieldValue] &&
                measure.names[other - kFieldValue]->text == name)
              diagnostics.Error(fields.Where(key.c_str()),
                                "measure '" + name + "' is named for both " +
                                    std::string(kMappedFieldNames[other]) + " and " + key);
          measure.names[idx - kFieldValue] = MappedText{name, fields.Where(key.c_str())};
          any = true;
        }
      }
      if (!any && fields.Child("column", false).IsDefined())
        diagnostics.Error(measure.where, "measure names no measure",
                          "say which rows give which figure, e.g. value: Percent, count: Count, "
                          "denominator: Cohort (also lower_ci, upper_ci)");
      fields.StringList("ignore", measure.ignore, false);
      fields.Finish();
      for (size_t idx = kFieldCount; idx <= kFieldUpperCi; ++idx)
        if (mapping.columns[idx])
          diagnostics.Error(mapping.columns[idx]->where,
                            std::string(kMappedFieldNames[idx]) +
                                " cannot be a column in a measure layout",
                            "name the measure instead, e.g. measure: {" +
                                std::string(kMappedFieldNames[idx]) + ": Count}");
      mapping.measure = std::move(measure);
    }
  }

  if (YAML::Node node = top.Child("wide", false); node.IsDefined()) {
    YamlFields fields(node, file, diagnostics, "wide");
    if (fields.ok()) {
      ObservationMapping::Wide wide;
      wide.where = LocationOf(file, node);
      std::string by;
      if (fields.String("by", by, true)) {
        if (by == "period") {
          wide.by = kFieldPeriod;
        } else if (by == "area") {
          wide.by = kFieldArea;
        } else {
          diagnostics.Error(fields.Where("by"), "wide by '" + by + "' is not a layout",
                            "use by: period (one column per period) or by: area (one column per "
                            "area code)");
        }
      }
      std::vector<std::string> names;
      std::vector<base::Location> locations;
      if (fields.StringList("columns", names, false, &locations))
        for (size_t idx = 0; idx < names.size(); ++idx)
          wide.columns.push_back({names[idx], locations[idx]});
      fields.Finish();
      const std::string by_name(kMappedFieldNames[wide.by]);
      if (mapping.columns[wide.by])
        diagnostics.Error(mapping.columns[wide.by]->where,
                          by_name + " cannot be a column when the file is wide by " + by_name,
                          "in a wide layout the header of each column gives the " + by_name);
      if (mapping.constants[wide.by])
        diagnostics.Error(mapping.constants[wide.by]->where,
                          by_name + " cannot be a constant when the file is wide by " + by_name,
                          "in a wide layout the header of each column gives the " + by_name);
      const size_t last_figure = mapping.measure ? kFieldValue : kFieldUpperCi;
      for (size_t idx = kFieldValue; idx <= last_figure; ++idx)
        if (mapping.columns[idx])
          diagnostics.Error(mapping.columns[idx]->where,
                            std::string(kMappedFieldNames[idx]) +
                                " cannot be a column in a wide layout",
                            mapping.measure
                                ? "in a wide layout the cells under each " + by_name +
                                      " are the figures; measure says which figure a row gives"
                                : "in a wide layout the cells under each " + by_name +
                                      " are the values; for counts and denominators too, add a "
                                      "measure column (see docs/formats.md)");
      mapping.wide = std::move(wide);
    }
  }
  if (YAML::Node node = top.Child("missing", false); node.IsDefined()) {
    if (!node.IsSequence()) {
      diagnostics.Error(LocationOf(file, node), "'missing' must be a list, e.g. [NA, \"-\"]");
    } else {
      for (const auto& item : node) {
        if (!item.IsScalar() && !item.IsNull()) {
          diagnostics.Error(LocationOf(file, item), "items of 'missing' must be text");
          continue;
        }
        mapping.missing.emplace_back(Trim(item.IsScalar() ? item.Scalar() : ""));
      }
    }
  }

  top.StringList("breakdown_total", mapping.breakdown_total, false);

  if (YAML::Node node = top.Child("periods", false); node.IsDefined()) {
    if (!node.IsMap()) {
      diagnostics.Error(LocationOf(file, node),
                        "'periods' must map a period as written to our form, e.g. "
                        "\"201314\": 2013/14");
    } else {
      for (const auto& entry : node) {
        if (!entry.first.IsScalar() || !entry.second.IsScalar() || entry.second.Scalar().empty()) {
          diagnostics.Error(LocationOf(file, entry.first),
                            "each item of 'periods' must map a text to a period, e.g. "
                            "\"201314\": 2013/14");
          continue;
        }
        const std::string from(Trim(entry.first.Scalar()));
        if (!mapping.period_rewrites.emplace(from, entry.second.Scalar()).second)
          diagnostics.Error(LocationOf(file, entry.first),
                            "period '" + from + "' is rewritten twice");
      }
    }
  }

  if (YAML::Node node = top.Child("period_pattern", false); node.IsDefined()) {
    YamlFields fields(node, file, diagnostics, "period_pattern");
    if (fields.ok()) {
      std::string match;
      const bool has_match = fields.String("match", match, true);
      const bool has_replace = fields.String("replace", mapping.period_replace, true);
      fields.Finish();
      if (has_match && has_replace) {
        if (match.size() > kMaxPatternLength) {
          diagnostics.Error(fields.Where("match"), "period_pattern match is longer than 200 characters");
        } else if (HasLongNumber(match)) {
          // libstdc++'s std::regex overflows a signed integer reading a longer repeat count
          // (undefined behaviour, found by fuzzing).
          diagnostics.Error(fields.Where("match"),
                            "period_pattern match has a number of more than 4 digits",
                            "a repeat count such as {4} or {2,4} is all a period needs");
        } else {
          try {
            mapping.period_pattern.emplace(match, std::regex::ECMAScript);
          } catch (const std::regex_error& error) {
            diagnostics.Error(fields.Where("match"),
                              "period_pattern match is not a regular expression: " +
                                  std::string(error.what()),
                              "write an ECMAScript regular expression such as "
                              "'^(\\d{4})(\\d{2})$'");
          }
        }
      }
    }
  }
  top.Finish();

  // Every row needs an indicator, an area and a period, and the file must give figures.
  for (size_t idx : {size_t{kFieldIndicator}, size_t{kFieldArea}, size_t{kFieldPeriod}}) {
    if (mapping.columns[idx] || mapping.constants[idx]) continue;
    if (mapping.wide && mapping.wide->by == idx) continue;
    const std::string name(kMappedFieldNames[idx]);
    diagnostics.Error(mapping.where, "the mapping gives no " + name,
                      "name the column that holds it under columns (" + name +
                          ": Header text), or give it for every row under constants");
  }
  if (!mapping.columns[kFieldValue] && !mapping.wide && !mapping.measure)
    diagnostics.Error(mapping.where, "the mapping gives no value",
                      "name the column of values under columns (value: Header text), or describe "
                      "a measure or wide layout");
  if (mapping.measure && !mapping.wide && !mapping.columns[kFieldValue])
    diagnostics.Error(mapping.measure->where,
                      "a measure layout needs columns: value, the column of the figures",
                      "in a measure layout every row gives one figure: name its column under "
                      "columns as value, and the column saying which figure it is under measure "
                      "as column");
  if (diagnostics.error_count() != errors) return std::nullopt;
  return mapping;
}

}  // namespace outcomes::load
