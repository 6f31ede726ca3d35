#include "i18n/i18n.h"

#include <algorithm>

namespace outcomes::i18n {

std::string_view PluralName(Plural plural) { return kPluralNames[static_cast<size_t>(plural)]; }

Plural PluralCategory(std::string_view language, int64_t n) {
  if (language == "cy") {
    switch (n) {
      case 0: return Plural::kZero;
      case 1: return Plural::kOne;
      case 2: return Plural::kTwo;
      case 3: return Plural::kFew;
      case 6: return Plural::kMany;
      default: return Plural::kOther;
    }
  }
  return n == 1 ? Plural::kOne : Plural::kOther;
}

std::vector<Plural> PluralCategories(std::string_view language) {
  if (language == "cy")
    return {Plural::kZero, Plural::kOne, Plural::kTwo, Plural::kFew, Plural::kMany,
            Plural::kOther};
  return {Plural::kOne, Plural::kOther};
}

std::string Substitute(std::string_view text, const Args& args) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    char ch = text[pos];
    if ((ch == '{' || ch == '}') && pos + 1 < text.size() && text[pos + 1] == ch) {
      out += ch;
      pos += 2;
      continue;
    }
    if (ch == '{') {
      size_t close = text.find('}', pos + 1);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(pos + 1, close - pos - 1);
        auto it = std::find_if(args.begin(), args.end(),
                               [&](const auto& arg) { return arg.first == name; });
        if (it != args.end()) {
          out += it->second;
          pos = close + 1;
          continue;
        }
      }
    }
    out += ch;
    ++pos;
  }
  return out;
}

std::vector<std::string> Placeholders(std::string_view text) {
  std::vector<std::string> names;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if ((text[pos] == '{' || text[pos] == '}') && pos + 1 < text.size() &&
        text[pos + 1] == text[pos]) {
      ++pos;
      continue;
    }
    if (text[pos] != '{') continue;
    size_t close = text.find('}', pos + 1);
    if (close == std::string_view::npos) break;
    names.emplace_back(text.substr(pos + 1, close - pos - 1));
    pos = close;
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string Catalogue::operator()(std::string_view key, const Args& args) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return "[" + std::string(key) + "]";
  const Entry& entry = it->second;
  if (!entry.plural()) return Substitute(entry.text, args);
  auto other = entry.forms.find(Plural::kOther);
  return other == entry.forms.end() ? std::string() : Substitute(other->second, args);
}

std::string Catalogue::Count(std::string_view key, int64_t count, const std::string& count_text,
                             const Args& args) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return "[" + std::string(key) + "]";
  Args all = args;
  all.emplace_back("count", count_text);
  const Entry& entry = it->second;
  if (!entry.plural()) return Substitute(entry.text, all);
  auto form = entry.forms.find(PluralCategory(language_, count));
  if (form == entry.forms.end()) form = entry.forms.find(Plural::kOther);
  return form == entry.forms.end() ? std::string() : Substitute(form->second, all);
}

std::string Catalogue::Count(std::string_view key, int64_t count, const Args& args) const {
  std::string digits = std::to_string(count < 0 ? -count : count);
  std::string text;
  for (size_t idx = 0; idx < digits.size(); ++idx) {
    if (idx > 0 && (digits.size() - idx) % 3 == 0) text += ',';
    text += digits[idx];
  }
  if (count < 0) text.insert(text.begin(), '-');
  return Count(key, count, text, args);
}

std::string Catalogue::Month(int month) const {
  if (month < 1 || month > 12) return {};
  return (*this)("month_" + std::to_string(month));
}

}  // namespace outcomes::i18n
