#include "scaffold/internal/boundaries.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "base/ons.h"
#include "base/text.h"
#include "base/utf8.h"

namespace outcomes::scaffold::internal {

namespace {

using nlohmann::json;

// Line and column (1-based, the column in bytes) of a byte offset in `text`.
std::string Where(const std::string& path, const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1;
  size_t line_start = 0;
  for (size_t idx = 0; idx < offset; ++idx)
    if (text[idx] == '\n') {
      ++line;
      line_start = idx + 1;
    }
  return path + ":" + std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

// A string property of a feature, or "" (also when it is not a string).
std::string Property(const json& feature, const std::string& key) {
  const json& properties = feature["properties"];
  auto it = properties.find(key);
  return it != properties.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "LAD25CD, WD25CD and WD25NM": the properties a feature has, for messages.
std::string PropertyNames(const json& feature) {
  std::vector<std::string> names;
  for (auto it = feature["properties"].begin(); it != feature["properties"].end(); ++it)
    names.push_back(it.key());
  if (names.empty()) return "no properties";
  return "the properties " + base::JoinWords(names, "and");
}

// Whether every feature has `key` as a non-empty string.
bool EveryFeatureHas(const json& features, const std::string& key) {
  for (const auto& feature : features)
    if (Property(feature, key).empty()) return false;
  return true;
}

// Whether every feature has the same non-empty value of `key`.
bool SameInEveryFeature(const json& features, const std::string& key) {
  const std::string first = Property(features.front(), key);
  if (first.empty()) return false;
  for (const auto& feature : features)
    if (Property(feature, key) != first) return false;
  return true;
}

// What is wrong with `value` as a one-line name or code for pages and data/areas.csv, or "":
// "has a line break, tab or other invisible character" or "is 151 characters long; the most
// is 150".
std::string CheckValue(const std::string& value) {
  if (value.find_first_of("\t\r\n") != std::string::npos ||
      base::FindControlCharacter(value, nullptr))
    return "has a line break, tab or other invisible character";
  const size_t characters = base::CharacterCount(value);
  if (characters > base::kMaxNameLength)
    return "is " + std::to_string(characters) + " characters long; the most is " +
           std::to_string(base::kMaxNameLength);
  return "";
}

// A feature's own code: its "id" or its "code" property (as the loader reads it).
std::string OwnCode(const json& feature) {
  auto id = feature.find("id");
  if (id != feature.end() && id->is_string()) return *id;
  return Property(feature, "code");
}

// Every property named like an ONS code that any feature has, sorted.
std::vector<std::string> OnsCodeProperties(const json& features) {
  std::set<std::string> keys;
  for (const auto& feature : features)
    for (auto it = feature["properties"].begin(); it != feature["properties"].end(); ++it)
      if (base::IsOnsCodeProperty(it.key())) keys.insert(it.key());
  return {keys.begin(), keys.end()};
}

// The code property when none is given: the ONS-named property every feature has with a value
// of its own (a council's code repeats from ward to ward). "" with `error` set when there is
// none or more than one, unless every feature has an "id" or "code" (then "" and no error).
std::string ChooseCodeProperty(const json& features, std::string& error, std::string& hint) {
  std::vector<std::string> distinct;
  const std::vector<std::string> named = OnsCodeProperties(features);
  for (const auto& key : named) {
    std::set<std::string> values;
    bool ok = true;
    for (const auto& feature : features) {
      std::string value = Property(feature, key);
      ok = ok && !value.empty() && values.insert(value).second;
    }
    if (ok) distinct.push_back(key);
  }
  if (distinct.size() == 1) return distinct.front();
  bool own = true;
  for (const auto& feature : features) own = own && !OwnCode(feature).empty();
  if (distinct.empty() && own) return {};
  if (distinct.size() > 1) {
    error = "several properties could be the ward code: " + base::JoinWords(distinct, "and");
    hint = "choose one with --code-property, e.g. --code-property " + distinct.back();
  } else {
    error =
        "cannot tell which property holds the ward code: no property named like an ONS "
        "code (such as WD25CD) has a different value in every feature";
    hint = "name it with --code-property; the first feature has " + PropertyNames(features.front());
  }
  return {};
}

}  // namespace

std::string ReadWards(const std::string& path, std::string text, const WardOptions& options,
                      WardFile& out, std::string& hint) {
  out.bytes = std::move(text);
  json document;
  try {
    document = json::parse(out.bytes);
  } catch (const json::parse_error& e) {
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column
    // 5: syntax error while parsing ...": the part after the last ": " says what was wrong.
    std::string message = e.what();
    const size_t cut = message.rfind(": ");
    return Where(path, out.bytes, e.byte > 0 ? e.byte - 1 : 0) +
           ": invalid JSON: " + (cut == std::string::npos ? message : message.substr(cut + 2));
  } catch (const json::exception& e) {
    return path + ": invalid JSON: " + e.what();
  }
  hint =
      "outcomes new needs a GeoJSON FeatureCollection of your council's wards, such as the "
      "ward boundaries the ONS Open Geography Portal publishes";
  if (!document.is_object() || document.value("type", json()) != "FeatureCollection" ||
      !document.contains("features") || !document["features"].is_array())
    return path + ": not a GeoJSON FeatureCollection";
  const json& features = document["features"];
  if (features.empty()) return path + ": the FeatureCollection has no features";
  for (size_t idx = 0; idx < features.size(); ++idx) {
    const json& feature = features[idx];
    if (!feature.is_object() || !feature.contains("properties") ||
        !feature["properties"].is_object())
      return path + ": feature " + std::to_string(idx + 1) + " has no \"properties\" object";
  }
  hint.clear();

  // The properties the code and name are read from.
  std::string error;
  out.code_property = options.code_property.empty() ? ChooseCodeProperty(features, error, hint)
                                                    : options.code_property;
  if (!error.empty()) return path + ": " + error;
  // Every feature must have its code (said before anything about names).
  if (!out.code_property.empty())
    for (size_t idx = 0; idx < features.size(); ++idx)
      if (Property(features[idx], out.code_property).empty()) {
        hint = "give the property that holds each ward's code with --code-property";
        return path + ": feature " + std::to_string(idx + 1) + " has no property " +
               out.code_property + " (or it is empty or not text); it has " +
               PropertyNames(features[idx]);
      }
  out.name_property = options.name_property;
  if (out.name_property.empty()) {
    for (const std::string& key :
         {base::OnsNamePropertyFor(out.code_property), std::string("name")})
      if (!key.empty() && EveryFeatureHas(features, key)) {
        out.name_property = key;
        break;
      }
    if (out.name_property.empty()) {
      hint =
          "name it with --name-property; the first feature has " + PropertyNames(features.front());
      return path + ": cannot tell which property holds the ward's name";
    }
  }

  // The wards.
  std::map<std::string, size_t> seen;  // code -> feature number
  for (size_t idx = 0; idx < features.size(); ++idx) {
    const json& feature = features[idx];
    const std::string number = "feature " + std::to_string(idx + 1);
    Ward ward;
    ward.code = out.code_property.empty() ? OwnCode(feature) : Property(feature, out.code_property);
    ward.name = Property(feature, out.name_property);
    for (const auto& [value, key] :
         {std::pair{ward.code, out.code_property}, std::pair{ward.name, out.name_property}}) {
      if (!value.empty()) continue;
      if (key.empty()) return path + ": " + number + " has no \"id\" or \"code\"";
      hint = "give the property that holds it in every feature with --" +
             std::string(key == out.code_property ? "code" : "name") + "-property";
      return path + ": " + number + " has no property " + key +
             " (or it is empty or not text); it has " + PropertyNames(feature);
    }
    for (const auto& [value, what] :
         {std::pair{&ward.code, "code"}, std::pair{&ward.name, "name"}}) {
      const std::string problem = CheckValue(*value);
      if (problem.empty()) continue;
      hint = "correct it in the file: a ward's " + std::string(what) +
             " is one line, on its pages and in data/areas.csv";
      return path + ": the ward " + what + " of " + number + " " + problem;
    }
    auto [existing, inserted] = seen.emplace(ward.code, idx + 1);
    if (!inserted) {
      hint =
          "a site needs one feature for each ward: merge the two, or use a file with one "
          "feature per ward";
      return path + ": features " + std::to_string(existing->second) + " and " +
             std::to_string(idx + 1) + " have the same ward code " + ward.code;
    }
    out.wards.push_back(std::move(ward));
  }
  std::sort(out.wards.begin(), out.wards.end(), [](const Ward& a, const Ward& b) {
    return a.name != b.name ? a.name < b.name : a.code < b.code;
  });

  // The council the wards belong to.
  std::string council = options.council_property;
  std::string council_name = options.council_name_property;
  if (council.empty()) {
    // A property named like an ONS code, the same in every feature, whose name partner is too;
    // a council's (LAD…) before any wider area's (a county's or region's).
    std::vector<std::string> candidates;
    for (const auto& key : OnsCodeProperties(features))
      if (key != out.code_property && SameInEveryFeature(features, key) &&
          SameInEveryFeature(features, base::OnsNamePropertyFor(key)))
        candidates.push_back(key);
    auto lad = std::find_if(candidates.begin(), candidates.end(),
                            [](const std::string& key) { return key.rfind("LAD", 0) == 0; });
    if (lad != candidates.end())
      council = *lad;
    else if (candidates.size() == 1)
      council = candidates.front();
    // Wards of several councils carry a LAD… property whose value differs: said below.
    if (council.empty())
      for (const auto& key : OnsCodeProperties(features))
        if (key != out.code_property && key.rfind("LAD", 0) == 0 &&
            EveryFeatureHas(features, key)) {
          council = key;
          break;
        }
  }
  if (council.empty()) return "";  // the caller says the council's code is to be filled in
  if (council_name.empty()) council_name = base::OnsNamePropertyFor(council);
  if (council_name.empty() || !EveryFeatureHas(features, council_name)) {
    hint = "name the property that holds the council's name with --council-name-property";
    return path + ": cannot tell which property holds the council's name" +
           (council_name.empty() ? std::string() : " (not every feature has " + council_name + ")");
  }
  std::set<std::string> councils;
  for (size_t idx = 0; idx < features.size(); ++idx) {
    std::string code = Property(features[idx], council);
    if (code.empty()) {
      hint =
          "give the property that holds the council's code in every feature with "
          "--council-property";
      return path + ": feature " + std::to_string(idx + 1) + " has no property " + council +
             " (or it is empty or not text); it has " + PropertyNames(features[idx]);
    }
    councils.insert(code);
  }
  if (councils.size() > 1) {
    std::vector<std::string> list(councils.begin(), councils.end());
    hint =
        "outcomes new makes a site for one council: use a file with only your council's "
        "wards";
    return path + ": the wards belong to " + std::to_string(councils.size()) + " councils (" +
           council + " is " + base::JoinWords(list, "or") + ")";
  }
  out.council_code = *councils.begin();
  out.council_name = Property(features.front(), council_name);
  for (const auto& [value, what] : {std::pair{&out.council_code, council.c_str()},
                                    std::pair{&out.council_name, council_name.c_str()}}) {
    const std::string problem = CheckValue(*value);
    if (problem.empty()) continue;
    hint = "correct it in the file, or name another property with --council-property and "
           "--council-name-property";
    return path + ": the council's " + what + " " + problem;
  }
  return "";
}

}  // namespace outcomes::scaffold::internal
