// The HTML writer: renders a page's Markdown parts into its view, then its template. Sees only
// views (view/page.h), never the model or the raw data.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "markdown/markdown.h"
#include "template/template.h"
#include "view/page.h"
#include "view/text.h"

namespace outcomes::render {

// Files a page brings with it: (path relative to the output folder, bytes).
using PageFiles = std::vector<std::pair<std::string, std::string>>;

// Renders `page` with `templates` into `out`. Each Markdown part is rendered to HTML (links
// rewritten to page URLs, figure blocks replaced by their figure template
// "figures/<kind>") and stored in the view under the part's key. The page and its figures print
// interface text from texts.For(page's view). Returns false with `error` set when a template
// is missing or fails. Takes the page by value: a caller done with it moves it in.
// Each chart the page places (PageView::charts, and each figure's in its Markdown parts) is
// drawn as inline SVG into the "svg" of the view node it names; nothing else in the view is
// searched for charts. With `files`, every chart or map that offers downloads adds its two files
// beside the page: the chart as a standalone SVG (RenderStandaloneSvg) and its node's table as
// CSV (TableCsv), in the order the page lists its charts.
bool RenderPage(view::PageView page, const tmpl::Templates& templates,
                const markdown::Options& markdown_options, const view::TemplateTexts& texts,
                std::string& out, std::string* error, PageFiles* files = nullptr);

}  // namespace outcomes::render
