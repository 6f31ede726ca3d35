#include "render/svg/internal/markup.h"

#include <charconv>
#include <cmath>

namespace outcomes::render::svg_internal {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string Num(double value) {
  if (!std::isfinite(value)) return "0";
  // Round to one decimal first so the text does not depend on how the value was reached.
  double rounded = std::round(value * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[32];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 1);
  if (error != std::errc()) return "0";
  std::string text(buffer, end);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

namespace {

// Advance widths in em: the wider of DejaVu Sans and DejaVu Sans Bold (the widest common
// sans-serif, and what system-ui gives on Linux), rounded up, measured in Chromium. Labels are
// placed by these widths, so erring wide keeps real text inside its box in any weight.
double CharWidth(unsigned char c) {
  if (c >= 0x80) return 1.04;  // a character outside ASCII ("…", "½", "é"): as wide as "%"
  if (c >= '0' && c <= '9') return 0.70;
  switch (c) {
    case ' ': return 0.35;
    case '\'': return 0.31;
    case 'i': case 'j': case 'l': return 0.35;
    case '/': case '\\': case '|': return 0.37;
    case 'I': case 'J': case ',': case '.': return 0.38;
    case ':': case ';': return 0.40;
    case 'f': return 0.41;
    case '-': return 0.42;
    case '!': case '(': case ')': case '[': case ']': return 0.46;
    case 't': return 0.48;
    case 'r': return 0.50;
    case '_': case '`': case '"': case '*': return 0.53;
    case '?': case 'z': case 'c': case 's': return 0.60;
    case 'L': return 0.64;
    case 'x': case 'v': case 'y': case 'k': return 0.67;
    case 'a': case 'e': case 'o': case 'S': case 'E': case 'F': return 0.69;
    case '$': return 0.70;
    case 'B': case 'R': case 'X': case 'A': case 'V': case 'K': return 0.78;
    case 'U': case 'G': case 'D': case 'H': case 'N': return 0.84;
    case 'w': return 0.93;
    case 'M': return 1.00;
    case '@': case '%': case 'm': return 1.04;
    case 'W': return 1.11;
    default: break;
  }
  // The rest of the letters (T h n u b d g p q Y Z P C, and "{}"): up to 0.74; other symbols
  // ("#+<=>^~&" and O, Q) up to 0.88.
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '{' || c == '}') return 0.74;
  return 0.88;
}

}  // namespace

double TextWidth(std::string_view text, double font_size) {
  double em = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: counted with its lead byte
    em += CharWidth(c);
  }
  return em * font_size;
}

Box TextBox(double x, double baseline, std::string_view text, std::string_view anchor,
            double font_size) {
  double width = TextWidth(text, font_size);
  double left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x;
  return {left, baseline - kAscent * font_size, left + width, baseline + kDescent * font_size};
}

std::vector<std::string> Wrap(std::string_view text, double width, double font_size) {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string word(text.substr(start, end - start));
    start = end + 1;
    if (word.empty()) continue;
    std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && TextWidth(candidate, font_size) > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string Truncate(std::string_view text, double width, double font_size) {
  if (TextWidth(text, font_size) <= width) return std::string(text);
  const std::string ellipsis = "…";
  double budget = width - TextWidth(ellipsis, font_size);
  std::string out;
  size_t idx = 0;
  while (idx < text.size()) {
    size_t next = idx + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    std::string candidate = out + std::string(text.substr(idx, next - idx));
    if (TextWidth(candidate, font_size) > budget) break;
    out = candidate;
    idx = next;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + ellipsis;
}

std::string MarkerPaint(const std::string& colour) {
  return " fill=\"" + Escape(colour) + "\" stroke=\"#fff\" stroke-width=\"1.5\"";
}

std::string Marker(const std::string& shape, double x, double y, double size,
                   const std::string& colour) {
  return MarkerShape(shape, x, y, size, colour, MarkerPaint(colour));
}

std::string MarkerShape(const std::string& shape, double x, double y, double size,
                        const std::string& colour, const std::string& fill) {
  double h = size / 2;
  if (shape == "square")
    return "<rect x=\"" + Num(x - h * 0.9) + "\" y=\"" + Num(y - h * 0.9) + "\" width=\"" +
           Num(size * 0.9) + "\" height=\"" + Num(size * 0.9) + "\"" + fill + "/>";
  if (shape == "triangle" || shape == "triangle-down") {
    double s = shape == "triangle" ? 1 : -1;
    double r = h * 1.2;
    return "<path d=\"M" + Num(x) + " " + Num(y - s * r) + "L" + Num(x + r) + " " +
           Num(y + s * r * 0.75) + "L" + Num(x - r) + " " + Num(y + s * r * 0.75) + "Z\"" + fill +
           "/>";
  }
  if (shape == "diamond") {
    double r = h * 1.25;
    return "<path d=\"M" + Num(x) + " " + Num(y - r) + "L" + Num(x + r) + " " + Num(y) + "L" +
           Num(x) + " " + Num(y + r) + "L" + Num(x - r) + " " + Num(y) + "Z\"" + fill + "/>";
  }
  if (shape == "cross") {
    double r = h * 0.9;
    return "<path d=\"M" + Num(x - r) + " " + Num(y - r) + "L" + Num(x + r) + " " + Num(y + r) +
           "M" + Num(x - r) + " " + Num(y + r) + "L" + Num(x + r) + " " + Num(y - r) +
           "\" stroke=\"" + Escape(colour) + "\" stroke-width=\"3\" fill=\"none\"/>";
  }
  return "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"" + Num(h) + "\"" + fill + "/>";
}

std::string Text(double x, double y, const std::string& text, const std::string& anchor,
                 const std::string& extra) {
  std::string out = "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\"";
  if (anchor != "start") out += " text-anchor=\"" + anchor + "\"";
  return out + extra + ">" + Escape(text) + "</text>";
}

std::string Svg(const std::string& spec_id, const std::string& title, const std::string& desc,
                const std::string& kind, double width, double height,
                const std::string& attributes, const std::string& body) {
  const std::string id = Escape(spec_id);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart--" + kind +
                    "\" viewBox=\"0 0 " + Num(width) + " " + Num(height) + "\"" + attributes +
                    " role=\"img\" aria-labelledby=\"" + id + "-title\" aria-describedby=\"" + id +
                    "-desc\">";
  out += "<title id=\"" + id + "-title\">" + Escape(title) + "</title>";
  out += "<desc id=\"" + id + "-desc\">" + Escape(desc) + "</desc>";
  out += body;
  out += "</svg>";
  return out;
}

}  // namespace outcomes::render::svg_internal
