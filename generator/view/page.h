// A page of the website as its writer sees it (render/html): its path, its template, the JSON
// the template renders and the Markdown to render into it. Holds no model or computed types:
// the HTML writer includes this, never view/site_view.h, so it cannot reach the data.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace outcomes::markdown {
class Prepared;
}

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

}  // namespace outcomes::view
