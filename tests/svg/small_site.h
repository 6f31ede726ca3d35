// A small site built in code for the chart tests (tests/svg/*_test.cc): Southend-on-Sea,
// England, four wards (Kursaal and Milton tagged `bss`) and a ward with a hostile name, both
// groups, and two indicators:
//   gld     percent, Wilson intervals, target 75 by 2019/20 with a trajectory; Kursaal has 3
//           children in 2016/17 (suppressed), the hostile ward only 2018/19, Victoria only
//           2017/18.
//   visits  rate per 1,000, no intervals, a level target of 40 by 2018/19; nobody has 2017/18.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "compute/compute.h"
#include "model/model.h"
#include "model/period.h"
#include "load/internal/loaders.h"
#include "support/site_builder.h"

namespace outcomes::svg_test {

inline constexpr const char* kHome = "E06000033";
inline constexpr const char* kEngland = "E92000001";
inline constexpr const char* kKursaal = "E05002216";
inline constexpr const char* kMilton = "E05002218";
inline constexpr const char* kLeigh = "E05002217";
inline constexpr const char* kVictoria = "E05002220";
inline constexpr const char* kHostile = "E05002299";
inline constexpr const char* kHostileName = "\"><script>alert(1)</script>";

using Obs = testing::Row;
using testing::AddArea;
using testing::AddRows;

struct SmallSite {
  model::Site site = [] {
    model::Site english;
    english.text = load::internal::ReferenceCatalogue();  // the built-in English words
    return english;
  }();
  compute::Results results;

  uint32_t Area(const std::string& code) const {
    int32_t area = results.FindArea(code);
    REQUIRE(area >= 0);
    return static_cast<uint32_t>(area);
  }
  uint32_t Indicator(const std::string& id) const { return site.indicator_index.at(id); }
  std::vector<uint32_t> Wards() const {
    return {Area(kKursaal), Area(kLeigh), Area(kMilton), Area(kVictoria), Area(kHostile)};
  }
};

inline model::Period Academic(const std::string& text) {
  return *model::ParsePeriod(text, model::PeriodType::kAcademicYear, nullptr);
}

inline SmallSite MakeSmallSite(const std::string& hostile_name = kHostileName) {
  SmallSite small;
  model::Site& site = small.site;
  site.root = "/nonexistent/site";
  site.files = {"data/observations.csv"};
  site.config.title = "Test site";
  site.config.organisation = "Test council";
  site.config.home_area = kHome;
  site.config.comparators = {kHome, kEngland};
  AddArea(site, kHome, "Southend-on-Sea", "local-authority", "");
  AddArea(site, kEngland, "England", "country", "");
  AddArea(site, kKursaal, "Kursaal", "ward", kHome, {"bss"});
  AddArea(site, kMilton, "Milton", "ward", kHome, {"bss"});
  AddArea(site, kLeigh, "Leigh", "ward", kHome);
  AddArea(site, kVictoria, "Victoria", "ward", kHome);
  AddArea(site, kHostile, hostile_name, "ward", kHome);
  model::AreaGroup target;
  target.id = "better-start";
  target.name = "Better Start wards";
  target.tag = "bss";
  model::AreaGroup rest;
  rest.id = "rest-of-southend";
  rest.name = "Rest of Southend";
  rest.without_tag = "bss";
  site.config.groups = {target, rest};
  site.config.gap_target = "better-start";
  site.config.gap_rest = "rest-of-southend";

  model::Indicator gld;
  gld.id = "gld";
  gld.title = "Children with a good level of development at age 5";
  gld.short_title = "Good level of development";
  gld.phrase = "reached a good level of development by age 5";
  gld.population = "children";
  gld.unit = model::Unit::kPercent;
  gld.decimals = 1;
  gld.source = "DfE";
  gld.period_type = model::PeriodType::kAcademicYear;
  gld.ci_method = model::CiMethod::kWilson;
  model::Target gld_target;
  gld_target.value = 75;
  gld_target.period = Academic("2019/20");
  gld_target.trajectory = {{Academic("2018/19"), 73.5}, {Academic("2017/18"), 72}};
  gld.target = gld_target;
  site.indicator_index[gld.id] = 0;
  site.indicators.push_back(gld);

  model::Indicator visits;
  visits.id = "visits";
  visits.title = "Health visits per 1,000 families";
  visits.short_title = "Health visits";
  visits.phrase = "were visited";
  visits.population = "families";
  visits.unit = model::Unit::kRate;
  visits.per = 1000;
  visits.decimals = 1;
  visits.polarity = model::Polarity::kLowerIsBetter;
  visits.source = "NHS";
  visits.period_type = model::PeriodType::kFinancialYear;
  visits.ci_method = model::CiMethod::kNone;
  model::Target visits_target;
  visits_target.value = 40;
  visits_target.period = *model::ParsePeriod("2018/19", model::PeriodType::kFinancialYear, nullptr);
  visits.target = visits_target;
  site.indicator_index[visits.id] = 1;
  site.indicators.push_back(visits);

  AddRows(site, "gld", {
      {.area = kHome, .period = "2015/16", .count = 150, .denominator = 240},
      {.area = kHome, .period = "2016/17", .count = 160, .denominator = 240},
      {.area = kHome, .period = "2017/18", .count = 170, .denominator = 240},
      {.area = kHome, .period = "2018/19", .count = 180, .denominator = 240},
      {.area = kEngland, .period = "2015/16", .value = 69.3},
      {.area = kEngland, .period = "2016/17", .value = 70.7},
      {.area = kEngland, .period = "2017/18", .value = 71.5},
      {.area = kEngland, .period = "2018/19", .value = 71.8},
      {.area = kKursaal, .period = "2015/16", .count = 50, .denominator = 80},
      {.area = kKursaal, .period = "2016/17", .count = 3, .denominator = 60},
      {.area = kKursaal, .period = "2017/18", .count = 55, .denominator = 82},
      {.area = kKursaal, .period = "2018/19", .count = 58, .denominator = 85},
      {.area = kMilton, .period = "2015/16", .count = 40, .denominator = 70},
      {.area = kMilton, .period = "2016/17", .count = 45, .denominator = 72},
      {.area = kMilton, .period = "2017/18", .count = 44, .denominator = 70},
      {.area = kMilton, .period = "2018/19", .count = 48, .denominator = 71},
      {.area = kLeigh, .period = "2015/16", .count = 60, .denominator = 90},
      {.area = kLeigh, .period = "2016/17", .count = 62, .denominator = 88},
      {.area = kLeigh, .period = "2017/18", .count = 66, .denominator = 90},
      {.area = kLeigh, .period = "2018/19", .count = 70, .denominator = 92},
      {.area = kVictoria, .period = "2017/18", .count = 20, .denominator = 40},
      {.area = kHostile, .period = "2018/19", .count = 30, .denominator = 50},
  });
  AddRows(site, "visits", {
      {.area = kHome, .period = "2015/16", .value = 52.5},
      {.area = kHome, .period = "2016/17", .value = 48.25},
      {.area = kHome, .period = "2018/19", .value = 41.0},
      {.area = kEngland, .period = "2015/16", .value = 45.0},
      {.area = kEngland, .period = "2016/17", .value = 44.0},
      {.area = kEngland, .period = "2018/19", .value = 43.0},
  });
  small.results = compute::Compute(site);
  return small;
}

}  // namespace outcomes::svg_test
