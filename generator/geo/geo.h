// Boundaries as maps draw them: the National Grid projection and a topology-preserving
// simplification, done once per build (view/map_view.h makes the map specs from them). Knows
// the model's boundaries and areas, nothing of results, views or writers.
#pragma once

#include <cstdint>
#include <vector>

namespace outcomes::model {
struct Site;
}

namespace outcomes::geo {

// A position on the British National Grid's transverse Mercator, in metres.
struct GridPoint {
  double east = 0;
  double north = 0;
};

// Projects WGS84 / ETRS89 longitude and latitude (degrees, as GeoJSON holds them) with the
// National Grid's transverse Mercator: Airy 1830 ellipsoid, true origin 49°N 2°W, scale
// 0.9996012717, false origin (-400 km, +100 km). No datum shift (OSTN15) is applied: the result
// differs from true OSGB36 grid references by up to ~120 m, evenly over a town, which does not
// change a drawing but means these are not grid references to publish. Conformal, so shapes look as
// on OS maps; north is up along the 2°W meridian and within 1° of it elsewhere in England.
GridPoint ProjectToGrid(double longitude, double latitude);

// One ring of an area's outline, projected and simplified: closed (last point == first) with at
// least 4 points. Holes are rings too; maps fill with the even-odd rule, so ring direction does
// not matter.
struct MapRing {
  bool hole = false;
  std::vector<GridPoint> points;
};

struct MapArea {
  uint32_t area = 0;  // index into Site::areas (and Results::areas: the same for model areas)
  std::vector<MapRing> rings;
  GridPoint min, max;                // bounding box of the rings
  GridPoint centre;                  // area-weighted centroid of the outer rings
  std::vector<uint32_t> neighbours;  // areas sharing a stretch of border, by index
};

// Every boundary of a site, projected and simplified. Build once per build and pass it to every
// spec: each ward page needs a locator.
struct MapGeometry {
  double tolerance = 0;        // the simplification tolerance used, metres
  std::vector<MapArea> areas;  // ordered by area index; one per area that has a boundary

  // The area's geometry, or nullptr when it has no boundary.
  const MapArea* Find(uint32_t area) const;
};

// Projects every boundary in `site.boundaries` and simplifies it with Douglas–Peucker applied to
// each stretch of border between junctions (points where three or more areas, or an area and the
// edge of the data, meet), so two neighbours share exactly the same simplified border: no gaps and
// no overlaps however coarse the tolerance. `tolerance_metres` <= 0 picks 1/1500 of the larger
// side of the boundaries' extent (10 m for a town 15 km across: under a pixel on a 1000-pixel map).
// A ring keeps at least 3 distinct points; a ring left with no area (a sliver) is dropped, as are
// holes and outer rings smaller than tolerance² (an area's largest ring is always kept). Boundaries
// of codes the site does not know are skipped (load reports them). Deterministic.
MapGeometry BuildMapGeometry(const model::Site& site, double tolerance_metres = 0);

}  // namespace outcomes::geo
