// Lays out map specs as SVG. Decisions (classes, words, colours, paths) were made in
// view/map_view.cc; this file only chooses how each pattern is drawn and writes escaped markup.
#include "render/svg/map.h"

#include <cmath>
#include <vector>

#include "render/svg/internal/markup.h"

namespace outcomes::render {

namespace {

using svg_internal::Escape;

// The look of a ward whose class is not in the key: a plain white fill.
const view::MapKeyClass kNoClass = {"", "", "", "#ffffff", "#0b0c0c", "none"};

// The class of `key` in `classes`: the last with that key, else kNoClass.
const view::MapKeyClass& ClassOf(const std::vector<view::MapKeyClass>& classes,
                                 const std::string& key) {
  const view::MapKeyClass* found = &kNoClass;
  for (const auto& candidate : classes)
    if (candidate.key == key) found = &candidate;
  return *found;
}

std::string Fmt(double value) { return svg_internal::Num(value); }

// A <pattern> for a class: a tile of the class's fill with the class's marks in its ink.
// `tile` is the tile size in the user units of the SVG that uses it.
std::string Pattern(const std::string& id, const view::MapKeyClass& item, double tile) {
  const std::string& pattern = item.pattern;
  std::string fill = Escape(item.fill);
  std::string ink = Escape(item.ink);
  std::string t = Fmt(tile);
  bool rotated = pattern == "crosshatch";
  std::string out = "<pattern id=\"" + id + "\" width=\"" + t + "\" height=\"" + t +
                    "\" patternUnits=\"userSpaceOnUse\"" +
                    (rotated ? " patternTransform=\"rotate(45)\"" : "") + ">";
  out += "<rect width=\"" + t + "\" height=\"" + t + "\" fill=\"" + fill + "\"/>";
  auto line = [&](const std::string& d, double width) {
    return "<path d=\"" + d + "\" stroke=\"" + ink + "\" stroke-width=\"" + Fmt(width) + "\"/>";
  };
  std::string half = Fmt(tile / 2);
  if (pattern == "checks")  // a checkerboard: two squares of the four in each tile
    out += "<path d=\"M0 0H" + half + "V" + half + "H0ZM" + half + " " + half + "H" + t + "V" + t +
           "H" + half + "Z\" fill=\"" + ink + "\"/>";
  if (pattern == "lines") out += line("M0 " + half + "H" + t, tile * 0.22);
  if (pattern == "vlines") out += line("M" + half + " 0V" + t, tile * 0.22);
  if (pattern == "grid" || pattern == "crosshatch") {
    double width = pattern == "grid" ? tile * 0.12 : tile * 0.14;
    out += line("M" + half + " 0V" + t + "M0 " + half + "H" + t, width);
  }
  if (pattern == "dots") {
    auto dot = [&](const std::string& at) {
      return "<circle cx=\"" + at + "\" cy=\"" + at + "\" r=\"" + Fmt(tile * 0.2) + "\" fill=\"" +
             ink + "\"/>";
    };
    out += dot(Fmt(tile / 4)) + dot(Fmt(tile * 3 / 4));
  }
  return out + "</pattern>";
}

// The paint for a class: its pattern with the plain fill as fallback, or the plain fill.
std::string Paint(const std::string& pattern_id, const view::MapKeyClass& item) {
  std::string fill = Escape(item.fill);
  if (item.pattern == "none") return fill;
  return "url(#" + pattern_id + ") " + fill;
}

// The root element with its title and description. `style` sets its CSS: the choropleth keeps
// within its container by itself; the locator leaves its size to the stylesheet (site.css gives
// it 16rem at most, so a ward page's first screen is not all map) and to its width attribute.
template <typename Map>
std::string Open(const Map& spec, const std::string& id, const std::string& extra,
                 const std::string& style) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + extra + " viewBox=\"0 0 " +
         std::to_string(spec.width) + " " + std::to_string(spec.height) + "\" width=\"" +
         std::to_string(spec.display_width) + "\" height=\"" +
         std::to_string(spec.display_height) + "\" role=\"" +
         (spec.role.empty() ? "img" : Escape(spec.role)) + "\" aria-labelledby=\"" + id +
         "-title\" aria-describedby=\"" + id + "-desc\" style=\"" + style +
         "\">\n<title id=\"" + id + "-title\">" + Escape(spec.title) +
         "</title>\n<desc id=\"" + id + "-desc\">" + Escape(spec.desc) + "</desc>\n";
}

}  // namespace

std::string RenderChoroplethSvg(const view::ChoroplethMap& spec) {
  const std::string id = Escape(spec.id);
  const std::vector<view::MapKeyClass>& classes = spec.classes;
  std::string out = "<div class=\"map\" id=\"" + id + "\">\n";
  out += Open(spec, id, "", "display:block;max-width:100%;height:auto");
  // Tiles of 1/70 of the width: about 4 pixels on a phone, 11 on a wide screen.
  double tile = std::round(static_cast<double>(spec.width) / 70 * 10) / 10;
  out += "<defs>";
  for (const auto& item : classes)
    if (item.pattern != "none") out += Pattern(id + "-" + Escape(item.key), item, tile);
  out += "</defs>\n";
  // Focus and hover: the site's yellow focus colour and a thick outline, as links elsewhere.
  out += "<style>#" + id + " a:focus path{fill:#ffdd00;stroke:#0b0c0c;stroke-width:4px}#" + id +
         " a:hover path{stroke-width:3px}</style>\n";
  out +=
      "<g stroke=\"#0b0c0c\" stroke-width=\"1\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n";
  for (const view::MapWard& area : spec.areas) {
    const std::string& key = area.class_key;
    const view::MapKeyClass& item = ClassOf(classes, key);
    std::string label = Escape(area.label);
    std::string path = "<path d=\"" + Escape(area.d) + "\" fill=\"" +
                       Paint(id + "-" + Escape(key), item) +
                       "\" vector-effect=\"non-scaling-stroke\"";
    // The link carries the accessible name; the path's <title> is the tooltip for a mouse.
    if (area.url) {
      out += "<a href=\"" + Escape(*area.url) + "\" aria-label=\"" + label + "\">" + path +
             " aria-hidden=\"true\"><title>" + label + "</title></path></a>\n";
    } else {
      out += path + "><title>" + label + "</title></path>\n";
    }
  }
  out += "</g>\n</svg>\n";
  // The key, as text beside small swatches drawn like the map.
  out += "<p class=\"map-legend-title\" id=\"" + id + "-key\"><strong>Key:</strong> " +
         Escape(spec.legend_title) + "</p>\n";
  out += "<ul class=\"legend map-legend\" aria-labelledby=\"" + id + "-key\">\n";
  for (const auto& item : classes) {
    std::string key_id = id + "-key-" + Escape(item.key);
    // Inline layout so the words wrap beside the swatch, not under it, with the stock stylesheet.
    out +=
        "<li style=\"display:flex;gap:.5em;align-items:flex-start\"><svg "
        "xmlns=\"http://www.w3.org/2000/svg\" width=\"36\" height=\"22\" viewBox=\"0 0 36 22\" "
        "aria-hidden=\"true\" style=\"flex:none;margin-top:.1em\">";
    if (item.pattern != "none") out += "<defs>" + Pattern(key_id, item, 9) + "</defs>";
    out += "<rect x=\"1\" y=\"1\" width=\"34\" height=\"20\" fill=\"" + Paint(key_id, item) +
           "\" stroke=\"#0b0c0c\" stroke-width=\"1\"/></svg><span>" + Escape(item.label) + ": " +
           Escape(item.count_label) + "</span></li>\n";
  }
  out += "</ul>\n</div>\n";
  return out;
}

std::string RenderLocatorSvg(const view::LocatorMap& spec) {
  const std::string id = Escape(spec.id);
  std::string out =
      Open(spec, id, " class=\"map-locator\" id=\"" + id + "\"", "display:block;height:auto");
  out += "<g fill=\"" + Escape(spec.fill) + "\" stroke=\"" + Escape(spec.stroke) +
         "\" stroke-width=\"1\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n";
  std::string highlight;
  for (const view::LocatorWard& area : spec.areas) {
    if (area.highlight) {
      highlight += "<path d=\"" + Escape(area.d) + "\" fill=\"" + Escape(spec.highlight_fill) +
                   "\" stroke=\"" + Escape(spec.highlight_stroke) +
                   "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" fill-rule=\"evenodd\"/>\n";
      continue;
    }
    out += "<path d=\"" + Escape(area.d) + "\"/>\n";
  }
  out += "</g>\n" + highlight + "</svg>\n";
  return out;
}

std::string RenderStandaloneMapSvg(const view::ChoroplethMap& spec) {
  const std::string id = Escape(spec.id);
  const std::vector<view::MapKeyClass>& classes = spec.classes;
  const double width = spec.width;
  const double map_height = spec.height;
  // Text of a size that reads when the file is shown at its own width (800 px: 28 px).
  const double font = std::round(width / 400 * 14);
  const double line = font * 1.4;
  double tile = std::round(width / 70 * 10) / 10;
  std::string defs;
  for (const auto& item : classes)
    if (item.pattern != "none") defs += Pattern(id + "-" + Escape(item.key), item, tile);
  std::string body = "<g stroke=\"#0b0c0c\" stroke-width=\"1\" stroke-linejoin=\"round\" "
                     "fill-rule=\"evenodd\">\n";
  for (const view::MapWard& area : spec.areas) {
    const std::string& key = area.class_key;
    const view::MapKeyClass& item = ClassOf(classes, key);
    body += "<path d=\"" + Escape(area.d) + "\" fill=\"" + Paint(id + "-" + Escape(key), item) +
            "\"><title>" + Escape(area.label) + "</title></path>\n";
  }
  body += "</g>\n";
  // The key under the map: its title, then a swatch and the words of each class.
  double y = map_height;
  body += "<g class=\"map-key\" font-size=\"" + Fmt(font) + "\">\n";
  for (const auto& title_line : svg_internal::Wrap(spec.legend_title, width, font)) {
    y += line;
    body += "<text x=\"0\" y=\"" + Fmt(y) + "\" font-weight=\"700\">" + Escape(title_line) +
            "</text>\n";
  }
  for (const auto& item : classes) {
    y += line * 1.25;
    const std::string key_id = id + "-key-" + Escape(item.key);
    if (item.pattern != "none") defs += Pattern(key_id, item, font / 2);
    body += "<rect x=\"1\" y=\"" + Fmt(y - font) + "\" width=\"" + Fmt(font * 2) + "\" height=\"" +
            Fmt(font * 1.2) + "\" fill=\"" + Paint(key_id, item) +
            "\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>";
    const std::string words = item.label + ": " + item.count_label;
    const std::vector<std::string> lines = svg_internal::Wrap(words, width - font * 2.8, font);
    for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
      if (line_idx > 0) y += line;
      body += "<text x=\"" + Fmt(font * 2.6) + "\" y=\"" + Fmt(y) + "\">" + Escape(lines[line_idx]) +
              "</text>";
    }
    body += "\n";
  }
  body += "</g>\n";
  const double height = std::ceil(y + line * 0.6);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 " + Fmt(width) +
         " " + Fmt(height) + "\" font-size=\"" + Fmt(font) + "\" fill=\"#0b0c0c\" role=\"img\" "
         "aria-labelledby=\"" + id + "-title\" aria-describedby=\"" + id + "-desc\">\n<title id=\"" +
         id + "-title\">" + Escape(spec.title) + "</title>\n<desc id=\"" + id + "-desc\">" +
         Escape(spec.desc) + "</desc>\n<defs>" + defs + "</defs>\n" + body + "</svg>";
}

}  // namespace outcomes::render
