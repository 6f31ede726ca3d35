// The website as view models: one PageView (view/page.h) per output page, built from the
// computed model. Every label, URL and number is decided here; the HTML writer only renders
// templates and Markdown.
#pragma once

#include <functional>
#include <vector>

#include "base/diagnostics.h"
#include "compute/compute.h"
#include "model/model.h"
#include "view/page.h"

namespace outcomes::view {

// Builds every page of the site and hands each to `on_page` as soon as it is made (so a caller
// that only checks, or writes page by page, never holds the whole site). Problems that only
// show when pages are laid out (two pages wanting one URL; a Markdown link to a page or anchor
// that does not exist) go to `diagnostics`. Pages come in no particular order.
void BuildSiteView(const model::Site& site, const compute::Results& results,
                   base::Diagnostics& diagnostics, const std::function<void(PageView&&)>& on_page);
// The same, collected: every page, in output-path order.
std::vector<PageView> BuildSiteView(const model::Site& site, const compute::Results& results,
                                    base::Diagnostics& diagnostics);

}  // namespace outcomes::view
