#include "render/svg/internal/layout.h"

#include <algorithm>
#include <cmath>

namespace outcomes::render::svg_internal {

namespace {

constexpr int kLabelOwner = -1;  // placed labels: no owner's labels may touch them

bool BoxesOverlap(const Box& a, const Box& b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

Box Grown(const Box& box, double by) {
  return {box.left - by, box.top - by, box.right + by, box.bottom + by};
}

}  // namespace

bool SegmentCrossesBox(double x1, double y1, double x2, double y2, double half, const Box& box) {
  const Box grown = Grown(box, half);
  // Clip the segment to the box, keeping the part t0..t1 of it (Liang and Barsky).
  double t0 = 0;
  double t1 = 1;
  const double dx = x2 - x1;
  const double dy = y2 - y1;
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
  return clip(-dx, x1 - grown.left) && clip(dx, grown.right - x1) && clip(-dy, y1 - grown.top) &&
         clip(dy, grown.bottom - y1) && t0 <= t1;
}

std::vector<Spot> SpotsAround(double x, double y, double radius, double font_size) {
  const double ascent = kAscent * font_size;
  const double descent = kDescent * font_size;
  const double middle = y + (ascent - descent) / 2;  // a baseline that centres text on y
  std::vector<Spot> spots;
  for (double extra : {0.0, 10.0, 22.0}) {
    const double d = radius + kLabelGap + 1 + extra;
    const double corner = d * 0.75;
    spots.push_back({x, y - d - descent, "middle"});
    spots.push_back({x, y + d + ascent, "middle"});
    spots.push_back({x + d, middle, "start"});
    spots.push_back({x - d, middle, "end"});
    spots.push_back({x + corner, y - corner - descent, "start"});
    spots.push_back({x - corner, y - corner - descent, "end"});
    spots.push_back({x + corner, y + corner + ascent, "start"});
    spots.push_back({x - corner, y + corner + ascent, "end"});
  }
  return spots;
}

void Placer::AddBox(const Box& box, int owner) {
  Item item;
  item.box = box;
  item.owner = owner;
  items_.push_back(item);
}

void Placer::AddSegment(double x1, double y1, double x2, double y2, double width, int owner) {
  Item item;
  item.segment = true;
  item.x1 = x1;
  item.y1 = y1;
  item.x2 = x2;
  item.y2 = y2;
  item.half = width / 2;
  item.box = Grown({std::min(x1, x2), std::min(y1, y2), std::max(x1, x2), std::max(y1, y2)},
                   item.half);
  item.owner = owner;
  items_.push_back(item);
}

void Placer::AddPolyline(const std::vector<std::pair<double, double>>& points, double width,
                         int owner) {
  for (size_t idx = 0; idx + 1 < points.size(); ++idx)
    AddSegment(points[idx].first, points[idx].second, points[idx + 1].first,
               points[idx + 1].second, width, owner);
  if (points.size() == 1)
    AddSegment(points[0].first, points[0].second, points[0].first, points[0].second, width, owner);
}

bool Placer::Clear(const Box& box, int owner) const {
  const Box room = Grown(box, kLabelGap);
  if (box.left < bounds_.left || box.right > bounds_.right || box.top < bounds_.top ||
      box.bottom > bounds_.bottom)
    return false;
  for (const Item& item : items_) {
    if (owner != 0 && item.owner == owner) continue;
    if (!BoxesOverlap(room, item.box)) continue;
    if (!item.segment || SegmentCrossesBox(item.x1, item.y1, item.x2, item.y2, item.half, room))
      return false;
  }
  return true;
}

std::optional<Spot> Placer::Place(std::string_view text, double font_size,
                                  const std::vector<Spot>& spots, int owner) {
  for (const Spot& spot : spots) {
    Box box = TextBox(spot.x, spot.baseline, text, spot.anchor, font_size);
    if (!Clear(box, owner)) continue;
    AddBox(box, kLabelOwner);
    return spot;
  }
  return std::nullopt;
}

}  // namespace outcomes::render::svg_internal
