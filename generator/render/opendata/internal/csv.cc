#include "render/opendata/internal/csv.h"

#include <cmath>
#include <cstdint>

#include "base/format.h"

namespace outcomes::render::internal {

bool LooksLikeFormula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

std::string CsvText(std::string_view text) {
  bool prefix = LooksLikeFormula(text);
  bool quote = prefix || text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(text);
  std::string out = "\"";
  if (prefix) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string NumberText(const nlohmann::ordered_json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  double number = value.get<double>();
  if (!std::isfinite(number)) return {};
  return base::ShortestNumber(number);
}

std::string CsvField(const nlohmann::ordered_json& value) {
  if (value.is_null()) return {};
  if (value.is_number()) return NumberText(value);
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return CsvText(value.get_ref<const std::string&>());
}

std::string JsonValue(const nlohmann::ordered_json& value) {
  if (value.is_number()) {
    std::string text = NumberText(value);
    return text.empty() ? "null" : text;
  }
  if (value.is_string()) {
    // Most text needs no escaping (printable ASCII without " or \): quoted as it is, the
    // same bytes the serializer gives, without its cost on millions of cells.
    const std::string& text = value.get_ref<const std::string&>();
    bool plain = true;
    for (char ch : text) {
      const auto byte = static_cast<unsigned char>(ch);
      if (byte < 0x20 || byte >= 0x7f || ch == '"' || ch == '\\') {
        plain = false;
        break;
      }
    }
    if (plain) return "\"" + text + "\"";
  }
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace outcomes::render::internal
