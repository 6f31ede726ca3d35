// Lays out map specs as SVG. Decisions (classes, words, colours, paths) were made in
// view/map_view.cc; this file only chooses how each pattern is drawn and writes escaped markup.
#include "render/svg/map.h"

#include <cmath>
#include <vector>

#include "render/svg/internal/markup.h"

namespace outcomes::render {

namespace {

using nlohmann::json;

using svg_internal::Escape;

std::string Text(const json& spec, const char* key) {
  auto it = spec.find(key);
  return it != spec.end() && it->is_string() ? Escape(it->get<std::string>()) : std::string();
}

std::string Number(const json& spec, const char* key) {
  auto it = spec.find(key);
  return it != spec.end() && it->is_number() ? it->dump() : std::string("0");
}

std::string Fmt(double value) { return svg_internal::Num(value); }

// A <pattern> for a class: a tile of the class's fill with the class's marks in its ink.
// `tile` is the tile size in the user units of the SVG that uses it.
std::string Pattern(const std::string& id, const json& item, double tile) {
  std::string pattern = item.value("pattern", "none");
  std::string fill = Escape(item.value("fill", "#ffffff"));
  std::string ink = Escape(item.value("ink", "#0b0c0c"));
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
std::string Paint(const std::string& pattern_id, const json& item) {
  std::string fill = Escape(item.value("fill", "#ffffff"));
  if (item.value("pattern", "none") == "none") return fill;
  return "url(#" + pattern_id + ") " + fill;
}

// The root element with its title and description. `style` sets its CSS: the choropleth keeps
// within its container by itself; the locator leaves its size to the stylesheet (site.css gives
// it 16rem at most, so a ward page's first screen is not all map) and to its width attribute.
std::string Open(const json& spec, const std::string& id, const std::string& extra,
                 const std::string& style) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + extra + " viewBox=\"0 0 " +
         Number(spec, "width") + " " + Number(spec, "height") + "\" width=\"" +
         Number(spec, "display_width") + "\" height=\"" + Number(spec, "display_height") +
         "\" role=\"" + (Text(spec, "role").empty() ? "img" : Text(spec, "role")) +
         "\" aria-labelledby=\"" + id + "-title\" aria-describedby=\"" + id +
         "-desc\" style=\"" + style + "\">\n<title id=\"" + id +
         "-title\">" + Text(spec, "title") + "</title>\n<desc id=\"" + id + "-desc\">" +
         Text(spec, "desc") + "</desc>\n";
}

std::string RenderChoropleth(const json& spec) {
  const std::string id = Text(spec, "id");
  const json classes = spec.value("classes", json::array());
  std::string out = "<div class=\"map\" id=\"" + id + "\">\n";
  out += Open(spec, id, "", "display:block;max-width:100%;height:auto");
  // Tiles of 1/70 of the width: about 4 pixels on a phone, 11 on a wide screen.
  double tile = std::round(spec.value("width", 800.0) / 70 * 10) / 10;
  out += "<defs>";
  for (const auto& item : classes)
    if (item.value("pattern", "none") != "none")
      out += Pattern(id + "-" + Escape(item.value("key", "")), item, tile);
  out += "</defs>\n";
  // Focus and hover: the site's yellow focus colour and a thick outline, as links elsewhere.
  out += "<style>#" + id + " a:focus path{fill:#ffdd00;stroke:#0b0c0c;stroke-width:4px}#" + id +
         " a:hover path{stroke-width:3px}</style>\n";
  out +=
      "<g stroke=\"#0b0c0c\" stroke-width=\"1\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n";
  for (const auto& area : spec.value("areas", json::array())) {
    const std::string key = area.value("class", "");
    json item = json::object();
    for (const auto& candidate : classes)
      if (candidate.value("key", "") == key) item = candidate;
    std::string label = Text(area, "label");
    std::string path = "<path d=\"" + Text(area, "d") + "\" fill=\"" +
                       Paint(id + "-" + Escape(key), item) +
                       "\" vector-effect=\"non-scaling-stroke\"";
    // The link carries the accessible name; the path's <title> is the tooltip for a mouse.
    if (area.contains("url")) {
      out += "<a href=\"" + Text(area, "url") + "\" aria-label=\"" + label + "\">" + path +
             " aria-hidden=\"true\"><title>" + label + "</title></path></a>\n";
    } else {
      out += path + "><title>" + label + "</title></path>\n";
    }
  }
  out += "</g>\n</svg>\n";
  // The key, as text beside small swatches drawn like the map.
  out += "<p class=\"map-legend-title\" id=\"" + id + "-key\"><strong>Key:</strong> " +
         Text(spec, "legend_title") + "</p>\n";
  out += "<ul class=\"legend map-legend\" aria-labelledby=\"" + id + "-key\">\n";
  for (const auto& item : classes) {
    std::string key_id = id + "-key-" + Escape(item.value("key", ""));
    // Inline layout so the words wrap beside the swatch, not under it, with the stock stylesheet.
    out +=
        "<li style=\"display:flex;gap:.5em;align-items:flex-start\"><svg "
        "xmlns=\"http://www.w3.org/2000/svg\" width=\"36\" height=\"22\" viewBox=\"0 0 36 22\" "
        "aria-hidden=\"true\" style=\"flex:none;margin-top:.1em\">";
    if (item.value("pattern", "none") != "none")
      out += "<defs>" + Pattern(key_id, item, 9) + "</defs>";
    out += "<rect x=\"1\" y=\"1\" width=\"34\" height=\"20\" fill=\"" + Paint(key_id, item) +
           "\" stroke=\"#0b0c0c\" stroke-width=\"1\"/></svg><span>" + Text(item, "label") + ": " +
           Text(item, "count_label") + "</span></li>\n";
  }
  out += "</ul>\n</div>\n";
  return out;
}

std::string RenderLocator(const json& spec) {
  const std::string id = Text(spec, "id");
  std::string out =
      Open(spec, id, " class=\"map-locator\" id=\"" + id + "\"", "display:block;height:auto");
  out += "<g fill=\"" + Text(spec, "fill") + "\" stroke=\"" + Text(spec, "stroke") +
         "\" stroke-width=\"1\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n";
  std::string highlight;
  for (const auto& area : spec.value("areas", json::array())) {
    if (area.value("highlight", false)) {
      highlight += "<path d=\"" + Text(area, "d") + "\" fill=\"" + Text(spec, "highlight_fill") +
                   "\" stroke=\"" + Text(spec, "highlight_stroke") +
                   "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" fill-rule=\"evenodd\"/>\n";
      continue;
    }
    out += "<path d=\"" + Text(area, "d") + "\"/>\n";
  }
  out += "</g>\n" + highlight + "</svg>\n";
  return out;
}

}  // namespace

std::string RenderStandaloneMapSvg(const json& spec) {
  if (!spec.is_object() || spec.value("type", "") != "map") return {};
  const std::string id = Text(spec, "id");
  const json classes = spec.value("classes", json::array());
  const double width = spec.value("width", 800.0);
  const double map_height = spec.value("height", 600.0);
  // Text of a size that reads when the file is shown at its own width (800 px: 28 px).
  const double font = std::round(width / 400 * 14);
  const double line = font * 1.4;
  double tile = std::round(width / 70 * 10) / 10;
  std::string defs;
  for (const auto& item : classes)
    if (item.value("pattern", "none") != "none")
      defs += Pattern(id + "-" + Escape(item.value("key", "")), item, tile);
  std::string body = "<g stroke=\"#0b0c0c\" stroke-width=\"1\" stroke-linejoin=\"round\" "
                     "fill-rule=\"evenodd\">\n";
  for (const auto& area : spec.value("areas", json::array())) {
    const std::string key = area.value("class", "");
    json item = json::object();
    for (const auto& candidate : classes)
      if (candidate.value("key", "") == key) item = candidate;
    body += "<path d=\"" + Text(area, "d") + "\" fill=\"" + Paint(id + "-" + Escape(key), item) +
            "\"><title>" + Text(area, "label") + "</title></path>\n";
  }
  body += "</g>\n";
  // The key under the map: its title, then a swatch and the words of each class.
  double y = map_height;
  body += "<g class=\"map-key\" font-size=\"" + Fmt(font) + "\">\n";
  for (const auto& title_line : svg_internal::Wrap(spec.value("legend_title", ""), width, font)) {
    y += line;
    body += "<text x=\"0\" y=\"" + Fmt(y) + "\" font-weight=\"700\">" + Escape(title_line) +
            "</text>\n";
  }
  for (const auto& item : classes) {
    y += line * 1.25;
    const std::string key_id = id + "-key-" + Escape(item.value("key", ""));
    if (item.value("pattern", "none") != "none") defs += Pattern(key_id, item, font / 2);
    body += "<rect x=\"1\" y=\"" + Fmt(y - font) + "\" width=\"" + Fmt(font * 2) + "\" height=\"" +
            Fmt(font * 1.2) + "\" fill=\"" + Paint(key_id, item) +
            "\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>";
    const std::string words = item.value("label", "") + ": " + item.value("count_label", "");
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
         id + "-title\">" + Text(spec, "title") + "</title>\n<desc id=\"" + id + "-desc\">" +
         Text(spec, "desc") + "</desc>\n<defs>" + defs + "</defs>\n" + body + "</svg>";
}

std::string RenderMapSvg(const json& spec) {
  if (!spec.is_object()) return {};
  std::string type = spec.value("type", "");
  if (type == "map") return RenderChoropleth(spec);
  if (type == "locator") return RenderLocator(spec);
  return {};
}

}  // namespace outcomes::render
