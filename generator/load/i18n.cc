// Reads the interface text: the built-in catalogue for site.yaml's language, with the site's own
// i18n/<language>.yaml over it key by key.
#include <algorithm>
#include <cctype>

#include "i18n/i18n.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"
#include "load/internal/yaml_fields.h"
#include "theme/theme.h"

namespace outcomes::load::internal {

namespace {

constexpr std::string_view kFolder = "i18n/";
constexpr std::string_view kExtension = ".yaml";
// The catalogue every other is checked against: it has every key.
constexpr std::string_view kReference = "en";

std::string Lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

// The catalogue names built into the binary ("cy", "en"), sorted.
std::vector<std::string> BuiltInNames() {
  std::vector<std::string> names;
  for (const theme::File& file : theme::Files())
    if (file.path.starts_with(kFolder) && file.path.ends_with(kExtension) &&
        file.path.find('/', kFolder.size()) == std::string_view::npos)
      names.emplace_back(file.path.substr(
          kFolder.size(), file.path.size() - kFolder.size() - kExtension.size()));
  return names;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t idx = 0; idx < names.size(); ++idx) out += (idx ? ", " : "") + names[idx];
  return out;
}

}  // namespace

void ReadCatalogue(const std::string& text, const std::string& file,
                   const i18n::Catalogue* reference, i18n::Catalogue& out,
                   base::Diagnostics& diagnostics) {
  auto root = ParseYaml(text, file, diagnostics);
  if (!root) return;
  if (!root->IsMap()) {
    diagnostics.Error(LocationOf(file, *root),
                      "an interface text catalogue must be a mapping of keys to text",
                      "write one 'key: text' a line");
    return;
  }
  std::vector<std::string> known;
  if (reference)
    for (const auto& [key, entry] : reference->entries()) known.push_back(key);
  for (const auto& item : *root) {
    const std::string key = item.first.Scalar();
    const base::Location where = LocationOf(file, item.first);
    const YAML::Node& value = item.second;
    const i18n::Entry* expected = nullptr;
    if (reference) {
      auto it = reference->entries().find(key);
      if (it == reference->entries().end()) {
        std::string closest = ClosestWord(key, known);
        diagnostics.Warning(where, "unknown interface text key '" + key + "'; it is ignored",
                            closest.empty() ? "the keys are those of the built-in i18n/en.yaml"
                                            : "did you mean '" + closest + "'?");
        continue;
      }
      expected = &it->second;
    }
    i18n::Entry entry;
    if (value.IsScalar()) {
      entry.text = value.Scalar();
    } else if (value.IsMap()) {
      for (const auto& form : value) {
        const std::string name = form.first.Scalar();
        auto known_form = std::find(std::begin(i18n::kPluralNames), std::end(i18n::kPluralNames),
                                    name);
        if (known_form == std::end(i18n::kPluralNames) || !form.second.IsScalar()) {
          diagnostics.Error(LocationOf(file, form.first),
                            "'" + name + "' is not a plural form with text",
                            "plural forms are zero, one, two, few, many and other");
          continue;
        }
        entry.forms[static_cast<i18n::Plural>(known_form - std::begin(i18n::kPluralNames))] =
            form.second.Scalar();
      }
      if (!entry.forms.contains(i18n::Plural::kOther)) {
        diagnostics.Error(where, "plural entry '" + key + "' has no 'other' form",
                          "'other' is the form used for any count the others do not cover");
        continue;
      }
    } else {
      diagnostics.Error(where, "interface text '" + key + "' must be text or plural forms");
      continue;
    }
    if (expected) {
      if (expected->plural() != entry.plural()) {
        diagnostics.Error(where,
                          expected->plural()
                              ? "'" + key + "' needs plural forms (one, other, ...), not one text"
                              : "'" + key + "' is one text, not plural forms");
        continue;
      }
      // Every placeholder must be one the program fills in for this key.
      std::vector<std::string> allowed;
      auto add = [&](const std::string& text) {
        for (auto& name : i18n::Placeholders(text)) allowed.push_back(name);
      };
      add(expected->text);
      for (const auto& [plural, text] : expected->forms) add(text);
      if (expected->plural()) allowed.emplace_back("count");
      std::sort(allowed.begin(), allowed.end());
      allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
      auto check = [&](const std::string& text) {
        for (const auto& name : i18n::Placeholders(text))
          if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string list;
            for (const auto& one : allowed) list += (list.empty() ? "{" : ", {") + one + "}";
            diagnostics.Error(where,
                              "'" + key + "' uses placeholder {" + name +
                                  "}, which is not given for it",
                              allowed.empty() ? "this text takes no placeholders; write {{ for a brace"
                                              : "its placeholders are " + list +
                                                    "; write {{ for a brace");
            return false;
          }
        return true;
      };
      bool good = check(entry.text);
      for (const auto& [plural, text] : entry.forms) good = good && check(text);
      if (!good) continue;
    }
    out.Set(key, std::move(entry));
  }
}

namespace {

const i18n::Catalogue& Reference() {
  static const i18n::Catalogue catalogue = [] {
    i18n::Catalogue reference{std::string(kReference)};
    base::Diagnostics ignored;
    auto text = theme::Find(std::string(kFolder) + std::string(kReference) +
                            std::string(kExtension));
    if (text)
      ReadCatalogue(std::string(*text), "(built-in theme) i18n/en.yaml", nullptr, reference,
                    ignored);
    return reference;
  }();
  return catalogue;
}

}  // namespace

const i18n::Catalogue& ReferenceCatalogue() { return Reference(); }

void LoadInterfaceText(model::Site& site, base::Diagnostics& diagnostics) {
  const model::SiteConfig& config = site.config;
  const std::string tag = config.language;
  std::vector<std::string> built_in = BuiltInNames();
  std::vector<std::string> site_files;
  if (CheckFolder(site.root, std::string(kFolder.substr(0, kFolder.size() - 1)), diagnostics))
    site_files = ListFiles(site.root, std::string(kFolder.substr(0, kFolder.size() - 1)),
                           {std::string(kExtension)}, false);
  std::vector<std::string> site_names;
  for (const std::string& file : site_files)
    site_names.push_back(
        file.substr(kFolder.size(), file.size() - kFolder.size() - kExtension.size()));
  // "cy-GB" is served by a catalogue called cy-GB, else by cy.
  std::vector<std::string> candidates{tag, Lower(tag.substr(0, tag.find('-')))};
  std::string name;
  for (const std::string& candidate : candidates) {
    auto has = [&](const std::vector<std::string>& names) {
      return std::find(names.begin(), names.end(), candidate) != names.end();
    };
    if (has(built_in) || has(site_names)) {
      name = candidate;
      break;
    }
  }
  if (name.empty()) {
    std::vector<std::string> available = built_in;
    for (const auto& own : site_names)
      if (std::find(available.begin(), available.end(), own) == available.end())
        available.push_back(own);
    std::sort(available.begin(), available.end());
    diagnostics.Error(config.language_location,
                      "no interface text for language '" + tag + "'; available: " +
                          JoinNames(available),
                      "use one of those, or add i18n/" + candidates.back() +
                          ".yaml to the site with every key of the built-in i18n/en.yaml");
    site.text = Reference();
    return;
  }
  const i18n::Catalogue& reference = Reference();
  i18n::Catalogue catalogue{Lower(name.substr(0, name.find('-')))};
  const bool is_built_in = std::find(built_in.begin(), built_in.end(), name) != built_in.end();
  if (is_built_in) {
    const std::string path = std::string(kFolder) + name + std::string(kExtension);
    ReadCatalogue(std::string(*theme::Find(path)), "(built-in theme) " + path, &reference,
                  catalogue, diagnostics);
  }
  const std::string own = std::string(kFolder) + name + std::string(kExtension);
  if (std::find(site_files.begin(), site_files.end(), own) != site_files.end()) {
    if (auto text = ReadFile(site.root, own, diagnostics, true))
      ReadCatalogue(*text, own, &reference, catalogue, diagnostics);
    if (!is_built_in) {
      std::vector<std::string> missing;
      for (const auto& [key, entry] : reference.entries())
        if (!catalogue.Has(key)) missing.push_back(key);
      if (!missing.empty())
        diagnostics.Error({own, 1, 1},
                          "no text for interface key '" + missing.front() + "'",
                          std::to_string(missing.size()) +
                              " key(s) missing: a language the program does not have needs "
                              "every key of the built-in i18n/en.yaml (see docs/formats.md)");
    }
  }
  // A built-in catalogue lacks no key (a test checks), but never print a bare key.
  for (const auto& [key, entry] : reference.entries())
    if (!catalogue.Has(key)) catalogue.Set(key, entry);
  site.text = std::move(catalogue);
}

}  // namespace outcomes::load::internal
