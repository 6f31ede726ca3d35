#include "load/internal/yaml_fields.h"

#include "base/text.h"
#include "load/internal/loaders.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "base/utf8.h"

namespace outcomes::load::internal {

base::Location LocationOf(const std::string& file, const YAML::Mark& mark) {
  // No mark: a document with no node in it (only comments). The file is at fault, from its
  // start.
  if (mark.is_null()) return {file, 1, 1};
  return {file, static_cast<uint32_t>(mark.line + 1), static_cast<uint32_t>(mark.column + 1)};
}

base::Location LocationOf(const std::string& file, const YAML::Node& node) {
  return LocationOf(file, node.Mark());
}

std::optional<YAML::Node> ParseYaml(const std::string& text, const std::string& file,
                                    base::Diagnostics& diagnostics) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diagnostics.Error(LocationOf(file, e.mark), "invalid YAML: " + e.msg);
    return std::nullopt;
  }
}

namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool IsScalar(const YAML::Node& node) { return node.IsScalar(); }

// YAML escapes ("\u0001") can put control characters into a value even when the file has none.
bool HasControlCharacter(const std::string& text, const std::string& file, const YAML::Node& node,
                         base::Diagnostics& diagnostics) {
  uint32_t code_point = 0;
  if (!base::FindControlCharacter(text, &code_point)) return false;
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", code_point);
  diagnostics.Error(LocationOf(file, node),
                    std::string("control character ") + name + " is not allowed",
                    "delete it: it is invisible, and web pages and feeds cannot carry it");
  return true;
}

}  // namespace

std::string ClosestWord(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = 3;
  for (const auto& candidate : candidates) {
    size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

YamlFields::YamlFields(const YAML::Node& node, std::string file, base::Diagnostics& diagnostics,
                       std::string what)
    : node_(node), file_(std::move(file)), diagnostics_(diagnostics), what_(std::move(what)) {
  if (!node_.IsMap()) {
    ok_ = false;
    diagnostics_.Error(LocationOf(file_, node_), "expected a mapping (key: value lines) for " +
                                                     what_);
    return;
  }
  // yaml-cpp keeps the first of two equal keys silently; a repeated key is almost always a
  // mistake, so say so.
  std::set<std::string> seen;
  for (const auto& entry : node_) {
    if (!entry.first.IsScalar()) continue;
    if (!seen.insert(entry.first.Scalar()).second)
      diagnostics_.Error(LocationOf(file_, entry.first),
                         "duplicate key '" + entry.first.Scalar() + "' in " + what_);
  }
}

base::Location YamlFields::Where(const char* key) const {
  if (ok_) {
    const YAML::Node& const_node = node_;
    YAML::Node child = const_node[key];
    if (child.IsDefined()) return LocationOf(file_, child);
  }
  return LocationOf(file_, node_);
}

YAML::Node YamlFields::Child(const char* key, bool required) {
  if (!ok_) return YAML::Node(YAML::NodeType::Undefined);
  read_.insert(key);
  const YAML::Node& const_node = node_;
  YAML::Node child = const_node[key];
  if (!child.IsDefined() || child.IsNull()) {
    if (required)
      diagnostics_.Error(LocationOf(file_, node_),
                         "missing required key '" + std::string(key) + "' in " + what_);
    return YAML::Node(YAML::NodeType::Undefined);
  }
  return child;
}

bool YamlFields::String(const char* key, std::string& out, bool required) {
  YAML::Node child = Child(key, required);
  if (!child.IsDefined()) return false;
  if (!IsScalar(child)) {
    diagnostics_.Error(LocationOf(file_, child),
                       "'" + std::string(key) + "' in " + what_ + " must be text");
    return false;
  }
  if (HasControlCharacter(child.Scalar(), file_, child, diagnostics_)) return false;
  if (!CheckLength(child.Scalar(), base::kMaxTextLength, LocationOf(file_, child),
                   "'" + std::string(key) + "' in " + what_, diagnostics_))
    return false;
  out = child.Scalar();
  if (required && out.empty()) {
    diagnostics_.Error(LocationOf(file_, child),
                       "'" + std::string(key) + "' in " + what_ + " must not be empty");
    return false;
  }
  return true;
}

bool YamlFields::Bool(const char* key, bool& out) {
  YAML::Node child = Child(key, false);
  if (!child.IsDefined()) return false;
  const std::string& text = IsScalar(child) ? child.Scalar() : std::string();
  if (text == "true" || text == "yes") {
    out = true;
    return true;
  }
  if (text == "false" || text == "no") {
    out = false;
    return true;
  }
  diagnostics_.Error(LocationOf(file_, child),
                     "'" + std::string(key) + "' in " + what_ + " must be true or false");
  return false;
}

bool YamlFields::Int64(const char* key, int64_t& out, bool required) {
  YAML::Node child = Child(key, required);
  if (!child.IsDefined()) return false;
  const std::string text = IsScalar(child) ? child.Scalar() : std::string();
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    diagnostics_.Error(LocationOf(file_, child), "'" + std::string(key) + "' in " + what_ +
                                                     " must be a whole number, got '" + text +
                                                     "'");
    return false;
  }
  out = value;
  return true;
}

bool YamlFields::Int(const char* key, int& out, bool required) {
  int64_t value = 0;
  if (!Int64(key, value, required)) return false;
  if (value < -1000000000 || value > 1000000000) {
    diagnostics_.Error(Where(key), "'" + std::string(key) + "' in " + what_ + " is too large");
    return false;
  }
  out = static_cast<int>(value);
  return true;
}

bool YamlFields::Double(const char* key, double& out, bool required) {
  YAML::Node child = Child(key, required);
  if (!child.IsDefined()) return false;
  const std::string text = IsScalar(child) ? child.Scalar() : std::string();
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    diagnostics_.Error(LocationOf(file_, child), "'" + std::string(key) + "' in " + what_ +
                                                     " must be a number, got '" + text + "'");
    return false;
  }
  out = value;
  return true;
}

bool YamlFields::StringList(const char* key, std::vector<std::string>& out, bool required,
                            std::vector<base::Location>* locations) {
  YAML::Node child = Child(key, required);
  if (!child.IsDefined()) return false;
  if (!child.IsSequence()) {
    diagnostics_.Error(LocationOf(file_, child), "'" + std::string(key) + "' in " + what_ +
                                                     " must be a list, e.g. [a, b]");
    return false;
  }
  bool all_ok = true;
  for (const auto& item : child) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      diagnostics_.Error(LocationOf(file_, item),
                         "items of '" + std::string(key) + "' in " + what_ + " must be text");
      all_ok = false;
      continue;
    }
    if (HasControlCharacter(item.Scalar(), file_, item, diagnostics_)) {
      all_ok = false;
      continue;
    }
    out.push_back(item.Scalar());
    if (locations) locations->push_back(LocationOf(file_, item));
  }
  return all_ok;
}

void YamlFields::Finish() {
  if (!ok_) return;
  std::vector<std::string> known(read_.begin(), read_.end());
  for (const auto& entry : node_) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
    if (read_.count(key)) continue;
    std::string suggestion = ClosestWord(key, known);
    std::string hint = suggestion.empty() ? "known keys: " : "did you mean '" + suggestion + "'?";
    if (suggestion.empty()) {
      for (size_t key_idx = 0; key_idx < known.size(); ++key_idx)
        hint += (key_idx ? ", " : "") + known[key_idx];
    }
    diagnostics_.Error(LocationOf(file_, entry.first),
                       "unknown key '" + key + "' in " + what_, hint);
  }
}

}  // namespace outcomes::load::internal
