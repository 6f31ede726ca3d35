// Markdown with figure blocks and links, as content pages and narrative fields are read and
// rendered: CheckLimits first (as every loader does), then Parse with and without raw HTML,
// every link rewritten and every figure block replaced, as the website writer renders a page.
// The prepared rendering must give the same bytes as rendering the document directly.
#include <cstdlib>

#include "fuzz_site.h"
#include "markdown/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  const std::string text = fuzz::Text(data, size);
  markdown::PlainText(text);
  if (markdown::CheckLimits(text, 3)) return 0;
  for (const bool allow_raw_html : {false, true}) {
    markdown::Options options;
    options.allow_raw_html = allow_raw_html;
    options.reserved_ids = {"main", "content"};
    markdown::Document document = markdown::Document::Parse(text, 3, options);
    // Links to other pages become relative URLs with an anchor; the rest stay as written.
    auto rewrite = [](const std::string& destination) {
      return destination.ends_with(".md") ? "../" + destination.substr(0, destination.size() - 3) +
                                                "/#top"
                                          : destination;
    };
    std::vector<std::string> figures;
    for (size_t figure_idx = 0; figure_idx < document.figures().size(); ++figure_idx)
      figures.push_back("<figure>" + std::to_string(figure_idx) + "</figure>");
    if (!figures.empty() && size % 3 == 0) figures.pop_back();  // one left without HTML
    const std::string direct = document.RenderHtml(rewrite, figures, "p_");
    const markdown::Prepared prepared = document.Prepare();
    if (prepared.Render(rewrite, figures, "p_") != direct) std::abort();
  }
  return 0;
}
