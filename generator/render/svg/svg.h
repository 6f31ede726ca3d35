// The SVG writer's front door: turns any chart or map spec from view/ into inline SVG markup for
// an HTML page. Writers see only specs (plain, already suppressed and formatted data), never the
// model or the computed results.
#pragma once

#include <string>

#include "view/chart.h"

namespace outcomes::render {

// Renders `chart` by its kind: a trend, comparison, position, sparkline or spine chart
// (chart.h), a choropleth or a locator map (map.h). Returns "" for an empty chart (a view's "no
// figure to draw"). All text is XML-escaped; the same spec always gives the same bytes.
std::string RenderSvg(const view::Chart& chart);

// The same figure as a file of its own, for the "Download this chart (SVG)" link: an XML
// declaration, then one <svg> with the SVG namespace, its <title> and <desc>, a white
// background, a margin all round (a fiftieth of the width), a fixed size in pixels (the
// viewBox's, 1.5 times for the 400-unit charts) and the
// font family and colours it needs set on the root, so it needs no stylesheet or font of the
// site. A choropleth ("map") is drawn with its key inside the SVG (on the page the key is HTML
// beside it) and without links. "" where RenderSvg gives "".
std::string RenderStandaloneSvg(const view::Chart& chart);

}  // namespace outcomes::render
