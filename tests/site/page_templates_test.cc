// load::PageTemplates (what check requires in templates/) against the pages the build really
// makes (view::BuildSiteView): the two lists live in different modules and must not drift.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "compute/compute.h"
#include "load/load.h"
#include "view/site_view.h"

namespace {

using namespace outcomes;

// Template names of every page BuildSiteView makes for the site at `root`.
std::set<std::string> RenderedTemplates(const model::Site& site) {
  const compute::Results results = compute::Compute(site);
  base::Diagnostics diagnostics;
  std::set<std::string> names;
  for (const auto& page : view::BuildSiteView(site, results, diagnostics))
    if (!page.template_name.empty()) names.insert(page.template_name);  // not a raw file
  return names;
}

TEST_CASE("PageTemplates lists exactly the templates the build renders pages with") {
  for (const char* root : {OUTCOMES_SOURCE_DIR, OUTCOMES_SOURCE_DIR "/tests/fixtures/mini-site"}) {
    CAPTURE(root);
    base::Diagnostics diagnostics;
    model::Site site = load::LoadSite(root, diagnostics);
    REQUIRE_FALSE(diagnostics.HasErrors());
    const std::vector<std::string> required = load::PageTemplates(site);
    CHECK(std::set<std::string>(required.begin(), required.end()) == RenderedTemplates(site));

    // Without published content, no content or list pages are made, or required.
    for (auto& page : site.pages) page.draft = true;
    const std::vector<std::string> without = load::PageTemplates(site);
    CHECK(std::set<std::string>(without.begin(), without.end()) == RenderedTemplates(site));
  }
}

}  // namespace
