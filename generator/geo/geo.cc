// Boundaries as maps draw them: projection to the National Grid and topology-preserving
// simplification (see geo.h).
#include "geo/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <unordered_map>
#include <utility>

#include "model/model.h"

namespace outcomes::geo {

namespace {

// --- Projection -------------------------------------------------------------------------------

// Ordnance Survey, "A guide to coordinate systems in Great Britain" (2020), annex C: the
// transverse Mercator series for latitude/longitude to eastings/northings, with the National
// Grid's constants.
constexpr double kAiryA = 6377563.396;
constexpr double kAiryB = 6356256.909;
constexpr double kScale = 0.9996012717;
constexpr double kOriginLat = 49.0;
constexpr double kOriginLon = -2.0;
constexpr double kFalseEast = 400000.0;
constexpr double kFalseNorth = -100000.0;

double Radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

// --- Simplification ---------------------------------------------------------------------------

// A vertex as read, quantised to 1e-7° (about 1 cm) so that the same corner written by two
// features is recognised as one point.
using Key = std::pair<int64_t, int64_t>;

Key KeyOf(double longitude, double latitude) {
  return {std::llround(longitude * 1e7), std::llround(latitude * 1e7)};
}

struct KeyHash {
  size_t operator()(const Key& key) const {
    return std::hash<int64_t>()(key.first) * 1000003u ^ std::hash<int64_t>()(key.second);
  }
};

struct RawRing {
  uint32_t area = 0;
  bool hole = false;
  std::vector<Key> keys;  // open: the closing point is not repeated
};

// One stretch of border between junctions, in canonical direction, shared by every ring that
// runs along it.
struct Arc {
  std::vector<Key> keys;     // endpoints included; a loop starts and ends at the same key
  size_t min_interior = 0;   // interior points to keep so every ring using it keeps 3 points
  std::vector<size_t> kept;  // indices into keys, after simplification
  std::set<uint32_t> areas;  // areas whose rings run along it
  bool exhausted = false;    // no more points can be kept (the rest are collinear)
};

struct RingArcs {
  std::vector<std::pair<size_t, bool>> arcs;  // arc index, reversed
};

double Distance(const GridPoint& a, const GridPoint& b) {
  return std::hypot(a.east - b.east, a.north - b.north);
}

// Distance from `p` to the segment a–b (to `a` when the segment is a point, as in a loop).
double SegmentDistance(const GridPoint& p, const GridPoint& a, const GridPoint& b) {
  double dx = b.east - a.east;
  double dy = b.north - a.north;
  double length2 = dx * dx + dy * dy;
  if (length2 == 0) return Distance(p, a);
  double t = ((p.east - a.east) * dx + (p.north - a.north) * dy) / length2;
  t = std::clamp(t, 0.0, 1.0);
  return Distance(p, {a.east + t * dx, a.north + t * dy});
}

// Douglas–Peucker: the indices of `points` kept at `tolerance` (both ends always kept).
std::vector<size_t> DouglasPeucker(const std::vector<GridPoint>& points, double tolerance) {
  std::vector<bool> keep(points.size(), false);
  keep.front() = keep.back() = true;
  std::vector<std::pair<size_t, size_t>> stack{{0, points.size() - 1}};
  while (!stack.empty()) {
    auto [first, last] = stack.back();
    stack.pop_back();
    if (last <= first + 1) continue;
    double worst = -1;
    size_t worst_idx = first;
    for (size_t idx = first + 1; idx < last; ++idx) {
      double distance = SegmentDistance(points[idx], points[first], points[last]);
      if (distance > worst) {
        worst = distance;
        worst_idx = idx;
      }
    }
    if (worst <= tolerance) continue;
    keep[worst_idx] = true;
    stack.push_back({first, worst_idx});
    stack.push_back({worst_idx, last});
  }
  std::vector<size_t> kept;
  for (size_t idx = 0; idx < points.size(); ++idx)
    if (keep[idx]) kept.push_back(idx);
  return kept;
}

// Twice the signed area (shoelace) of an open or closed ring.
double SignedArea2(const std::vector<GridPoint>& ring) {
  double sum = 0;
  for (size_t idx = 0; idx + 1 < ring.size(); ++idx)
    sum += ring[idx].east * ring[idx + 1].north - ring[idx + 1].east * ring[idx].north;
  return sum;
}

}  // namespace

GridPoint ProjectToGrid(double longitude, double latitude) {
  const double a = kAiryA, b = kAiryB;
  const double e2 = (a * a - b * b) / (a * a);
  const double n = (a - b) / (a + b);
  const double n2 = n * n, n3 = n2 * n;
  const double phi = Radians(latitude), phi0 = Radians(kOriginLat);
  const double lambda = Radians(longitude), lambda0 = Radians(kOriginLon);
  const double sin_phi = std::sin(phi), cos_phi = std::cos(phi), tan_phi = std::tan(phi);
  const double tan2 = tan_phi * tan_phi, tan4 = tan2 * tan2;
  const double nu = a * kScale / std::sqrt(1 - e2 * sin_phi * sin_phi);
  const double rho = a * kScale * (1 - e2) * std::pow(1 - e2 * sin_phi * sin_phi, -1.5);
  const double eta2 = nu / rho - 1;
  const double dphi = phi - phi0, sphi = phi + phi0;
  const double m = b * kScale *
                   ((1 + n + 1.25 * n2 + 1.25 * n3) * dphi -
                    (3 * n + 3 * n2 + 21.0 / 8 * n3) * std::sin(dphi) * std::cos(sphi) +
                    (15.0 / 8 * n2 + 15.0 / 8 * n3) * std::sin(2 * dphi) * std::cos(2 * sphi) -
                    35.0 / 24 * n3 * std::sin(3 * dphi) * std::cos(3 * sphi));
  const double cos3 = cos_phi * cos_phi * cos_phi, cos5 = cos3 * cos_phi * cos_phi;
  const double i = m + kFalseNorth;
  const double ii = nu / 2 * sin_phi * cos_phi;
  const double iii = nu / 24 * sin_phi * cos3 * (5 - tan2 + 9 * eta2);
  const double iiia = nu / 720 * sin_phi * cos5 * (61 - 58 * tan2 + tan4);
  const double iv = nu * cos_phi;
  const double v = nu / 6 * cos3 * (nu / rho - tan2);
  const double vi = nu / 120 * cos5 * (5 - 18 * tan2 + tan4 + 14 * eta2 - 58 * tan2 * eta2);
  const double dl = lambda - lambda0, dl2 = dl * dl;
  GridPoint point;
  point.north = i + ii * dl2 + iii * dl2 * dl2 + iiia * dl2 * dl2 * dl2;
  point.east = kFalseEast + iv * dl + v * dl2 * dl + vi * dl2 * dl2 * dl;
  return point;
}

const MapArea* MapGeometry::Find(uint32_t area) const {
  auto it =
      std::lower_bound(areas.begin(), areas.end(), area,
                       [](const MapArea& shape, uint32_t value) { return shape.area < value; });
  return it != areas.end() && it->area == area ? &*it : nullptr;
}

MapGeometry BuildMapGeometry(const model::Site& site, double tolerance_metres) {
  MapGeometry geometry;
  // 1. Every ring as quantised keys, and where each key projects to.
  std::unordered_map<Key, GridPoint, KeyHash> projected;
  std::vector<RawRing> rings;
  GridPoint min{INFINITY, INFINITY}, max{-INFINITY, -INFINITY};
  for (const auto& boundary : site.boundaries) {
    auto area = site.area_index.find(boundary.area_code);
    if (area == site.area_index.end()) continue;
    for (const auto& polygon : boundary.polygons)
      for (size_t ring_idx = 0; ring_idx < polygon.rings.size(); ++ring_idx) {
        RawRing ring;
        ring.area = area->second;
        ring.hole = ring_idx > 0;
        for (const auto& [longitude, latitude] : polygon.rings[ring_idx].points) {
          Key key = KeyOf(longitude, latitude);
          if (!ring.keys.empty() && ring.keys.back() == key) continue;
          ring.keys.push_back(key);
          if (projected.count(key)) continue;
          GridPoint point = ProjectToGrid(longitude, latitude);
          projected.emplace(key, point);
          min = {std::min(min.east, point.east), std::min(min.north, point.north)};
          max = {std::max(max.east, point.east), std::max(max.north, point.north)};
        }
        while (ring.keys.size() > 1 && ring.keys.back() == ring.keys.front()) ring.keys.pop_back();
        if (ring.keys.size() >= 3) rings.push_back(std::move(ring));
      }
  }
  if (rings.empty()) return geometry;
  double tolerance = tolerance_metres > 0
                         ? tolerance_metres
                         : std::max(max.east - min.east, max.north - min.north) / 1500;
  geometry.tolerance = tolerance;

  // 2. Junctions: a point reached from different neighbours in different rings (or twice in one).
  struct Seen {
    Key a, b;
    bool junction = false;
  };
  std::unordered_map<Key, Seen, KeyHash> seen;
  for (const auto& ring : rings) {
    size_t count = ring.keys.size();
    for (size_t idx = 0; idx < count; ++idx) {
      const Key& key = ring.keys[idx];
      Key prev = ring.keys[(idx + count - 1) % count];
      Key next = ring.keys[(idx + 1) % count];
      auto [it, inserted] = seen.try_emplace(key, Seen{prev, next, false});
      if (inserted) continue;
      bool same = (it->second.a == prev && it->second.b == next) ||
                  (it->second.a == next && it->second.b == prev);
      if (!same) it->second.junction = true;
    }
  }

  // 3. Cut each ring into arcs at its junctions; the same stretch of border in two rings becomes
  // one arc (compared in a canonical direction).
  std::vector<Arc> arcs;
  std::map<std::vector<Key>, size_t> arc_index;
  std::vector<RingArcs> ring_arcs(rings.size());
  auto add_arc = [&](std::vector<Key> keys, size_t ring_idx) {
    std::vector<Key> reversed(keys.rbegin(), keys.rend());
    bool is_reversed = reversed < keys;
    if (is_reversed) keys.swap(reversed);
    auto [it, inserted] = arc_index.try_emplace(keys, arcs.size());
    if (inserted) arcs.push_back(Arc{std::move(keys), 0, {}, {}, false});
    arcs[it->second].areas.insert(rings[ring_idx].area);
    ring_arcs[ring_idx].arcs.push_back({it->second, is_reversed});
  };
  for (size_t ring_idx = 0; ring_idx < rings.size(); ++ring_idx) {
    std::vector<Key> keys = rings[ring_idx].keys;
    std::vector<size_t> junctions;
    for (size_t idx = 0; idx < keys.size(); ++idx)
      if (seen[keys[idx]].junction) junctions.push_back(idx);
    if (junctions.empty()) {
      // A ring nobody shares (an island, or a hole exactly filled by one other area): start at its
      // smallest key, going towards the smaller neighbour, so both copies give the same arc.
      auto smallest = std::min_element(keys.begin(), keys.end()) - keys.begin();
      std::rotate(keys.begin(), keys.begin() + smallest, keys.end());
      if (keys.back() < keys[1]) std::reverse(keys.begin() + 1, keys.end());
      keys.push_back(keys.front());
      add_arc(std::move(keys), ring_idx);
      continue;
    }
    std::rotate(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(junctions.front()),
                keys.end());
    keys.push_back(keys.front());
    size_t start = 0;
    for (size_t idx = 1; idx < keys.size(); ++idx) {
      if (idx + 1 != keys.size() && !seen[keys[idx]].junction) continue;
      add_arc(std::vector<Key>(keys.begin() + static_cast<std::ptrdiff_t>(start),
                               keys.begin() + static_cast<std::ptrdiff_t>(idx) + 1),
              ring_idx);
      start = idx;
    }
  }

  // 4. Simplify each arc once. A ring left with fewer than 3 distinct points (a loop, or a ring
  // with one or two junctions whose arcs straightened) asks its arcs for one more interior point
  // each, until it has 3 or they have none left to give.
  std::vector<std::vector<GridPoint>> arc_points(arcs.size());
  auto simplify = [&](size_t arc_idx) {
    Arc& arc = arcs[arc_idx];
    double arc_tolerance = tolerance;
    arc.kept = DouglasPeucker(arc_points[arc_idx], arc_tolerance);
    // Halve the tolerance until enough points stay (bounded: collinear points never stay).
    for (int attempt = 0; attempt < 64 && arc.kept.size() - 2 < arc.min_interior; ++attempt) {
      arc_tolerance /= 2;
      arc.kept = DouglasPeucker(arc_points[arc_idx], arc_tolerance);
    }
  };
  for (size_t arc_idx = 0; arc_idx < arcs.size(); ++arc_idx) {
    for (const Key& key : arcs[arc_idx].keys) arc_points[arc_idx].push_back(projected.at(key));
    simplify(arc_idx);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& ring : ring_arcs) {
      size_t distinct = 0;
      for (const auto& [arc_idx, reversed] : ring.arcs) distinct += arcs[arc_idx].kept.size() - 1;
      if (distinct >= 3) continue;
      for (const auto& [arc_idx, reversed] : ring.arcs) {
        Arc& arc = arcs[arc_idx];
        size_t have = arc.kept.size() - 2;
        if (arc.exhausted || have >= arc.keys.size() - 2) continue;
        arc.min_interior = have + 1;
        simplify(arc_idx);
        if (arc.kept.size() - 2 > have)
          changed = true;
        else
          arc.exhausted = true;
      }
    }
  }

  // 5. Reassemble the rings from their arcs and gather them by area.
  std::map<uint32_t, MapArea> by_area;
  std::map<uint32_t, std::vector<std::pair<double, MapRing>>> outer;  // area -> (|area|, ring)
  for (size_t ring_idx = 0; ring_idx < rings.size(); ++ring_idx) {
    MapRing ring;
    ring.hole = rings[ring_idx].hole;
    for (const auto& [arc_idx, reversed] : ring_arcs[ring_idx].arcs) {
      const Arc& arc = arcs[arc_idx];
      std::vector<size_t> kept = arc.kept;
      if (reversed) std::reverse(kept.begin(), kept.end());
      for (size_t pos = ring.points.empty() ? 0 : 1; pos < kept.size(); ++pos)
        ring.points.push_back(projected.at(arc.keys[kept[pos]]));
    }
    double area = std::abs(SignedArea2(ring.points)) / 2;
    if (ring.points.size() < 4 || area < 1e-6) continue;  // collapsed to a line: no shape left
    if (ring.hole) {
      if (area >= tolerance * tolerance)
        by_area[rings[ring_idx].area].rings.push_back(std::move(ring));
      continue;
    }
    outer[rings[ring_idx].area].push_back({area, std::move(ring)});
  }
  std::set<uint32_t> with_centre;
  for (auto& [area_idx, list] : outer) {
    // The largest outer ring first, always kept; specks below tolerance² dropped.
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    MapArea& shape = by_area[area_idx];
    std::vector<MapRing> holes = std::move(shape.rings);
    shape.rings.clear();
    double weighted_east = 0, weighted_north = 0, total = 0;
    for (size_t idx = 0; idx < list.size(); ++idx) {
      if (idx > 0 && list[idx].first < tolerance * tolerance) continue;
      // Each ring's centroid, weighted by its area (whichever way the ring runs).
      const auto& points = list[idx].second.points;
      double ring_east = 0, ring_north = 0, cross_sum = 0;
      for (size_t pos = 0; pos + 1 < points.size(); ++pos) {
        double cross =
            points[pos].east * points[pos + 1].north - points[pos + 1].east * points[pos].north;
        ring_east += (points[pos].east + points[pos + 1].east) * cross;
        ring_north += (points[pos].north + points[pos + 1].north) * cross;
        cross_sum += cross;
      }
      double weight = std::abs(cross_sum) / 2;
      weighted_east += ring_east / (3 * cross_sum) * weight;
      weighted_north += ring_north / (3 * cross_sum) * weight;
      total += weight;
      shape.rings.push_back(std::move(list[idx].second));
    }
    for (auto& hole : holes) shape.rings.push_back(std::move(hole));
    if (total > 0) {
      shape.centre = {weighted_east / total, weighted_north / total};
      with_centre.insert(area_idx);
    }
  }
  // 6. Bounding boxes, neighbours, and the areas in index order.
  for (const auto& arc : arcs)
    for (uint32_t area : arc.areas)
      for (uint32_t other : arc.areas)
        if (other != area && by_area.count(area)) by_area[area].neighbours.push_back(other);
  for (auto& [area_idx, shape] : by_area) {
    if (!outer.count(area_idx)) continue;  // only holes survived: no outline to draw
    shape.area = area_idx;
    shape.min = {INFINITY, INFINITY};
    shape.max = {-INFINITY, -INFINITY};
    for (const auto& ring : shape.rings)
      for (const auto& point : ring.points) {
        shape.min = {std::min(shape.min.east, point.east), std::min(shape.min.north, point.north)};
        shape.max = {std::max(shape.max.east, point.east), std::max(shape.max.north, point.north)};
      }
    if (!with_centre.count(area_idx))
      shape.centre = {(shape.min.east + shape.max.east) / 2,
                      (shape.min.north + shape.max.north) / 2};
    std::sort(shape.neighbours.begin(), shape.neighbours.end());
    shape.neighbours.erase(std::unique(shape.neighbours.begin(), shape.neighbours.end()),
                           shape.neighbours.end());
    geometry.areas.push_back(std::move(shape));
  }
  return geometry;
}

}  // namespace outcomes::geo
