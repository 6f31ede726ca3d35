// The HTML writer (render/html) draws the charts a page places (PageView::charts and each
// Markdown figure's) into the view nodes they name, writes the downloads of those that offer
// them, and searches the view for nothing else: a node that merely holds a spec as JSON under
// "svg_spec", as views once did, gets no SVG.
#include "render/html/html.h"

#include <doctest/doctest.h>

#include <string>

#include "base/diagnostics.h"
#include "load/internal/loaders.h"
#include "render/opendata/opendata.h"
#include "render/svg/svg.h"
#include "template/template.h"
#include "view/chart_view.h"
#include "view/page.h"
#include "view/text.h"

namespace outcomes {
namespace {

using nlohmann::json;

// A small sparkline of two points, with `id`.
view::SparklineChart Spark(const std::string& id) {
  view::SparklineChart spark;
  spark.id = id;
  spark.title = "Figure " + id;
  spark.desc = "Rose from 2 to 8.";
  spark.count = 2;
  spark.y_min = 0;
  spark.y_max = 10;
  spark.points.resize(2);
  spark.points[0].x = 0;
  spark.points[0].value = 2;
  spark.points[1].x = 1;
  spark.points[1].value = 8;
  spark.latest = {1, 8, "8"};
  spark.color = "#0b0c0c";
  spark.marker = "diamond";
  return spark;
}

TEST_CASE("the HTML writer draws exactly the charts a page places, where it places them") {
  base::Diagnostics diagnostics;
  tmpl::Templates templates;
  REQUIRE(templates.Add("page",
                        "{{#a}}{{#b}}<b>{{{svg}}}</b>{{/b}}{{/a}}"
                        "{{#list}}<i>{{{svg}}}</i>{{/list}}"
                        "{{#decoy}}<d>{{{svg}}}</d>{{/decoy}}{{{body_html}}}",
                        "page", diagnostics));
  REQUIRE(templates.Add("figures/chart", "<f>{{{svg}}}</f>", "figure", diagnostics));

  const json table = {
      {"caption", "Figures"},
      {"headers", json::array({{{"text", "Period"}}, {{"text", "Value"}}})},
      {"rows", json::array({{{"cells", json::array({{{"text", "2019"}}, {{"text", "8"}}})}}})}};
  view::PageView page;
  page.path = "dir/index.html";
  page.template_name = "page";
  page.view = {{"a", {{"b", {{"table", table}}}}},
               {"list", json::array({json::object(), json::object()})},
               {"decoy", {{"svg_spec", view::ChartJson(Spark("decoy"))}}}};
  page.charts.push_back({"/a/b"_json_pointer, Spark("one"), "one.svg", "one.csv"});
  page.charts.push_back({"/list/1"_json_pointer, Spark("two"), "", ""});
  view::MarkdownPart part;
  part.key = "body_html";
  part.source = "Text.\n\n```chart\nindicator: x\n```\n";
  view::Figure figure;
  figure.view = {{"kind", "chart"}};
  figure.charts.push_back({json::json_pointer(), Spark("three"), "", ""});
  part.figures.push_back(std::move(figure));
  page.markdown.push_back(std::move(part));

  std::string out;
  std::string error;
  render::PageFiles files;
  const view::TemplateTexts texts(load::internal::ReferenceCatalogue());
  REQUIRE_MESSAGE(render::RenderPage(page, templates, markdown::Options(), texts, out, &error,
                                     &files),
                  error);
  CHECK(out.find("<b>" + render::RenderSvg(Spark("one")) + "</b>") != std::string::npos);
  CHECK(out.find("<i></i><i>" + render::RenderSvg(Spark("two")) + "</i>") != std::string::npos);
  CHECK(out.find("<f>" + render::RenderSvg(Spark("three")) + "</f>") != std::string::npos);
  // The old magic key is data like any other now.
  CHECK(out.find("<d></d>") != std::string::npos);
  CHECK(out.find("decoy-title") == std::string::npos);
  // Downloads for the chart that offers them: the standalone SVG and its node's table.
  REQUIRE(files.size() == 2);
  CHECK(files[0].first == "dir/one.svg");
  CHECK(files[0].second == render::RenderStandaloneSvg(Spark("one")));
  CHECK(files[1].first == "dir/one.csv");
  CHECK(files[1].second == render::TableCsv(table));
  CHECK(files[1].second.find("2019,8") != std::string::npos);
}

}  // namespace
}  // namespace outcomes
