#include "base/diagnostics.h"

#include <algorithm>

namespace outcomes::base {

Location LocationAt(const std::string& file, std::string_view text, size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const size_t last_newline = before.rfind('\n');
  const size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  return {file, static_cast<uint32_t>(1 + std::count(before.begin(), before.end(), '\n')),
          static_cast<uint32_t>(offset - line_start + 1)};
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.location.file.empty() ? "<site>" : diagnostic.location.file;
  if (diagnostic.location.line > 0) {
    out += ':' + std::to_string(diagnostic.location.line);
    if (diagnostic.location.column > 0) out += ':' + std::to_string(diagnostic.location.column);
  }
  out += diagnostic.severity == Severity::kError ? ": error: " : ": warning: ";
  out += diagnostic.message;
  if (!diagnostic.hint.empty()) out += "\n  hint: " + diagnostic.hint;
  return out;
}

void Diagnostics::Error(Location location, std::string message, std::string hint) {
  Add({Severity::kError, std::move(location), std::move(message), std::move(hint)});
}

void Diagnostics::Warning(Location location, std::string message, std::string hint) {
  Add({Severity::kWarning, std::move(location), std::move(message), std::move(hint)});
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const auto& item : other.items_) Add(item);
}

}  // namespace outcomes::base
