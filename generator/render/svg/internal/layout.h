// Label placement for the chart writers (render/svg/chart.cc): what a chart has drawn, as boxes
// and segments, and labels placed where they touch none of it. A label tries its candidate
// positions in order and takes the first that is clear; when none is, the chart draws it not at
// all (every chart has its numbers in a table beside it) rather than on top of something.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "render/svg/internal/markup.h"

namespace outcomes::render::svg_internal {

// Space kept between a label and anything else, in user units.
inline constexpr double kLabelGap = 2;

// A place to try for a label: its anchor point and text-anchor ("start", "middle", "end").
struct Spot {
  double x = 0;
  double baseline = 0;
  std::string_view anchor = "start";
};

// Spots for a label of `font_size` beside a mark of radius `radius` at (x, y), nearest first:
// above, below, right and left of it, then the four corners, then the same twice farther out.
std::vector<Spot> SpotsAround(double x, double y, double radius, double font_size);

class Placer {
 public:
  // Labels must stay inside `bounds`.
  explicit Placer(Box bounds) : bounds_(bounds) {}

  // Things drawn. `owner` (1 and up) is the owner of the labels that may touch it (a series
  // and its latest-point label); 0 is nobody.
  void AddBox(const Box& box, int owner = 0);
  void AddSegment(double x1, double y1, double x2, double y2, double width, int owner = 0);
  void AddPolyline(const std::vector<std::pair<double, double>>& points, double width,
                   int owner = 0);

  // Whether `box`, with kLabelGap around it, is inside the bounds and touches nothing but what
  // `owner` owns (owner 0: nothing at all).
  bool Clear(const Box& box, int owner = 0) const;

  // The first of `spots` where `text` is clear (Clear), or nullopt. The label placed becomes a
  // box every later label keeps clear of, whoever owns it.
  std::optional<Spot> Place(std::string_view text, double font_size,
                            const std::vector<Spot>& spots, int owner = 0);

 private:
  struct Item {
    Box box;                  // for a segment, its bounding box
    bool segment = false;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, half = 0;
    int owner = 0;
  };
  Box bounds_;
  std::vector<Item> items_;
};

// Whether the segment from (x1, y1) to (x2, y2), `half` wide either side, crosses `box`.
bool SegmentCrossesBox(double x1, double y1, double x2, double y2, double half, const Box& box);

}  // namespace outcomes::render::svg_internal
