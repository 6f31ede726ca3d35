// Reads data/boundaries/*.geojson: checks each feature's code and polygon rings. The maps that
// draw them come later; here we only make sure they are usable.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/ons.h"
#include "base/text.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"

namespace outcomes::load::internal {

namespace {

using nlohmann::json;

// Finds line and column of byte offsets in a text, using a table of line starts.
class LineIndex {
 public:
  explicit LineIndex(const std::string& text) {
    starts_.push_back(0);
    for (size_t idx = 0; idx < text.size(); ++idx)
      if (text[idx] == '\n') starts_.push_back(idx + 1);
  }
  base::Location At(const std::string& file, size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    size_t line = static_cast<size_t>(it - starts_.begin());
    return {file, static_cast<uint32_t>(line), static_cast<uint32_t>(offset - starts_[line - 1] + 1)};
  }

 private:
  std::vector<size_t> starts_;
};

// GeoJSON needs about eight levels of nesting (a MultiPolygon's positions inside its rings,
// polygons, geometry, feature and collection). nlohmann::json parses and frees iteratively,
// but copying, comparing and printing a document recurse once per level, so a file nested
// deeper than this is refused before it is parsed.
constexpr size_t kMaxJsonDepth = 100;

// The offset of the first '[' or '{' outside strings that opens level kMaxJsonDepth + 1, or
// npos. One pass; brackets inside strings (with their escapes) do not count. Text that is not
// JSON is left for the parser to report.
size_t FindTooDeep(const std::string& text) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (in_string) {
      if (c == '\\') {
        ++pos;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return pos;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string::npos;
}

// Where each feature starts: the k-th `"type": "Feature"` in the text is taken to be the k-th
// feature (GeoJSON puts that member in every feature). When the counts disagree the features get
// no position and diagnostics name them by number.
std::vector<size_t> FeatureOffsets(const std::string& text, size_t feature_count) {
  std::vector<size_t> offsets;
  auto skip_space_back = [&](size_t end) {
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                       text[end - 1] == '\r'))
      --end;
    return end;
  };
  const std::string value = "\"Feature\"";
  const std::string key = "\"type\"";
  for (size_t at = text.find(value); at != std::string::npos; at = text.find(value, at + 1)) {
    size_t end = skip_space_back(at);
    if (end == 0 || text[end - 1] != ':') continue;
    end = skip_space_back(end - 1);
    if (end < key.size() || text.compare(end - key.size(), key.size(), key) != 0) continue;
    offsets.push_back(end - key.size());
  }
  if (offsets.size() != feature_count) offsets.clear();
  return offsets;
}

const json* Properties(const json& feature) {
  if (!feature.is_object()) return nullptr;
  auto it = feature.find("properties");
  return it != feature.end() && it->is_object() ? &*it : nullptr;
}

// A string property of a feature, or "".
std::string StringProperty(const json& feature, const std::string& key) {
  const json* properties = Properties(feature);
  if (!properties) return {};
  auto it = properties->find(key);
  return it != properties->end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A feature's own code, given as its "id" or a "code" property: these name one feature and
// need no choosing.
std::string OwnCode(const json& feature) {
  if (feature.is_object()) {
    auto id = feature.find("id");
    if (id != feature.end() && id->is_string()) return *id;
  }
  return StringProperty(feature, "code");
}

// How each feature's area code (and name, for messages) is read from one file.
struct CodeRule {
  std::string property;       // the property holding the code; "" for "id"/"code" only
  std::string name_property;  // the property holding the name, or ""
  bool named = false;         // property named in site.yaml
};

// Works out which property holds the code of the features with no "id" or "code" (`features`):
// among the properties named like ONS codes that any of them has, those whose values differ
// from feature to feature (a council's code, the same in every ward, cannot tell the wards
// apart); when that leaves several, those whose every value is an area of data/areas.csv.
// Returns the chosen property, or "" with `candidates` listing what could not be told apart.
std::string ChooseCodeProperty(const std::vector<const json*>& features, const model::Site& site,
                               std::vector<std::string>& candidates) {
  // Every code-like key any feature has: a feature that lacks the chosen one is reported.
  std::set<std::string> all;
  for (const json* feature : features)
    if (const json* properties = Properties(*feature))
      for (auto it = properties->begin(); it != properties->end(); ++it)
        if (it.value().is_string() && base::IsOnsCodeProperty(it.key())) all.insert(it.key());
  std::vector<std::string> keys(all.begin(), all.end());
  candidates = keys;
  if (keys.size() <= 1) return keys.empty() ? std::string() : keys.front();
  std::vector<std::string> distinct;
  for (const auto& key : keys) {
    std::unordered_set<std::string> values;
    bool unique = true;
    for (const json* feature : features)
      if (std::string value = StringProperty(*feature, key); !value.empty())
        unique = unique && values.insert(value).second;
    if (unique) distinct.push_back(key);
  }
  if (distinct.size() == 1) return distinct.front();
  if (!distinct.empty()) candidates = distinct;
  std::vector<std::string> known;
  for (const auto& key : candidates) {
    bool all_known = true;
    for (const json* feature : features)
      if (std::string value = StringProperty(*feature, key); !value.empty())
        all_known = all_known && site.FindArea(value) != nullptr;
    if (all_known) known.push_back(key);
  }
  if (known.size() == 1) return known.front();
  return {};
}

// Reads one linear ring; returns an error message or "".
std::string ReadRing(const json& coordinates, model::Ring& ring) {
  if (!coordinates.is_array()) return "a ring must be an array of positions";
  for (const auto& position : coordinates) {
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() ||
        !position[1].is_number())
      return "a position must be [longitude, latitude]";
    double longitude = position[0].get<double>();
    double latitude = position[1].get<double>();
    if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90)
      return "position [" + std::to_string(longitude) + ", " + std::to_string(latitude) +
             "] is not a longitude/latitude pair";
    ring.points.emplace_back(longitude, latitude);
  }
  if (ring.points.size() < 4) return "a ring needs at least 4 positions";
  if (ring.points.front() != ring.points.back())
    return "a ring must be closed (its last position equal to its first)";
  return {};
}

std::string ReadPolygon(const json& coordinates, model::Polygon& polygon) {
  if (!coordinates.is_array() || coordinates.empty())
    return "a polygon must be a non-empty array of rings";
  for (const auto& ring_json : coordinates) {
    model::Ring ring;
    if (auto error = ReadRing(ring_json, ring); !error.empty()) return error;
    polygon.rings.push_back(std::move(ring));
  }
  return {};
}

std::string ReadGeometry(const json& geometry, model::Boundary& boundary) {
  if (!geometry.is_object() || !geometry.contains("type") || !geometry["type"].is_string())
    return "feature has no geometry";
  const std::string type = geometry["type"];
  if (!geometry.contains("coordinates")) return "geometry has no coordinates";
  const json& coordinates = geometry["coordinates"];
  if (type == "Polygon") {
    model::Polygon polygon;
    if (auto error = ReadPolygon(coordinates, polygon); !error.empty()) return error;
    boundary.polygons.push_back(std::move(polygon));
    return {};
  }
  if (type == "MultiPolygon") {
    if (!coordinates.is_array() || coordinates.empty())
      return "a MultiPolygon must be a non-empty array of polygons";
    for (const auto& polygon_json : coordinates) {
      model::Polygon polygon;
      if (auto error = ReadPolygon(polygon_json, polygon); !error.empty()) return error;
      boundary.polygons.push_back(std::move(polygon));
    }
    return {};
  }
  return "geometry type '" + type + "' is not supported (use Polygon or MultiPolygon)";
}

}  // namespace

void ReadBoundaryText(const std::string& text, const std::string& file, model::Site& site,
                      std::unordered_map<std::string, size_t>& seen,
                      base::Diagnostics& diagnostics) {
  if (const size_t deep = FindTooDeep(text); deep != std::string::npos) {
    diagnostics.Error(LineIndex(text).At(file, deep),
                      "JSON nested more than " + std::to_string(kMaxJsonDepth) + " levels deep",
                      "GeoJSON boundaries need about 8 levels (the positions of a MultiPolygon); "
                      "check the program that wrote the file");
    return;
  }
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& e) {
    size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    std::string message = e.what();
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line ..": keep
    // the part after the last ": " which says what was wrong.
    size_t cut = message.rfind(": ");
    diagnostics.Error(LineIndex(text).At(file, std::min(offset, text.size())),
                      "invalid JSON: " + (cut == std::string::npos ? message
                                                                   : message.substr(cut + 2)));
    return;
  } catch (const json::exception& e) {
    // Anything else nlohmann rejects while parsing (e.g. a number too large for a double).
    std::string message = e.what();
    size_t cut = message.find("] ");
    // The message quotes the offending text ("number overflow parsing '1e400'"): point at it.
    base::Location where{file, 0, 0};
    size_t open = message.rfind(" '");
    if (open != std::string::npos && message.back() == '\'') {
      size_t at = text.find(message.substr(open + 2, message.size() - open - 3));
      if (at != std::string::npos) where = LineIndex(text).At(file, at);
    }
    diagnostics.Error(where, "invalid JSON: " + (cut == std::string::npos
                                                            ? message
                                                            : message.substr(cut + 2)));
    return;
  }
  // value("type", json()): a "type" that is not text compares unequal (value with a text
  // default would throw on it; found by fuzzing).
  if (!document.is_object() || document.value("type", json()) != "FeatureCollection" ||
      !document.contains("features") || !document["features"].is_array()) {
    diagnostics.Error({file, 1, 1}, "expected a GeoJSON FeatureCollection");
    return;
  }
  LineIndex lines(text);
  const json& features = document["features"];
  const std::vector<size_t> offsets = FeatureOffsets(text, features.size());
  const model::BoundaryProperties& configured = site.config.boundary_properties;
  CodeRule rule;
  if (!configured.code.empty()) {
    rule.property = configured.code;
    rule.named = true;
  } else {
    std::vector<const json*> without_own;
    for (const auto& feature : features)
      if (OwnCode(feature).empty()) without_own.push_back(&feature);
    if (!without_own.empty()) {
      std::vector<std::string> candidates;
      rule.property = ChooseCodeProperty(without_own, site, candidates);
      if (rule.property.empty() && candidates.size() > 1) {
        diagnostics.Error({file, 1, 1},
                          "several properties could be the area code: " +
                              base::JoinWords(candidates, "and"),
                          "name the one to use in site.yaml, e.g. boundaries: {code_property: " +
                              candidates.back() + "}");
        return;
      }
    }
  }
  rule.name_property =
      !configured.name.empty() ? configured.name : base::OnsNamePropertyFor(rule.property);
  if (!configured.name.empty()) {
    bool any = false;
    for (const auto& feature : features)
      any = any || !StringProperty(feature, configured.name).empty();
    if (!any && !features.empty())
      diagnostics.Error({file, 1, 1}, "no feature has the property " + configured.name,
                        "site.yaml names it as boundaries: name_property (line " +
                            std::to_string(configured.name_location.line) + ")");
  }
  // Says which property a code came from, for messages about it.
  const std::string from =
      rule.property.empty() ? std::string() : " (read from property " + rule.property + ")";
  size_t feature_idx = 0;
  for (const auto& feature : features) {
    ++feature_idx;
    base::Location where = offsets.empty() ? base::Location{file, 0, 0}
                                           : lines.At(file, offsets[feature_idx - 1]);
    std::string code = rule.named ? StringProperty(feature, rule.property) : OwnCode(feature);
    if (code.empty() && !rule.named && !rule.property.empty())
      code = StringProperty(feature, rule.property);
    std::string label = "boundary feature " + std::to_string(feature_idx);
    if (std::string name = StringProperty(feature, rule.name_property); !name.empty())
      label += " (" + name + ")";
    if (code.empty()) {
      if (rule.named)
        diagnostics.Error(where, label + " has no property " + rule.property,
                          "site.yaml names it as boundaries: code_property (line " +
                              std::to_string(configured.code_location.line) + ")");
      else
        diagnostics.Error(where,
                          label + " has no area code" +
                              (rule.property.empty() ? "" : " (no " + rule.property + " property)"),
                          "give it an \"id\" or a \"code\" property, or name the property that "
                          "holds it in site.yaml: boundaries: {code_property: ...}");
      continue;
    }
    if (!site.FindArea(code)) {
      diagnostics.Error(where, "unknown area code '" + code + "' in " + label + from,
                        "add it to data/areas.csv or remove the feature");
      continue;
    }
    model::Boundary boundary;
    boundary.area_code = code;
    boundary.location = where;
    // By reference: a copy of a document recurses once per level of nesting.
    static const json kNoGeometry;
    const auto geometry = feature.is_object() ? feature.find("geometry") : feature.end();
    const json& geometry_json = geometry != feature.end() ? *geometry : kNoGeometry;
    if (auto error = ReadGeometry(geometry_json, boundary); !error.empty()) {
      diagnostics.Error(where, "boundary of '" + code + "': " + error);
      continue;
    }
    auto [existing, inserted] = seen.emplace(code, site.boundaries.size());
    if (!inserted) {
      const auto& other = site.boundaries[existing->second];
      diagnostics.Error(where, "area '" + code + "' has a second boundary" + from,
                        "first at " + other.location.file + ":" +
                            std::to_string(other.location.line));
      continue;
    }
    site.boundaries.push_back(std::move(boundary));
  }
}

void LoadBoundaries(model::Site& site, base::Diagnostics& diagnostics) {
  std::unordered_map<std::string, size_t> seen;  // area code -> index in site.boundaries
  const size_t errors_before = diagnostics.error_count();
  for (const auto& file : ListFiles(site.root, "data/boundaries", {".geojson", ".json"}, false))
    if (auto text = ReadFile(site.root, file, diagnostics, true))
      ReadBoundaryText(*text, file, site, seen, diagnostics);
  if (diagnostics.error_count() > errors_before) return;  // the cause is already reported
  // Every area of a type that has boundaries should have one: a ward left without is left off
  // every map, and a reader looking for it there would not find it.
  std::unordered_set<std::string> mapped_types;
  for (const auto& boundary : site.boundaries)
    if (const model::Area* area = site.FindArea(boundary.area_code)) mapped_types.insert(area->type);
  for (const auto& area : site.areas) {
    if (!mapped_types.count(area.type) || seen.count(area.code)) continue;
    diagnostics.Warning(area.location,
                        area.type + " '" + area.name + "' (" + area.code +
                            ") has no boundary in data/boundaries/, so the maps leave it out",
                        "add its feature to a boundary file; a boundary file for another year "
                        "may give it another code");
  }
}

}  // namespace outcomes::load::internal
