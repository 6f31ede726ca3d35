// Helpers for writing SVG charts: escaping, fixed number formatting, text width estimates and
// the shapes shared by the chart writers (render/svg/chart.cc).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace outcomes::render::svg_internal {

// Escapes text for SVG element content and double- or single-quoted attribute values: the five
// XML specials become references; C0 control characters other than tab, line feed and carriage
// return (not allowed in XML 1.0) are dropped.
std::string Escape(std::string_view text);

// A coordinate with at most one decimal, locale-independent: "12", "12.5", "-3.2"; never "-0".
// Non-finite values give "0" (a spec never holds them; this keeps the markup valid regardless).
std::string Num(double value);

// An estimate of the width of `text` set in a sans-serif face at `font_size` user units, in any
// weight: per character the wider of DejaVu Sans and DejaVu Sans Bold, rounded up. It errs wide
// on purpose, so that labels placed by it do not collide in any common font.
double TextWidth(std::string_view text, double font_size);

// An axis-aligned rectangle in user units (y grows downwards).
struct Box {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
};

// How far ink reaches above and below the baseline, in em: capitals and ascenders reach
// 0.76 em in DejaVu Sans, descenders 0.24 em; both rounded up.
inline constexpr double kAscent = 0.8;
inline constexpr double kDescent = 0.26;

// The one estimate of the room a text takes: the box of `text` set at (x, baseline) with
// `anchor` ("start", "middle" or "end"), TextWidth wide and from kAscent above the baseline to
// kDescent below. Every label is placed by it, and the tests check overlaps by it.
Box TextBox(double x, double baseline, std::string_view text, std::string_view anchor,
            double font_size);

// Splits `text` at spaces into lines no wider than `width` (a word longer than a line gets its
// own line).
std::vector<std::string> Wrap(std::string_view text, double width, double font_size);

// `text`, cut at a character boundary and ended with "…" when it is wider than `width`.
std::string Truncate(std::string_view text, double width, double font_size);

// A marker shape centred on (x, y): "circle", "square", "triangle", "triangle-down", "diamond"
// or "cross" (anything else is a circle). `size` is about the shape's width.
std::string Marker(const std::string& shape, double x, double y, double size,
                   const std::string& colour);
// The paint Marker gives a filled shape: `colour` with a white outline, as attributes (with a
// leading space). Many markers of one look can share it on their <g> (a dot chart's dots).
std::string MarkerPaint(const std::string& colour);
// Marker with `fill` as the filled shapes' paint attributes ("" to inherit them from a <g>
// carrying MarkerPaint(colour)); a cross, being stroked, is always drawn in `colour`.
std::string MarkerShape(const std::string& shape, double x, double y, double size,
                        const std::string& colour, const std::string& fill);

// <text> with the chart font size; `anchor` is "start", "middle" or "end"; `extra` holds more
// attributes (with a leading space). `text` is escaped here.
std::string Text(double x, double y, const std::string& text, const std::string& anchor,
                 const std::string& extra = "");

// The root element, title and description (ids "<id>-title" and "<id>-desc") around `body`.
// `attributes` holds the root's size, style and text attributes (with a leading space).
// Everything is escaped here.
std::string Svg(const std::string& id, const std::string& title, const std::string& desc,
                const std::string& kind, double width, double height,
                const std::string& attributes, const std::string& body);

// The font size of every chart text, in user units. The charts are 400 units wide, so at 320 px
// (about 280 px of content) 18 units show as 12.6 px.
inline constexpr double kFontSize = 18;
inline constexpr const char* kInk = "#0b0c0c";
inline constexpr const char* kGrid = "#b1b4b6";

}  // namespace outcomes::render::svg_internal
