#include "base/format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace outcomes::base {

double RoundTo(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  // Nudge by a relative epsilon so 0.125 stored as 0.12499999... still rounds up.
  double scaled = value * scale;
  double nudged = scaled + std::copysign(std::fabs(scaled) * 1e-12, scaled);
  return std::round(nudged) / scale;
}

std::string FormatNumber(double value, int decimals, bool thousands) {
  if (std::isnan(value)) return {};
  double rounded = RoundTo(value, decimals);
  if (rounded == 0) rounded = 0;  // drop the sign of -0
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded);
  std::string text = buffer;
  if (!thousands) return text;
  size_t start = text[0] == '-' ? 1 : 0;
  size_t point = text.find('.');
  size_t integer_end = point == std::string::npos ? text.size() : point;
  std::string out = text.substr(0, start);
  for (size_t idx = start; idx < integer_end; ++idx) {
    out += text[idx];
    size_t remaining = integer_end - idx - 1;
    if (remaining > 0 && remaining % 3 == 0) out += ',';
  }
  out += text.substr(integer_end);
  return out;
}

std::string ShortestNumber(double value) {
  if (std::isnan(value)) return {};
  if (value == 0) return "0";
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return {};
  return std::string(buffer, end);
}

std::string FormatOrdinal(size_t n) {
  size_t last_two = n % 100;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    switch (n % 10) {
      case 1: suffix = "st"; break;
      case 2: suffix = "nd"; break;
      case 3: suffix = "rd"; break;
      default: break;
    }
  }
  return FormatNumber(static_cast<double>(n), 0) + suffix;
}

}  // namespace outcomes::base
