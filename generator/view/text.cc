#include "view/text.h"

#include <optional>

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

namespace {

// The page's value for placeholder `name`: a top-level text or number field, else nullopt.
std::optional<std::string> FieldText(const nlohmann::json& page_view, const std::string& name) {
  auto field = page_view.find(name);
  if (field == page_view.end()) return std::nullopt;
  if (field->is_string()) return field->get<std::string>();
  if (field->is_number()) return field->dump();
  return std::nullopt;
}

}  // namespace

TemplateTexts::TemplateTexts(const i18n::Catalogue& text) {
  nlohmann::json plain = nlohmann::json::object();
  for (const auto& [key, entry] : text.entries()) {
    if (entry.plural()) continue;
    plain[key] = entry.text;
    std::vector<std::string> names = i18n::Placeholders(entry.text);
    if (!names.empty())
      with_placeholders_.push_back({key, entry.text, std::move(names), key.ends_with("_html")});
  }
  shared_ = std::make_shared<const nlohmann::json>(nlohmann::json{{"t", std::move(plain)}});
}

std::shared_ptr<const nlohmann::json> TemplateTexts::For(const nlohmann::json& page_view) const {
  std::shared_ptr<nlohmann::json> own;
  for (const WithPlaceholders& entry : with_placeholders_) {
    i18n::Args args;  // views the names in `entry`
    for (const std::string& name : entry.names) {
      std::optional<std::string> value = FieldText(page_view, name);
      if (value) args.emplace_back(name, entry.html ? EscapeHtml(*value) : std::move(*value));
    }
    if (args.empty()) continue;
    if (!own) own = std::make_shared<nlohmann::json>(*shared_);
    (*own)["t"][entry.key] = i18n::Substitute(entry.text, args);
  }
  if (!own) return shared_;
  return own;
}

nlohmann::json TemplateText(const i18n::Catalogue& text, const nlohmann::json& page_view) {
  return TemplateTexts(text).For(page_view)->at("t");
}

std::string JoinWords(const i18n::Catalogue& text, const std::vector<std::string>& words) {
  return base::JoinWords(words, text("word_and"));
}

std::string JoinWordsOr(const i18n::Catalogue& text, const std::vector<std::string>& words) {
  return base::JoinWords(words, text("word_or"));
}

}  // namespace outcomes::view
