// The website as view models: one PageView per output page (its path, its template and the
// JSON the template renders), built from the computed model. Every label, URL and number is
// decided here; the HTML writer only renders templates and Markdown.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostics.h"
#include "compute/compute.h"
#include "model/model.h"

namespace outcomes::view {

// A Markdown fragment the HTML writer renders into a page's view.
struct MarkdownPart {
  std::string key;            // the view field that receives the HTML, e.g. "body_html"
  std::string source;         // Markdown (when `prepared` is null)
  uint32_t first_line = 1;    // file line of the source's first line
  // A content page's body, parsed when the site was loaded: rendered from this, not `source`.
  std::shared_ptr<const markdown::Prepared> prepared;
  std::map<std::string, std::string> links;  // destination as written -> URL from this page
  std::vector<nlohmann::json> figures;       // figure views, in the order of the figure blocks
  std::string footnote_prefix;               // keeps footnote ids unique on the page
};

struct PageView {
  std::string path;           // output path, e.g. "outcomes/best-start/index.html"
  std::string template_name;  // e.g. "outcome"
  nlohmann::json view;
  std::vector<MarkdownPart> markdown;
  // A file written as it is, not through a template (template_name is then empty): e.g. a
  // postcode finder's JSON shard.
  std::string raw;
};

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
