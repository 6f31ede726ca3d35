// Reads back what a chart writer drew (tests/svg/*_test.cc): every text as a label box and every
// mark as segments or a box, in the chart's user units, so a test can check that no label sits
// on something that is not its own. It reads the SVG, not the writer's own bookkeeping, so it
// checks what a reader would see.
//
//   labels  every <text>: its box by svg_internal::TextBox (the writer's one estimate) at the
//           font size it inherits.
//   marks   every <path>, <circle>, <rect> and <line> outside <defs>: a stroked path (fill
//           "none") as its segments, half its stroke width either side; anything filled as its
//           bounding box, with its outline. Backgrounds are not marks: gridlines (in a <g> of
//           class "chart-grid"), the confidence band ("chart-band") and the shaded columns of
//           gaps (the <rect>s of "chart-gaps").
//   owner   the nearest enclosing <g> with a class: a label may touch the marks of its own
//           group (a latest-point label its series' line), nothing else; a label in no such
//           group may touch nothing.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "render/svg/internal/markup.h"
#include "svg_xml.h"

namespace outcomes::svg_test {

using render::svg_internal::Box;

struct Label {
  std::string text;
  Box box;
  int owner = -1;
};

struct Mark {
  bool segment = false;  // a segment from (x1, y1) to (x2, y2), `half` wide either side
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, half = 0;
  Box box;  // when not a segment
  int owner = -2;
  int element = 0;   // its index in the parsed document (a path is one element, many segments)
  std::string what;  // for messages: the element and its group
};

struct ChartGeometry {
  std::vector<Label> labels;
  std::vector<Mark> marks;
};

// The attribute of `element` or of its nearest ancestor that has it, or "".
inline std::string Inherited(const std::vector<Element>& doc, const Element& element,
                             const std::string& name) {
  for (const Element* at = &element;;) {
    auto it = at->attributes.find(name);
    if (it != at->attributes.end()) return it->second;
    if (at->parent < 0) return {};
    at = &doc[static_cast<size_t>(at->parent)];
  }
}

inline double Number(const Element& element, const std::string& name, double fallback = 0) {
  auto it = element.attributes.find(name);
  return it == element.attributes.end() ? fallback : std::stod(it->second);
}

inline std::string ClassOf(const Element& element) {
  auto it = element.attributes.find("class");
  return it == element.attributes.end() ? std::string() : it->second;
}

inline bool HasClass(const Element& element, const std::string& css_class) {
  std::string padded = " " + ClassOf(element) + " ";
  return padded.find(" " + css_class + " ") != std::string::npos;
}

// The polylines of a path's "d" (absolute M, L, H, V and Z, as the writers write them), moved
// by (dx, dy). A lone point is a polyline of one point.
inline std::vector<std::vector<std::pair<double, double>>> PathRuns(const std::string& d,
                                                                    double dx, double dy) {
  std::vector<std::vector<std::pair<double, double>>> runs;
  char command = 0;
  double x = 0;
  double y = 0;
  std::vector<double> numbers;
  auto flush = [&]() {
    if (command == 'M' || command == 'L') {
      REQUIRE_MESSAGE(numbers.size() % 2 == 0, "odd coordinates in " << d);
      for (size_t at = 0; at + 1 < numbers.size(); at += 2) {
        x = numbers[at] + dx;
        y = numbers[at + 1] + dy;
        if (command == 'M' && at == 0) runs.emplace_back();
        runs.back().push_back({x, y});
      }
    } else if (command == 'H' || command == 'V') {
      for (double value : numbers) {
        if (command == 'H') x = value + dx;
        if (command == 'V') y = value + dy;
        runs.back().push_back({x, y});
      }
    } else if (command == 'Z') {
      runs.back().push_back(runs.back().front());
    } else if (command != 0) {
      FAIL("path command " << command << " in " << d);
    }
    numbers.clear();
  };
  for (size_t pos = 0; pos < d.size();) {
    if (std::isalpha(static_cast<unsigned char>(d[pos]))) {
      flush();
      command = d[pos++];
      REQUIRE_MESSAGE((command == 'M' || !runs.empty()), "a path not starting with M: " << d);
    } else if (d[pos] == ' ' || d[pos] == ',') {
      ++pos;
    } else {
      size_t used = 0;
      numbers.push_back(std::stod(d.substr(pos), &used));
      pos += used;
    }
  }
  flush();
  return runs;
}

// Reads the geometry of a parsed chart (see the top of this file).
inline ChartGeometry ReadGeometry(const std::vector<Element>& doc) {
  ChartGeometry geometry;
  for (size_t idx = 0; idx < doc.size(); ++idx) {
    const Element& element = doc[idx];
    // Where it is: skip <defs> and the like, add up translations, find its group.
    bool hidden = false;
    bool background = false;
    bool in_gaps = false;
    double dx = 0;
    double dy = 0;
    int owner = -1;
    for (int at = element.parent; at >= 0; at = doc[static_cast<size_t>(at)].parent) {
      const Element& ancestor = doc[static_cast<size_t>(at)];
      hidden |= ancestor.name == "defs" || ancestor.name == "pattern" ||
                ancestor.name == "title" || ancestor.name == "desc";
      auto transform = ancestor.attributes.find("transform");
      if (transform != ancestor.attributes.end()) {
        const std::string& text = transform->second;
        REQUIRE_MESSAGE(text.rfind("translate(", 0) == 0, "only translations: " << text);
        std::istringstream numbers(text.substr(10));
        double tx = 0;
        double ty = 0;
        numbers >> tx >> ty;
        dx += tx;
        dy += ty;
      }
      if (ancestor.name == "g" && ancestor.attributes.count("class")) {
        if (owner < 0) owner = at;
        background |= HasClass(ancestor, "chart-grid") || HasClass(ancestor, "chart-band");
        in_gaps |= HasClass(ancestor, "chart-gaps");
      }
    }
    if (hidden || background) continue;
    // Outside any such group a label owns nothing and a mark belongs to nobody.
    const bool is_label = element.name == "text";
    if (owner < 0) owner = is_label ? -1 : -2;
    Mark mark;
    mark.owner = owner;
    mark.element = static_cast<int>(idx);
    mark.what = "<" + element.name + "> in " +
                (owner < 0 ? std::string("the chart")
                            : "g." + ClassOf(doc[static_cast<size_t>(owner)]));
    const std::string stroke = Inherited(doc, element, "stroke");
    const std::string stroke_width = Inherited(doc, element, "stroke-width");
    const double half =
        stroke.empty() || stroke == "none"
            ? 0
            : (stroke_width.empty() ? 1 : std::stod(stroke_width)) / 2;
    if (is_label) {
      if (element.text.empty()) continue;
      std::string size = Inherited(doc, element, "font-size");
      std::string anchor = Inherited(doc, element, "text-anchor");
      Box box = render::svg_internal::TextBox(
          Number(element, "x") + dx, Number(element, "y") + dy, element.text,
          anchor.empty() ? "start" : anchor, size.empty() ? 16 : std::stod(size));
      geometry.labels.push_back({element.text, box, owner});
    } else if (element.name == "circle") {
      double cx = Number(element, "cx") + dx;
      double cy = Number(element, "cy") + dy;
      double r = Number(element, "r") + half;
      mark.box = {cx - r, cy - r, cx + r, cy + r};
      geometry.marks.push_back(mark);
    } else if (element.name == "rect") {
      if (in_gaps) continue;  // a gap's shaded column
      double x = Number(element, "x") + dx;
      double y = Number(element, "y") + dy;
      mark.box = {x - half, y - half, x + Number(element, "width") + half,
                  y + Number(element, "height") + half};
      geometry.marks.push_back(mark);
    } else if (element.name == "line") {
      mark.segment = true;
      mark.x1 = Number(element, "x1") + dx;
      mark.y1 = Number(element, "y1") + dy;
      mark.x2 = Number(element, "x2") + dx;
      mark.y2 = Number(element, "y2") + dy;
      mark.half = half;
      geometry.marks.push_back(mark);
    } else if (element.name == "path") {
      auto runs = PathRuns(element.attributes.at("d"), dx, dy);
      if (Inherited(doc, element, "fill") == "none") {
        mark.segment = true;
        mark.half = half;
        for (const auto& run : runs)
          for (size_t at = 0; at < run.size(); ++at) {
            if (at + 1 == run.size() && run.size() > 1) break;
            const auto& to = run[std::min(at + 1, run.size() - 1)];  // a lone point: itself
            mark.x1 = run[at].first;
            mark.y1 = run[at].second;
            mark.x2 = to.first;
            mark.y2 = to.second;
            geometry.marks.push_back(mark);
          }
      } else if (!runs.empty()) {
        mark.box = {INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (const auto& run : runs)
          for (const auto& [px, py] : run) {
            mark.box.left = std::min(mark.box.left, px - half);
            mark.box.right = std::max(mark.box.right, px + half);
            mark.box.top = std::min(mark.box.top, py - half);
            mark.box.bottom = std::max(mark.box.bottom, py + half);
          }
        geometry.marks.push_back(mark);
      }
    }
  }
  return geometry;
}

// Overlaps count only where they have area: things that touch do not overlap.
inline constexpr double kTouch = 0.05;

inline bool BoxesOverlap(const Box& a, const Box& b) {
  return a.left < b.right - kTouch && b.left < a.right - kTouch && a.top < b.bottom - kTouch &&
         b.top < a.bottom - kTouch;
}

// Whether the segment crosses the inside of `box` grown by `half` on every side.
inline bool SegmentHitsBox(double x1, double y1, double x2, double y2, double half, Box box) {
  box = {box.left - half + kTouch, box.top - half + kTouch, box.right + half - kTouch,
         box.bottom + half - kTouch};
  if (box.left >= box.right || box.top >= box.bottom) return false;
  // Clip the segment to the box, as the part t0..t1 of it (Liang and Barsky's method).
  double t0 = 0;
  double t1 = 1;
  const double ddx = x2 - x1;
  const double ddy = y2 - y1;
  auto clip = [&](double p, double q) {
    if (p == 0) return q > 0;  // parallel to this edge: inside it or not
    double t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      t0 = std::max(t0, t);
    } else {
      if (t < t0) return false;
      t1 = std::min(t1, t);
    }
    return true;
  };
  return clip(-ddx, x1 - box.left) && clip(ddx, box.right - x1) && clip(-ddy, y1 - box.top) &&
         clip(ddy, box.bottom - y1) && t0 <= t1;
}

inline bool LabelHits(const Label& label, const Mark& mark) {
  if (mark.segment) return SegmentHitsBox(mark.x1, mark.y1, mark.x2, mark.y2, mark.half, label.box);
  return BoxesOverlap(label.box, mark.box);
}

// Every overlap of a label with another label or with a mark (an element) not its own, in
// words, once per pair.
inline std::vector<std::string> Overlaps(const ChartGeometry& geometry) {
  std::vector<std::string> found;
  const auto& labels = geometry.labels;
  for (size_t a = 0; a < labels.size(); ++a) {
    for (size_t b = a + 1; b < labels.size(); ++b)
      if (BoxesOverlap(labels[a].box, labels[b].box))
        found.push_back("label \"" + labels[a].text + "\" overlaps label \"" + labels[b].text +
                        "\"");
    int last = -1;  // a path's segments come one after another
    for (const Mark& mark : geometry.marks)
      if (mark.element != last && mark.owner != labels[a].owner && LabelHits(labels[a], mark)) {
        found.push_back("label \"" + labels[a].text + "\" overlaps " + mark.what);
        last = mark.element;
      }
  }
  return found;
}

}  // namespace outcomes::svg_test
