#include "base/text.h"

#include <algorithm>
#include <vector>

namespace outcomes::base {

std::string JoinWords(const std::vector<std::string>& words, std::string_view last) {
  std::string out;
  for (size_t idx = 0; idx < words.size(); ++idx) {
    if (idx > 0) {
      if (idx + 1 == words.size()) {
        out += " ";
        out += last;
        out += " ";
      } else {
        out += ", ";
      }
    }
    out += words[idx];
  }
  return out;
}

std::string Slugify(std::string_view text, size_t max_length) {
  std::string slug;
  bool pending_hyphen = false;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    unsigned char c = static_cast<unsigned char>(text[idx]);
    if (c == '\'' || c == '.') continue;
    // U+2019 (right single quotation mark) is an apostrophe too.
    if (c == 0xE2 && idx + 2 < text.size() && static_cast<unsigned char>(text[idx + 1]) == 0x80 &&
        static_cast<unsigned char>(text[idx + 2]) == 0x99) {
      idx += 2;
      continue;
    }
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      pending_hyphen = !slug.empty();
      continue;
    }
    if (pending_hyphen) slug += '-';
    pending_hyphen = false;
    slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (max_length > 0 && slug.size() > max_length) {
    // Cut at the last hyphen that keeps at least half the length, else mid-word.
    size_t cut = slug.rfind('-', max_length);
    slug.resize(cut != std::string::npos && cut >= max_length / 2 ? cut : max_length);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug.empty() ? "page" : slug;
}

size_t CharacterCount(std::string_view text) {
  size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;  // not a continuation byte
  return count;
}

bool IsSlug(std::string_view text, size_t max_length) {
  if (text.empty() || text.size() > max_length || text.front() == '-' || text.back() == '-')
    return false;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    char c = text[idx];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              (c == '-' && text[idx - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

std::string SlugSet::Claim(std::string_view name, std::string_view key) {
  std::string slug = Slugify(name);
  if (used_.insert(slug).second) return slug;
  if (!key.empty()) {
    std::string key_slug = Slugify(key, kMaxSlugLength / 3);
    std::string keyed = Slugify(name, kMaxSlugLength - key_slug.size() - 1) + "-" + key_slug;
    if (used_.insert(keyed).second) return keyed;
    slug = keyed;
  }
  // Still taken (two things with one name and one key): number them. Each number is tried
  // once per Claim, so n things with one name cost O(n^2) set lookups at worst; names repeat
  // a handful of times, not thousands.
  for (size_t number = 2;; ++number) {
    std::string numbered = slug + "-" + std::to_string(number);
    if (used_.insert(numbered).second) return numbered;
  }
}

std::string EncodeUrlPath(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(path.size());
  for (char raw : path) {
    unsigned char c = static_cast<unsigned char>(raw);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      encoded += raw;
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return encoded;
}

std::string RelativeUrl(std::string_view from, std::string_view to) {
  size_t depth = static_cast<size_t>(std::count(from.begin(), from.end(), '/'));
  std::string url;
  for (size_t level = 0; level < depth; ++level) url += "../";
  return url + EncodeUrlPath(to);
}

std::string ResolveRelativePath(const std::string& from, const std::string& target) {
  std::vector<std::string> parts;
  std::string joined = from.substr(0, from.rfind('/') + 1) + target;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string piece = joined.substr(start, end - start);
    if (piece == "..") {
      if (parts.empty()) return {};
      parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string resolved;
  for (const auto& piece : parts) resolved += (resolved.empty() ? "" : "/") + piece;
  return resolved;
}

}  // namespace outcomes::base
