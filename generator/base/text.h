// Small text helpers shared by every stage: slugs, and the one way every path or URL made from
// input is written.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace outcomes::base {

// The most characters one spreadsheet cell holds (Excel's limit): no text we publish may be
// longer, as every text can end up in a briefing pack.
inline constexpr size_t kMaxTextLength = 32767;
// The most characters of a name that heads a table column or labels a chart (an area, a group,
// an indicator's short title); Excel's table headers stop at 255 with their prefixes.
inline constexpr size_t kMaxNameLength = 150;

// The number of characters (code points) of valid UTF-8 `text`.
size_t CharacterCount(std::string_view text);

// A list as a sentence says it: "A", "A and B", "A, B and C"; "" for none.
std::string JoinWords(const std::vector<std::string>& words, std::string_view last = "and");

// The longest slug Slugify makes: file names stay far below every file system's limit and URLs
// stay readable.
inline constexpr size_t kMaxSlugLength = 60;

// A URL- and id-safe slug: ASCII letters and digits lower-cased, apostrophes and full stops
// dropped ("St. Luke's" -> "st-lukes"), every other run of characters one hyphen, no hyphen at
// either end, at most `max_length` characters (cut at a hyphen where there is one). Returns
// "page" when nothing is left. Safe by construction: only [a-z0-9-].
std::string Slugify(std::string_view text, size_t max_length = kMaxSlugLength);

// True when `text` is already a slug: lower-case ASCII letters, digits and single hyphens, no
// hyphen at either end, 1 to `max_length` characters.
bool IsSlug(std::string_view text, size_t max_length = 100);

// Unique slugs for a set of things (the wards of a site): Claim("Zed", "E05900001") returns
// "zed", then "zed-e05900001" for a second "Zed", then "zed-e05900001-2", ... Every slug it
// returns is unique within the set, at most kMaxSlugLength + 4 characters and a slug.
class SlugSet {
 public:
  // Marks `slug` as taken (e.g. a name reserved by the site); false when it already was.
  bool Reserve(const std::string& slug) { return used_.insert(slug).second; }
  // A new unique slug for `name`, told apart by `key` (an ONS code) when the name's is taken.
  std::string Claim(std::string_view name, std::string_view key = {});

 private:
  std::set<std::string> used_;
};

// `path` ('/' separated) made safe to put in an href or a sitemap: every byte other than
// ASCII letters, digits, '-', '.', '_', '~' and '/' is percent-encoded, so a path can never
// carry a scheme ("javascript:"), a space, a query or a fragment.
std::string EncodeUrlPath(std::string_view path);

// The relative URL from the output file `from` to the output file `to` (both '/' separated
// paths inside the output folder): "../" for each folder of `from`, then EncodeUrlPath(to).
std::string RelativeUrl(std::string_view from, std::string_view to);

// Resolves `target` ('/' separated, relative) against the folder of the file `from`
// ("case-studies/a.md" + "../strategies/b.md" -> "strategies/b.md"), removing "." and "..".
// Returns "" when the target climbs above the root.
std::string ResolveRelativePath(const std::string& from, const std::string& target);

}  // namespace outcomes::base
