// Diagnostics: problems found in a site's input, as values with a location.
//
// Loaders and validators never throw on bad input; they append a Diagnostic to a
// Diagnostics list so one run reports every problem. The CLI prints them as
// `path:line:col: error: message` (GNU style) or as JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace outcomes::base {

enum class Severity { kError, kWarning };

struct Location {
  std::string file;  // path relative to the site folder, '/' separated
  uint32_t line = 0;    // 1-based; 0 means "the whole file"
  uint32_t column = 0;  // 1-based; 0 means "the whole line"
};

// The location of byte `offset` of `text` (the whole of `file`): 1-based line and byte column.
// Linear in `offset`: for reporting an error, not for every field.
Location LocationAt(const std::string& file, std::string_view text, size_t offset);

struct Diagnostic {
  Severity severity = Severity::kError;
  Location location;
  std::string message;
  std::string hint;  // optional: a suggested fix
};

// Formats one diagnostic as `file:line:col: error: message` (+ "\n  hint: ..." when set).
// Line and column are left out when they are 0.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// Collects diagnostics in the order they are reported.
class Diagnostics {
 public:
  void Error(Location location, std::string message, std::string hint = {});
  void Warning(Location location, std::string message, std::string hint = {});
  void Add(Diagnostic diagnostic);
  void Append(const Diagnostics& other);

  bool HasErrors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  size_t warning_count() const { return items_.size() - error_count_; }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
  size_t error_count_ = 0;
};

}  // namespace outcomes::base
