#include "render/html/html.h"

#include "render/opendata/opendata.h"
#include "render/svg/svg.h"

namespace outcomes::render {

namespace {

// Draws each of `charts` into `view`: the inline SVG as "svg" of the node the chart names. A
// chart with downloads also gets its files, when `files` is given: the standalone SVG and its
// node's table as CSV, at the names the view chose, in the page's folder `folder`.
void RenderCharts(const std::vector<view::PlacedChart>& charts, nlohmann::json& view,
                  const std::string& folder, PageFiles* files) {
  for (const view::PlacedChart& placed : charts) {
    nlohmann::json& node = view[placed.at];
    node["svg"] = RenderSvg(placed.chart);
    if (files && !placed.svg_download.empty()) {
      files->emplace_back(folder + placed.svg_download, RenderStandaloneSvg(placed.chart));
      files->emplace_back(folder + placed.csv_download,
                          TableCsv(node.value("table", nlohmann::json())));
    }
  }
}

}  // namespace

bool RenderPage(view::PageView page, const tmpl::Templates& templates,
                const markdown::Options& markdown_options, const view::TemplateTexts& texts,
                std::string& out, std::string* error, PageFiles* files) {
  const std::string folder = page.path.substr(0, page.path.rfind('/') + 1);
  const std::shared_ptr<const nlohmann::json> text = texts.For(page.view);
  tmpl::RenderOptions options;
  options.globals = text.get();  // a figure template prints interface text too
  nlohmann::json& view = page.view;
  RenderCharts(page.charts, view, folder, files);
  for (auto& part : page.markdown) {
    std::vector<std::string> figures;
    for (view::Figure& figure : part.figures) {
      RenderCharts(figure.charts, figure.view, folder, files);
      std::string html;
      std::string name = "figures/" + figure.view.value("kind", std::string("table"));
      if (!templates.Render(name, figure.view, html, error, options)) return false;
      figures.push_back(std::move(html));
    }
    auto rewrite = [&](const std::string& destination) {
      auto it = part.links.find(destination);
      return it == part.links.end() ? destination : it->second;
    };
    // The Markdown has one figure block per figure view (load checked each one); a mismatch
    // would be a programmer error, and rendering leaves any block without HTML out.
    if (part.prepared) {
      view[part.key] = part.prepared->Render(rewrite, figures, part.footnote_prefix);
    } else {
      markdown::Document document =
          markdown::Document::Parse(part.source, part.first_line, markdown_options);
      view[part.key] = document.RenderHtml(rewrite, figures, part.footnote_prefix);
    }
  }
  return templates.Render(page.template_name, view, out, error, options);
}

}  // namespace outcomes::render
