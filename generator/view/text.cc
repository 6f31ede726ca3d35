#include "view/text.h"

#include "base/text.h"

namespace outcomes::view {

namespace {

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

}  // namespace

nlohmann::json TemplateText(const i18n::Catalogue& text, const nlohmann::json& page_view) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, entry] : text.entries()) {
    if (entry.plural()) continue;
    const bool html = key.ends_with("_html");
    // `args` views these names: they live until the text is substituted.
    const std::vector<std::string> names = i18n::Placeholders(entry.text);
    i18n::Args args;
    for (const std::string& name : names) {
      auto field = page_view.find(name);
      if (field == page_view.end()) continue;
      std::string value;
      if (field->is_string())
        value = field->get<std::string>();
      else if (field->is_number())
        value = field->dump();
      else
        continue;
      args.emplace_back(name, html ? EscapeHtml(value) : value);
    }
    out[key] = args.empty() ? entry.text : i18n::Substitute(entry.text, args);
  }
  return out;
}

std::string JoinWords(const i18n::Catalogue& text, const std::vector<std::string>& words) {
  return base::JoinWords(words, text("word_and"));
}

std::string JoinWordsOr(const i18n::Catalogue& text, const std::vector<std::string>& words) {
  return base::JoinWords(words, text("word_or"));
}

}  // namespace outcomes::view
