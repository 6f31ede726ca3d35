// Ward maps: the choropleth and locator specs, drawn from geo/'s projected, simplified boundaries.
#include "view/map_view.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "compute/compute.h"
#include "model/model.h"
#include "view/labels.h"

namespace outcomes::view {

namespace {

using nlohmann::json;

// --- Fitting to a viewBox ---------------------------------------------------------------------

// Grid metres -> viewBox units: north up, a margin all round.
struct Fit {
  double min_east = 0;
  double max_north = 0;
  double scale = 1;
  double margin = 0;
  int width = 0;          // viewBox
  int height = 0;         // viewBox
  int display_width = 0;  // CSS pixels, before the page shrinks it
  int display_height = 0;
};

Fit FitTo(const MapGeometry& geometry, const std::vector<uint32_t>& areas, int width,
          int max_display_height) {
  GridPoint min{INFINITY, INFINITY};
  GridPoint max{-INFINITY, -INFINITY};
  for (uint32_t area : areas)
    if (const MapArea* shape = geometry.Find(area)) {
      min.east = std::min(min.east, shape->min.east);
      min.north = std::min(min.north, shape->min.north);
      max.east = std::max(max.east, shape->max.east);
      max.north = std::max(max.north, shape->max.north);
    }
  Fit fit;
  fit.width = width;
  fit.margin = std::max(2.0, width / 200.0);
  double extent_east = std::max(max.east - min.east, 1.0);
  double extent_north = std::max(max.north - min.north, 1.0);
  fit.scale = (width - 2 * fit.margin) / extent_east;
  fit.min_east = min.east;
  fit.max_north = max.north;
  fit.height = static_cast<int>(std::ceil(extent_north * fit.scale + 2 * fit.margin));
  // A tall area is drawn narrower rather than taller than the screen.
  double shrink = std::min(1.0, static_cast<double>(max_display_height) / fit.height);
  fit.display_width = static_cast<int>(std::lround(width * shrink));
  fit.display_height = static_cast<int>(std::lround(fit.height * shrink));
  return fit;
}

// Tenths, without a trailing ".0" and never "-0": "12.3", "7", "-0.4".
// The map's viewBox and display size from `fit`.
template <typename Map>
void SetSize(Map& map, const Fit& fit) {
  map.width = fit.width;
  map.height = fit.height;
  map.display_width = fit.display_width;
  map.display_height = fit.display_height;
}

void AppendTenths(std::string& out, int64_t tenths) {
  if (tenths < 0) {
    out += '-';
    tenths = -tenths;
  }
  out += std::to_string(tenths / 10);
  if (tenths % 10 != 0) {
    out += '.';
    out += static_cast<char>('0' + tenths % 10);
  }
}

// An SVG path for the area's rings, coordinates rounded to 0.1 user unit. Rings that rounding
// leaves with fewer than three distinct points are dropped. "" when nothing is left.
std::string PathData(const MapArea& shape, const Fit& fit) {
  std::string d;
  for (const auto& ring : shape.rings) {
    std::vector<std::pair<int64_t, int64_t>> points;
    for (const auto& point : ring.points) {
      int64_t x = std::llround((fit.margin + (point.east - fit.min_east) * fit.scale) * 10);
      int64_t y = std::llround((fit.margin + (fit.max_north - point.north) * fit.scale) * 10);
      if (points.empty() || points.back() != std::pair{x, y}) points.emplace_back(x, y);
    }
    while (points.size() > 1 && points.back() == points.front()) points.pop_back();
    if (points.size() < 3) continue;
    for (size_t idx = 0; idx < points.size(); ++idx) {
      d += idx == 0 ? 'M' : ' ';
      AppendTenths(d, points[idx].first);
      d += ' ';
      AppendTenths(d, points[idx].second);
    }
    d += 'Z';
  }
  return d;
}

// --- Words ------------------------------------------------------------------------------------

std::string LowerFirst(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// "A", "A and B", "A, B and C".
std::string JoinNames(const i18n::Catalogue& t, const std::vector<std::string>& names) {
  std::string text;
  for (size_t idx = 0; idx < names.size(); ++idx) {
    if (idx > 0) text += idx + 1 == names.size() ? " " + t("word_and") + " " : ", ";
    text += names[idx];
  }
  return text;
}

std::string WardCount(const i18n::Catalogue& t, size_t count) {
  return t.Count("count_wards", static_cast<int64_t>(count));
}

// A shading class: its words and how it is drawn.
struct MapClass {
  std::string key;
  std::string label;
  const char* fill;
  const char* ink;
  const char* pattern;
};

// Colours are tints of the status colours in site.css (so the map matches the table's badges);
// every class also has its own pattern, and their greys differ, so none depends on colour alone.
MapClass ComparisonClass(const i18n::Catalogue& t, compute::Comparison comparison, const std::string& home) {
  switch (comparison) {
    case compute::Comparison::kBetter:
      return {"better", t("compare_better", {{"benchmark", home}}), "#a6d5b3", "#00703c", "dots"};
    case compute::Comparison::kSimilar:
      return {"similar", t("compare_similar", {{"benchmark", home}}), "#dcdee0", "#505a5f", "none"};
    case compute::Comparison::kWorse:
      return {"worse", t("compare_worse", {{"benchmark", home}}), "#f4b4aa", "#b1211b", "checks"};
    case compute::Comparison::kHigher:
      return {"higher", t("compare_higher", {{"benchmark", home}}), "#c4b3de", "#5c3a8e", "lines"};
    case compute::Comparison::kLower:
      return {"lower", t("compare_lower", {{"benchmark", home}}), "#dcebf7", "#1a5fa3", "vlines"};
    case compute::Comparison::kNotCompared:
      return {"notcompared", t("map_not_compared", {{"area", home}}), "#ffffff", "#505a5f", "grid"};
  }
  return {};
}

MapClass StatusClass(const i18n::Catalogue& t, compute::TargetStatus status) {
  auto Label = [&](compute::TargetStatus of) {
    return TargetStatusBadge(t, of).label;
  };
  switch (status) {
    case compute::TargetStatus::kMet: return {"met", Label(status), "#a6d5b3", "#00703c", "dots"};
    case compute::TargetStatus::kClose:
      return {"close", Label(status), "#f5e3a0", "#7a4b00", "lines"};
    case compute::TargetStatus::kNotMet:
      return {"off", Label(status), "#f4b4aa", "#b1211b", "checks"};
    case compute::TargetStatus::kNoTarget:
      return {"notarget", Label(status), "#ffffff", "#505a5f", "none"};
    case compute::TargetStatus::kNoValue: break;
  }
  return {"nodata", t("status_no_data"), "#ffffff", "#6f777b", "crosshatch"};
}

// Value bands, 0 = the lowest third of the wards' figures, 2 = the highest.
MapClass BandClass(const i18n::Catalogue& t, int band) {
  switch (band) {
    case 2: return {"band-high", t("map_band_high"), "#5b8fc7", "#0b3d5c", "checks"};
    case 1: return {"band-middle", t("map_band_middle"), "#a9cde6", "#1a5fa3", "lines"};
    default: return {"band-low", t("map_band_low"), "#e6f0f9", "#1a5fa3", "none"};
  }
}

int BandOf(double value, const std::vector<double>& cuts) {
  if (cuts.empty()) return 1;
  return value < cuts[0] ? 0 : value < cuts[1] ? 1 : 2;
}

MapClass NoDataClass(const i18n::Catalogue& t) { return {"nodata", t("status_no_data"), "#ffffff", "#6f777b", "crosshatch"}; }

// "in the north-east of", "in the middle of": where `centre` lies in the box, by thirds.
std::string Whereabouts(const i18n::Catalogue& t, const GridPoint& centre, const GridPoint& min,
                        const GridPoint& max) {
  auto third = [](double value, double low, double high) {
    double span = high - low;
    if (span <= 0) return 1;
    double t = (value - low) / span;
    return t < 1.0 / 3 ? 0 : t > 2.0 / 3 ? 2 : 1;
  };
  int column = third(centre.east, min.east, max.east);
  int row = third(centre.north, min.north, max.north);
  static const char* kKeys[3][3] = {{"map_in_south_west", "map_in_south", "map_in_south_east"},
                                    {"map_in_west", "map_in_middle", "map_in_east"},
                                    {"map_in_north_west", "map_in_north", "map_in_north_east"}};
  return t(kKeys[row][column]);
}

std::string LegendTitle(const i18n::Catalogue& t, MapClasses classes, const std::string& home,
                        const model::Indicator& indicator, const model::Period& period) {
  switch (classes) {
    case MapClasses::kComparedWithHome: return t("map_legend_compared", {{"area", home}, {"period", period.Label()}});
    case MapClasses::kTargetStatus: return t("map_legend_status", {{"period", period.Label()}});
    case MapClasses::kValueBands:
      return indicator.short_title + " (" + UnitLabel(t, indicator) + "), " + period.Label();
  }
  return {};
}

std::string HomeName(const model::Site& site) {
  const model::Area* home = site.FindArea(site.config.home_area);
  return home ? home->name : site.config.home_area;
}

}  // namespace

namespace {

// `wards` in name order (ties by index), as maps list and draw them.
std::vector<uint32_t> ByName(const compute::Results& results, std::vector<uint32_t> wards) {
  std::sort(wards.begin(), wards.end(), [&](uint32_t a, uint32_t b) {
    return results.areas[a].name != results.areas[b].name
               ? results.areas[a].name < results.areas[b].name
               : a < b;
  });
  return wards;
}

// Those of `wards` that have a boundary to draw, in the same order.
std::vector<uint32_t> WithBoundary(const MapGeometry& geometry, const std::vector<uint32_t>& wards) {
  std::vector<uint32_t> drawn;
  for (uint32_t ward : wards)
    if (geometry.Find(ward)) drawn.push_back(ward);
  return drawn;
}

}  // namespace

Chart ChoroplethSpec(const MapGeometry& geometry, const model::Site& site,
                     const compute::Results& results, uint32_t indicator_idx,
                     const std::vector<uint32_t>& wards,
                     const std::map<uint32_t, std::string>& ward_urls, const std::string& id_prefix,
                     MapClasses classes) {
  const model::Indicator& indicator = site.indicators[indicator_idx];
  const std::string home = results.areas[results.home_area].name;
  int home_comparator = -1;
  for (size_t idx = 0; idx < results.comparator_areas.size(); ++idx)
    if (results.comparator_areas[idx] == results.home_area) home_comparator = static_cast<int>(idx);
  if (classes == MapClasses::kTargetStatus && !indicator.target)
    classes = MapClasses::kComparedWithHome;

  // The latest period any ward has, so every ward is shaded for the same year.
  const model::Period* latest = nullptr;
  for (uint32_t ward : wards)
    if (const compute::Series* series = results.Find(indicator_idx, ward, 0))
      if (const compute::Cell* cell = series->Latest())
        if (!latest || *latest < cell->period) latest = &cell->period;
  if (!latest) return {};
  const model::Period period = *latest;

  // Each ward's cell in that period, and whether any could be compared with the home area.
  std::vector<const compute::Cell*> cells;
  std::vector<double> published;
  bool any_compared = false;
  for (uint32_t ward : wards) {
    const compute::Cell* cell = results.CellAt(indicator_idx, ward, period);
    cells.push_back(cell);
    if (!cell || !cell->Published()) continue;
    published.push_back(cell->value);
    if (home_comparator >= 0 && cell->comparisons[static_cast<size_t>(home_comparator)] !=
                                    compute::Comparison::kNotCompared)
      any_compared = true;
  }
  if (classes == MapClasses::kComparedWithHome && !any_compared && !published.empty())
    classes = MapClasses::kValueBands;

  // The legend: every class the reader should expect, then "not compared" and "no data" when
  // they occur.
  std::vector<MapClass> legend;
  std::vector<double> cuts;  // value bands: lowest value of the middle and of the highest third
  if (classes == MapClasses::kComparedWithHome) {
    if (indicator.polarity == model::Polarity::kNeutral)
      for (auto comparison : {compute::Comparison::kHigher, compute::Comparison::kSimilar,
                              compute::Comparison::kLower})
        legend.push_back(ComparisonClass(site.text, comparison, home));
    else
      for (auto comparison : {compute::Comparison::kBetter, compute::Comparison::kSimilar,
                              compute::Comparison::kWorse})
        legend.push_back(ComparisonClass(site.text, comparison, home));
    legend.push_back(ComparisonClass(site.text, compute::Comparison::kNotCompared, home));
  } else if (classes == MapClasses::kTargetStatus) {
    for (auto status :
         {compute::TargetStatus::kMet, compute::TargetStatus::kClose,
          compute::TargetStatus::kNotMet})
      legend.push_back(StatusClass(site.text, status));
  } else {
    std::sort(published.begin(), published.end());
    size_t count = published.size();
    if (count >= 3) cuts = {published[count / 3], published[2 * count / 3]};
    for (int band : {2, 1, 0}) {
      MapClass item = BandClass(site.text, band);
      // "Highest third of wards (457 to 952)": a band's range is the values in it.
      double low = INFINITY, high = -INFINITY;
      for (double value : published)
        if (BandOf(value, cuts) == band) {
          low = std::min(low, value);
          high = std::max(high, value);
        }
      if (low > high) continue;  // empty (ties moved its wards up)
      if (cuts.empty()) item.label = site.text("map_band_all");
      item.label = low == high ? site.text("map_band_value", {{"band", item.label},
                                                              {"value", FormatValue(site.text, indicator, low)}})
                               : site.text("map_band_range", {{"band", item.label},
                                                              {"low", FormatValue(site.text, indicator, low)},
                                                              {"high", FormatValue(site.text, indicator, high)}});
      legend.push_back(item);
    }
  }
  legend.push_back(NoDataClass(site.text));
  std::map<std::string, std::vector<std::string>> members;  // class key -> ward names

  const std::vector<uint32_t> ordered = ByName(results, wards);
  const std::vector<uint32_t> drawn = WithBoundary(geometry, ordered);
  if (drawn.empty()) return {};
  Fit fit = FitTo(geometry, drawn, 800, 560);

  ChoroplethMap spec;
  std::vector<MapWard>& areas = spec.areas;
  for (uint32_t ward : ordered) {
    const std::string& name = results.areas[ward].name;
    const compute::Cell* cell =
        cells[static_cast<size_t>(std::find(wards.begin(), wards.end(), ward) - wards.begin())];
    MapClass map_class = NoDataClass(site.text);
    std::string label;
    if (cell && cell->Published()) {
      std::string value = FormatValue(site.text, indicator, cell->value);
      if (classes == MapClasses::kComparedWithHome) {
        auto comparison = cell->comparisons[static_cast<size_t>(home_comparator)];
        map_class = ComparisonClass(site.text, comparison, home);
        std::string words = LowerFirst(map_class.label);
        if (comparison == compute::Comparison::kNotCompared) {
          std::string reason(NotComparedText(site.text, 
              cell->not_compared[static_cast<size_t>(home_comparator)]));
          words = site.text("map_label_not_compared", {{"area", home}}) +
                  (reason.empty() ? "" : " (" + reason + ")");
        }
        label = name + ": " + value + ", " + words;
      } else if (classes == MapClasses::kTargetStatus) {
        map_class = StatusClass(site.text, cell->target_status);
        const Badge badge = TargetStatusBadge(site.text, indicator, *cell);
        label = name + ": " + value + ", " + LowerFirst(badge.label) +
                (badge.qualifier.empty() ? "" : " (" + badge.qualifier + ")");
      } else {
        int band = BandOf(cell->value, cuts);
        for (const auto& item : legend)
          if (item.key == BandClass(site.text, band).key) map_class = item;
        label = name + ": " + value + ", " + LowerFirst(BandClass(site.text, band).label);
      }
    } else {
      compute::Hidden hidden =
          cell && cell->hidden != compute::Hidden::kNo ? cell->hidden : compute::Hidden::kMissing;
      label = site.text("map_label_no_data", {{"area", name}, {"why", HiddenLabel(site.text, hidden)}});
    }
    members[map_class.key].push_back(name);
    if (std::none_of(legend.begin(), legend.end(),
                     [&](const MapClass& item) { return item.key == map_class.key; }))
      legend.insert(legend.end() - 1, map_class);  // e.g. "no target", before "no data"
    const MapArea* shape = geometry.Find(ward);
    if (!shape) continue;
    MapWard item{results.areas[ward].code, name, map_class.key, label, {}, PathData(*shape, fit)};
    if (auto url = ward_urls.find(ward); url != ward_urls.end()) item.url = url->second;
    areas.push_back(std::move(item));
  }

  const char* desc_key = classes == MapClasses::kComparedWithHome ? "map_desc_compared"
                         : classes == MapClasses::kTargetStatus   ? "map_desc_status"
                                                                  : "map_desc_bands";
  std::string desc = site.text(desc_key, {{"home", home}, {"period", period.Label()}});
  for (const auto& item : legend) {
    const auto& names = members[item.key];
    bool optional = item.key == "notcompared" || item.key == "nodata";
    if (optional && names.empty()) continue;
    spec.classes.push_back({item.key, item.label, WardCount(site.text, names.size()), item.fill,
                            item.ink, item.pattern});
    if (!names.empty())
      desc += " " + item.label + ", " + WardCount(site.text, names.size()) + ": " +
              JoinNames(site.text, names) + ".";
  }
  bool linked = std::any_of(areas.begin(), areas.end(),
                            [](const MapWard& area) { return area.url.has_value(); });
  if (linked) desc += " " + site.text("map_links");
  spec.id = id_prefix;
  spec.role = linked ? "group" : "img";
  spec.title = site.text("map_title", {{"indicator", indicator.short_title}, {"period", period.Label()}});
  spec.desc = desc;
  SetSize(spec, fit);
  spec.legend_title = LegendTitle(site.text, classes, home, indicator, period);
  return spec;
}

Chart AreaFinderMapSpec(const MapGeometry& geometry, const model::Site& site,
                        const compute::Results& results, const std::vector<uint32_t>& wards,
                        const std::map<uint32_t, std::string>& ward_urls,
                        const std::string& id_prefix) {
  const i18n::Catalogue& t = site.text;
  const std::string home = results.areas[results.home_area].name;
  // The target group's members, when the site has one.
  std::vector<uint32_t> targeted;
  std::string target_name;
  if (!site.config.gap_target.empty()) {
    const int32_t group = results.FindArea(site.config.gap_target);
    if (group >= 0) {
      targeted = results.areas[static_cast<size_t>(group)].members;
      target_name = results.areas[static_cast<size_t>(group)].name;
    }
  }
  const MapClass in_target{"target", target_name, "#f6e3ec", "#8c1c51", "dots"};
  const MapClass other{"other", targeted.empty() ? t("map_finder_wards") : t("map_finder_other"),
                       "#e6f0f9", "#1a5fa3", "none"};
  const std::vector<uint32_t> drawn = WithBoundary(geometry, ByName(results, wards));
  if (drawn.empty()) return {};
  const Fit fit = FitTo(geometry, drawn, 800, 560);
  std::map<std::string, std::vector<std::string>> members;
  ChoroplethMap spec;
  std::vector<MapWard>& areas = spec.areas;
  for (uint32_t ward : drawn) {
    const std::string& name = results.areas[ward].name;
    const bool target =
        std::find(targeted.begin(), targeted.end(), ward) != targeted.end();
    const MapClass& map_class = target ? in_target : other;
    members[map_class.key].push_back(name);
    MapWard item{results.areas[ward].code,
                 name,
                 map_class.key,
                 target ? t("map_finder_label_group", {{"ward", name}, {"group", target_name}}) : name,
                 {},
                 PathData(*geometry.Find(ward), fit)};
    if (auto url = ward_urls.find(ward); url != ward_urls.end()) item.url = url->second;
    areas.push_back(std::move(item));
  }
  std::string desc = t("map_finder_desc", {{"home", home}});
  for (const MapClass* item : {&in_target, &other}) {
    const auto& names = members[item->key];
    if (names.empty()) continue;
    spec.classes.push_back(
        {item->key, item->label, WardCount(t, names.size()), item->fill, item->ink, item->pattern});
    desc += " " + item->label + ", " + WardCount(t, names.size()) + ": " + JoinNames(t, names) + ".";
  }
  const bool linked = std::any_of(areas.begin(), areas.end(),
                                  [](const MapWard& area) { return area.url.has_value(); });
  if (linked) desc += " " + t("map_links");
  spec.id = id_prefix;
  spec.role = linked ? "group" : "img";
  spec.title = t("map_finder_title", {{"home", home}});
  spec.desc = desc;
  SetSize(spec, fit);
  spec.legend_title = t("map_finder_legend");
  return spec;
}

Chart ChoroplethSpec(const model::Site& site, const compute::Results& results, uint32_t indicator,
                     const std::vector<uint32_t>& wards,
                     const std::map<uint32_t, std::string>& ward_urls,
                     const std::string& id_prefix) {
  return ChoroplethSpec(geo::BuildMapGeometry(site), site, results, indicator, wards, ward_urls,
                        id_prefix);
}

Chart LocatorSpec(const MapGeometry& geometry, const model::Site& site, uint32_t ward,
                  const std::vector<uint32_t>& wards, const std::string& id_prefix) {
  const MapArea* target = geometry.Find(ward);
  if (!target) return {};
  // Every ward of the council, or for a council with many wards the ward and those next to it:
  // a locator of thousands of outlines on each of thousands of pages would grow the site with
  // the square of the council's size.
  const bool whole_council = wards.size() <= kMaxLocatorWards;
  std::vector<uint32_t> drawn;
  if (whole_council) {
    for (uint32_t area : wards)
      if (area != ward && geometry.Find(area)) drawn.push_back(area);
  } else {
    for (uint32_t area : target->neighbours)
      if (area != ward && geometry.Find(area)) drawn.push_back(area);
  }
  std::sort(drawn.begin(), drawn.end());
  drawn.erase(std::unique(drawn.begin(), drawn.end()), drawn.end());
  drawn.push_back(ward);  // last, so its outline is on top
  Fit fit = FitTo(geometry, drawn, 300, 240);

  const std::string home = HomeName(site);
  const std::string& name = site.areas[ward].name;
  GridPoint min{INFINITY, INFINITY}, max{-INFINITY, -INFINITY};
  for (uint32_t area : drawn) {
    const MapArea* shape = geometry.Find(area);
    min = {std::min(min.east, shape->min.east), std::min(min.north, shape->min.north)};
    max = {std::max(max.east, shape->max.east), std::max(max.north, shape->max.north)};
  }
  std::vector<std::string> neighbours;
  for (uint32_t other : target->neighbours)
    if (other != ward && std::binary_search(drawn.begin(), drawn.end() - 1, other))
      neighbours.push_back(site.areas[other].name);
  std::sort(neighbours.begin(), neighbours.end());
  const i18n::Catalogue& t = site.text;
  i18n::Args args = {{"home", home},
                     {"area", name},
                     {"where", Whereabouts(t, target->centre, min, max)},
                     {"neighbours", JoinNames(t, neighbours)}};
  std::string desc =
      whole_council ? t(neighbours.empty() ? "map_locator_desc" : "map_locator_desc_next", args)
                    : t(neighbours.empty() ? "map_neighbours_desc" : "map_neighbours_desc_list", args);

  LocatorMap spec;
  for (uint32_t area : drawn)
    spec.areas.push_back({site.areas[area].code, site.areas[area].name, area == ward,
                          PathData(*geometry.Find(area), fit)});
  spec.id = id_prefix;
  spec.role = "img";
  spec.title = t(whole_council ? "map_locator_title" : "map_neighbours_title", args);
  spec.desc = desc;
  SetSize(spec, fit);
  spec.fill = "#dedede";
  spec.stroke = "#ffffff";
  spec.highlight_fill = "#0b3d5c";
  spec.highlight_stroke = "#0b0c0c";
  return spec;
}

Chart LocatorSpec(const model::Site& site, uint32_t ward, const std::vector<uint32_t>& wards,
                  const std::string& id_prefix) {
  return LocatorSpec(geo::BuildMapGeometry(site), site, ward, wards, id_prefix);
}

}  // namespace outcomes::view
