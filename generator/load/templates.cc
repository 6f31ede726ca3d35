// Which page templates a build renders, and which of the built-in theme's files a site's own
// templates/ folder leaves to the built-in theme (check says so). The templates themselves are
// parsed by the site's build.
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "load/internal/files.h"
#include "load/internal/loaders.h"
#include "load/load.h"
#include "theme/theme.h"

namespace outcomes::load {

namespace {

// When a kind of page is built (view::BuildSiteView is the other side of this table; a test
// builds the example's views and compares).
enum class When {
  kAlways,
  kOutcomes,
  kIndicators,
  kPublishedContent,
  kBaseUrl,
  kPostcodes,
  kAzPages,
};

struct PageTemplate {
  const char* name;     // under templates/, without ".mustache"
  const char* renders;  // what the build renders with it, for messages
  When when;
};

constexpr PageTemplate kPageTemplates[] = {
    {"home", "the home page", When::kAlways},
    {"outcomes", "the list of outcomes", When::kAlways},
    {"outcome", "each outcome's page", When::kOutcomes},
    {"indicators", "the list of indicators", When::kAlways},
    {"indicator", "each indicator's page", When::kIndicators},
    {"areas", "the list of areas", When::kAlways},
    {"area", "each area's page", When::kAlways},
    {"compare", "each page comparing an area with its council or group", When::kAlways},
    {"compare-any", "the page comparing any two areas", When::kAlways},
    {"search", "the search page and A to Z index", When::kAlways},
    {"search-letter", "each letter of the A to Z (more than 300 entries)", When::kAzPages},
    {"dashboard", "the dashboard", When::kAlways},
    {"content", "each page of content/", When::kPublishedContent},
    {"list", "the list of each type of content", When::kPublishedContent},
    {"library", "the library page", When::kAlways},
    {"methodology", "the methodology page", When::kAlways},
    {"downloads", "the downloads page", When::kAlways},
    {"accessibility", "the accessibility statement", When::kAlways},
    {"not-found", "404.html", When::kAlways},
    {"feed", "feed.xml", When::kAlways},
    {"sitemap", "sitemap.xml (written when site.yaml has a base_url)", When::kBaseUrl},
    {"robots", "robots.txt", When::kAlways},
    {"postcodes", "the postcode finder (site.yaml postcodes:)", When::kPostcodes},
    {"postcode-district", "each postcode district's page", When::kPostcodes},
    {"postcode-sector", "each postcode sector's page", When::kPostcodes},
};

bool Needed(const PageTemplate& page, const model::Site& site) {
  switch (page.when) {
    case When::kAlways:
      return true;
    case When::kOutcomes:
      return !site.outcomes.empty();
    case When::kIndicators:
      return !site.indicators.empty();
    case When::kBaseUrl:
      return !site.config.base_url.empty();
    case When::kPostcodes:
      return site.config.postcodes.enabled;
    case When::kAzPages: {
      // As view::SearchPages counts its entries: indicators, outcomes, areas with pages (the
      // home area, its groups and wards), published content. Over 300: a page per letter.
      size_t entries = site.indicators.size() + site.outcomes.size() + 1 + site.config.groups.size();
      for (const auto& area : site.areas)
        entries += area.type == "ward" && area.parent == site.config.home_area ? 1 : 0;
      for (const auto& content : site.pages) entries += content.draft ? 0 : 1;
      return entries > 300;
    }
    case When::kPublishedContent:
      for (const auto& content : site.pages)
        if (!content.draft) return true;
      return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> PageTemplates(const model::Site& site) {
  std::vector<std::string> names;
  for (const PageTemplate& page : kPageTemplates)
    if (Needed(page, site)) names.emplace_back(page.name);
  return names;
}

namespace internal {

void CheckPageTemplates(const model::Site& site, base::Diagnostics& diagnostics) {
  std::error_code error;
  if (!std::filesystem::is_directory(std::filesystem::path(site.root) / "templates", error))
    return;  // the built-in theme serves the whole site
  // A site's copy of the theme that lacks a file the binary has (a new template in a newer
  // version, say) still builds: the built-in file is used, and check says which.
  std::vector<std::string> built_in;
  for (const theme::File& file : theme::Files())
    if (file.path.starts_with("templates/") && !FileExists(site.root, std::string(file.path)))
      built_in.emplace_back(file.path);
  if (built_in.empty()) return;
  constexpr size_t kNamed = 3;
  std::string named;
  for (size_t idx = 0; idx < built_in.size() && idx < kNamed; ++idx)
    named += (idx == 0 ? "" : ", ") + built_in[idx].substr(std::string_view("templates/").size());
  if (built_in.size() > kNamed) named += " and " + std::to_string(built_in.size() - kNamed) + " more";
  diagnostics.Warning({"templates", 0, 0},
                      "templates/ has no " + named + ": the built-in " +
                          (built_in.size() == 1 ? "one is" : "ones are") + " used",
                      "`outcomes theme export DIR` writes the built-in theme out, to compare "
                      "or copy from");
}

}  // namespace internal
}  // namespace outcomes::load
