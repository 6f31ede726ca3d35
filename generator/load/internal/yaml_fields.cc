#include "load/internal/yaml_fields.h"

// yaml-cpp 0.7 or later: its parser recurses once per level of nesting and stops at 500 levels
// with YAML::DeepRecursion (declared here); older versions have no limit at all.
#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string_view>
#include <vector>

#include "base/text.h"
#include "base/utf8.h"
#include "load/internal/loaders.h"

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

namespace {

// Flow collections ([a, [b]] and {a: {b: c}}) nested deeper than this are refused before
// yaml-cpp sees the text: its parser recurses per level, and where it stops (500 levels) it
// reports a position at the end of the brackets, or at the start of the file.
constexpr size_t kMaxFlowDepth = 100;

bool IsBlankOrBreak(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The end of the quoted scalar whose opening quote is at `open` (just past its closing quote),
// or npos when the text ends first. Double quotes escape with a backslash, single quotes by
// doubling.
size_t QuotedEnd(std::string_view text, size_t open) {
  const char quote = text[open];
  for (size_t pos = open + 1; pos < text.size(); ++pos) {
    if (quote == '"' && text[pos] == '\\') {
      ++pos;
    } else if (text[pos] == quote) {
      if (quote == '\'' && pos + 1 < text.size() && text[pos + 1] == '\'') {
        ++pos;
        continue;
      }
      return pos + 1;
    }
  }
  return std::string_view::npos;
}

// The offset of the first '[' or '{' that opens flow level kMaxFlowDepth + 1, or npos. One
// pass with just enough of YAML's syntax to tell flow brackets from text: comments, quoted
// scalars and block scalars (| and >) are skipped, and outside flow collections a bracket only
// counts where a value can start (so "title: Data [draft" is text). Anything it cannot follow
// (an unclosed quote) ends the scan: yaml-cpp reports those.
size_t FindDeepFlow(std::string_view text) {
  size_t depth = 0;
  bool node_start = true;  // the next character may start a value
  size_t line_indent = 0;  // indentation of the current line
  size_t pos = 0;
  const auto skip_line = [&] {
    while (pos < text.size() && text[pos] != '\n') ++pos;
  };
  const auto indentation_at = [&](size_t at) {
    size_t end = at;
    while (end < text.size() && text[end] == ' ') ++end;
    return end - at;
  };
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '\n') {
      ++pos;
      line_indent = indentation_at(pos);
      pos += line_indent;
      if (depth == 0) node_start = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++pos;
      continue;
    }
    if (c == '#' && (pos == 0 || IsBlankOrBreak(text[pos - 1]))) {
      skip_line();
      continue;
    }
    if (node_start && (c == '"' || c == '\'')) {
      pos = QuotedEnd(text, pos);
      if (pos == std::string_view::npos) return std::string_view::npos;
      node_start = false;
      continue;
    }
    if (depth == 0 && node_start && (c == '|' || c == '>')) {
      // A block scalar: its lines are blank or indented more than the line that opens it.
      skip_line();
      while (pos < text.size()) {
        const size_t next = pos + 1;
        const size_t indent = indentation_at(next);
        const bool blank = next + indent == text.size() || text[next + indent] == '\n' ||
                           text[next + indent] == '\r';
        if (!blank && indent <= line_indent) break;
        pos = next;
        skip_line();
      }
      continue;
    }
    if ((c == '[' || c == '{') && (depth > 0 || node_start)) {
      if (++depth > kMaxFlowDepth) return pos;
      node_start = true;
      ++pos;
      continue;
    }
    if (depth > 0) {
      if (c == ']' || c == '}') {
        --depth;
        node_start = false;
      } else {
        node_start = c == ',' || c == ':' || c == '?';
      }
      ++pos;
      continue;
    }
    const bool indicator = (c == '-' || c == '?' || c == ':') &&
                           (pos + 1 == text.size() || IsBlankOrBreak(text[pos + 1]));
    node_start = indicator;
    ++pos;
  }
  return std::string_view::npos;
}

// Where the node that starts last in the document starts, keys included. (Marks are kept, not
// nodes: assigning one YAML::Node to another rebinds the first one's node in the tree.)
YAML::Mark LastMark(const YAML::Node& root) {
  YAML::Mark last = root.Mark();
  const auto later = [](const YAML::Mark& a, const YAML::Mark& b) {
    return a.line != b.line ? a.line > b.line : a.column > b.column;
  };
  std::vector<YAML::Node> stack{root};
  while (!stack.empty()) {
    const YAML::Node node = stack.back();
    stack.pop_back();
    if (later(node.Mark(), last)) last = node.Mark();
    if (node.IsSequence()) {
      for (const auto& item : node) stack.push_back(item);
    } else if (node.IsMap()) {
      for (const auto& entry : node) {
        stack.push_back(entry.first);
        stack.push_back(entry.second);
      }
    }
  }
  return last;
}

// yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the text when a line break
// follows its last character: ScanScalar checks for the end of input only while scanning a
// line, and its loop ends without that check once the final line break has been eaten
// (`language: "en-GB` + "\n" gives "en-GB "). Such a scalar is the last node, so check that
// node's quote is closed. Returns the offset of an unclosed opening quote, or npos.
size_t FindUnclosedQuote(std::string_view text, const YAML::Node& root) {
  const YAML::Mark mark = LastMark(root);
  if (mark.is_null()) return std::string_view::npos;
  size_t offset = 0;
  for (int line = 0; line < mark.line; ++line) {
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) return std::string_view::npos;
    ++offset;
  }
  offset += static_cast<size_t>(mark.column);
  if (offset >= text.size() || (text[offset] != '"' && text[offset] != '\'')) {
    return std::string_view::npos;
  }
  return QuotedEnd(text, offset) == std::string_view::npos ? offset : std::string_view::npos;
}

}  // namespace

std::optional<YAML::Node> ParseYaml(const std::string& text, const std::string& file,
                                    base::Diagnostics& diagnostics) {
  if (const std::optional<base::Utf8Error> bad = base::FindInvalidUtf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad->offset]));
    diagnostics.Error({file, bad->line, bad->column},
                      std::string("invalid UTF-8 in YAML (byte ") + hex + ")",
                      "save the file as UTF-8");
    return std::nullopt;
  }
  if (const size_t deep = FindDeepFlow(text); deep != std::string_view::npos) {
    diagnostics.Error(base::LocationAt(file, text, deep),
                      "lists and mappings nested more than " + std::to_string(kMaxFlowDepth) +
                          " levels deep",
                      "a few levels are all a site needs: look for brackets written by mistake");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    diagnostics.Error(LocationOf(file, e.mark),
                      "lists and mappings nested too deeply for the YAML reader (" +
                          std::to_string(e.depth()) + " levels)",
                      "a few levels are all a site needs: look for indentation or '- ' written "
                      "by mistake");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diagnostics.Error(LocationOf(file, e.mark), "invalid YAML: " + e.msg);
    return std::nullopt;
  }
  if (const size_t quote = FindUnclosedQuote(text, root); quote != std::string_view::npos) {
    const char mark = text[quote];
    diagnostics.Error(base::LocationAt(file, text, quote),
                      std::string("quoted text is never closed: the ") + mark +
                          " here runs to the end of the file",
                      std::string("end the text with ") + mark +
                          (mark == '"' ? " (a \" inside it is written \\\")"
                                       : " (a ' inside it is written '')"));
    return std::nullopt;
  }
  return root;
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
