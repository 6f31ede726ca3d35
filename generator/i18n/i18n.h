// Interface text: the catalogue of every fixed word the outputs show (headings, labels,
// sentences, month names), in one language, with placeholders and plural forms.
//
// A catalogue maps keys to text. Text may hold placeholders, `{name}`, replaced by the caller's
// arguments ("Up since {period}"); `{{` and `}}` write a literal brace. A plural entry holds one
// text per CLDR plural category of its language (zero, one, two, few, many, other) and is
// chosen by a count (see PluralCategory).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace outcomes::i18n {

// CLDR cardinal plural categories.
enum class Plural { kZero, kOne, kTwo, kFew, kMany, kOther };
inline constexpr const char* kPluralNames[] = {"zero", "one", "two", "few", "many", "other"};
std::string_view PluralName(Plural plural);
// The category of a whole number `n` in `language` (a catalogue name such as "en" or "cy"):
// Welsh (cy) 0 zero, 1 one, 2 two, 3 few, 6 many, else other; every other language 1 one,
// else other (English's rule, which fits most languages a site is likely to add).
Plural PluralCategory(std::string_view language, int64_t n);
// The categories `language` uses, in order.
std::vector<Plural> PluralCategories(std::string_view language);

using Args = std::vector<std::pair<std::string_view, std::string>>;

// `text` with each `{name}` replaced by its argument; a placeholder with no argument is left as
// written, so a missing argument shows instead of vanishing.
std::string Substitute(std::string_view text, const Args& args);
// The placeholder names `text` uses, sorted, each once.
std::vector<std::string> Placeholders(std::string_view text);

struct Entry {
  std::string text;                          // a plain entry
  std::map<Plural, std::string> forms;       // a plural entry (then `text` is empty)
  bool plural() const { return !forms.empty(); }
};

class Catalogue {
 public:
  Catalogue() = default;
  explicit Catalogue(std::string language) : language_(std::move(language)) {}

  // The catalogue's language ("en", "cy"), which picks the plural rule.
  const std::string& language() const { return language_; }
  void set_language(std::string language) { language_ = std::move(language); }
  const std::map<std::string, Entry, std::less<>>& entries() const { return entries_; }
  void Set(std::string key, Entry entry) { entries_[std::move(key)] = std::move(entry); }
  bool Has(std::string_view key) const { return entries_.find(key) != entries_.end(); }

  // The text of `key` with `args` substituted. A plural entry gives its `other` form. A key the
  // catalogue lacks gives "[key]" (loading makes sure every catalogue has every key).
  std::string operator()(std::string_view key, const Args& args = {}) const;
  // The form of plural entry `key` for `count`, with `{count}` set to `count_text` (the number
  // as the page writes it, e.g. "1,026") and `args` substituted.
  std::string Count(std::string_view key, int64_t count, const std::string& count_text,
                    const Args& args = {}) const;
  // The same with `{count}` written plainly (digits, thousands separated by commas).
  std::string Count(std::string_view key, int64_t count, const Args& args = {}) const;
  // "January" … "December" for 1 … 12 (keys month_1 … month_12).
  std::string Month(int month) const;

 private:
  std::string language_ = "en";
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace outcomes::i18n
