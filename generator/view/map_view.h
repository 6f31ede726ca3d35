// Maps of the wards (DESIGN §4: "ward map" on indicator pages, "map locator" on area pages): the
// map specs render/svg draws, from the geometry geo/ projects and simplifies once per build.
//
// A spec is a plain struct (view/chart.h: ChoroplethMap, LocatorMap): every word, colour,
// pattern and path is decided here; the writer (render/svg/map.h) only lays it out as SVG.
// Figures come from compute::Results, so a ward whose cell is suppressed gets the "no data" class
// and never a value. This header forward-declares the model and the results; the writers include
// view/chart.h alone.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "geo/geo.h"
#include "view/chart.h"

namespace outcomes::model {
struct Site;
}
namespace outcomes::compute {
struct Results;
}

namespace outcomes::view {

using geo::GridPoint;
using geo::MapArea;
using geo::MapGeometry;

// How a choropleth shades the wards.
enum class MapClasses {
  kComparedWithHome,  // better / similar / worse than the home area (Fingertips' 95% test)
  kTargetStatus,      // met / close / not met
  kValueBands,        // the wards' own figures in thirds, lowest to highest (no significance)
};

// A choropleth of `indicator` over `wards` (indices into Results::areas, model areas only) in the
// latest period any of them has, as a view::ChoroplethMap (id: `id_prefix`; role "group" when
// wards are links, else "img"; the wards by name).
//
// Each class has a fill colour AND a pattern, so greyscale and colour-blind readers can tell them
// apart; a ward whose cell is suppressed or missing gets the "nodata" class with the reason in
// its label and no figure. `ward_urls` maps a ward to its page's URL relative to the page the map
// is on; a ward without one is drawn but not linked. Wards without a boundary are left out of
// the drawing (they stay in "desc" and in the page's table). kTargetStatus falls back to
// kComparedWithHome when the indicator has no target, and kComparedWithHome to kValueBands when
// no ward could be compared (no intervals, as for counts, or the home area is not a comparator):
// a map of wards all "not compared" would say nothing. `id_prefix` must be a valid HTML id, unique
// on the page; every id in the SVG starts with it. Empty when no ward has a cell for the
// indicator or none has a boundary.
Chart ChoroplethSpec(const MapGeometry& geometry, const model::Site& site,
                     const compute::Results& results, uint32_t indicator,
                     const std::vector<uint32_t>& wards,
                     const std::map<uint32_t, std::string>& ward_urls, const std::string& id_prefix,
                     MapClasses classes = MapClasses::kComparedWithHome);
// The same, building the geometry first (convenient for one map; a build should build the
// geometry once and use the overload above).
Chart ChoroplethSpec(const model::Site& site, const compute::Results& results,
                     uint32_t indicator, const std::vector<uint32_t>& wards,
                     const std::map<uint32_t, std::string>& ward_urls,
                     const std::string& id_prefix);

// A map for finding one's ward ("Your area"): every ward of `wards` (indices into
// Results::areas) a link to its page (`ward_urls`, relative to the page the map is on), shaded
// by whether it is in the site's gap target group when the site has one (a fill and a
// pattern), as a view::ChoroplethMap like ChoroplethSpec's; each link's accessible name is the
// ward's name (and its group). Empty when no ward has a boundary.
Chart AreaFinderMapSpec(const MapGeometry& geometry, const model::Site& site,
                        const compute::Results& results, const std::vector<uint32_t>& wards,
                        const std::map<uint32_t, std::string>& ward_urls,
                        const std::string& id_prefix);

// The most wards a locator map draws whole; with more, it draws the ward and its neighbours.
inline constexpr size_t kMaxLocatorWards = 50;

// A small map of `wards` in light grey with `ward` highlighted (dark fill and a thick outline)
// — or, when there are more than kMaxLocatorWards, of `ward` and the wards next to it: a
// view::LocatorMap (id: `id_prefix`, role "img"). Empty when `ward` has no boundary.
Chart LocatorSpec(const MapGeometry& geometry, const model::Site& site, uint32_t ward,
                  const std::vector<uint32_t>& wards, const std::string& id_prefix);
Chart LocatorSpec(const model::Site& site, uint32_t ward, const std::vector<uint32_t>& wards,
                  const std::string& id_prefix);

}  // namespace outcomes::view
