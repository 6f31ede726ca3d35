// Mustache templates: the input is a page template, optionally followed by a line "%%" and a
// partial ("partial"), and another "%%" and a layout ("layout"), parsed as the template loader
// parses each file and rendered against a small view, with the spec's and our own handling of
// missing partials.
#include "fuzz_site.h"
#include "template/template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  static const nlohmann::json kView = {
      {"title", "Children's <b>health</b> & \"care\""},
      {"count", 3},
      {"ratio", 1.25},
      {"flag", true},
      {"none", nullptr},
      {"empty", nlohmann::json::array()},
      {"items", {{{"name", "Kursaal"}, {"value", 61.2}}, {{"name", "Milton"}, {"value", 0}}}},
      {"area", {{"name", "Southend"}, {"code", "E06000033"}}},
      {"partial_name", "partial"},
      {"layout_name", "layout"},
  };
  static const nlohmann::json kGlobals = {{"site_title", "Outcomes"}, {"lang", "en"}};
  const std::vector<std::string> parts = fuzz::SplitParts(fuzz::Text(data, size), 3);
  static const char* const kNames[] = {"page", "partial", "layout"};
  tmpl::Templates templates;
  base::Diagnostics diagnostics;
  for (size_t part_idx = 0; part_idx < parts.size(); ++part_idx)
    templates.Add(kNames[part_idx], parts[part_idx],
                  std::string("templates/") + kNames[part_idx] + ".mustache", diagnostics);
  if (!templates.Has("page")) return 0;
  for (const bool strict : {true, false}) {
    tmpl::RenderOptions options;
    options.missing_partial_is_error = strict;
    options.globals = &kGlobals;
    std::string out;
    std::string error;
    templates.Render("page", kView, out, &error, options);
  }
  return 0;
}
