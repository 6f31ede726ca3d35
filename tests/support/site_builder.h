// The one way unit tests build a site in code (tests/compute, tests/opendata, tests/svg): areas,
// groups, comparators, indicators and observation rows, straight into a model::Site, in the
// built-in English. Each test folder keeps its own geography and indicators on top of this.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "load/internal/loaders.h"
#include "model/model.h"
#include "model/period.h"

namespace outcomes::testing {

// One observation row; NaN = blank. Fields in this order, so designated initializers
// ({.area = …, .period = …, .count = …}) can name any of them.
struct Row {
  std::string area = {};
  std::string period = {};
  double value = NAN;
  double count = NAN;
  double denominator = NAN;
  double lower = NAN;  // a given 95% interval
  double upper = NAN;
  std::string note = {};
  uint16_t breakdown = 0;
  model::Marker marker = model::Marker::kNone;
  uint8_t flags = 0;
};

// `text` read as a period of `type`; the test stops when it is not one.
inline model::Period ParsedPeriod(const std::string& text,
                                  model::PeriodType type = model::PeriodType::kCalendarYear) {
  std::string error;
  std::optional<model::Period> period = model::ParsePeriod(text, type, &error);
  INFO(error);
  REQUIRE(period.has_value());
  return *period;
}

inline void AddArea(model::Site& site, const std::string& code, const std::string& name,
                    const std::string& type, const std::string& parent = "",
                    std::vector<std::string> tags = {}) {
  model::Area area;
  area.code = code;
  area.name = name;
  area.type = type;
  area.parent = parent;
  area.tags = std::move(tags);
  site.area_index[code] = static_cast<uint32_t>(site.areas.size());
  site.areas.push_back(std::move(area));
}

// Rows of indicator `indicator_id`, as the observations loader would add them (line numbers
// count from 2, as under a CSV header).
inline void AddRows(model::Site& site, const std::string& indicator_id,
                    const std::vector<Row>& rows) {
  REQUIRE(site.indicator_index.count(indicator_id));
  const uint32_t indicator_idx = site.indicator_index.at(indicator_id);
  const model::PeriodType period_type = site.indicators[indicator_idx].period_type;
  for (const Row& row : rows) {
    INFO("area " << row.area << " period " << row.period);
    REQUIRE(site.area_index.count(row.area));
    model::Observation observation;
    observation.indicator = indicator_idx;
    observation.area = site.area_index.at(row.area);
    observation.period = ParsedPeriod(row.period, period_type);
    observation.breakdown = row.breakdown;
    observation.marker = row.marker;
    observation.flags = row.flags;
    observation.file = 0;
    observation.line = static_cast<uint32_t>(site.observations.size() + 2);
    observation.value = row.value;
    observation.count = row.count;
    observation.denominator = row.denominator;
    observation.lower_ci = row.lower;
    observation.upper_ci = row.upper;
    if (!row.note.empty()) {
      observation.note = static_cast<uint32_t>(site.notes.size());
      site.notes.push_back(row.note);
    }
    site.observations.push_back(observation);
  }
}

class SiteBuilder {
 public:
  // An empty site whose home area is `home` (add it with Area).
  explicit SiteBuilder(const std::string& home) {
    site_.text = load::internal::ReferenceCatalogue();  // the built-in English words
    site_.root = "/nonexistent/site";
    site_.files = {"data/observations.csv"};
    site_.config.title = "Test site";
    site_.config.organisation = "Test council";
    site_.config.home_area = home;
  }

  SiteBuilder& Area(const std::string& code, const std::string& name, const std::string& type,
                    const std::string& parent = "", std::vector<std::string> tags = {}) {
    AddArea(site_, code, name, type, parent, std::move(tags));
    return *this;
  }
  // Renames an area (to test awkward text in output).
  SiteBuilder& Rename(const std::string& code, const std::string& name) {
    site_.areas[site_.area_index.at(code)].name = name;
    return *this;
  }
  // A group of the areas tagged `tag`, or of those not tagged `without_tag`.
  SiteBuilder& Group(const std::string& id, const std::string& name, const std::string& tag,
                     const std::string& without_tag) {
    model::AreaGroup group;
    group.id = id;
    group.name = name;
    group.tag = tag;
    group.without_tag = without_tag;
    site_.config.groups.push_back(std::move(group));
    return *this;
  }
  SiteBuilder& Comparators(std::vector<std::string> codes) {
    site_.config.comparators = std::move(codes);
    return *this;
  }
  SiteBuilder& Indicator(model::Indicator indicator) {
    site_.indicator_index[indicator.id] = static_cast<uint32_t>(site_.indicators.size());
    site_.indicators.push_back(std::move(indicator));
    return *this;
  }
  SiteBuilder& Rows(const std::string& indicator_id, const std::vector<Row>& rows) {
    AddRows(site_, indicator_id, rows);
    return *this;
  }

  model::Site& site() { return site_; }

 private:
  model::Site site_;
};

}  // namespace outcomes::testing
