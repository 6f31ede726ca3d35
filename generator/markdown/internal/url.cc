#include "markdown/internal/url.h"

#include <string>

namespace outcomes::markdown::internal {

namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool IsUnsafeUrl(std::string_view url, bool is_image) {
  // The WHATWG URL parser strips leading and trailing C0 controls and spaces and removes every
  // tab and newline, so "\x01 java\tscript:" is still javascript:. Normalise the same way (and
  // lower-case) before looking at the scheme.
  size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= 0x20) ++start;
  std::string normal;
  for (size_t pos = start; pos < url.size() && normal.size() < 32; ++pos) {
    const char c = url[pos];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    normal += AsciiLower(c);
  }
  if (StartsWith(normal, "javascript:") || StartsWith(normal, "vbscript:") ||
      StartsWith(normal, "file:")) {
    return true;
  }
  if (StartsWith(normal, "data:")) {
    if (!is_image) return true;
    for (std::string_view allowed :
         {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"}) {
      if (StartsWith(normal, allowed)) {
        const std::string_view rest = std::string_view(normal).substr(allowed.size());
        if (rest.empty() || rest[0] == ';' || rest[0] == ',') return false;
      }
    }
    return true;
  }
  return false;
}

void AppendEscapedHref(std::string_view url, std::string& out) {
  static constexpr std::string_view kKept = "-_.+!*(),%#@?=;:/$~";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char ch : url) {
    const auto byte = static_cast<unsigned char>(ch);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || kKept.find(ch) != std::string_view::npos) {
      out += ch;
    } else if (ch == '&') {
      out += "&amp;";
    } else if (ch == '\'') {
      out += "&#x27;";
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
}

}  // namespace outcomes::markdown::internal
