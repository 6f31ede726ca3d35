#include "view/text.h"

#include <map>
#include <optional>
#include <set>

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
  std::set<std::string> names;
  for (const auto& [key, entry] : text.entries()) {
    if (entry.plural()) continue;
    plain[key] = entry.text;
    std::vector<std::string> used = i18n::Placeholders(entry.text);
    if (used.empty()) continue;
    names.insert(used.begin(), used.end());
    with_placeholders_.push_back({key, entry.text, std::move(used), key.ends_with("_html")});
  }
  names_.assign(names.begin(), names.end());
  shared_ = std::make_shared<const nlohmann::json>(nlohmann::json{{"t", std::move(plain)}});
}

std::shared_ptr<const nlohmann::json> TemplateTexts::For(const nlohmann::json& page_view) const {
  // The page's values for the placeholders, which decide its object.
  std::map<std::string_view, std::string> values;
  std::string signature;
  for (const std::string& name : names_) {
    std::optional<std::string> value = FieldText(page_view, name);
    if (!value) continue;
    signature.append(name).push_back('\0');
    signature.append(*value).push_back('\0');
    values.emplace(name, std::move(*value));
  }
  if (values.empty()) return shared_;
  {
    std::lock_guard lock(mutex_);
    if (auto found = made_.find(signature); found != made_.end()) return found->second;
  }
  auto own = std::make_shared<nlohmann::json>(*shared_);
  nlohmann::json& text = (*own)["t"];
  for (const WithPlaceholders& entry : with_placeholders_) {
    i18n::Args args;  // views the names in `entry`
    for (const std::string& name : entry.names)
      if (auto value = values.find(name); value != values.end())
        args.emplace_back(name, entry.html ? EscapeHtml(value->second) : value->second);
    if (!args.empty()) text[entry.key] = i18n::Substitute(entry.text, args);
  }
  // Pages that differ (a ward's name) are not kept: a site has a handful of kinds of page, and
  // the objects of those are what is worth sharing.
  constexpr size_t kKept = 64;
  std::lock_guard lock(mutex_);
  if (made_.size() < kKept) made_.emplace(std::move(signature), own);
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
