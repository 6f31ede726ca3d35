// Interface text loading: the built-in catalogues, language selection, a site's overrides.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "load/internal/loaders.h"
#include "theme/theme.h"

namespace outcomes::load::internal {

namespace {

namespace fs = std::filesystem;

// A site folder holding only the given files (relative path -> text).
fs::path SiteWith(const std::string& name, const std::map<std::string, std::string>& files) {
  fs::path root = fs::temp_directory_path() /
                  ("outcomes-i18n-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(root);
  fs::create_directories(root);
  for (const auto& [path, text] : files) {
    fs::create_directories((root / path).parent_path());
    std::ofstream(root / path, std::ios::binary) << text;
  }
  return root;
}

model::Site Load(const fs::path& root, const std::string& language, base::Diagnostics& out) {
  model::Site site;
  site.root = root.string();
  site.config.language = language;
  site.config.language_location = {"site.yaml", 3, 11};
  LoadInterfaceText(site, out);
  return site;
}

std::string Messages(const base::Diagnostics& diagnostics) {
  std::string text;
  for (const auto& item : diagnostics.items())
    text += item.location.file + ":" + std::to_string(item.location.line) + ": " + item.message +
            (item.hint.empty() ? "" : " | " + item.hint) + "\n";
  return text;
}

}  // namespace

TEST_CASE("the built-in Welsh catalogue has every English key, the same shape and placeholders") {
  const i18n::Catalogue& english = ReferenceCatalogue();
  REQUIRE(english.entries().size() > 250);
  base::Diagnostics diagnostics;
  model::Site site = Load(SiteWith("builtin", {}), "cy", diagnostics);
  INFO(Messages(diagnostics));
  CHECK(diagnostics.items().empty());
  // Welsh read straight from the theme, to see what it lacks before English fills gaps.
  std::string welsh_text(*theme::Find("i18n/cy.yaml"));
  for (const auto& [key, entry] : english.entries()) {
    INFO(key);
    CHECK(welsh_text.find("\n" + key + ":") != std::string::npos);
    const i18n::Entry& welsh = site.text.entries().find(key)->second;
    CHECK(welsh.plural() == entry.plural());
    if (!entry.plural()) {
      // Welsh may leave a placeholder out ({suffix}: English ordinals), never add one.
      for (const std::string& name : i18n::Placeholders(welsh.text)) {
        const auto english_names = i18n::Placeholders(entry.text);
        CHECK(std::find(english_names.begin(), english_names.end(), name) != english_names.end());
      }
      if (key.find("rank_nth") == std::string::npos)
        CHECK(i18n::Placeholders(welsh.text) == i18n::Placeholders(entry.text));
    } else {
      for (i18n::Plural form : i18n::PluralCategories("cy")) CHECK(welsh.forms.contains(form));
    }
  }
  CHECK(site.text.language() == "cy");
  CHECK(site.text("skip_link") == "Neidio i'r prif gynnwys");
  CHECK(site.text.Month(3) == "Mawrth");
}

TEST_CASE("language tags choose the catalogue: en, en-GB, cy, cy-GB") {
  for (auto [tag, skip] : {std::pair{"en", "Skip to main content"},
                           {"en-GB", "Skip to main content"},
                           {"cy", "Neidio i'r prif gynnwys"},
                           {"cy-GB", "Neidio i'r prif gynnwys"}}) {
    base::Diagnostics diagnostics;
    model::Site site = Load(SiteWith("tags", {}), tag, diagnostics);
    INFO(tag);
    CHECK(diagnostics.items().empty());
    CHECK(site.text("skip_link") == skip);
  }
}

TEST_CASE("a language without a catalogue is an error at site.yaml's language, listing those there are") {
  base::Diagnostics diagnostics;
  Load(SiteWith("unknown", {{"i18n/ga.yaml", "skip_link: Léim\n"}}), "fr", diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  const auto& error = diagnostics.items().front();
  CHECK(error.location.file == "site.yaml");
  CHECK(error.location.line == 3);
  CHECK(error.message == "no interface text for language 'fr'; available: cy, en, ga");
  CHECK(error.hint.find("i18n/fr.yaml") != std::string::npos);
}

TEST_CASE("a site's catalogue overrides built-in keys one by one; unknown keys are warnings") {
  base::Diagnostics diagnostics;
  model::Site site = Load(SiteWith("override", {{"i18n/cy.yaml",
                                                  "# ours\n"
                                                  "skip_link: Ewch i'r cynnwys\n"
                                                  "skip_lnik: typo\n"
                                                  "area_glance: \"{area_name} mewn golwg\"\n"}}),
                          "cy-GB", diagnostics);
  CHECK(diagnostics.error_count() == 0);
  REQUIRE(diagnostics.items().size() == 1);
  const auto& warning = diagnostics.items().front();
  CHECK(warning.severity == base::Severity::kWarning);
  CHECK(warning.location.file == "i18n/cy.yaml");
  CHECK(warning.location.line == 3);
  CHECK(warning.message == "unknown interface text key 'skip_lnik'; it is ignored");
  CHECK(warning.hint == "did you mean 'skip_link'?");
  CHECK(site.text("skip_link") == "Ewch i'r cynnwys");
  CHECK(site.text("area_glance", {{"area_name", "Leigh"}}) == "Leigh mewn golwg");
  CHECK(site.text("nav_home") == "Hafan");  // the rest stay built in
}

TEST_CASE("a site may override English text too") {
  base::Diagnostics diagnostics;
  model::Site site = Load(
      SiteWith("english", {{"i18n/en.yaml", "banner_title: \"Made-up figures.\"\n"}}), "en-GB",
      diagnostics);
  CHECK(diagnostics.items().empty());
  CHECK(site.text("banner_title") == "Made-up figures.");
  CHECK(site.text("skip_link") == "Skip to main content");
}

TEST_CASE("a language the program lacks needs every key; the first missing one is named") {
  base::Diagnostics diagnostics;
  Load(SiteWith("added", {{"i18n/ga.yaml", "skip_link: Léim go dtí an príomhábhar\n"}}), "ga",
       diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  const auto& error = diagnostics.items().front();
  CHECK(error.location.file == "i18n/ga.yaml");
  CHECK(error.message == "no text for interface key 'a11y_enforcement'");
  CHECK(error.hint.find(" key(s) missing") != std::string::npos);
}

TEST_CASE("a site's catalogue: wrong shape, unknown placeholder and missing other form are errors") {
  base::Diagnostics diagnostics;
  Load(SiteWith("shapes", {{"i18n/en.yaml",
                            "skip_link:\n  one: a\n  other: b\n"
                            "area_glance: \"{area} at a glance\"\n"
                            "home_progress_of:\n  one: \"{count} indicator\"\n"
                            "banner_share_first:\n  one: x\n  several: y\n  other: z\n"}}),
       "en", diagnostics);
  std::string messages = Messages(diagnostics);
  INFO(messages);
  CHECK(diagnostics.error_count() == 4);
  CHECK(messages.find("i18n/en.yaml:1: 'skip_link' is one text, not plural forms") !=
        std::string::npos);
  CHECK(messages.find("i18n/en.yaml:4: 'area_glance' uses placeholder {area}, which is not given "
                      "for it | its placeholders are {area_name}") != std::string::npos);
  CHECK(messages.find("i18n/en.yaml:5: plural entry 'home_progress_of' has no 'other' form") !=
        std::string::npos);
  CHECK(messages.find("i18n/en.yaml:9: 'several' is not a plural form with text") !=
        std::string::npos);
}

}  // namespace outcomes::load::internal
