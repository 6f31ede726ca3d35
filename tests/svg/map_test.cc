// Tests for the ward maps: the geometry (geo/geo.h), the specs (view/map_view.h) and the SVG writer
// (render/svg/map.h). Geometry is checked on small boundaries built in code and on the example
// site's 17 wards (loaded from the repository root and computed).
#include "render/svg/map.h"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "compute/compute.h"
#include "geo/geo.h"
#include "load/load.h"
#include "model/model.h"
#include "render/svg/svg.h"
#include "view/chart_view.h"
#include "view/map_view.h"
#include "load/internal/loaders.h"

namespace outcomes {
namespace {

using nlohmann::json;

// --- Fixtures ---------------------------------------------------------------------------------

struct Example {
  model::Site site = [] {
    model::Site english;
    english.text = load::internal::ReferenceCatalogue();  // the built-in English words
    return english;
  }();
  std::vector<uint32_t> wards;
  std::map<uint32_t, std::string> urls;

  uint32_t Ward(const std::string& name) const {
    for (uint32_t ward : wards)
      if (site.areas[ward].name == name) return ward;
    FAIL("no ward " << name);
    return 0;
  }
};

// The example site as loaded; tests change it before computing when they need to.
Example LoadExample() {
  Example example;
  base::Diagnostics diagnostics;
  example.site = load::LoadSite(OUTCOMES_SOURCE_DIR, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.HasErrors(), "the example site must load");
  for (uint32_t area_idx = 0; area_idx < example.site.areas.size(); ++area_idx)
    if (example.site.areas[area_idx].type == "ward") {
      example.wards.push_back(area_idx);
      example.urls[area_idx] = "../../areas/" + example.site.areas[area_idx].code + "/index.html";
    }
  REQUIRE(example.wards.size() == 17);
  return example;
}

uint32_t IndicatorIndex(const model::Site& site, const std::string& id) {
  auto it = site.indicator_index.find(id);
  REQUIRE_MESSAGE(it != site.indicator_index.end(), "no indicator " << id);
  return it->second;
}

// A site of areas with square-ish boundaries given as lon/lat rings.
struct ShapeSite {
  model::Site site = [] {
    model::Site english;
    english.text = load::internal::ReferenceCatalogue();  // the built-in English words
    return english;
  }();
  void Add(const std::string& code, std::vector<std::vector<std::pair<double, double>>> rings) {
    model::Area area;
    area.code = code;
    area.name = code;
    area.type = "ward";
    site.area_index[code] = static_cast<uint32_t>(site.areas.size());
    site.areas.push_back(area);
    model::Boundary boundary;
    boundary.area_code = code;
    model::Polygon polygon;
    for (auto& points : rings) {
      model::Ring ring;
      ring.points = std::move(points);
      polygon.rings.push_back(std::move(ring));
    }
    boundary.polygons.push_back(std::move(polygon));
    site.boundaries.push_back(std::move(boundary));
  }
  // Another polygon (outer ring only) for the last area added.
  void AddPolygon(std::vector<std::pair<double, double>> points) {
    model::Polygon polygon;
    polygon.rings.push_back(model::Ring{std::move(points)});
    site.boundaries.back().polygons.push_back(std::move(polygon));
  }
};

// Mean position of a path's points: {x, y} in viewBox units.
std::pair<double, double> PathMean(const std::string& d) {
  static const std::regex kNumber("-?[0-9]+(\\.[0-9]+)?");
  std::vector<double> numbers;
  for (auto it = std::sregex_iterator(d.begin(), d.end(), kNumber); it != std::sregex_iterator();
       ++it)
    numbers.push_back(std::stod(it->str()));
  REQUIRE(numbers.size() % 2 == 0);
  REQUIRE(!numbers.empty());
  double x = 0, y = 0;
  for (size_t idx = 0; idx < numbers.size(); idx += 2) {
    x += numbers[idx];
    y += numbers[idx + 1];
  }
  return {x / (numbers.size() / 2.0), y / (numbers.size() / 2.0)};
}

const json& AreaIn(const json& spec, const std::string& name) {
  for (const auto& area : spec["areas"])
    if (area["name"] == name) return area;
  FAIL("no area " << name << " in the spec");
  static const json kNull;
  return kNull;
}

// As the writer escapes text for XML.
std::string Xml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Ward outlines in a rendered map (pattern and key shapes are not counted).
constexpr const char* kWardPath = "vector-effect=\"non-scaling-stroke\"";

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

// --- Projection -------------------------------------------------------------------------------

TEST_CASE("the projection matches the Ordnance Survey's worked example") {
  // "A guide to coordinate systems in Great Britain", annex C: 52°39'27.2531"N 1°43'4.5177"E on
  // the Airy ellipsoid is E 651409.903, N 313177.270.
  double latitude = 52 + 39 / 60.0 + 27.2531 / 3600;
  double longitude = 1 + 43 / 60.0 + 4.5177 / 3600;
  geo::GridPoint point = geo::ProjectToGrid(longitude, latitude);
  CHECK(std::abs(point.east - 651409.903) < 0.001);  // to the millimetre
  CHECK(std::abs(point.north - 313177.270) < 0.001);
  // The true origin: 49°N 2°W is (400 km, -100 km).
  geo::GridPoint origin = geo::ProjectToGrid(-2, 49);
  CHECK(origin.east == doctest::Approx(400000).epsilon(1e-12));
  CHECK(origin.north == doctest::Approx(-100000).epsilon(1e-12));
}

TEST_CASE("Southend's wards are drawn east of Leigh and with north up") {
  Example example = LoadExample();
  geo::MapGeometry geometry = geo::BuildMapGeometry(example.site);
  REQUIRE(geometry.areas.size() == 17);
  const view::MapArea* leigh = geometry.Find(example.Ward("Leigh"));
  const view::MapArea* shoeburyness = geometry.Find(example.Ward("Shoeburyness"));
  const view::MapArea* eastwood = geometry.Find(example.Ward("Eastwood Park"));
  const view::MapArea* chalkwell = geometry.Find(example.Ward("Chalkwell"));
  REQUIRE((leigh && shoeburyness && eastwood && chalkwell));
  // On the grid: Southend is about 585 km east, 186 km north; Shoeburyness ~10 km east of Leigh.
  CHECK(leigh->centre.east == doctest::Approx(583500).epsilon(0.01));
  CHECK(leigh->centre.north == doctest::Approx(186000).epsilon(0.02));
  CHECK(shoeburyness->centre.east - leigh->centre.east > 8000);
  CHECK(eastwood->centre.north >
        chalkwell->centre.north);  // Eastwood is inland, Chalkwell on the shore

  // In the drawing: east is to the right and north is up (smaller y).
  compute::Results results = compute::Compute(example.site);
  const view::Chart spec_chart =
      view::ChoroplethSpec(geometry, example.site, results, IndicatorIndex(example.site, "gld"),
                           example.wards, example.urls, "map-gld");
  json spec = view::ChartJson(spec_chart);
  REQUIRE(spec.is_object());
  auto leigh_mean = PathMean(AreaIn(spec, "Leigh")["d"]);
  auto shoebury_mean = PathMean(AreaIn(spec, "Shoeburyness")["d"]);
  auto eastwood_mean = PathMean(AreaIn(spec, "Eastwood Park")["d"]);
  auto chalkwell_mean = PathMean(AreaIn(spec, "Chalkwell")["d"]);
  CHECK(shoebury_mean.first > leigh_mean.first);
  CHECK(eastwood_mean.second < chalkwell_mean.second);
  // Southend is wide and short: the viewBox keeps its shape.
  CHECK(spec["width"] == 800);
  CHECK(spec["height"].get<int>() > 250);
  CHECK(spec["height"].get<int>() < 450);
}

// --- Simplification ---------------------------------------------------------------------------

TEST_CASE("simplified rings stay closed with at least 4 points") {
  Example example = LoadExample();
  for (double tolerance : {0.0, 50.0, 500.0, 5000.0}) {
    CAPTURE(tolerance);
    geo::MapGeometry geometry = geo::BuildMapGeometry(example.site, tolerance);
    REQUIRE(geometry.areas.size() == 17);  // no ward disappears, however coarse
    size_t points = 0;
    for (const auto& area : geometry.areas) {
      REQUIRE(!area.rings.empty());
      for (const auto& ring : area.rings) {
        CHECK(ring.points.size() >= 4);
        CHECK(ring.points.front().east == ring.points.back().east);
        CHECK(ring.points.front().north == ring.points.back().north);
        points += ring.points.size();
      }
    }
    if (tolerance == 500.0) CHECK(points < 400);  // the example has 615 points
  }
}

TEST_CASE("neighbours share exactly the same simplified border") {
  // Two squares, 0.01° wide, sharing a wiggly edge along 0.01°E; the wiggles (about 7 m) are
  // below the tolerance (50 m), so the edge is straightened, identically for both.
  std::vector<std::pair<double, double>> edge;  // south to north
  for (int step = 0; step <= 20; ++step)
    edge.push_back({0.01 + (step % 2 ? 0.0001 : 0.0), 51.5 + step * 0.0005});
  std::vector<std::pair<double, double>> west{{0.0, 51.5}};
  west.insert(west.end(), edge.begin(), edge.end());
  west.push_back({0.0, 51.51});
  west.push_back({0.0, 51.5});
  std::vector<std::pair<double, double>> east(edge.rbegin(), edge.rend());  // north to south
  east.insert(east.begin(), {0.02, 51.51});
  east.push_back({0.02, 51.5});
  east.push_back({0.02, 51.51});
  ShapeSite shapes;
  shapes.Add("W", {west});
  shapes.Add("E", {east});
  geo::MapGeometry geometry = geo::BuildMapGeometry(shapes.site, 50);
  REQUIRE(geometry.areas.size() == 2);
  geo::GridPoint edge_grid = geo::ProjectToGrid(0.01, 51.505);
  auto on_edge = [&](const view::MapArea& area) {
    std::set<std::pair<double, double>> points;
    for (const auto& ring : area.rings)
      for (const auto& point : ring.points)
        if (std::abs(point.east - edge_grid.east) < 150) points.insert({point.east, point.north});
    return points;
  };
  auto west_edge = on_edge(geometry.areas[0]);
  auto east_edge = on_edge(geometry.areas[1]);
  CHECK(west_edge.size() == 2);  // the two corners: the wiggles are gone
  CHECK(west_edge == east_edge);
  CHECK(geometry.areas[0].neighbours == std::vector<uint32_t>{1});
  CHECK(geometry.areas[1].neighbours == std::vector<uint32_t>{0});
}

TEST_CASE("tiny and degenerate rings are dropped, an area's main ring never") {
  ShapeSite shapes;
  // A 1 km square with a 5 m speck of an island and a ring folded onto a line.
  shapes.Add("A", {{{0.0, 51.5}, {0.0144, 51.5}, {0.0144, 51.509}, {0.0, 51.509}, {0.0, 51.5}}});
  shapes.AddPolygon({{0.03, 51.5}, {0.03007, 51.5}, {0.03007, 51.50004}, {0.03, 51.5}});
  shapes.AddPolygon({{0.05, 51.5}, {0.06, 51.5}, {0.07, 51.5}, {0.05, 51.5}});
  // An area smaller than the tolerance keeps its ring, with 4 points.
  shapes.Add("B", {{{0.1, 51.5}, {0.1001, 51.5}, {0.1001, 51.5001}, {0.1, 51.5001}, {0.1, 51.5}}});
  geo::MapGeometry geometry = geo::BuildMapGeometry(shapes.site, 100);
  REQUIRE(geometry.areas.size() == 2);
  CHECK(geometry.areas[0].rings.size() == 1);
  REQUIRE(geometry.areas[1].rings.size() == 1);
  CHECK(geometry.areas[1].rings[0].points.size() >= 4);
}

// --- The choropleth ---------------------------------------------------------------------------

TEST_CASE("the example's 17-ward map is small and every ward is a named link") {
  Example example = LoadExample();
  compute::Results results = compute::Compute(example.site);
  geo::MapGeometry geometry = geo::BuildMapGeometry(example.site);
  for (const auto& indicator : example.site.indicators) {
    CAPTURE(indicator.id);
    const view::Chart spec_chart =
        view::ChoroplethSpec(geometry, example.site, results,
                             IndicatorIndex(example.site, indicator.id), example.wards,
                             example.urls, "map-" + indicator.id);
    json spec = view::ChartJson(spec_chart);
    if (spec.is_null()) continue;  // no ward figures for this indicator
    std::string svg = render::RenderSvg(spec_chart);
    CHECK(svg.size() < 60 * 1024);
    CHECK(Count(svg, "<a href=") == 17);
    CHECK(Count(svg, "aria-label=\"") == 17);
    CHECK(Count(svg, kWardPath) == 17);
    CHECK(svg.find("role=\"group\"") != std::string::npos);  // links inside stay reachable
    CHECK(svg.find("<title id=\"map-" + indicator.id + "-title\">") != std::string::npos);
    CHECK(svg.find("<desc id=\"map-" + indicator.id + "-desc\">") != std::string::npos);
    for (const auto& area : spec["areas"]) {
      std::string label = area["label"];
      std::string name = area["name"];
      CHECK(label.rfind(name + ": ", 0) == 0);
      CHECK(svg.find("aria-label=\"" + Xml(label) + "\"") != std::string::npos);
    }
    // Every id is the map's own.
    static const std::regex kId("id=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kId); it != std::sregex_iterator();
         ++it)
      CHECK(it->str(1).rfind("map-" + indicator.id, 0) == 0);
    // Every class drawn has its words in the key.
    std::set<std::string> keys;
    for (const auto& item : spec["classes"]) keys.insert(item["key"]);
    for (const auto& area : spec["areas"]) CHECK(keys.count(area["class"]) == 1);
  }
  const view::Chart gld_chart =
      view::ChoroplethSpec(geometry, example.site, results, IndicatorIndex(example.site, "gld"),
                           example.wards, example.urls, "map-gld");
  json gld = view::ChartJson(gld_chart);
  std::string svg = render::RenderSvg(gld_chart);
  MESSAGE("gld map: " << svg.size() << " bytes");
  // A class has a pattern as well as a colour, defined once in <defs>.
  for (const auto& item : gld["classes"]) {
    if (item["pattern"] == "none") continue;
    CHECK(Count(svg, "<pattern id=\"map-gld-" + item["key"].get<std::string>() + "\"") == 1);
  }
}

TEST_CASE("a suppressed ward gets the no-data class and no figure") {
  Example example = LoadExample();
  uint32_t kursaal = example.Ward("Kursaal");
  uint32_t gld = IndicatorIndex(example.site, "gld");
  // Kursaal's counts become 3 of 90 in every period: within the default 1-4 suppression range.
  for (auto& observation : example.site.observations)
    if (observation.indicator == gld && observation.area == kursaal && observation.breakdown == 0) {
      observation.count = 3;
      observation.denominator = 90;
      observation.value = 3.0 / 90 * 100;
      observation.lower_ci = observation.upper_ci = NAN;
    }
  compute::Results results = compute::Compute(example.site);
  const view::Chart spec_chart =
      view::ChoroplethSpec(geo::BuildMapGeometry(example.site), example.site, results, gld,
                           example.wards, example.urls, "map-gld");
  json spec = view::ChartJson(spec_chart);
  const json& area = AreaIn(spec, "Kursaal");
  CHECK(area["class"] == "nodata");
  CHECK(area["label"] ==
        "Kursaal: no data (suppressed to protect small numbers)");
  std::string svg = render::RenderSvg(spec_chart);
  CHECK(svg.find("3.3%") == std::string::npos);
  CHECK(svg.find("Kursaal: 3") == std::string::npos);
  CHECK(svg.find("No data: ") != std::string::npos);  // the key says what the pattern means
  CHECK(svg.find("<pattern id=\"map-gld-nodata\"") != std::string::npos);
}

TEST_CASE("labels say the value and the comparison in words") {
  Example example = LoadExample();
  compute::Results results = compute::Compute(example.site);
  const view::Chart spec_chart =
      view::ChoroplethSpec(example.site, results, IndicatorIndex(example.site, "gld"),
                           example.wards, example.urls, "m");
  json spec = view::ChartJson(spec_chart);
  for (const auto& area : spec["areas"]) {
    std::string label = area["label"];
    std::string key = area["class"];
    CAPTURE(label);
    if (key == "better") CHECK(label.find(", better than Southend-on-Sea") != std::string::npos);
    if (key == "similar") CHECK(label.find(", similar to Southend-on-Sea") != std::string::npos);
    if (key == "worse") CHECK(label.find(", worse than Southend-on-Sea") != std::string::npos);
    CHECK(label.find('%') != std::string::npos);
  }
  CHECK(spec["legend_title"].get<std::string>().rfind("Compared with Southend-on-Sea, ", 0) == 0);
}

TEST_CASE("an indicator no ward can be compared on is shown in value bands") {
  Example example = LoadExample();
  uint32_t gld = IndicatorIndex(example.site, "gld");
  // Without counts or intervals nothing can be compared with the borough.
  for (auto& observation : example.site.observations)
    if (observation.indicator == gld) {
      observation.count = observation.denominator = NAN;
      observation.lower_ci = observation.upper_ci = NAN;
    }
  example.site.indicators[gld].ci_method = model::CiMethod::kNone;
  compute::Results results = compute::Compute(example.site);
  const view::Chart spec_chart =
      view::ChoroplethSpec(example.site, results, gld, example.wards, example.urls, "m");
  json spec = view::ChartJson(spec_chart);
  std::set<std::string> keys;
  for (const auto& area : spec["areas"]) keys.insert(area["class"]);
  CHECK(keys == std::set<std::string>{"band-high", "band-low", "band-middle"});
  CHECK(spec["desc"].get<std::string>().find(
            "do not show whether a difference is more than chance") != std::string::npos);
}

TEST_CASE("hostile names and URLs are escaped") {
  Example example = LoadExample();
  uint32_t kursaal = example.Ward("Kursaal");
  const std::string hostile = "<script>alert(\"x\")</script> & 'Co' ]]>";
  example.site.areas[kursaal].name = hostile;
  example.site.areas[example.site.area_index.at(example.site.config.home_area)].name =
      "</title><b>";
  example.urls[kursaal] = "\" onmouseover=\"alert(1)";
  compute::Results results = compute::Compute(example.site);
  geo::MapGeometry geometry = geo::BuildMapGeometry(example.site);
  std::string map = render::RenderSvg(
      view::ChoroplethSpec(geometry, example.site, results, IndicatorIndex(example.site, "gld"),
                           example.wards, example.urls, "map-gld"));
  std::string locator = render::RenderSvg(
      view::LocatorSpec(geometry, example.site, kursaal, example.wards, "loc"));
  for (const std::string& svg : {map, locator}) {
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("</title><b>") == std::string::npos);
    CHECK(svg.find("]]>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;") !=
          std::string::npos);
  }
  CHECK(map.find("\" onmouseover=") == std::string::npos);
  CHECK(map.find("href=\"&quot; onmouseover=&quot;alert(1)\"") != std::string::npos);
}

TEST_CASE("a ward without a URL is drawn but not linked; the map is then an image") {
  Example example = LoadExample();
  compute::Results results = compute::Compute(example.site);
  const view::Chart spec_chart =
      view::ChoroplethSpec(example.site, results, IndicatorIndex(example.site, "gld"),
                           example.wards, {}, "m");
  json spec = view::ChartJson(spec_chart);
  CHECK(spec["role"] == "img");
  std::string svg = render::RenderSvg(spec_chart);
  CHECK(Count(svg, "<a ") == 0);
  CHECK(Count(svg, kWardPath) == 17);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
}

// --- The locator ------------------------------------------------------------------------------

TEST_CASE("the locator highlights one ward and says where it is") {
  Example example = LoadExample();
  uint32_t kursaal = example.Ward("Kursaal");
  const view::Chart spec_chart =
      view::LocatorSpec(geo::BuildMapGeometry(example.site), example.site, kursaal, example.wards,
                        "locator");
  json spec = view::ChartJson(spec_chart);
  REQUIRE(spec.is_object());
  CHECK(spec["title"] == "Where Kursaal is in Southend-on-Sea");
  CHECK(spec["role"] == "img");
  REQUIRE(spec["areas"].size() == 17);
  CHECK(spec["areas"].back()["name"] == "Kursaal");  // drawn last, outline on top
  CHECK(spec["areas"].back()["highlight"] == true);
  std::string desc = spec["desc"];
  CHECK(desc.find("Kursaal is in the south of Southend-on-Sea") != std::string::npos);
  CHECK(desc.find("next to ") != std::string::npos);
  CHECK(desc.find("Victoria") != std::string::npos);  // a neighbour
  CHECK(desc.find("Belfairs") == std::string::npos);  // far away
  std::string svg = render::RenderSvg(spec_chart);
  CHECK(svg.rfind("<svg ", 0) == 0);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("<title id=\"locator-title\">Where Kursaal is in Southend-on-Sea</title>") !=
        std::string::npos);
  CHECK(Count(svg, "<path d=\"M") == 17);
  CHECK(Count(svg, "fill=\"#0b3d5c\"") == 1);
  CHECK(svg.size() < 12 * 1024);
  // Its size is the stylesheet's (at most 16rem): no inline max-width overrides it.
  std::string root = svg.substr(0, svg.find('>'));
  CHECK(root.find("max-width") == std::string::npos);
  CHECK(root.find("style=\"display:block;height:auto\"") != std::string::npos);
}

// --- Determinism ------------------------------------------------------------------------------

TEST_CASE("the same inputs give the same bytes") {
  Example example = LoadExample();
  compute::Results results = compute::Compute(example.site);
  auto render_all = [&]() {
    geo::MapGeometry geometry = geo::BuildMapGeometry(example.site);
    std::string out;
    for (uint32_t indicator = 0; indicator < example.site.indicators.size(); ++indicator)
      out += render::RenderSvg(view::ChoroplethSpec(geometry, example.site, results, indicator,
                                                       example.wards, example.urls, "m"));
    for (uint32_t ward : example.wards)
      out +=
          render::RenderSvg(view::LocatorSpec(geometry, example.site, ward, example.wards, "l"));
    return out;
  };
  std::string first = render_all();
  CHECK(first.size() > 100000);
  CHECK(first == render_all());
  // The order the wards are given in does not matter.
  std::vector<uint32_t> reversed(example.wards.rbegin(), example.wards.rend());
  geo::MapGeometry geometry = geo::BuildMapGeometry(example.site);
  CHECK(render::RenderSvg(view::ChoroplethSpec(geometry, example.site, results, 0, reversed,
                                                  example.urls, "m")) ==
        render::RenderSvg(view::ChoroplethSpec(geometry, example.site, results, 0, example.wards,
                                                  example.urls, "m")));
}

TEST_CASE("specs with nothing to draw are empty (null as JSON) and render as nothing") {
  Example example = LoadExample();
  compute::Results results = compute::Compute(example.site);
  geo::MapGeometry geometry = geo::BuildMapGeometry(example.site);
  const view::Chart map = view::ChoroplethSpec(geometry, example.site, results, 0, {}, {}, "m");
  CHECK_FALSE(view::HasChart(map));
  CHECK(view::ChartJson(map).is_null());
  CHECK(render::RenderSvg(map).empty());
  uint32_t home = example.site.area_index.at(example.site.config.home_area);
  const view::Chart locator = view::LocatorSpec(geometry, example.site, home, example.wards, "l");
  CHECK_FALSE(view::HasChart(locator));
  CHECK(view::ChartJson(locator).is_null());
  CHECK(render::RenderSvg(locator).empty());
}

}  // namespace
}  // namespace outcomes
