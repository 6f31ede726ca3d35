// A page of the website as its writer sees it (render/html): its path, its template, the JSON
// the template renders, the charts to draw into it and the Markdown to render into it. Holds no
// model or computed types: the HTML writer includes this, never view/site_view.h, so it cannot
// reach the data.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "view/chart.h"

namespace outcomes::markdown {
class Prepared;
}

namespace outcomes::view {

// A chart or map a view places: the HTML writer draws `chart` as inline SVG into the "svg" field
// of the view's node at `at` (which templates print with {{{svg}}}). With downloads, it also
// writes the chart as a standalone SVG file and the node's "table" as CSV, at the names given,
// beside the page (the node's "downloads" links to them).
struct PlacedChart {
  nlohmann::json::json_pointer at;  // the node, in the view that holds the chart
  Chart chart;                      // never empty
  std::string svg_download;         // a file name in the page's folder, or "" for none
  std::string csv_download;         // likewise, for the table
};

// A view and the charts placed in it (their pointers into `view`).
struct Figure {
  nlohmann::json view;
  std::vector<PlacedChart> charts;
};

// A Markdown fragment the HTML writer renders into a page's view.
struct MarkdownPart {
  std::string key;            // the view field that receives the HTML, e.g. "body_html"
  std::string source;         // Markdown (when `prepared` is null)
  uint32_t first_line = 1;    // file line of the source's first line
  // A content page's body, parsed when the site was loaded: rendered from this, not `source`.
  std::shared_ptr<const markdown::Prepared> prepared;
  std::map<std::string, std::string> links;  // destination as written -> URL from this page
  std::vector<Figure> figures;               // figure views, in the order of the figure blocks
  std::string footnote_prefix;               // keeps footnote ids unique on the page
};

struct PageView {
  std::string path;           // output path, e.g. "outcomes/best-start/index.html"
  std::string template_name;  // e.g. "outcome"
  nlohmann::json view;
  std::vector<PlacedChart> charts;  // the charts drawn into `view`, in the page's order
  std::vector<MarkdownPart> markdown;
  // A file written as it is, not through a template (template_name is then empty): e.g. a
  // postcode finder's JSON shard.
  std::string raw;
};

}  // namespace outcomes::view
