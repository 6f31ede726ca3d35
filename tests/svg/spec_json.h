// The chart and map builders of view/chart_view.h and view/map_view.h, giving their specs as
// JSON (view::ChartJson: the keys the specs' fields document), for the tests that read specs key
// by key. Null where the builder gives an empty chart.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "view/chart_view.h"
#include "view/map_view.h"

namespace outcomes::svg_test {

inline nlohmann::json TrendJson(const model::Site& site, const compute::Results& results,
                                uint32_t indicator, const std::vector<uint32_t>& areas,
                                const std::string& id_prefix) {
  return view::ChartJson(view::TrendChartSpec(site, results, indicator, areas, id_prefix));
}

inline nlohmann::json ComparisonJson(const model::Site& site, const compute::Results& results,
                                     uint32_t indicator, const std::vector<uint32_t>& areas,
                                     uint32_t benchmark_area, const std::string& id_prefix) {
  return view::ChartJson(
      view::ComparisonChartSpec(site, results, indicator, areas, benchmark_area, id_prefix));
}

inline nlohmann::json PositionJson(const model::Site& site, const compute::Results& results,
                                   uint32_t indicator, uint32_t area,
                                   const std::vector<uint32_t>& among_areas,
                                   const std::string& id_prefix) {
  return view::ChartJson(
      view::PositionChartSpec(site, results, indicator, area, among_areas, id_prefix));
}

inline nlohmann::json SparklineJson(const model::Site& site, const compute::Results& results,
                                    uint32_t indicator, uint32_t area,
                                    const std::string& id_prefix) {
  return view::ChartJson(view::SparklineSpec(site, results, indicator, area, id_prefix));
}

inline nlohmann::json SpineJson(const model::Site& site, const compute::Results& results,
                                uint32_t area, const std::vector<uint32_t>& among_areas,
                                uint32_t benchmark_area, const std::vector<uint32_t>& indicators,
                                const std::string& id_prefix) {
  return view::ChartJson(view::SpineChartSpec(site, results, area, among_areas, benchmark_area,
                                              indicators, id_prefix));
}

inline nlohmann::json ChoroplethJson(const view::MapGeometry& geometry, const model::Site& site,
                                     const compute::Results& results, uint32_t indicator,
                                     const std::vector<uint32_t>& wards,
                                     const std::map<uint32_t, std::string>& ward_urls,
                                     const std::string& id_prefix,
                                     view::MapClasses classes =
                                         view::MapClasses::kComparedWithHome) {
  return view::ChartJson(view::ChoroplethSpec(geometry, site, results, indicator, wards,
                                              ward_urls, id_prefix, classes));
}

inline nlohmann::json ChoroplethJson(const model::Site& site, const compute::Results& results,
                                     uint32_t indicator, const std::vector<uint32_t>& wards,
                                     const std::map<uint32_t, std::string>& ward_urls,
                                     const std::string& id_prefix) {
  return view::ChartJson(
      view::ChoroplethSpec(site, results, indicator, wards, ward_urls, id_prefix));
}

inline nlohmann::json LocatorJson(const view::MapGeometry& geometry, const model::Site& site,
                                  uint32_t ward, const std::vector<uint32_t>& wards,
                                  const std::string& id_prefix) {
  return view::ChartJson(view::LocatorSpec(geometry, site, ward, wards, id_prefix));
}

inline nlohmann::json LocatorJson(const model::Site& site, uint32_t ward,
                                  const std::vector<uint32_t>& wards,
                                  const std::string& id_prefix) {
  return view::ChartJson(view::LocatorSpec(site, ward, wards, id_prefix));
}

}  // namespace outcomes::svg_test
