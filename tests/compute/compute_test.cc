// Tests for outcomes::compute: small sites built in code, run through Compute(), checked against
// values worked out by hand (the arithmetic is in the comments) and against DESIGN §3.
//
// Tests that once showed bugs in compute/ (fixed) are kept
// so the fix can be seen to work (see the comment above each).
#include "compute/compute.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "model/model.h"
#include "model/period.h"
#include "view/labels.h"
#include "load/internal/loaders.h"
#include "support/site_builder.h"

namespace outcomes::compute {
namespace {

// ---------------------------------------------------------------------------------------------
// Building sites

// The standard geography: Southend-on-Sea and its five wards, three of them tagged `bss`
// (the Better Start wards), England as a second comparator.
constexpr const char* kHome = "E06000033";
constexpr const char* kEngland = "E92000001";
constexpr const char* kKursaal = "E05002212";
constexpr const char* kMilton = "E05002213";
constexpr const char* kVictoria = "E05002214";
constexpr const char* kLeigh = "E05002215";
constexpr const char* kEastwood = "E05002216";
constexpr const char* kTarget = "better-start";
constexpr const char* kRest = "rest-of-southend";

using testing::Row;
using testing::SiteBuilder;

// A row of counts: `count` out of `denominator`.
Row Counts(const std::string& area, const std::string& period, double count, double denominator,
           uint16_t breakdown = 0) {
  Row row;
  row.area = area;
  row.period = period;
  row.count = count;
  row.denominator = denominator;
  row.breakdown = breakdown;
  return row;
}

// A row giving only a value and, optionally, its interval.
Row Given(const std::string& area, const std::string& period, double value, double lower = NAN,
          double upper = NAN) {
  Row row;
  row.area = area;
  row.period = period;
  row.value = value;
  row.lower = lower;
  row.upper = upper;
  return row;
}

model::Period P(const std::string& text,
                model::PeriodType type = model::PeriodType::kCalendarYear) {
  return testing::ParsedPeriod(text, type);
}

// Southend, England and the five wards; groups and comparators as the tests need them.
SiteBuilder Southend(bool with_groups = true) {
  SiteBuilder builder(kHome);
  builder.Area(kHome, "Southend-on-Sea", "unitary")
      .Area(kEngland, "England", "country")
      .Area(kKursaal, "Kursaal", "ward", kHome, {"bss"})
      .Area(kMilton, "Milton", "ward", kHome, {"bss"})
      .Area(kVictoria, "Victoria", "ward", kHome, {"bss"})
      .Area(kLeigh, "Leigh", "ward", kHome)
      .Area(kEastwood, "Eastwood", "ward", kHome)
      .Comparators({kHome, kEngland});
  if (with_groups)
    builder.Group(kTarget, "Better Start wards", "bss", "")
        .Group(kRest, "Rest of Southend", "", "bss");
  return builder;
}

// A share of children (the DESIGN's example indicator), given intervals, higher is better.
model::Indicator Percent(const std::string& id = "gld") {
  model::Indicator indicator;
  indicator.id = id;
  indicator.title = "Children with a good level of development at age 5";
  indicator.short_title = "Good level of development";
  indicator.phrase = "reached a good level of development by age 5";
  indicator.population = "children";
  indicator.unit = model::Unit::kPercent;
  indicator.decimals = 1;
  indicator.polarity = model::Polarity::kHigherIsBetter;
  indicator.source = "DfE";
  indicator.ci_method = model::CiMethod::kGiven;
  return indicator;
}

model::Target MakeTarget(double value, const std::string& period,
                         std::optional<double> tolerance = {},
                         std::vector<model::TrajectoryPoint> trajectory = {}) {
  model::Target target;
  target.value = value;
  target.period = P(period);
  target.tolerance = tolerance;
  target.trajectory = std::move(trajectory);
  return target;
}

model::Indicator Rate(const std::string& id = "admissions") {
  model::Indicator indicator;
  indicator.id = id;
  indicator.title = "Hospital admissions for injuries in children";
  indicator.short_title = "Injury admissions";
  indicator.phrase = "were admitted to hospital for an injury";
  indicator.population = "children";
  indicator.unit = model::Unit::kRate;
  indicator.per = 100000;
  indicator.decimals = 1;
  indicator.polarity = model::Polarity::kLowerIsBetter;
  indicator.source = "NHS";
  indicator.ci_method = model::CiMethod::kByar;
  return indicator;
}

model::Indicator Count(const std::string& id = "births") {
  model::Indicator indicator;
  indicator.id = id;
  indicator.title = "Births";
  indicator.short_title = "Births";
  indicator.phrase = "were born";
  indicator.population = "babies";
  indicator.unit = model::Unit::kCount;
  indicator.decimals = 0;
  indicator.polarity = model::Polarity::kNeutral;
  indicator.source = "ONS";
  indicator.ci_method = model::CiMethod::kNone;
  return indicator;
}

// ---------------------------------------------------------------------------------------------
// Reading results

const Series& SeriesOf(const Results& results, const model::Site& site,
                       const std::string& indicator, const std::string& area,
                       uint16_t breakdown = 0) {
  INFO("series " << indicator << " / " << area << " / breakdown " << breakdown);
  REQUIRE(site.indicator_index.count(indicator));
  int32_t area_idx = results.FindArea(area);
  REQUIRE(area_idx >= 0);
  const Series* series =
      results.Find(site.indicator_index.at(indicator), static_cast<uint32_t>(area_idx), breakdown);
  REQUIRE(series != nullptr);
  return *series;
}

const Cell& CellOf(const Results& results, const model::Site& site, const std::string& indicator,
                   const std::string& area, const std::string& period, uint16_t breakdown = 0) {
  const Series& series = SeriesOf(results, site, indicator, area, breakdown);
  const auto& type = site.indicators[site.indicator_index.at(indicator)].period_type;
  model::Period wanted = P(period, type);
  for (const Cell& cell : series.cells)
    if (cell.period == wanted) return cell;
  INFO("no cell for " << area << " " << period);
  REQUIRE(false);
  return series.cells.front();  // not reached
}

void CheckNear(double actual, double expected, double tolerance) {
  CAPTURE(actual);
  CAPTURE(expected);
  CHECK(std::fabs(actual - expected) <= tolerance);
}

// Every figure of a hidden cell must be gone.
void CheckNoFigures(const Cell& cell) {
  CHECK(!cell.Published());
  CHECK(std::isnan(cell.value));
  CHECK(std::isnan(cell.count));
  CHECK(std::isnan(cell.denominator));
  CHECK(std::isnan(cell.lower95));
  CHECK(std::isnan(cell.upper95));
  CHECK(std::isnan(cell.lower998));
  CHECK(std::isnan(cell.upper998));
}

bool IsSuppression(Hidden hidden) {
  return hidden == Hidden::kPrimary || hidden == Hidden::kSecondary ||
         hidden == Hidden::kSourceSuppressed;
}

// A sum that holds in the data: total = the sum of parts (areas by code, with a breakdown).
struct Key {
  std::string area;
  uint16_t breakdown = 0;
  friend bool operator<(const Key& a, const Key& b) {
    return std::tie(a.area, a.breakdown) < std::tie(b.area, b.breakdown);
  }
};
struct Sum {
  Key total;
  std::vector<Key> parts;
};

// What a reader can work out from the published counts of one indicator and period, using the
// sums one unknown at a time (a published total less all but one published part gives the
// last part; a hidden total whose parts are all published is their sum). Returns the suppressed
// cells (primary, secondary or at source) whose count the reader recovers, as "code/breakdown".
std::vector<std::string> RecoverableSuppressed(const Results& results, const model::Site& site,
                                               const std::string& indicator,
                                               const std::string& period,
                                               const std::vector<Sum>& sums) {
  const uint32_t indicator_idx = site.indicator_index.at(indicator);
  const model::Period wanted = P(period);
  auto cell_of = [&](const Key& key) -> const Cell* {
    int32_t area = results.FindArea(key.area);
    if (area < 0) return nullptr;
    const Series* series = results.Find(indicator_idx, static_cast<uint32_t>(area), key.breakdown);
    if (!series) return nullptr;
    for (const Cell& cell : series->cells)
      if (cell.period == wanted) return &cell;
    return nullptr;
  };
  std::set<Key> known;
  for (const Sum& sum : sums) {
    std::vector<Key> keys = sum.parts;
    keys.push_back(sum.total);
    for (const Key& key : keys) {
      const Cell* cell = cell_of(key);
      if (cell && cell->Published() && model::Has(cell->count)) known.insert(key);
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const Sum& sum : sums) {
      std::vector<Key> unknown;
      for (const Key& part : sum.parts)
        if (!known.count(part)) unknown.push_back(part);
      if (known.count(sum.total) && unknown.size() == 1) {
        changed |= known.insert(unknown.front()).second;
      } else if (!known.count(sum.total) && unknown.empty()) {
        changed |= known.insert(sum.total).second;
      }
    }
  }
  std::vector<std::string> leaks;
  for (const Key& key : known) {
    const Cell* cell = cell_of(key);
    if (cell && IsSuppression(cell->hidden))
      leaks.push_back(key.area + "/" + std::to_string(key.breakdown) + " (" +
                      std::string(HiddenName(cell->hidden)) + ")");
  }
  return leaks;
}

// The sums of the standard geography for one breakdown: the wards add up to Southend, the
// Better Start wards to the target group, the others to the rest, and the two groups to
// Southend.
std::vector<Sum> SouthendSums(uint16_t breakdown = 0) {
  auto k = [breakdown](const char* code) { return Key{code, breakdown}; };
  return {
      {k(kHome), {k(kKursaal), k(kMilton), k(kVictoria), k(kLeigh), k(kEastwood)}},
      {k(kTarget), {k(kKursaal), k(kMilton), k(kVictoria)}},
      {k(kRest), {k(kLeigh), k(kEastwood)}},
      {k(kHome), {k(kTarget), k(kRest)}},
  };
}

// The total of each area is the sum of its breakdowns 1..n.
std::vector<Sum> BreakdownSums(std::initializer_list<const char*> areas, uint16_t breakdowns) {
  std::vector<Sum> sums;
  for (const char* area : areas) {
    Sum sum{{area, 0}, {}};
    for (uint16_t breakdown = 1; breakdown <= breakdowns; ++breakdown)
      sum.parts.push_back({area, breakdown});
    sums.push_back(sum);
  }
  return sums;
}

// The report's record for one cell of the first indicator, or nullptr.
const SuppressionRecord* RecordFor(const Results& results, const std::string& area,
                                   const std::string& period, uint16_t breakdown = 0) {
  int32_t area_idx = results.FindArea(area);
  for (const auto& record : results.suppressed)
    if (record.area == static_cast<uint32_t>(area_idx) && record.breakdown == breakdown &&
        record.period == P(period) && record.indicator == 0)
      return &record;
  return nullptr;
}

// A site with only Southend and one indicator with one row, for tables of single cells.
Cell OneCell(const model::Indicator& indicator, const Row& row,
             model::SuppressionConfig suppression = {}) {
  SiteBuilder builder(kHome);
  builder.Area(kHome, "Southend-on-Sea", "unitary").Indicator(indicator);
  builder.site().config.suppression = suppression;
  Row home = row;
  home.area = kHome;
  builder.Rows(indicator.id, {home});
  Results results = Compute(builder.site());
  return CellOf(results, builder.site(), indicator.id, kHome, row.period);
}

// ---------------------------------------------------------------------------------------------
// Group aggregates

TEST_CASE("group aggregates are recomputed from member counts, not averaged from percentages") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  // Better Start wards: 30/50 = 60%, 90/100 = 90%, 60/150 = 40%.
  // Group = (30 + 90 + 60) / (50 + 100 + 150) = 180 / 300 = 60%; the mean of the three
  // percentages would be (60 + 90 + 40) / 3 = 63.3%.
  // Rest: 40/80 = 50% and 10/20 = 50% -> 50 / 100 = 50%.
  builder.Rows("gld", {
                          Counts(kKursaal, "2023", 30, 50),
                          {.area = kMilton,
                           .period = "2023",
                           .count = 90,
                           .denominator = 100,
                           .flags = model::kFlagProvisional},
                          Counts(kVictoria, "2023", 60, 150),
                          Counts(kLeigh, "2023", 40, 80),
                          Counts(kEastwood, "2023", 10, 20),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);

  const int32_t target = results.FindArea(kTarget);
  REQUIRE(target >= 0);
  CHECK(results.areas[static_cast<size_t>(target)].is_group);
  CHECK(results.areas[static_cast<size_t>(target)].members.size() == 3);
  const int32_t rest = results.FindArea(kRest);
  REQUIRE(rest >= 0);
  CHECK(results.areas[static_cast<size_t>(rest)].members.size() == 2);

  const Cell& group = CellOf(results, site, "gld", kTarget, "2023");
  CHECK(group.hidden == Hidden::kNo);
  CHECK(group.count == 180);
  CHECK(group.denominator == 300);
  CheckNear(group.value, 60.0, 1e-9);
  CHECK(std::fabs(group.value - 63.333) > 1);           // not the mean of percentages
  CHECK((group.flags & model::kFlagProvisional) != 0);  // a provisional member makes it so

  const Cell& rest_cell = CellOf(results, site, "gld", kRest, "2023");
  CHECK(rest_cell.count == 50);
  CHECK(rest_cell.denominator == 100);
  CheckNear(rest_cell.value, 50.0, 1e-9);
  CHECK(rest_cell.flags == 0);
}

TEST_CASE("a rate group is sum of counts over sum of denominators, with a Byar interval") {
  SiteBuilder builder = Southend();
  model::Indicator rate = Rate();
  rate.ci_method = model::CiMethod::kGiven;  // groups still get a computed (Byar) interval
  builder.Indicator(rate);
  // Kursaal 10 / 5,000 = 200 per 100,000; Milton 30 / 10,000 = 300; Victoria 0 / 5,000 = 0.
  // Group = 40 / 20,000 * 100,000 = 200 per 100,000 (the mean of the rates would be 166.7).
  builder.Rows("admissions", {
                                 Counts(kKursaal, "2023", 10, 5000),
                                 Counts(kMilton, "2023", 30, 10000),
                                 Counts(kVictoria, "2023", 0, 5000),
                             });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& group = CellOf(results, site, "admissions", kTarget, "2023");
  CHECK(group.hidden == Hidden::kNo);
  CHECK(group.count == 40);
  CHECK(group.denominator == 20000);
  CheckNear(group.value, 200.0, 1e-9);
  // Byar, O = 40, z = 1.959964:
  //   lower = 40 (1 - 1/360 - z/(3 sqrt 40))^3 = 40 * 0.893923^3 = 28.5733
  //   upper = 41 (1 - 1/369 + z/(3 sqrt 41))^3 = 41 * 1.099322^3 = 54.4701
  // scaled by 100,000 / 20,000 = 5: 142.87 to 272.35.
  CheckNear(group.lower95, 28.5733 * 5, 0.01);
  CheckNear(group.upper95, 54.4701 * 5, 0.01);
}

TEST_CASE("a count group is the sum of its members' counts") {
  SiteBuilder builder = Southend();
  builder.Indicator(Count());
  // 12 + 30 + 8 = 50 births in the Better Start wards.
  builder.Rows("births", {
                             Given(kKursaal, "2023", 12),
                             Given(kMilton, "2023", 30),
                             Given(kVictoria, "2023", 8),
                         });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& group = CellOf(results, site, "births", kTarget, "2023");
  CHECK(group.hidden == Hidden::kNo);
  CHECK(group.count == 50);
  CHECK(group.value == 50);
  CHECK(std::isnan(group.denominator));
}

TEST_CASE("a group with a member lacking a count is hidden as incomplete") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  // Milton gives only a percentage: the group's count cannot be formed, and averaging the
  // percentages is not allowed, so the group has no value.
  builder.Rows("gld", {
                          Counts(kKursaal, "2023", 30, 50),
                          Given(kMilton, "2023", 90, 85, 94),
                          Counts(kVictoria, "2023", 60, 150),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& group = CellOf(results, site, "gld", kTarget, "2023");
  CHECK(group.hidden == Hidden::kGroupIncomplete);
  CheckNoFigures(group);
  // Milton itself is published as given.
  const Cell& milton = CellOf(results, site, "gld", kMilton, "2023");
  CHECK(milton.Published());
  CHECK(milton.value == 90);
  // An incomplete group is not a suppression: it is not in the report.
  CHECK(results.suppressed.empty());
}

TEST_CASE("a group with a member missing for a period is incomplete for that period only") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Counts(kKursaal, "2022", 30, 50),
                          Counts(kMilton, "2022", 40, 50),
                          Counts(kVictoria, "2022", 20, 50),
                          Counts(kKursaal, "2023", 30, 50),
                          Counts(kMilton, "2023", 40, 50),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  // 2022: (30 + 40 + 20) / 150 = 60%. 2023: Victoria has no row.
  CheckNear(CellOf(results, site, "gld", kTarget, "2022").value, 60.0, 1e-9);
  CHECK(CellOf(results, site, "gld", kTarget, "2023").hidden == Hidden::kGroupIncomplete);
}

TEST_CASE("a source-suppressed member hides the group and is not counted as zero") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  builder.Rows(
      "gld", {
                 Counts(kKursaal, "2023", 30, 50),
                 {.area = kMilton, .period = "2023", .marker = model::Marker::kSuppressedAtSource},
                 Counts(kVictoria, "2023", 60, 150),
             });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& milton = CellOf(results, site, "gld", kMilton, "2023");
  CHECK(milton.hidden == Hidden::kSourceSuppressed);
  CheckNoFigures(milton);
  const Cell& group = CellOf(results, site, "gld", kTarget, "2023");
  CHECK(group.hidden == Hidden::kGroupIncomplete);
  CheckNoFigures(group);
}

// ---------------------------------------------------------------------------------------------
// Intervals

TEST_CASE("Wilson interval on a cell matches the worked value 81/263") {
  model::Indicator indicator = Percent();
  indicator.ci_method = model::CiMethod::kWilson;
  // p = 81/263 = 0.307985; z^2/n = 3.841459/263 = 0.014606;
  // centre = (p + z^2/2n) / (1 + z^2/n) = 0.315288 / 1.014606 = 0.310748;
  // half = z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n) = 1.96 * 0.028710 / 1.014606 = 0.055460;
  // 95%: 25.53% to 36.62% (Newcombe 1998, table I). 99.8% (z = 3.090232): 22.80% to 40.14%.
  Cell cell = OneCell(indicator, Counts(kHome, "2023", 81, 263));
  CHECK(cell.hidden == Hidden::kNo);
  CheckNear(cell.value, 30.7985, 0.0001);
  CheckNear(cell.lower95, 25.53, 0.005);
  CheckNear(cell.upper95, 36.62, 0.005);
  CheckNear(cell.lower998, 22.80, 0.005);
  CheckNear(cell.upper998, 40.14, 0.005);
}

TEST_CASE("Wilson interval on a group of 120/150") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  // Group (30 + 60 + 30) / (50 + 70 + 30) = 120/150 = 80%; Wilson 95%: z^2/n = 0.025610, centre =
  // (0.8 + 0.012805)/1.025610 = 0.792501, half = 1.96 sqrt(0.8*0.2/150 + 3.841459/90000)/1.025610 =
  // 0.063650: 72.89% to 85.62%.
  builder.Rows("gld", {
                          {.area = kKursaal,
                           .period = "2023",
                           .value = 60,
                           .count = 30,
                           .denominator = 50,
                           .lower = 46.2,
                           .upper = 72.3},
                          {.area = kMilton,
                           .period = "2023",
                           .value = 85.7,
                           .count = 60,
                           .denominator = 70,
                           .lower = 75.7,
                           .upper = 92.1},
                          Counts(kVictoria, "2023", 30, 30),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& group = CellOf(results, site, "gld", kTarget, "2023");
  CHECK(group.count == 120);
  CHECK(group.denominator == 150);
  CheckNear(group.value, 80, 1e-6);
  CheckNear(group.lower95, 72.89, 0.005);
  CheckNear(group.upper95, 85.62, 0.005);
  CHECK(group.lower998 < group.lower95);
  CHECK(group.upper998 > group.upper95);
  // The ward's given interval is kept, not recomputed.
  const Cell& kursaal = CellOf(results, site, "gld", kKursaal, "2023");
  CHECK(kursaal.lower95 == 46.2);
  CHECK(kursaal.upper95 == 72.3);
}

TEST_CASE("Byar interval for a rate is scaled by per / denominator") {
  // 50 admissions in 20,000 children: 50 / 20,000 * 100,000 = 250 per 100,000.
  // Byar, O = 50: lower = 50 (1 - 1/450 - 1.959964/(3 sqrt 50))^3 = 50 * 0.905383^3 = 37.1081
  //               upper = 51 (1 - 1/459 + 1.959964/(3 sqrt 51))^3 = 51 * 1.089303^3 = 65.9202
  // scaled by 100,000 / 20,000 = 5: 185.54 to 329.60. At 99.8%: 154.67 to 379.85.
  Cell cell = OneCell(Rate(), Counts(kHome, "2023", 50, 20000));
  CHECK(cell.hidden == Hidden::kNo);
  CheckNear(cell.value, 250, 1e-9);
  CheckNear(cell.lower95, 185.54, 0.01);
  CheckNear(cell.upper95, 329.60, 0.01);
  CheckNear(cell.lower998, 154.67, 0.01);
  CheckNear(cell.upper998, 379.85, 0.01);
}

TEST_CASE("ci_method none gives no interval") {
  model::Indicator indicator = Percent();
  indicator.ci_method = model::CiMethod::kNone;
  Cell cell = OneCell(indicator, Counts(kHome, "2023", 81, 263));
  CHECK(cell.Published());
  CheckNear(cell.value, 30.7985, 0.0001);
  CHECK(std::isnan(cell.lower95));
  CHECK(std::isnan(cell.upper95));
  CHECK(std::isnan(cell.lower998));
  CHECK(std::isnan(cell.upper998));
}

// Once a bug (fixed): ci_method none clears the interval only for cells that have a count
// (series.cc ComputeIntervals skips cells without a count before reaching the kNone branch),
// so a row giving value, lower_ci and upper_ci but no count keeps its interval, and is then
// compared with benchmarks and judged "not distinguishable" from targets using it.
TEST_CASE("ci_method none gives no interval even when the data gives one") {
  model::Indicator indicator = Percent();
  indicator.ci_method = model::CiMethod::kNone;
  Cell cell = OneCell(indicator, Given(kHome, "2023", 30.8, 25.5, 36.6));
  CHECK(cell.Published());
  CHECK(cell.value == 30.8);
  CHECK(std::isnan(cell.lower95));
  CHECK(std::isnan(cell.upper95));
}

TEST_CASE("given intervals are kept as given") {
  // 81/263 has a Wilson interval of 25.53-36.62, but the publisher's interval wins.
  Cell cell = OneCell(Percent(), {.area = kHome,
                                  .period = "2023",
                                  .value = 30.8,
                                  .count = 81,
                                  .denominator = 263,
                                  .lower = 25.0,
                                  .upper = 37.0});
  CHECK(cell.value == 30.8);
  CHECK(cell.lower95 == 25.0);
  CHECK(cell.upper95 == 37.0);
  CHECK(cell.count == 81);
  CHECK(cell.denominator == 263);
}

// ---------------------------------------------------------------------------------------------
// Primary suppression and rounding

struct PrimaryCase {
  model::SuppressionPreset preset;
  double count;
  bool suppressed;
};

TEST_CASE("primary suppression by preset, count 0 is never suppressed") {
  using model::SuppressionPreset;
  const PrimaryCase cases[] = {
      {SuppressionPreset::kOneToFour, 0, false},  {SuppressionPreset::kOneToFour, 1, true},
      {SuppressionPreset::kOneToFour, 4, true},   {SuppressionPreset::kOneToFour, 5, false},
      {SuppressionPreset::kOneToSeven, 0, false}, {SuppressionPreset::kOneToSeven, 7, true},
      {SuppressionPreset::kOneToSeven, 8, false}, {SuppressionPreset::kUnderTen, 0, false},
      {SuppressionPreset::kUnderTen, 1, true},    {SuppressionPreset::kUnderTen, 9, true},
      {SuppressionPreset::kUnderTen, 10, false},  {SuppressionPreset::kNone, 1, false},
      {SuppressionPreset::kNone, 4, false},
  };
  for (const PrimaryCase& c : cases) {
    CAPTURE(model::SuppressionPresetName(c.preset));
    CAPTURE(c.count);
    model::SuppressionConfig config;
    config.preset = c.preset;
    // count / 200, with a given interval around it.
    double value = 100 * c.count / 200;
    Cell cell = OneCell(Percent(),
                        {.area = kHome,
                         .period = "2023",
                         .value = value,
                         .count = c.count,
                         .denominator = 200,
                         .lower = value > 1 ? value - 1 : 0,
                         .upper = value + 1},
                        config);
    if (c.suppressed) {
      CHECK(cell.hidden == Hidden::kPrimary);
      CheckNoFigures(cell);
    } else {
      CHECK(cell.hidden == Hidden::kNo);
      CHECK(cell.count == c.count);
      CHECK(cell.value == value);
      CHECK(cell.denominator == 200);
    }
  }
}

// POSSIBLE LEAK (needs a design decision): primary suppression looks only at the count column.
// A row giving a percentage and its denominator but no count publishes the count all the same:
// 2.0% of 150 is 3 children, inside the default 1-4 range, yet the cell is published with its
// value and denominator (and its interval, which is just as revealing).
TEST_CASE("a small count implied by value x denominator is suppressed") {
  Cell cell = OneCell(Percent(), {.area = kHome,
                                  .period = "2023",
                                  .value = 2.0,
                                  .denominator = 150,
                                  .lower = 0.7,
                                  .upper = 5.7});
  CHECK(cell.hidden == Hidden::kPrimary);
  CheckNoFigures(cell);
}

TEST_CASE("every figure of a suppressed cell is NaN, intervals included") {
  model::Indicator indicator = Percent();
  indicator.ci_method = model::CiMethod::kWilson;  // computes 95% and 99.8% before suppression
  Cell cell = OneCell(indicator, Counts(kHome, "2023", 3, 40));
  CHECK(cell.hidden == Hidden::kPrimary);
  CheckNoFigures(cell);

  Cell rate = OneCell(Rate(), Counts(kHome, "2023", 2, 5000));
  CHECK(rate.hidden == Hidden::kPrimary);
  CheckNoFigures(rate);

  Cell count = OneCell(Count(), Given(kHome, "2023", 4));
  CHECK(count.hidden == Hidden::kPrimary);
  CheckNoFigures(count);
}

TEST_CASE("the suppression report names the rule of the preset") {
  SiteBuilder builder(kHome);
  builder.Area(kHome, "Southend-on-Sea", "unitary").Indicator(Percent());
  builder.site().config.suppression.preset = model::SuppressionPreset::kUnderTen;
  builder.Rows("gld", {Counts(kHome, "2023", 9, 40)});
  Results results = Compute(builder.site());
  REQUIRE(results.suppressed.size() == 1);
  const SuppressionRecord& record = results.suppressed.front();
  CHECK(record.reason == Hidden::kPrimary);
  CHECK(record.area == static_cast<uint32_t>(results.FindArea(kHome)));
  CHECK(record.period == P("2023"));
  CHECK(record.rule == "count between 1 and 9 (preset under-10)");
}

struct RoundingCase {
  double count;
  double denominator;
  double rounded_count;
  double rounded_denominator;
};

TEST_CASE("counts and denominators are rounded to base 5 when asked") {
  // round(x / 5) * 5, halves away from zero: 12 -> 10, 13 -> 15, 263 -> 265, 262 -> 260,
  // 12.5 -> 15; 0 stays 0.
  const RoundingCase cases[] = {
      {12, 263, 10, 265}, {13, 262, 15, 260}, {0, 50, 0, 50}, {25, 100, 25, 100}, {5, 12.5, 5, 15},
  };
  for (const RoundingCase& c : cases) {
    CAPTURE(c.count);
    CAPTURE(c.denominator);
    model::SuppressionConfig config;
    config.round_to = 5;
    Cell cell = OneCell(Percent(), Counts(kHome, "2023", c.count, c.denominator), config);
    CHECK(cell.hidden == Hidden::kNo);
    CHECK(cell.count == c.rounded_count);
    CHECK(cell.denominator == c.rounded_denominator);
  }
  // Without rounding counts are published as they are.
  Cell plain = OneCell(Percent(), Counts(kHome, "2023", 12, 263));
  CHECK(plain.count == 12);
  CHECK(plain.denominator == 263);
}

// Once a bug (fixed): rounding to base 5 rounds Cell::count but not Cell::value, and for a count indicator the
// value IS the count (BuildSeries sets count = value), so the unrounded count is published
// beside the rounded one (and in every sentence: "12 babies in ... were born").
TEST_CASE("rounding to base 5 also rounds the value of a count indicator") {
  model::SuppressionConfig config;
  config.round_to = 5;
  Cell cell = OneCell(Count(), Given(kHome, "2023", 12), config);
  CHECK(cell.hidden == Hidden::kNo);
  CHECK(cell.count == 10);
  CHECK(cell.value == 10);  // 12 would undo the rounding
}

// ---------------------------------------------------------------------------------------------
// Secondary suppression

TEST_CASE("secondary: a group total with exactly one suppressed member hides the smallest other") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  // No Southend row, so only the groups are totals here.
  // Better Start = Kursaal 3 + Milton 25 + Victoria 20 = 48: Kursaal (3) is primary; 48 - 25 -
  // 20 would give it back, so the smallest other member, Victoria (20), is hidden too.
  builder.Rows("gld", {
                          Counts(kKursaal, "2023", 3, 50),
                          Counts(kMilton, "2023", 25, 60),
                          Counts(kVictoria, "2023", 20, 55),
                          Counts(kLeigh, "2023", 40, 100),
                          Counts(kEastwood, "2023", 35, 90),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kKursaal, "2023").hidden == Hidden::kPrimary);
  const Cell& victoria = CellOf(results, site, "gld", kVictoria, "2023");
  CHECK(victoria.hidden == Hidden::kSecondary);
  CheckNoFigures(victoria);
  CHECK(CellOf(results, site, "gld", kMilton, "2023").count == 25);
  const Cell& group = CellOf(results, site, "gld", kTarget, "2023");
  CHECK(group.hidden == Hidden::kNo);
  CHECK(group.count == 48);
  CHECK(CellOf(results, site, "gld", kRest, "2023").count == 75);
  CHECK(CellOf(results, site, "gld", kLeigh, "2023").Published());
  CHECK(CellOf(results, site, "gld", kEastwood, "2023").Published());

  // The report: each hidden cell once, with its reason and rule.
  REQUIRE(results.suppressed.size() == 2);
  const SuppressionRecord* kursaal = RecordFor(results, kKursaal, "2023");
  REQUIRE(kursaal != nullptr);
  CHECK(kursaal->reason == Hidden::kPrimary);
  CHECK(kursaal->rule == "count between 1 and 4 (preset 1-4)");
  const SuppressionRecord* victoria_record = RecordFor(results, kVictoria, "2023");
  REQUIRE(victoria_record != nullptr);
  CHECK(victoria_record->reason == Hidden::kSecondary);
  CHECK(victoria_record->rule.find("secondary") != std::string::npos);
  CHECK(victoria_record->rule.find("Better Start wards") != std::string::npos);

  CHECK(RecoverableSuppressed(results, site, "gld", "2023", SouthendSums()).empty());
}

// Found by testing: Kursaal 1 and Victoria 5 hidden together with the group total published
// leave 1 + 5 = 6; a reader who knows the rule (1-4 hidden, a secondary cell is 0 or above 4)
// gets Kursaal = 1 exactly. The complement must leave Kursaal its whole range 1..4, so it must
// be able to fall by 3 without entering 1..4: a count of at least 8.
TEST_CASE("secondary: the complement leaves the primary cell its whole range (protection interval)") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Counts(kKursaal, "2023", 1, 40),
                          Counts(kMilton, "2023", 25, 60),
                          Counts(kVictoria, "2023", 5, 55),
                          Counts(kLeigh, "2023", 40, 100),
                          Counts(kEastwood, "2023", 35, 90),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kKursaal, "2023").hidden == Hidden::kPrimary);
  CHECK(CellOf(results, site, "gld", kVictoria, "2023").Published());
  CHECK(CellOf(results, site, "gld", kMilton, "2023").hidden == Hidden::kSecondary);
  CHECK(CellOf(results, site, "gld", kTarget, "2023").count == 31);
  CHECK(RecoverableSuppressed(results, site, "gld", "2023", SouthendSums()).empty());
}

TEST_CASE("secondary: two primary cells alone do not protect each other") {
  // Kursaal 1 + Milton 1 = 2 with both hidden: each must be 1. A third cell is hidden.
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Counts(kKursaal, "2023", 1, 40),
                          Counts(kMilton, "2023", 1, 60),
                          Counts(kVictoria, "2023", 30, 55),
                          Counts(kLeigh, "2023", 40, 100),
                          Counts(kEastwood, "2023", 35, 90),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kVictoria, "2023").hidden == Hidden::kSecondary);
}

TEST_CASE("secondary: an area total and its breakdowns (Girls suppressed -> Boys hidden)") {
  SiteBuilder builder(kHome);
  builder.Area(kHome, "Southend-on-Sea", "unitary");
  model::Indicator indicator = Percent();
  indicator.breakdowns = {"Girls", "Boys"};
  builder.Indicator(indicator);
  // Total 30/60; Girls 3/28 (primary); Boys 27/32 would give Girls back as 30 - 27.
  builder.Rows("gld", {
                          Counts(kHome, "2023", 30, 60),
                          Counts(kHome, "2023", 3, 28, 1),
                          Counts(kHome, "2023", 27, 32, 2),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kHome, "2023", 1).hidden == Hidden::kPrimary);
  const Cell& boys = CellOf(results, site, "gld", kHome, "2023", 2);
  CHECK(boys.hidden == Hidden::kSecondary);
  CheckNoFigures(boys);
  CHECK(CellOf(results, site, "gld", kHome, "2023").count == 30);
  REQUIRE(results.suppressed.size() == 2);
  const SuppressionRecord* record = RecordFor(results, kHome, "2023", 2);
  REQUIRE(record != nullptr);
  CHECK(record->reason == Hidden::kSecondary);
  CHECK(record->rule.find("breakdowns") != std::string::npos);
  CHECK(RecoverableSuppressed(results, site, "gld", "2023", BreakdownSums({kHome}, 2)).empty());
}

TEST_CASE("secondary: the home area and its wards") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  builder.Indicator(Percent());
  // Southend 89/200 = Kursaal 2 + Milton 15 + Victoria 12 + Leigh 40 + Eastwood 20.
  // Kursaal (2) is primary; the smallest other ward, Victoria (12), is hidden too.
  builder.Rows("gld", {
                          Counts(kHome, "2023", 89, 200),
                          Counts(kKursaal, "2023", 2, 30),
                          Counts(kMilton, "2023", 15, 40),
                          Counts(kVictoria, "2023", 12, 35),
                          Counts(kLeigh, "2023", 40, 60),
                          Counts(kEastwood, "2023", 20, 35),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kKursaal, "2023").hidden == Hidden::kPrimary);
  CHECK(CellOf(results, site, "gld", kVictoria, "2023").hidden == Hidden::kSecondary);
  for (const char* ward : {kMilton, kLeigh, kEastwood})
    CHECK(CellOf(results, site, "gld", ward, "2023").Published());
  CHECK(CellOf(results, site, "gld", kHome, "2023").count == 89);
  REQUIRE(results.suppressed.size() == 2);
  const SuppressionRecord* record = RecordFor(results, kVictoria, "2023");
  REQUIRE(record != nullptr);
  CHECK(record->reason == Hidden::kSecondary);
  CHECK(record->rule.find("Southend-on-Sea") != std::string::npos);
  CHECK(RecoverableSuppressed(results, site, "gld", "2023", {SouthendSums()[0]}).empty());
}

TEST_CASE("secondary: home area, wards and both groups together leave nothing recoverable") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  // Southend 123 = Better Start (3 + 25 + 20 = 48) + rest (40 + 35 = 75).
  builder.Rows("gld", {
                          Counts(kHome, "2023", 123, 355),
                          Counts(kKursaal, "2023", 3, 50),
                          Counts(kMilton, "2023", 25, 60),
                          Counts(kVictoria, "2023", 20, 55),
                          Counts(kLeigh, "2023", 40, 100),
                          Counts(kEastwood, "2023", 35, 90),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kKursaal, "2023").hidden == Hidden::kPrimary);
  CHECK(CellOf(results, site, "gld", kVictoria, "2023").hidden == Hidden::kSecondary);
  CHECK(RecoverableSuppressed(results, site, "gld", "2023", SouthendSums()).empty());
  // Every hidden cell is reported, each once.
  std::set<std::pair<uint32_t, uint16_t>> reported;
  for (const auto& record : results.suppressed)
    CHECK(reported.insert({record.area, record.breakdown}).second);
  for (const auto& series : results.series)
    for (const auto& cell : series.cells)
      if (cell.hidden == Hidden::kPrimary || cell.hidden == Hidden::kSecondary)
        CHECK(reported.count({series.area, series.breakdown}) == 1);
}

// Once a disclosure bug (fixed): secondary suppression only protects a hidden PART of a published total; it
// never checks a hidden TOTAL whose parts are all published. Here the Better Start total
// (2 + 2 + 0 = 4) is primary; the groups-of-Southend rule hides the rest group instead, but the
// rest group is Leigh + Eastwood, both published, so rest = 30 + 40 = 70 and
// Better Start = Southend 74 - 70 = 4: the suppressed group count is recovered.
TEST_CASE("secondary: a suppressed group total cannot be recovered from Southend minus the rest") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Counts(kHome, "2023", 74, 300),
                          Counts(kKursaal, "2023", 2, 40),
                          Counts(kMilton, "2023", 2, 40),
                          Counts(kVictoria, "2023", 0, 40),
                          Counts(kLeigh, "2023", 30, 90),
                          Counts(kEastwood, "2023", 40, 90),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kTarget, "2023").hidden == Hidden::kPrimary);
  std::vector<std::string> leaks =
      RecoverableSuppressed(results, site, "gld", "2023", SouthendSums());
  INFO("recoverable: " << [&] {
    std::string all;
    for (const auto& leak : leaks) all += leak + " ";
    return all;
  }());
  CHECK(leaks.empty());
}

// Once a disclosure bug (fixed): the same gap through breakdowns. Milton's total (3) is primary; the group
// rule hides Kursaal's total (20), but Kursaal's Girls (12) and Boys (8) stay published (the
// Girls rule picked Victoria instead), so Kursaal = 12 + 8 = 20 and
// Milton = Better Start 48 - Kursaal 20 - Victoria 25 = 3.
TEST_CASE("secondary: a total hidden to protect a part cannot be rebuilt from its breakdowns") {
  SiteBuilder builder = Southend();
  model::Indicator indicator = Percent();
  indicator.breakdowns = {"Girls", "Boys"};
  builder.Indicator(indicator);
  // Totals, Girls, Boys: Kursaal 20 = 12 + 8; Milton 3 = 3 + 0; Victoria 25 = 6 + 19;
  // Leigh 40 = 20 + 20; Eastwood 35 = 15 + 20. No Southend rows.
  builder.Rows("gld", {
                          Counts(kKursaal, "2023", 20, 40),
                          Counts(kKursaal, "2023", 12, 20, 1),
                          Counts(kKursaal, "2023", 8, 20, 2),
                          Counts(kMilton, "2023", 3, 40),
                          Counts(kMilton, "2023", 3, 20, 1),
                          Counts(kMilton, "2023", 0, 20, 2),
                          Counts(kVictoria, "2023", 25, 40),
                          Counts(kVictoria, "2023", 6, 20, 1),
                          Counts(kVictoria, "2023", 19, 20, 2),
                          Counts(kLeigh, "2023", 40, 80),
                          Counts(kLeigh, "2023", 20, 40, 1),
                          Counts(kLeigh, "2023", 20, 40, 2),
                          Counts(kEastwood, "2023", 35, 80),
                          Counts(kEastwood, "2023", 15, 40, 1),
                          Counts(kEastwood, "2023", 20, 40, 2),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kMilton, "2023").hidden == Hidden::kPrimary);
  std::vector<Sum> sums =
      BreakdownSums({kKursaal, kMilton, kVictoria, kLeigh, kEastwood, kTarget, kRest}, 2);
  for (uint16_t breakdown = 0; breakdown <= 2; ++breakdown)
    for (const Sum& sum : SouthendSums(breakdown)) sums.push_back(sum);
  std::vector<std::string> leaks = RecoverableSuppressed(results, site, "gld", "2023", sums);
  INFO("recoverable: " << [&] {
    std::string all;
    for (const auto& leak : leaks) all += leak + " ";
    return all;
  }());
  CHECK(leaks.empty());
}

// Once a disclosure bug (fixed): a group made incomplete by a source-suppressed member is treated as an
// ordinary unknown, not as carrying a suppressed count, so the groups-of-Southend rule does not
// protect it. Milton is suppressed at source (its true count 7 is inside Southend's 107). The
// wards rule hides Eastwood, then the rest rule hides Leigh, but the rest TOTAL stays published:
// Better Start = Southend 107 - rest 50 = 57, and Milton = 57 - Kursaal 30 - Victoria 20 = 7.
TEST_CASE("secondary: a source-suppressed ward cannot be recovered through the groups") {
  SiteBuilder builder = Southend();
  builder.Indicator(Percent());
  builder.Rows(
      "gld", {
                 Counts(kHome, "2023", 107, 400),
                 Counts(kKursaal, "2023", 30, 100),
                 {.area = kMilton, .period = "2023", .marker = model::Marker::kSuppressedAtSource},
                 Counts(kVictoria, "2023", 20, 80),
                 Counts(kLeigh, "2023", 40, 100),
                 Counts(kEastwood, "2023", 10, 50),
             });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  CHECK(CellOf(results, site, "gld", kMilton, "2023").hidden == Hidden::kSourceSuppressed);
  std::vector<std::string> leaks =
      RecoverableSuppressed(results, site, "gld", "2023", SouthendSums());
  INFO("recoverable: " << [&] {
    std::string all;
    for (const auto& leak : leaks) all += leak + " ";
    return all;
  }());
  CHECK(leaks.empty());
}

// ---------------------------------------------------------------------------------------------
// Nothing derived from a suppressed cell

TEST_CASE("a suppressed ward cell has no target status, no comparison, and trends skip it") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  model::Indicator indicator = Percent();
  indicator.ci_method = model::CiMethod::kWilson;
  indicator.baseline = P("2019");
  indicator.target = MakeTarget(40, "2025");
  builder.Indicator(indicator);
  // Kursaal: 20, 22, 3 (primary in 2021), 30, 35 out of 100. Only Kursaal among the wards has
  // data, so Southend minus the other wards cannot give it back and nothing else is hidden.
  builder.Rows("gld", {
                          Counts(kHome, "2019", 500, 2000),
                          Counts(kHome, "2020", 520, 2000),
                          Counts(kHome, "2021", 540, 2000),
                          Counts(kHome, "2022", 560, 2000),
                          Counts(kHome, "2023", 580, 2000),
                          Counts(kKursaal, "2019", 20, 100),
                          Counts(kKursaal, "2020", 22, 100),
                          Counts(kKursaal, "2021", 3, 100),
                          Counts(kKursaal, "2022", 30, 100),
                          Counts(kKursaal, "2023", 35, 100),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& hidden = CellOf(results, site, "gld", kKursaal, "2021");
  CHECK(hidden.hidden == Hidden::kPrimary);
  CheckNoFigures(hidden);
  CHECK(hidden.target_status == TargetStatus::kNoValue);
  for (size_t idx = 0; idx < 2; ++idx) {
    CAPTURE(idx);
    CHECK(hidden.comparisons[idx] == Comparison::kNotCompared);
    CHECK(hidden.not_compared[idx] == NotComparedReason::kNoValue);
  }
  // The neighbouring cells are judged as usual.
  CHECK(CellOf(results, site, "gld", kKursaal, "2022").target_status != TargetStatus::kNoValue);

  // 2019, 2020, 2022, 2023 are published but not five consecutive points: direction only,
  // short term against 2022 (the latest published before 2023), long term against 2019.
  const Series& kursaal = SeriesOf(results, site, "gld", kKursaal);
  CHECK(kursaal.trend.kind == TrendKind::kDirectionOnly);
  CHECK(kursaal.trend.short_term_from == P("2022"));
  CHECK(kursaal.trend.short_term == Direction::kUp);
  CHECK(kursaal.trend.long_term_from == P("2019"));
  CHECK(kursaal.trend.long_term == Direction::kUp);
  CHECK(std::isnan(kursaal.trend.p_value));

  // Nowhere in the results is there a count of 3 or a value of 3%.
  for (const auto& series : results.series)
    for (const auto& cell : series.cells) {
      CHECK(cell.count != 3);
      CHECK(cell.value != 3);
    }
  for (const auto& sentence : kursaal.sentences) {
    CAPTURE(sentence);
    CHECK(sentence.find("2021") == std::string::npos);
    CHECK(sentence.find("3 in every 100") == std::string::npos);
  }
}

TEST_CASE("a suppressed latest cell: sentences speak of the latest published period") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  model::Indicator indicator = Percent();
  indicator.ci_method = model::CiMethod::kWilson;
  builder.Indicator(indicator);
  builder.Rows("gld", {
                          Counts(kKursaal, "2022", 30, 100),
                          Counts(kKursaal, "2023", 4, 100),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Series& kursaal = SeriesOf(results, site, "gld", kKursaal);
  REQUIRE(kursaal.Latest() != nullptr);
  CHECK(kursaal.Latest()->period == P("2022"));
  CHECK(kursaal.trend.kind == TrendKind::kCannotCalculate);
  REQUIRE(!kursaal.sentences.empty());
  CHECK(kursaal.sentences.front() ==
        "30 in every 100 children in Kursaal reached a good level of development by age 5 in "
        "2022.");
  for (const auto& sentence : kursaal.sentences) CHECK(sentence.find("2023") == std::string::npos);
}

TEST_CASE("a suppressed benchmark cell means no comparison") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Counts(kHome, "2023", 4, 50),
                          // A value and interval without a count: nothing to subtract.
                          {.area = kKursaal, .period = "2023", .value = 60, .lower = 46, .upper = 72},
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& kursaal = CellOf(results, site, "gld", kKursaal, "2023");
  REQUIRE(kursaal.Published());
  CHECK(kursaal.comparisons[0] == Comparison::kNotCompared);
  CHECK(kursaal.not_compared[0] == NotComparedReason::kNoBenchmarkValue);
}

// Found by testing: a ward's 883 children against the council's 5,768, with Byar intervals,
// came out "better than" the council. Counts of areas of different sizes say how big the areas
// are: only rates and proportions are compared.
TEST_CASE("a count is never compared with a larger area's count") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  model::Indicator indicator = Count();
  indicator.ci_method = model::CiMethod::kByar;
  indicator.polarity = model::Polarity::kHigherIsBetter;
  builder.Indicator(indicator);
  builder.Rows("births", {
                             {.area = kHome, .period = "2023", .value = 5768, .count = 5768},
                             {.area = kKursaal, .period = "2023", .value = 883, .count = 883},
                         });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& kursaal = CellOf(results, site, "births", kKursaal, "2023");
  REQUIRE(kursaal.Published());
  REQUIRE(model::Has(kursaal.lower95));  // it has an interval: the rule, not a gap, decides
  CHECK(kursaal.comparisons[0] == Comparison::kNotCompared);
  CHECK(kursaal.not_compared[0] == NotComparedReason::kNotARate);
  CHECK(NotComparedReasonText(NotComparedReason::kNotARate) ==
        "counts are not compared: the areas differ in size");
}

// ---------------------------------------------------------------------------------------------
// Comparison with a benchmark

struct ComparisonCase {
  model::Polarity polarity;
  double benchmark;
  Comparison expected;
};

TEST_CASE("benchmark value against the area's 95% interval, by polarity") {
  using model::Polarity;
  // Kursaal 60% with interval 55-65.
  const ComparisonCase cases[] = {
      {Polarity::kHigherIsBetter, 62, Comparison::kSimilar},  // inside
      {Polarity::kHigherIsBetter, 65, Comparison::kSimilar},  // on the upper bound: inside
      {Polarity::kHigherIsBetter, 55, Comparison::kSimilar},  // on the lower bound: inside
      {Polarity::kHigherIsBetter, 68, Comparison::kWorse},    // benchmark above: Kursaal lower
      {Polarity::kHigherIsBetter, 50, Comparison::kBetter},   // benchmark below: Kursaal higher
      {Polarity::kLowerIsBetter, 62, Comparison::kSimilar},
      {Polarity::kLowerIsBetter, 68, Comparison::kBetter},
      {Polarity::kLowerIsBetter, 50, Comparison::kWorse},
      {Polarity::kNeutral, 62, Comparison::kSimilar},
      {Polarity::kNeutral, 68, Comparison::kLower},
      {Polarity::kNeutral, 50, Comparison::kHigher},
  };
  for (const ComparisonCase& c : cases) {
    CAPTURE(model::PolarityName(c.polarity));
    CAPTURE(c.benchmark);
    SiteBuilder builder = Southend(/*with_groups=*/false);
    model::Indicator indicator = Percent();
    indicator.polarity = c.polarity;
    builder.Indicator(indicator);
    builder.Rows("gld", {
                            {.area = kHome,
                             .period = "2023",
                             .value = c.benchmark,
                             .lower = c.benchmark - 1,
                             .upper = c.benchmark + 1},
                            Given(kKursaal, "2023", 60, 55, 65),
                        });
    Results results = Compute(builder.site());
    const Cell& kursaal = CellOf(results, builder.site(), "gld", kKursaal, "2023");
    CHECK(ComparisonName(kursaal.comparisons[0]) == ComparisonName(c.expected));
    CHECK(kursaal.not_compared[0] == NotComparedReason::kNone);
    // England (comparator 2) has no data.
    CHECK(kursaal.comparisons[1] == Comparison::kNotCompared);
    CHECK(kursaal.not_compared[1] == NotComparedReason::kNoBenchmarkValue);
  }
}

TEST_CASE("no interval: not compared, with the reason, the comparator itself: same area") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Given(kHome, "2023", 68, 67, 69),
                          Given(kEngland, "2023", 65, 64.9, 65.1),
                          Given(kKursaal, "2023", 40),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& kursaal = CellOf(results, site, "gld", kKursaal, "2023");
  CHECK(kursaal.comparisons[0] == Comparison::kNotCompared);
  CHECK(kursaal.not_compared[0] == NotComparedReason::kNoInterval);
  CHECK(NotComparedReasonText(kursaal.not_compared[0]) == "no confidence interval for this figure");
  const Cell& home = CellOf(results, site, "gld", kHome, "2023");
  CHECK(home.comparisons[0] == Comparison::kNotCompared);
  CHECK(home.not_compared[0] == NotComparedReason::kSameArea);
  // Southend (67-69) against England 65: benchmark below the interval, higher is better.
  CHECK(home.comparisons[1] == Comparison::kBetter);
  const Cell& england = CellOf(results, site, "gld", kEngland, "2023");
  CHECK(england.not_compared[1] == NotComparedReason::kSameArea);
}

// ---------------------------------------------------------------------------------------------
// Progress against target

struct TargetCase {
  model::Polarity polarity;
  double target;
  double value;
  double lower;  // NaN: no interval
  double upper;
  std::optional<double> tolerance;
  TargetStatus expected;
  bool uncertain;  // the target lies inside the interval
};

TEST_CASE("target status is judged on the figure; an interval holding the target qualifies it") {
  using model::Polarity;
  const TargetCase cases[] = {
      // Higher is better, target 70, tolerance 2 (the site default).
      {Polarity::kHigherIsBetter, 70, 72, NAN, NAN, {}, TargetStatus::kMet, false},
      {Polarity::kHigherIsBetter, 70, 70, NAN, NAN, {}, TargetStatus::kMet, false},     // exactly
      {Polarity::kHigherIsBetter, 70, 68.5, NAN, NAN, {}, TargetStatus::kClose, false},  // 1.5
      {Polarity::kHigherIsBetter, 70, 68, NAN, NAN, {}, TargetStatus::kClose, false},    // 2.0
      {Polarity::kHigherIsBetter, 70, 67.9, NAN, NAN, {}, TargetStatus::kNotMet, false},  // 2.1
      {Polarity::kHigherIsBetter, 70, 72, 71, 73, {}, TargetStatus::kMet, false},  // 70 below
      {Polarity::kHigherIsBetter, 70, 60, 58, 62, {}, TargetStatus::kNotMet, false},
      // Target inside the interval: the status stands, with the qualifier, on either side.
      {Polarity::kHigherIsBetter, 70, 68, 65, 71, {}, TargetStatus::kClose, true},
      {Polarity::kHigherIsBetter, 70, 72, 69, 75, {}, TargetStatus::kMet, true},
      {Polarity::kHigherIsBetter, 70, 60, 50, 70, {}, TargetStatus::kNotMet, true},  // bound
      // The cases: Belfairs 80.6% and Kursaal 88.2% beat their targets, however wide
      // their intervals.
      {Polarity::kHigherIsBetter, 75, 80.6, 70.1, 88.3, {}, TargetStatus::kMet, true},
      {Polarity::kHigherIsBetter, 88, 88.2, 80.0, 93.4, {}, TargetStatus::kMet, true},
      // Lower is better, target 10.
      {Polarity::kLowerIsBetter, 10, 9, NAN, NAN, {}, TargetStatus::kMet, false},
      {Polarity::kLowerIsBetter, 10, 10, NAN, NAN, {}, TargetStatus::kMet, false},
      {Polarity::kLowerIsBetter, 10, 11.5, NAN, NAN, {}, TargetStatus::kClose, false},
      {Polarity::kLowerIsBetter, 10, 12.5, NAN, NAN, {}, TargetStatus::kNotMet, false},
      {Polarity::kLowerIsBetter, 10, 11, 9, 13, {}, TargetStatus::kClose, true},
      {Polarity::kLowerIsBetter, 10, 14, 13, 15, {}, TargetStatus::kNotMet, false},
      // The indicator's own tolerance.
      {Polarity::kHigherIsBetter, 70, 66, NAN, NAN, 5.0, TargetStatus::kClose, false},
      {Polarity::kHigherIsBetter, 70, 69, NAN, NAN, 0.5, TargetStatus::kNotMet, false},
      {Polarity::kLowerIsBetter, 10, 14, NAN, NAN, 5.0, TargetStatus::kClose, false},
      // Neutral: met within the tolerance either side.
      {Polarity::kNeutral, 50, 51.5, NAN, NAN, {}, TargetStatus::kMet, false},
      {Polarity::kNeutral, 50, 47.5, 45, 51, {}, TargetStatus::kNotMet, true},
  };
  for (const TargetCase& c : cases) {
    CAPTURE(model::PolarityName(c.polarity));
    CAPTURE(c.target);
    CAPTURE(c.value);
    CAPTURE(c.lower);
    CAPTURE(c.upper);
    model::Indicator indicator = Percent();
    indicator.polarity = c.polarity;
    indicator.target = MakeTarget(c.target, "2025", c.tolerance);
    Cell cell = OneCell(indicator, Given(kHome, "2023", c.value, c.lower, c.upper));
    CHECK(TargetStatusName(cell.target_status) == TargetStatusName(c.expected));
    CHECK(cell.target_uncertain == c.uncertain);
    CHECK(cell.target_reference == c.target);
    CHECK(cell.target_reference_kind == TargetReference::kTarget);
  }
}

TEST_CASE("a trajectory's value is used for its period, the target for the target period") {
  model::Indicator indicator = Percent();
  indicator.target = MakeTarget(70, "2025", {}, {{P("2023"), 65}, {P("2024"), 67.5}});
  indicator.baseline = P("2022");
  SiteBuilder builder(kHome);
  builder.Area(kHome, "Southend-on-Sea", "unitary").Indicator(indicator);
  builder.Rows("gld", {
                          Given(kHome, "2021", 60),
                          Given(kHome, "2022", 62),
                          Given(kHome, "2023", 66),
                          Given(kHome, "2024", 66),
                          Given(kHome, "2025", 66),
                          Given(kHome, "2026", 71),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  // 2021: before the baseline, the target had not been set: no status, no reference.
  const Cell& y2021 = CellOf(results, site, "gld", kHome, "2021");
  CHECK(y2021.target_status == TargetStatus::kNoTarget);
  CHECK(std::isnan(y2021.target_reference));
  // 2022, the baseline: judged against the target (no step planned for it).
  const Cell& y2022 = CellOf(results, site, "gld", kHome, "2022");
  CHECK(y2022.target_reference == 70);
  CHECK(y2022.target_reference_kind == TargetReference::kTarget);
  // 2023: 66 against the trajectory's 65: met (against the final 70 it would be 4 short).
  const Cell& y2023 = CellOf(results, site, "gld", kHome, "2023");
  CHECK(y2023.target_reference == 65);
  CHECK(y2023.target_reference_kind == TargetReference::kTrajectoryStep);
  CHECK(y2023.target_status == TargetStatus::kMet);
  // 2024: 66 against 67.5: 1.5 short, within 2: close.
  const Cell& y2024 = CellOf(results, site, "gld", kHome, "2024");
  CHECK(y2024.target_reference == 67.5);
  CHECK(y2024.target_status == TargetStatus::kClose);
  // 2025: 66 against the target 70: 4 short: not met.
  const Cell& y2025 = CellOf(results, site, "gld", kHome, "2025");
  CHECK(y2025.target_reference == 70);
  CHECK(y2025.target_reference_kind == TargetReference::kTarget);
  CHECK(y2025.target_status == TargetStatus::kNotMet);
  // 2026: the target's date has passed; still judged against it, and marked so.
  const Cell& y2026 = CellOf(results, site, "gld", kHome, "2026");
  CHECK(y2026.target_reference == 70);
  CHECK(y2026.target_reference_kind == TargetReference::kPassedTarget);
  CHECK(y2026.target_status == TargetStatus::kMet);
}

TEST_CASE("no target: kNoTarget") {
  Cell cell = OneCell(Percent(), Given(kHome, "2023", 66));
  CHECK(cell.target_status == TargetStatus::kNoTarget);
  CHECK(std::isnan(cell.target_reference));
}

// ---------------------------------------------------------------------------------------------
// Trend

// Southend's series for `rows` (count/100 each) in consecutive years from `first`.
Series TrendOf(const model::Indicator& indicator, std::initializer_list<Row> rows) {
  SiteBuilder builder(kHome);
  builder.Area(kHome, "Southend-on-Sea", "unitary").Indicator(indicator);
  builder.Rows(indicator.id, rows);
  Results results = Compute(builder.site());
  return SeriesOf(results, builder.site(), indicator.id, kHome);
}

TEST_CASE("trend: a pooled period is never one year of a tested trend") {
  // Before: 2017-18 (pooled, first year 2017) sat one step before 2018 and counted as a point,
  // so five "consecutive" points were tested. Now the run stops at the pool: direction only.
  Series mixed = TrendOf(Percent(), {
                                        Counts(kHome, "2015", 20, 100),
                                        Counts(kHome, "2016", 30, 100),
                                        Counts(kHome, "2017", 40, 100),
                                        Counts(kHome, "2017-18", 90, 200),
                                        Counts(kHome, "2018", 50, 100),
                                        Counts(kHome, "2019", 60, 100),
                                    });
  CHECK(mixed.trend.kind == TrendKind::kDirectionOnly);
  CHECK(mixed.trend.short_term_from == P("2018"));
  // A pooled latest figure gets a direction of change from the pool before, no test.
  Series pooled = TrendOf(Percent(), {
                                         Counts(kHome, "2011-13", 60, 300),
                                         Counts(kHome, "2014-16", 90, 300),
                                         Counts(kHome, "2017-19", 120, 300),
                                         Counts(kHome, "2020-22", 150, 300),
                                         Counts(kHome, "2023-25", 180, 300),
                                     });
  CHECK(pooled.trend.kind == TrendKind::kDirectionOnly);
  CHECK(pooled.trend.short_term == Direction::kUp);
  CHECK(pooled.trend.short_term_from == P("2020-22"));
  CHECK(pooled.trend.short_term_from.Label() == "2020 to 2022");
  CHECK(std::isnan(pooled.trend.p_value));
}

TEST_CASE("trend: five consecutive rising proportions are increasing") {
  // 20, 30, 40, 50, 60 of 100 in 2019-2023, scores t = 1..5:
  //   N = 500, R = 200, sum r t = 20 + 60 + 120 + 200 + 300 = 700, sum n t = 1,500,
  //   sum n t^2 = 5,500;
  //   chi2 = N (N sum r t - R sum n t)^2 / (R (N - R) (N sum n t^2 - (sum n t)^2))
  //        = 500 (350,000 - 300,000)^2 / (200 * 300 * (2,750,000 - 2,250,000))
  //        = 1.25e12 / 3e10 = 41.67; p = erfc(sqrt(41.67 / 2)) = 1.08e-10 < 0.002.
  Series series = TrendOf(Percent(), {
                                         Counts(kHome, "2019", 20, 100),
                                         Counts(kHome, "2020", 30, 100),
                                         Counts(kHome, "2021", 40, 100),
                                         Counts(kHome, "2022", 50, 100),
                                         Counts(kHome, "2023", 60, 100),
                                     });
  CHECK(series.trend.kind == TrendKind::kIncreasing);
  CHECK(series.trend.points == 5);
  CHECK(series.trend.p_value < 1e-9);
  CHECK(series.trend.p_value > 1e-11);
  CHECK(series.trend.short_term == Direction::kUp);
  CHECK(series.trend.short_term_from == P("2022"));
}

TEST_CASE("trend: five consecutive falling proportions are decreasing") {
  Series series = TrendOf(Percent(), {
                                         Counts(kHome, "2019", 60, 100),
                                         Counts(kHome, "2020", 50, 100),
                                         Counts(kHome, "2021", 40, 100),
                                         Counts(kHome, "2022", 30, 100),
                                         Counts(kHome, "2023", 20, 100),
                                     });
  CHECK(series.trend.kind == TrendKind::kDecreasing);
  CHECK(series.trend.short_term == Direction::kDown);
}

TEST_CASE("trend: a flat series shows no significant change") {
  // 50/100 five times: every proportion equal, chi2 = 0, p = 1.
  Series series = TrendOf(Percent(), {
                                         Counts(kHome, "2019", 50, 100),
                                         Counts(kHome, "2020", 50, 100),
                                         Counts(kHome, "2021", 50, 100),
                                         Counts(kHome, "2022", 50, 100),
                                         Counts(kHome, "2023", 50, 100),
                                     });
  CHECK(series.trend.kind == TrendKind::kNoSignificantChange);
  CHECK(series.trend.points == 5);
  CHECK(series.trend.p_value == doctest::Approx(1.0));
  CHECK(series.trend.short_term == Direction::kNoChange);
}

TEST_CASE("trend: a slight wobble is no significant change") {
  // 50, 51, 49, 52, 50 of 100: chi2 = 0.0040, p = 0.95.
  Series series = TrendOf(Percent(), {
                                         Counts(kHome, "2019", 50, 100),
                                         Counts(kHome, "2020", 51, 100),
                                         Counts(kHome, "2021", 49, 100),
                                         Counts(kHome, "2022", 52, 100),
                                         Counts(kHome, "2023", 50, 100),
                                     });
  CHECK(series.trend.kind == TrendKind::kNoSignificantChange);
  CHECK(series.trend.p_value == doctest::Approx(0.9496).epsilon(0.001));
  CHECK(series.trend.short_term == Direction::kDown);
}

TEST_CASE("trend: three points give direction only, short term and against the baseline") {
  model::Indicator indicator = Percent();
  indicator.baseline = P("2021");
  // 40% (2021, the baseline), 45% (2022), 42% (2023): down since 2022, up since 2021.
  Series series = TrendOf(indicator, {
                                         Counts(kHome, "2021", 40, 100),
                                         Counts(kHome, "2022", 45, 100),
                                         Counts(kHome, "2023", 42, 100),
                                     });
  CHECK(series.trend.kind == TrendKind::kDirectionOnly);
  CHECK(series.trend.short_term == Direction::kDown);
  CHECK(series.trend.short_term_from == P("2022"));
  CHECK(series.trend.long_term == Direction::kUp);
  CHECK(series.trend.long_term_from == P("2021"));
  CHECK(std::isnan(series.trend.p_value));
}

TEST_CASE("trend: a gap in the periods gives direction only") {
  // Five strongly rising points, but 2021 is missing: only 2022-2024 are consecutive.
  Series series = TrendOf(Percent(), {
                                         Counts(kHome, "2018", 10, 100),
                                         Counts(kHome, "2019", 20, 100),
                                         Counts(kHome, "2022", 40, 100),
                                         Counts(kHome, "2023", 50, 100),
                                         Counts(kHome, "2024", 60, 100),
                                     });
  CHECK(series.trend.kind == TrendKind::kDirectionOnly);
  CHECK(series.trend.short_term == Direction::kUp);
  CHECK(std::isnan(series.trend.p_value));
}

TEST_CASE("trend: without counts, direction only, one point, cannot calculate") {
  Series values = TrendOf(Percent(), {
                                         Given(kHome, "2019", 20),
                                         Given(kHome, "2020", 30),
                                         Given(kHome, "2021", 40),
                                         Given(kHome, "2022", 50),
                                         Given(kHome, "2023", 60),
                                     });
  CHECK(values.trend.kind == TrendKind::kDirectionOnly);
  CHECK(values.trend.short_term == Direction::kUp);

  Series one = TrendOf(Percent(), {Given(kHome, "2023", 60)});
  CHECK(one.trend.kind == TrendKind::kCannotCalculate);
  CHECK(one.trend.short_term == Direction::kUnknown);
}

TEST_CASE("trend: consecutive financial years count as consecutive") {
  model::Indicator indicator = Percent();
  indicator.period_type = model::PeriodType::kFinancialYear;
  Series series = TrendOf(indicator, {
                                         Counts(kHome, "2019/20", 20, 100),
                                         Counts(kHome, "2020/21", 30, 100),
                                         Counts(kHome, "2021/22", 40, 100),
                                         Counts(kHome, "2022/23", 50, 100),
                                         Counts(kHome, "2023/24", 60, 100),
                                     });
  CHECK(series.trend.kind == TrendKind::kIncreasing);
}

// ---------------------------------------------------------------------------------------------
// Gap between the target and rest groups

struct GapCase {
  double target_2023;  // count of 100 in each Better Start ward in 2023
  GapChange expected;
};

TEST_CASE("gap between the target wards and the rest, narrowed or widened") {
  // 2022: Better Start (30 + 30 + 30) / 300 = 30%, rest (50 + 50) / 200 = 50%: gap -20.
  // Wilson 95%: 90/300 is 25.1-35.4%, 100/200 is 43.1-56.9%: the intervals do not overlap.
  // 2023: Better Start 35% (gap -15: narrowed), 25% (gap -25: widened), 30% (unchanged).
  const GapCase cases[] = {
      {35, GapChange::kNarrowed}, {25, GapChange::kWidened}, {30, GapChange::kUnchanged}};
  for (const GapCase& c : cases) {
    CAPTURE(c.target_2023);
    SiteBuilder builder = Southend();
    builder.site().config.gap_target = kTarget;
    builder.site().config.gap_rest = kRest;
    builder.Indicator(Percent());
    builder.Rows("gld", {
                            Counts(kKursaal, "2022", 30, 100),
                            Counts(kMilton, "2022", 30, 100),
                            Counts(kVictoria, "2022", 30, 100),
                            Counts(kLeigh, "2022", 50, 100),
                            Counts(kEastwood, "2022", 50, 100),
                            Counts(kKursaal, "2023", c.target_2023, 100),
                            Counts(kMilton, "2023", c.target_2023, 100),
                            Counts(kVictoria, "2023", c.target_2023, 100),
                            Counts(kLeigh, "2023", 50, 100),
                            Counts(kEastwood, "2023", 50, 100),
                        });
    Results results = Compute(builder.site());
    REQUIRE(results.gaps.size() == 1);
    const Gap& gap = results.gaps.front();
    REQUIRE(gap.points.size() == 2);
    CHECK(gap.points[0].period == P("2022"));
    CheckNear(gap.points[0].target_value, 30, 1e-9);
    CheckNear(gap.points[0].rest_value, 50, 1e-9);
    CheckNear(gap.points[0].gap, -20, 1e-9);
    CHECK(gap.points[0].significant);
    CheckNear(gap.points[1].gap, c.target_2023 - 50, 1e-9);
    CHECK(GapChangeName(gap.change) == GapChangeName(c.expected));
  }
}

TEST_CASE("gap: a period where a group is hidden is left out") {
  SiteBuilder builder = Southend();
  builder.site().config.gap_target = kTarget;
  builder.site().config.gap_rest = kRest;
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Counts(kKursaal, "2023", 30, 100),
                          Given(kMilton, "2023", 30),  // no count
                          Counts(kVictoria, "2023", 30, 100),
                          Counts(kLeigh, "2023", 50, 100),
                          Counts(kEastwood, "2023", 50, 100),
                      });
  Results results = Compute(builder.site());
  REQUIRE(results.gaps.size() == 1);
  CHECK(results.gaps.front().points.empty());
  CHECK(results.gaps.front().change == GapChange::kUnknown);
}

// ---------------------------------------------------------------------------------------------
// Sentences

struct SentenceCase {
  double value;
  double lower;
  double upper;
  std::string comparison;  // the expected second sentence
};

TEST_CASE("sentences: natural frequency, then comparison wording by significance") {
  // Southend 68% (67-69). Kursaal 61% in 2023 (and 55% in the 2019 baseline).
  const SentenceCase cases[] = {
      // 56-65 excludes 68: fewer, significantly.
      {61, 56, 65,
       "That is fewer than across Southend-on-Sea (68 in every 100), a difference too large to be "
       "down to chance."},
      // 55-69 contains 68: about the same, no more/fewer claim.
      {61, 55, 69,
       "That is about the same as across Southend-on-Sea (68 in every 100): the difference is "
       "small enough to be down to chance."},
      // 66.5-70 contains 68 though the value (68.2) is above it.
      {68.2, 66.5, 70,
       "That is about the same as across Southend-on-Sea (68 in every 100): the difference is "
       "small enough to be down to chance."},
      // 70-80 excludes 68: more, significantly.
      {75, 70, 80,
       "That is more than across Southend-on-Sea (68 in every 100), a difference too large to be "
       "down to chance."},
  };
  for (const SentenceCase& c : cases) {
    CAPTURE(c.value);
    SiteBuilder builder = Southend(/*with_groups=*/false);
    model::Indicator indicator = Percent();
    indicator.baseline = P("2019");
    builder.Indicator(indicator);
    builder.Rows("gld", {
                            Given(kHome, "2023", 68, 67, 69),
                            Given(kKursaal, "2019", 55, 50, 60),
                            Given(kKursaal, "2023", c.value, c.lower, c.upper),
                        });
    Results results = Compute(builder.site());
    const Series& kursaal = SeriesOf(results, builder.site(), "gld", kKursaal);
    REQUIRE(kursaal.sentences.size() == 3);
    const std::string per_hundred = std::to_string(static_cast<int>(std::lround(c.value)));
    CHECK(kursaal.sentences[0] == per_hundred +
                                      " in every 100 children in Kursaal reached a good level of "
                                      "development by age 5 in 2023.");
    CHECK(kursaal.sentences[1] == c.comparison);
    if (c.comparison.find("about the same") != std::string::npos) {
      CHECK(kursaal.sentences[1].find("more") == std::string::npos);
      CHECK(kursaal.sentences[1].find("fewer") == std::string::npos);
    }
    CHECK(kursaal.sentences[2] == "It has gone up since 2019.");
  }
}

TEST_CASE("sentences: the DESIGN example") {
  // "61 in every 100 children in Kursaal reached a good level of development by age 5 in 2023.
  //  That is fewer than across Southend (68 in 100). It has gone up since 2019."
  SiteBuilder builder = Southend(/*with_groups=*/false);
  model::Indicator indicator = Percent();
  indicator.baseline = P("2019");
  indicator.ci_method = model::CiMethod::kWilson;
  builder.Indicator(indicator);
  // Kursaal 61 of 100 would have a Wilson interval (51.2-70.0) containing Southend's 68, so the
  // cohort is 200: 122/200 = 61%, Wilson 54.1-67.5, which excludes 68 (1,360/2,000).
  builder.Rows("gld", {
                          Counts(kHome, "2023", 1360, 2000),
                          Counts(kKursaal, "2019", 100, 200),
                          Counts(kKursaal, "2023", 122, 200),
                      });
  Results results = Compute(builder.site());
  const Series& kursaal = SeriesOf(results, builder.site(), "gld", kKursaal);
  REQUIRE(kursaal.sentences.size() == 3);
  CHECK(kursaal.sentences[0] ==
        "61 in every 100 children in Kursaal reached a good level of development by age 5 in "
        "2023.");
  CHECK(kursaal.sentences[1].rfind("That is fewer than across Southend-on-Sea (68 in every 100)",
                                   0) == 0);
  CHECK(kursaal.sentences[2] == "It has gone up since 2019.");
}

TEST_CASE("sentences: the home area is compared with the wider comparator") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Given(kHome, "2023", 68, 67, 69),
                          Given(kEngland, "2023", 65, 64.9, 65.1),
                      });
  Results results = Compute(builder.site());
  const Series& home = SeriesOf(results, builder.site(), "gld", kHome);
  REQUIRE(home.sentences.size() >= 2);
  CHECK(home.sentences[1] ==
        "That is more than across England (65 in every 100), a difference too large to be down "
        "to chance.");
}

TEST_CASE("sentences: no interval means no claim of a difference") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  builder.Indicator(Percent());
  builder.Rows("gld", {
                          Given(kHome, "2023", 68, 67, 69),
                          Given(kKursaal, "2023", 40),
                      });
  Results results = Compute(builder.site());
  const Series& kursaal = SeriesOf(results, builder.site(), "gld", kKursaal);
  REQUIRE(kursaal.sentences.size() == 2);
  CHECK(kursaal.sentences[1].find("fewer") == std::string::npos);
  CHECK(kursaal.sentences[1].find("more") == std::string::npos);
  CHECK(kursaal.sentences[1].find("cannot say") != std::string::npos);
}

TEST_CASE("sentences: a rate is 'N in every <per>' and compared as higher/lower") {
  SiteBuilder builder = Southend(/*with_groups=*/false);
  builder.Indicator(Rate());
  // Kursaal 50 / 20,000 = 250.0 per 100,000, Byar 185.5-329.6; Southend 150.0 below it.
  builder.Rows("admissions", {
                                 Counts(kHome, "2023", 300, 200000),
                                 Counts(kKursaal, "2023", 50, 20000),
                             });
  Results results = Compute(builder.site());
  const Series& kursaal = SeriesOf(results, builder.site(), "admissions", kKursaal);
  REQUIRE(kursaal.sentences.size() == 2);
  CHECK(kursaal.sentences[0] ==
        "250 in every 100,000 children in Kursaal were admitted to hospital for an injury in "
        "2023.");
  CHECK(kursaal.sentences[1] ==
        "That is higher than across Southend-on-Sea (150 in every 100,000), a difference too "
        "large to be down to chance.");
  CHECK(CellOf(results, builder.site(), "admissions", kKursaal, "2023").comparisons[0] ==
        Comparison::kWorse);  // lower is better
}

TEST_CASE("sentences: a significant trend is described with its span") {
  Series series = TrendOf(Percent(), {
                                         Counts(kHome, "2019", 20, 100),
                                         Counts(kHome, "2020", 30, 100),
                                         Counts(kHome, "2021", 40, 100),
                                         Counts(kHome, "2022", 50, 100),
                                         Counts(kHome, "2023", 60, 100),
                                     });
  REQUIRE(series.sentences.size() == 2);
  CHECK(series.sentences[0] ==
        "60 in every 100 children in Southend-on-Sea reached a good level of development by age 5 "
        "in 2023.");
  // The latest step (50 to 60, no intervals given) is a fifth: it is stated first.
  CHECK(series.sentences[1] ==
        "In 2023 it rose from 50 in every 100 in 2022 to 60 in every 100, a change of a fifth or "
        "more. Over the longer run, it has gone up steadily since 2019, by more than chance "
        "would explain.");
}

// Found by testing: Kursaal's injury admissions rose from 141.9 to 245.8 per 10,000 in the
// latest year, and the page said only "It has gone down since 2014/15". A large latest change
// is stated first; the long run follows, named as such.
TEST_CASE("sentences: a sharp latest rise comes before the long-run fall") {
  model::Indicator indicator = Rate();
  indicator.per = 10000;
  indicator.baseline = P("2015");
  auto row = [](const char* period, double count) {
    return Row{.area = kHome, .period = period, .value = count, .count = count,
               .denominator = 10000};
  };
  Series series = TrendOf(indicator, {row("2015", 260), row("2016", 230), row("2017", 200),
                                      row("2018", 170), row("2019", 142), row("2020", 246)});
  REQUIRE(series.sentences.size() == 2);
  CHECK(series.sentences[1] ==
        "In 2020 it rose from 142 in every 10,000 in 2019 to 246 in every 10,000, a bigger "
        "change than chance would explain. Over the longer run, it has gone down since 2015.");
}

TEST_CASE("sentences: a latest rise within chance still comes before a long-run fall") {
  // Kursaal's shape: 13 of 916 then 22 of 895; the Byar intervals overlap.
  model::Indicator indicator = Rate();
  indicator.per = 10000;
  indicator.baseline = P("2015");
  auto row = [](const char* period, double count, double denominator) {
    return Row{.area = kHome, .period = period, .value = count / denominator * 10000,
               .count = count, .denominator = denominator};
  };
  Series series = TrendOf(indicator, {row("2015", 25, 900), row("2016", 16, 914),
                                      row("2017", 13, 916), row("2018", 22, 895)});
  REQUIRE(series.sentences.size() == 2);
  CHECK(series.sentences[1] ==
        "In 2018 it rose from 142 in every 10,000 in 2017 to 246 in every 10,000, a change "
        "that could be down to chance. Over the longer run, it has gone down since 2015.");
}

// Found on Kursaal's page: "it rose from 29 in every 100 in 2015 to 29 in every 100".
TEST_CASE("sentences: a change whole numbers would hide is said in the published figures") {
  model::Indicator indicator = Percent();
  indicator.baseline = P("2012");
  Series series = TrendOf(indicator, {Given(kHome, "2012", 40.0), Given(kHome, "2013", 35.0),
                                      Given(kHome, "2014", 31.0), Given(kHome, "2015", 28.6),
                                      Given(kHome, "2016", 29.4)});
  REQUIRE(series.sentences.size() == 2);
  CHECK(series.sentences[1] ==
        "In 2016 it rose from 28.6% in 2015 to 29.4%. Over the longer run, it has gone down "
        "since 2012.");
}

TEST_CASE("sentences: a small latest change is not singled out") {
  model::Indicator indicator = Rate();
  indicator.per = 10000;
  indicator.baseline = P("2015");
  auto row = [](const char* period, double count) {
    return Row{.area = kHome, .period = period, .value = count, .count = count,
               .denominator = 10000};
  };
  Series series = TrendOf(indicator, {row("2015", 260), row("2016", 250), row("2017", 245)});
  REQUIRE(series.sentences.size() == 2);
  CHECK(series.sentences[1] == "It has gone down since 2015.");
}

TEST_CASE("sentences: without intervals, a change of a fifth or more is large") {
  model::Indicator indicator = Count();
  indicator.baseline = P("2015");
  auto row = [](const char* period, double count) {
    return Row{.area = kHome, .period = period, .value = count, .count = count};
  };
  Series series = TrendOf(indicator, {row("2015", 100), row("2016", 90), row("2017", 120)});
  REQUIRE(series.sentences.size() == 2);
  CHECK(series.sentences[1] ==
        "In 2017 it rose from 90 in 2016 to 120, a change of a fifth or more. Over the longer "
        "run, it has gone up since 2015.");
}

// ---------------------------------------------------------------------------------------------
// The words a reader sees for a status and a trend (view/labels.h), from computed cells.

TEST_CASE("status words: the qualifier, the path step, a passed date") {
  model::Indicator indicator = Percent();
  indicator.target = MakeTarget(75, "2025", {}, {{P("2023"), 72.5}});
  indicator.baseline = P("2022");
  SiteBuilder builder(kHome);
  builder.Area(kHome, "Southend-on-Sea", "unitary").Indicator(indicator);
  builder.Rows("gld", {
                          Given(kHome, "2021", 60, 55, 65),
                          Given(kHome, "2023", 73, 70, 76),
                          Given(kHome, "2025", 80.6, 70.1, 88.3),
                          Given(kHome, "2026", 70, 69, 71),
                      });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const model::Indicator& gld = site.indicators[0];
  // Before the baseline: no target yet.
  const view::Badge before = view::TargetStatusBadge(site.text, gld, CellOf(results, site, "gld", kHome, "2021"));
  CHECK(before.label == "No target");
  CHECK(before.qualifier == "");
  // A trajectory step, met, with 72.5 inside 70-76: named as the path, and qualified.
  const view::Badge step = view::TargetStatusBadge(site.text, gld, CellOf(results, site, "gld", kHome, "2023"));
  CHECK(step.label == "On the path to target");
  CHECK(step.reference == "Path to target: 72.5% in 2023, on the way to 75.0% by 2025");
  CHECK(step.qualifier == view::NotCertain(site.text));
  CHECK(step.key == "target-met");
  // Belfairs' shape: 80.6% against 75%, target inside the interval: met, not certain.
  const view::Badge met = view::TargetStatusBadge(site.text, gld, CellOf(results, site, "gld", kHome, "2025"));
  CHECK(met.label == "Target met");
  CHECK(met.reference == "Target: 75.0% by 2025");
  CHECK(met.text == std::string("Target met (Target: 75.0% by 2025); ") + view::NotCertain(site.text));
  // After the target's date: not met, and the date has passed; 75 outside 69-71: certain.
  const view::Badge passed = view::TargetStatusBadge(site.text, gld, CellOf(results, site, "gld", kHome, "2026"));
  CHECK(passed.label == "Target not met");
  CHECK(passed.reference == "Target: 75.0% by 2025 (that date has passed)");
  CHECK(passed.qualifier == "");
  // A page's view: a status badge has its description, reference and text; a comparison not.
  const nlohmann::json status = view::BadgeJson(met);
  CHECK(status.size() == 8);
  CHECK(status["class"] == "status--met");
  CHECK(status["text"] == met.text);
  const nlohmann::json comparison =
      view::BadgeJson(view::ComparisonBadge(site.text, compute::Comparison::kBetter, "England"));
  CHECK(comparison.size() == 5);
  CHECK(comparison["class"] == "compare--better");
  CHECK(!comparison.contains("text"));
}

// The short trend label (dashboard, summaries, downloads) must not contradict the sentence:
// Kursaal's injuries rose sharply in the latest year after a long fall.
TEST_CASE("trend label: a sharp latest rise is not summed up as 'Down since'") {
  model::Indicator indicator = Rate();
  indicator.per = 10000;
  indicator.baseline = P("2015");
  auto row = [](const char* period, double count) {
    return Row{.area = kHome, .period = period, .value = count, .count = count,
               .denominator = 10000};
  };
  Series series = TrendOf(indicator, {row("2015", 260), row("2016", 230), row("2017", 200),
                                      row("2018", 170), row("2019", 142), row("2020", 246)});
  CHECK(series.trend.latest_change_first);
  CHECK(series.trend.latest_change_beyond_chance);
  CHECK(view::TrendLabel(load::internal::ReferenceCatalogue(), indicator, series.trend) ==
        "Up in 2020 (more than chance); over the longer run, down since 2015 (not tested)");
  // A small latest change leaves the long-run label alone.
  Series steady = TrendOf(indicator, {row("2015", 260), row("2016", 230), row("2017", 200),
                                      row("2018", 190), row("2019", 185), row("2020", 180)});
  CHECK_FALSE(steady.trend.latest_change_first);
  CHECK(view::TrendLabel(load::internal::ReferenceCatalogue(), indicator, steady.trend) == "Down since 2015 (not tested)");
}

TEST_CASE("trend: the test runs only on non-overlapping annual periods") {
  // The same strongly rising counts as calendar years are tested (and increasing) ...
  Series yearly = TrendOf(Percent(), {
                                         Counts(kHome, "2019", 20, 100),
                                         Counts(kHome, "2020", 30, 100),
                                         Counts(kHome, "2021", 40, 100),
                                         Counts(kHome, "2022", 50, 100),
                                         Counts(kHome, "2023", 60, 100),
                                     });
  CHECK(yearly.trend.kind == TrendKind::kIncreasing);
  // ... as overlapping three-year ranges, direction only: the ranges share years, so the
  // points are not independent.
  model::Indicator rolling = Percent();
  rolling.period_type = model::PeriodType::kRollingYears;
  Series pooled = TrendOf(rolling, {
                                       Counts(kHome, "2017-19", 60, 300),
                                       Counts(kHome, "2018-20", 90, 300),
                                       Counts(kHome, "2019-21", 120, 300),
                                       Counts(kHome, "2020-22", 150, 300),
                                       Counts(kHome, "2021-23", 180, 300),
                                   });
  CHECK(pooled.trend.kind == TrendKind::kDirectionOnly);
  // ... and quarters too (Fingertips tests annual data only).
  model::Indicator quarterly = Percent();
  quarterly.period_type = model::PeriodType::kQuarter;
  Series quarters = TrendOf(quarterly, {
                                           Counts(kHome, "2022 Q1", 20, 100),
                                           Counts(kHome, "2022 Q2", 30, 100),
                                           Counts(kHome, "2022 Q3", 40, 100),
                                           Counts(kHome, "2022 Q4", 50, 100),
                                           Counts(kHome, "2023 Q1", 60, 100),
                                       });
  CHECK(quarters.trend.kind == TrendKind::kDirectionOnly);
  CHECK(TrendTestable(model::PeriodType::kFinancialYear));
  CHECK_FALSE(TrendTestable(model::PeriodType::kMonth));
}

// A count of a ward against the council's count says how big the areas are: never compared,
// in the cell, the sentences, or the words.
TEST_CASE("fair comparisons: a count indicator is never compared between areas") {
  model::Indicator count = Percent("births");
  count.unit = model::Unit::kCount;
  count.title = "Births";
  count.short_title = "Births";
  count.phrase = "were born";
  count.ci_method = model::CiMethod::kByar;
  SiteBuilder builder(kHome);
  builder.Area(kHome, "Southend-on-Sea", "unitary")
      .Area(kKursaal, "Kursaal", "ward", kHome)
      .Comparators({kHome})
      .Indicator(count);
  builder.Rows("births", {
                             Row{.area = kHome, .period = "2023", .value = 5768, .count = 5768},
                             Row{.area = kKursaal, .period = "2023", .value = 883, .count = 883},
                         });
  const model::Site& site = builder.site();
  Results results = Compute(site);
  const Cell& kursaal = CellOf(results, site, "births", kKursaal, "2023");
  CHECK(kursaal.comparisons[0] == Comparison::kNotCompared);
  CHECK(kursaal.not_compared[0] == NotComparedReason::kNotARate);
  const Series& series = SeriesOf(results, site, "births", kKursaal);
  for (const std::string& sentence : series.sentences) {
    CHECK(sentence.find("than") == std::string::npos);
    CHECK(sentence.find("same as") == std::string::npos);
  }
  CHECK(view::ComparisonBadge(load::internal::ReferenceCatalogue(), kursaal.comparisons[0], "Southend-on-Sea").label ==
        "Not compared");
}

// The banner says what is made up, worked out from the flags, and never calls a flagged
// figure real.
TEST_CASE("the example-data banner is worked out from the flagged figures") {
  auto site_with = [](uint8_t ward_flags, uint8_t home_flags) {
    SiteBuilder builder(kHome);
    builder.Area(kHome, "Southend-on-Sea", "unitary")
        .Area(kKursaal, "Kursaal", "ward", kHome)
        .Area(kEngland, "England", "country")
        .Comparators({kHome, kEngland})
        .Indicator(Percent("gld"))
        .Indicator(Percent("comm"));
    for (const char* id : {"gld", "comm"}) {
      bool second = std::string(id) == "comm";
      builder.Rows(id, {
                           Row{.area = kKursaal, .period = "2023", .value = 60, .flags = ward_flags},
                           Row{.area = kHome, .period = "2023", .value = 70,
                               .flags = static_cast<uint8_t>(second ? 0 : home_flags)},
                           Row{.area = kEngland, .period = "2023", .value = 72},
                       });
    }
    return builder;
  };
  {
    SiteBuilder builder = site_with(model::kFlagExample, model::kFlagExample);
    Results results = Compute(builder.site());
    CHECK(view::ExampleDataNotice(builder.site(), results) ==
          "Some figures on this site are made up to show how it works: ward figures for every "
          "indicator and Southend-on-Sea figures for 1 of 2. The made-up figures are marked "
          "\"example\" in the downloads; do not use them as statistics. The other figures are "
          "real.");
  }
  {
    SiteBuilder builder = site_with(0, 0);
    Results results = Compute(builder.site());
    CHECK(view::ExampleDataNotice(builder.site(), results).empty());
    builder.site().config.example_data = true;
    CHECK(view::ExampleDataNotice(builder.site(), results).find("example site") !=
          std::string::npos);
    builder.site().config.example_data_text = "Our own words.";
    CHECK(view::ExampleDataNotice(builder.site(), results) == "Our own words.");
  }
}

}  // namespace
}  // namespace outcomes::compute
