// Ward maps as inline SVG (DESIGN §4): the choropleth on indicator pages and the locator on ward
// pages, drawn from the specs of view/chart.h (built by view/map_view.h). No JavaScript; every
// text alternative, word and colour comes from the spec, and every piece of text is XML-escaped
// here.
#pragma once

#include <string>

#include "view/chart.h"

namespace outcomes::render {

// A choropleth (view::ChoroplethSpec, view::AreaFinderMapSpec) for inline use in an HTML page:
// a <div class="map" id="ID"> holding the <svg> — <title> and <desc> linked by aria-labelledby /
// aria-describedby, patterns in <defs>, each ward a <path>, inside <a href aria-label> when it
// has a URL — and the key below it as an HTML list (<ul class="legend map-legend">, one swatch
// and line of words per class), so the key stays readable text however small the map is drawn.
// The svg has role="group" when wards are links (role="img" would hide the links from screen
// readers) and role="img" otherwise. Every id starts with the spec's id. Deterministic: the
// same spec gives the same bytes.
std::string RenderChoroplethSvg(const view::ChoroplethMap& spec);

// A locator (view::LocatorSpec): one <svg role="img"> with <title> and <desc>.
std::string RenderLocatorSvg(const view::LocatorMap& spec);

// A choropleth as one self-contained <svg> for a download: the map (each ward a <path> with its
// label as <title>, no links: they lead nowhere outside the site) and under it the key drawn in
// SVG, a swatch and a line of words per class. The standalone file's root attributes (size,
// font) are RenderStandaloneSvg's part.
std::string RenderStandaloneMapSvg(const view::ChoroplethMap& spec);

}  // namespace outcomes::render
