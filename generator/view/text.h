// The interface text as views use it: the templates' `t` object, and lists in words.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n/i18n.h"

namespace outcomes::view {

// The `t` object a page's template prints interface text from ({{t.skip_link}}): every plain
// entry of `text`, with each placeholder that names a top-level text or number field of the
// page's view (`{area_name}`, `{home_area}`) replaced by that field. Entries whose key ends in
// "_html" hold markup and are printed raw ({{{t.meth_compare_html}}}): what they take from the
// view is HTML-escaped first. Plural entries are left out: views choose their forms.
nlohmann::json TemplateText(const i18n::Catalogue& text, const nlohmann::json& page_view);

// "a, b and c" in the catalogue's language (key word_and).
std::string JoinWords(const i18n::Catalogue& text, const std::vector<std::string>& words);
// "a, b or c" (key word_or).
std::string JoinWordsOr(const i18n::Catalogue& text, const std::vector<std::string>& words);

}  // namespace outcomes::view
