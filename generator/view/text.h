// The interface text as views use it: the templates' `t` object, and lists in words.
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>
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

// TemplateText for every page of a site, made without a copy of the catalogue per page: the
// entries are read once, and pages whose fields fill the placeholders alike (most pages of a
// large site: only the site's name and home area) share one object. For(view) is
// {"t": TemplateText(text, view)}, to render the page with as tmpl::RenderOptions::globals.
// Safe to call from several threads at once.
class TemplateTexts {
 public:
  explicit TemplateTexts(const i18n::Catalogue& text);
  std::shared_ptr<const nlohmann::json> For(const nlohmann::json& page_view) const;

 private:
  struct WithPlaceholders {
    std::string key;
    std::string text;
    std::vector<std::string> names;
    bool html = false;
  };
  std::vector<WithPlaceholders> with_placeholders_;
  std::vector<std::string> names_;                // every placeholder name, each once
  std::shared_ptr<const nlohmann::json> shared_;  // the object of a page that fills none
  // Objects made so far, by the placeholder values they were made with (a bounded number).
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const nlohmann::json>> made_;
};

// "a, b and c" in the catalogue's language (key word_and).
std::string JoinWords(const i18n::Catalogue& text, const std::vector<std::string>& words);
// "a, b or c" (key word_or).
std::string JoinWordsOr(const i18n::Catalogue& text, const std::vector<std::string>& words);

}  // namespace outcomes::view
