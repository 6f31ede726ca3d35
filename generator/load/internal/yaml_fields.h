// Strict reading of YAML mappings with locations: every key read is remembered, and Finish()
// reports each key that was not read as an error (a typo must not pass silently).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace outcomes::load::internal {

// Location of a YAML node (yaml-cpp marks are 0-based; ours are 1-based); line 1, column 1
// when yaml-cpp gives no mark.
base::Location LocationOf(const std::string& file, const YAML::Node& node);
base::Location LocationOf(const std::string& file, const YAML::Mark& mark);

// Parses `text` as YAML. Returns nullopt after adding an error at its line and column for:
// invalid UTF-8 (at the bad byte); flow collections ([...], {...}) nested more than 100 deep
// (at the bracket; found by a linear scan before parsing) or any nesting past yaml-cpp's
// limit of 500 levels; a quoted scalar never closed (at its opening quote; yaml-cpp accepts
// one that runs to the end of the text); and any other syntax error ("invalid YAML: ...").
std::optional<YAML::Node> ParseYaml(const std::string& text, const std::string& file,
                                    base::Diagnostics& diagnostics);

// The closest of `candidates` to `word` within edit distance 2, or "".
std::string ClosestWord(const std::string& word, const std::vector<std::string>& candidates);

class YamlFields {
 public:
  // `what` names the mapping in messages, e.g. "indicator" or "site.yaml". If `node` is not a
  // mapping, reports it and every getter then returns false.
  YamlFields(const YAML::Node& node, std::string file, base::Diagnostics& diagnostics,
             std::string what);

  bool ok() const { return ok_; }
  const YAML::Node& node() const { return node_; }
  const std::string& file() const { return file_; }
  base::Diagnostics& diagnostics() { return diagnostics_; }

  // Each getter: returns true when the key is present and valid (and sets `out`); when absent
  // and `required`, reports "missing required key 'x' in <what>"; when present but of the wrong
  // type, reports what was expected at the value's location.
  bool String(const char* key, std::string& out, bool required);
  bool Bool(const char* key, bool& out);
  bool Int(const char* key, int& out, bool required);
  bool Int64(const char* key, int64_t& out, bool required);
  bool Double(const char* key, double& out, bool required);
  bool StringList(const char* key, std::vector<std::string>& out, bool required,
                  std::vector<base::Location>* locations = nullptr);
  // Returns the raw node for `key` (marking it read), or an undefined node when absent.
  YAML::Node Child(const char* key, bool required);
  // Location of `key`'s value, or of the mapping when absent.
  base::Location Where(const char* key) const;

  // Reports every key that no getter asked for.
  void Finish();

 private:
  YAML::Node node_;
  std::string file_;
  base::Diagnostics& diagnostics_;
  std::string what_;
  bool ok_ = true;
  std::set<std::string> read_;
};

}  // namespace outcomes::load::internal
