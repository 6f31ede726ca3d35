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

namespace {

// Whether `value` is printed as an integer: a whole number a double holds exactly.
bool Whole(double value) {
  return value == std::trunc(value) && std::fabs(value) < 9007199254740992.0;  // 2^53
}

}  // namespace

std::string NumberText(double value) {
  if (!std::isfinite(value)) return {};
  if (Whole(value)) return std::to_string(static_cast<int64_t>(value));
  return base::ShortestNumber(value);
}

nlohmann::ordered_json NumberJson(double value) {
  if (!std::isfinite(value)) return nullptr;
  if (Whole(value)) return static_cast<int64_t>(value);
  return value;
}

std::string CsvField(const view::OpenDataCell& cell) {
  switch (cell.kind) {
    case view::OpenDataCell::Kind::kMissing: return {};
    case view::OpenDataCell::Kind::kNumber: return NumberText(cell.number);
    case view::OpenDataCell::Kind::kText: return CsvText(cell.text);
  }
  return {};
}

std::string JsonText(std::string_view text) {
  // Most text needs no escaping (printable ASCII without " or \): quoted as it is, the same
  // bytes the serializer gives, without its cost on millions of cells.
  bool plain = true;
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte >= 0x7f || ch == '"' || ch == '\\') {
      plain = false;
      break;
    }
  }
  if (plain) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    out += text;
    out += '"';
    return out;
  }
  return nlohmann::ordered_json(std::string(text))
      .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string JsonValue(const view::OpenDataCell& cell) {
  switch (cell.kind) {
    case view::OpenDataCell::Kind::kMissing: return "null";
    case view::OpenDataCell::Kind::kNumber: {
      std::string text = NumberText(cell.number);
      return text.empty() ? "null" : text;
    }
    case view::OpenDataCell::Kind::kText: return JsonText(cell.text);
  }
  return "null";
}

std::string JsonValue(const nlohmann::ordered_json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  if (value.is_number()) {
    std::string text = NumberText(value.get<double>());
    return text.empty() ? "null" : text;
  }
  if (value.is_string()) return JsonText(value.get_ref<const std::string&>());
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace outcomes::render::internal
