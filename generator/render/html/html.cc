#include "render/html/html.h"

#include "render/opendata/opendata.h"
#include "render/svg/svg.h"

namespace outcomes::render {

namespace {

// Every object of the view with an "svg_spec" (a chart or map view) gets a sibling "svg": the
// rendered inline SVG, which templates print with {{{svg}}}.
// A figure with "downloads" also gets its files, when `files` is given: the standalone SVG and
// its table's CSV, at the names the view chose, in the page's folder `folder`.
void RenderSvgSpecs(nlohmann::json& node, const std::string& folder, PageFiles* files) {
  if (node.is_object()) {
    if (auto spec = node.find("svg_spec"); spec != node.end()) {
      node["svg"] = RenderSvg(*spec);
      auto downloads = node.find("downloads");
      if (files && downloads != node.end() && downloads->is_object()) {
        files->emplace_back(folder + downloads->value("svg", ""), RenderStandaloneSvg(*spec));
        files->emplace_back(folder + downloads->value("csv", ""),
                            TableCsv(node.value("table", nlohmann::json())));
      }
    }
    for (auto& [key, child] : node.items())
      if (key != "svg_spec") RenderSvgSpecs(child, folder, files);
  } else if (node.is_array()) {
    for (auto& child : node) RenderSvgSpecs(child, folder, files);
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
  RenderSvgSpecs(view, folder, files);
  for (auto& part : page.markdown) {
    std::vector<std::string> figures;
    for (nlohmann::json& figure : part.figures) {
      RenderSvgSpecs(figure, folder, files);
      std::string html;
      std::string name = "figures/" + figure.value("kind", std::string("table"));
      if (!templates.Render(name, figure, html, error, options)) return false;
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
