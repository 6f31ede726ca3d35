#include "base/ons.h"

namespace outcomes::base {

bool IsOnsCodeProperty(std::string_view key) {
  // ^[A-Z]{2,5}[0-9]{2}CD$, without a regular expression.
  if (key.size() < 6 || key.size() > 9) return false;
  const size_t letters = key.size() - 4;
  for (size_t idx = 0; idx < letters; ++idx)
    if (key[idx] < 'A' || key[idx] > 'Z') return false;
  for (size_t idx = letters; idx < letters + 2; ++idx)
    if (key[idx] < '0' || key[idx] > '9') return false;
  return key.substr(letters + 2) == "CD";
}

std::string OnsNamePropertyFor(std::string_view code_property) {
  if (code_property.size() < 2 || code_property.substr(code_property.size() - 2) != "CD") return {};
  return std::string(code_property.substr(0, code_property.size() - 2)) + "NM";
}

}  // namespace outcomes::base
