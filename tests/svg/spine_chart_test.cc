// Tests for the spine chart (view::SpineChartSpec, render::RenderSpineSvg) on the small site of
// tests/svg/small_site.h: the percentiles on a hand-made set, suppressed figures left out of the
// spread, counts and thin rows listed instead of drawn, the scale's orientation by polarity, and
// each mark drawn where its value falls on its row's scale.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "base/format.h"
#include "render/svg/chart.h"
#include "small_site.h"
#include "spec_json.h"
#include "svg_xml.h"
#include "view/chart_view.h"

namespace outcomes::view {
namespace {

using nlohmann::json;
using svg_test::kHome;
using svg_test::kKursaal;
using svg_test::kLeigh;
using svg_test::kMilton;
using svg_test::MakeSmallSite;

TEST_CASE("percentiles interpolate between ranks (Excel's PERCENTILE.INC)") {
  struct Case {
    std::vector<double> sorted;
    double p;
    double expected;
  };
  const Case cases[] = {
      {{10}, 0.25, 10},
      {{1, 2, 3, 4}, 0.25, 1.75},
      {{1, 2, 3, 4}, 0.5, 2.5},
      {{1, 2, 3, 4}, 0.75, 3.25},
      {{1, 2, 3, 4}, 0, 1},
      {{1, 2, 3, 4}, 1, 4},
      {{60, 67.6, 68.2, 76.1}, 0.25, 65.7},
      {{60, 67.6, 68.2, 76.1}, 0.75, 70.175},
      {{5, 5, 5}, 0.25, 5},
  };
  for (const auto& test : cases) {
    CAPTURE(test.p);
    CHECK(Percentile(test.sorted, test.p) == doctest::Approx(test.expected));
  }
}

TEST_CASE("a ward's spine: the spread of the wards, the council's figure, the comparison") {
  const svg_test::SmallSite small = MakeSmallSite();
  const uint32_t kursaal = small.Area(kKursaal);
  const uint32_t home = small.Area(kHome);
  json spec = svg_test::SpineJson(small.site, small.results, kursaal, small.Wards(), home,
                                  {small.Indicator("gld"), small.Indicator("visits"), small.Indicator("gld")},
                                  "spine");
  REQUIRE(spec.is_object());
  CHECK(spec["type"] == "spine");
  CHECK(spec["id"] == "spine");
  // gld in 2018/19: Hostile 30/50 = 60.0, Milton 48/71 = 67.6, Kursaal 58/85 = 68.2, Leigh
  // 70/92 = 76.1 (Victoria has no 2018/19 figure). The repeat of gld is listed once.
  REQUIRE(spec["rows"].size() == 1);
  const json& row = spec["rows"][0];
  CHECK(row["indicator"] == "Good level of development");
  CHECK(row["period"] == "2018/19");
  CHECK(row["count"] == 4);
  CHECK(row["min"].get<double>() == doctest::Approx(60.0));
  CHECK(row["q1"].get<double>() == doctest::Approx(65.7));
  CHECK(row["q3"].get<double>() == doctest::Approx(70.2));  // 70.175, rounded as published
  CHECK(row["max"].get<double>() == doctest::Approx(76.1));
  CHECK(row["value"].get<double>() == doctest::Approx(68.2));
  CHECK(row["benchmark_value"].get<double>() == doctest::Approx(75.0));  // 180/240
  CHECK(row["texts"]["q3"] == "70.2%");
  // Higher is better: better (higher) on the right, the scale centred on the council.
  CHECK_FALSE(row["reversed"].get<bool>());
  CHECK(row["left"].get<double>() < row["right"].get<double>());
  CHECK((row["left"].get<double>() + row["right"].get<double>()) / 2 == doctest::Approx(75.0));
  CHECK(row["left"].get<double>() <= 60.0);
  // The comparison is compute's, against the council (its comparator slot), in words and look.
  const auto& cell = *small.results.Find(small.Indicator("gld"), kursaal, 0)->Latest();
  CHECK(row["comparison"]["key"] == std::string(compute::ComparisonName(cell.comparisons[0])));
  CHECK_FALSE(row["comparison"]["marker"].get<std::string>().empty());
  // visits: no ward has a figure, so it is listed, not drawn... but Kursaal has none either:
  // it is not on the page at all.
  CHECK(spec["listed"].empty());
  CHECK(spec["desc"].get<std::string>().find("better on the right") != std::string::npos);
}

TEST_CASE("lower is better: the spine's scale is reversed so better stays on the right") {
  svg_test::SmallSite small = MakeSmallSite();
  testing::AddRows(small.site, "visits", {
      {.area = kKursaal, .period = "2018/19", .value = 30.0},
      {.area = kLeigh, .period = "2018/19", .value = 50.0},
      {.area = kMilton, .period = "2018/19", .value = 45.0},
  });
  small.results = compute::Compute(small.site);
  json spec = svg_test::SpineJson(small.site, small.results, small.Area(kKursaal), small.Wards(),
                                  small.Area(kHome), {small.Indicator("visits")}, "spine");
  REQUIRE(spec["rows"].size() == 1);
  const json& row = spec["rows"][0];
  CHECK(row["reversed"].get<bool>());
  CHECK(row["left"].get<double>() > row["right"].get<double>());
  CHECK(row["min"].get<double>() == doctest::Approx(30.0));
  CHECK(row["max"].get<double>() == doctest::Approx(50.0));
  CHECK(row["benchmark_value"].get<double>() == doctest::Approx(41.0));
  CHECK(spec["desc"].get<std::string>().find("lower is better") != std::string::npos);
}

TEST_CASE("suppressed and missing figures never enter the spread") {
  svg_test::SmallSite small = MakeSmallSite();
  // 2019/20: Milton's 2 children are suppressed (1 to 4); Victoria has no row at all.
  testing::AddRows(small.site, "gld", {
      {.area = kHome, .period = "2019/20", .count = 200, .denominator = 400},
      {.area = kKursaal, .period = "2019/20", .count = 60, .denominator = 80},
      {.area = kMilton, .period = "2019/20", .count = 2, .denominator = 70},
      {.area = kLeigh, .period = "2019/20", .count = 50, .denominator = 100},
      {.area = svg_test::kHostile, .period = "2019/20", .count = 40, .denominator = 50},
  });
  small.results = compute::Compute(small.site);
  const uint32_t gld = small.Indicator("gld");
  const uint32_t leigh = small.Area(kLeigh);
  REQUIRE_FALSE(small.results.CellAt(gld, small.Area(kMilton), svg_test::Academic("2019/20"))->Published());
  json spec = svg_test::SpineJson(small.site, small.results, leigh, small.Wards(), small.Area(kHome),
                                  {gld}, "spine");
  REQUIRE(spec["rows"].size() == 1);
  const json& row = spec["rows"][0];
  CHECK(row["period"] == "2019/20");
  // Whatever else disclosure control hid, the spread is over the published wards only.
  std::vector<double> published;
  for (uint32_t ward : small.Wards())
    if (const compute::Cell* cell = small.results.CellAt(gld, ward, svg_test::Academic("2019/20")))
      if (cell->Published()) published.push_back(base::RoundTo(cell->value, 1));
  std::sort(published.begin(), published.end());
  REQUIRE(published.size() >= 2);
  CHECK(row["count"] == published.size());
  CHECK(row["min"].get<double>() == doctest::Approx(published.front()));
  CHECK(row["max"].get<double>() == doctest::Approx(published.back()));
  CHECK(row["min"].get<double>() > 2.9);  // Milton's 2/70 is nowhere
  CHECK(row["q1"].get<double>() == doctest::Approx(base::RoundTo(Percentile(published, 0.25), 1)));
  // Nothing in the spec says Milton's figure.
  CHECK(spec.dump().find("2.9") == std::string::npos);
}

// The x of a row's value, from the SVG's scale (12 to 388 of 400 units).
double ExpectedX(const json& row, double value) {
  const double left = row["left"].get<double>();
  const double right = row["right"].get<double>();
  return 12 + (value - left) / (right - left) * 376;
}

TEST_CASE("the spine's marks lie where their values are on the row's scale") {
  svg_test::SmallSite small = MakeSmallSite();
  testing::AddRows(small.site, "visits", {
      {.area = kKursaal, .period = "2018/19", .value = 30.0},
      {.area = kLeigh, .period = "2018/19", .value = 50.0},
      {.area = kMilton, .period = "2018/19", .value = 45.0},
  });
  small.results = compute::Compute(small.site);
  const Chart chart =
      SpineChartSpec(small.site, small.results, small.Area(kKursaal), small.Wards(),
                     small.Area(kHome), {small.Indicator("gld"), small.Indicator("visits")}, "spine");
  const json spec = ChartJson(chart);
  REQUIRE(spec["rows"].size() == 2);
  const std::string svg = render::RenderSpineSvg(std::get<SpineChart>(chart));
  const auto doc = svg_test::Parse(svg);
  std::vector<const svg_test::Element*> rows;
  for (const auto& element : doc)
    if (element.attributes.count("class") && element.attributes.at("class") == "spine-row")
      rows.push_back(&element);
  REQUIRE(rows.size() == 2);
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const json& row = spec["rows"][row_idx];
    CAPTURE(row_idx);
    double range_left = NAN, range_right = NAN, middle_left = NAN, middle_right = NAN;
    double bench = NAN, marker = NAN;
    for (int child : rows[row_idx]->children) {
      const auto& element = doc[static_cast<size_t>(child)];
      const std::string css = element.attributes.count("class") ? element.attributes.at("class") : "";
      auto num = [&](const char* key) { return std::stod(element.attributes.at(key)); };
      if (css == "spine-range") range_left = num("x"), range_right = num("x") + num("width");
      if (css == "spine-middle") middle_left = num("x"), middle_right = num("x") + num("width");
      if (css == "spine-benchmark") bench = num("x") + num("width") / 2;
      if (css == "spine-area") {
        std::istringstream in(element.attributes.at("transform").substr(10));
        in >> marker;
      }
    }
    const bool reversed = row["reversed"].get<bool>();
    const double low_x = ExpectedX(row, row["min"].get<double>());
    const double high_x = ExpectedX(row, row["max"].get<double>());
    // Coordinates are written to 0.1 unit.
    auto near = [](double drawn, double expected) { return std::fabs(drawn - expected) <= 0.15; };
    const double q1_x = ExpectedX(row, row["q1"].get<double>());
    const double q3_x = ExpectedX(row, row["q3"].get<double>());
    const double bench_x = ExpectedX(row, row["benchmark_value"].get<double>());
    const double value_x = ExpectedX(row, row["value"].get<double>());
    CAPTURE(range_left);
    CAPTURE(low_x);
    CAPTURE(marker);
    CAPTURE(value_x);
    CHECK(near(range_left, std::min(low_x, high_x)));
    CHECK(near(range_right, std::max(low_x, high_x)));
    CHECK((reversed ? high_x < low_x : low_x < high_x));
    CHECK(near(middle_left, std::min(q1_x, q3_x)));
    CHECK(near(middle_right, std::max(q1_x, q3_x)));
    CHECK(near(bench, bench_x));
    CHECK(near(marker, value_x));
  }
}

}  // namespace
}  // namespace outcomes::view
