#include "render/html/html.h"

#include "render/svg/svg.h"

namespace outcomes::render {

namespace {

// Every object of the view with an "svg_spec" (a chart or map view) gets a sibling "svg": the
// rendered inline SVG, which templates print with {{{svg}}}.
void RenderSvgSpecs(nlohmann::json& node) {
  if (node.is_object()) {
    if (auto spec = node.find("svg_spec"); spec != node.end()) node["svg"] = RenderSvg(*spec);
    for (auto& [key, child] : node.items())
      if (key != "svg_spec") RenderSvgSpecs(child);
  } else if (node.is_array()) {
    for (auto& child : node) RenderSvgSpecs(child);
  }
}

}  // namespace

bool RenderPage(view::PageView page, const tmpl::Templates& templates,
                const markdown::Options& markdown_options, const view::TemplateTexts& texts,
                std::string& out, std::string* error) {
  const std::shared_ptr<const nlohmann::json> text = texts.For(page.view);
  tmpl::RenderOptions options;
  options.globals = text.get();  // a figure template prints interface text too
  nlohmann::json& view = page.view;
  RenderSvgSpecs(view);
  for (auto& part : page.markdown) {
    std::vector<std::string> figures;
    for (nlohmann::json& figure : part.figures) {
      RenderSvgSpecs(figure);
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
