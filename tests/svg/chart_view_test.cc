// Tests for the chart specs (view/chart_view.h) on the small site of tests/svg/small_site.h: the
// time line and its gaps, axes that cover every interval and target, the target's path, sorted
// bars, the ward's rank, the words of each <desc>, colour contrast and that no hidden figure gets
// into a spec.
#include "view/chart_view.h"

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "small_site.h"
#include "spec_json.h"

namespace outcomes::view {
namespace {

using nlohmann::json;
using svg_test::kEngland;
using svg_test::kHome;
using svg_test::kKursaal;
using svg_test::kLeigh;
using svg_test::kMilton;
using svg_test::kVictoria;
using svg_test::MakeSmallSite;
using svg_test::ComparisonJson;
using svg_test::PositionJson;
using svg_test::SparklineJson;
using svg_test::TrendJson;

const svg_test::SmallSite& Site() {
  static const svg_test::SmallSite site = MakeSmallSite();
  return site;
}

json KursaalTrend() {
  const auto& s = Site();
  return TrendJson(s.site, s.results, s.Indicator("gld"),
                   {s.Area(kKursaal), s.Area(kHome), s.Area(kEngland)}, "kursaal-trend");
}

json WardBars() {
  const auto& s = Site();
  std::vector<uint32_t> areas{s.Area(kHome), s.Area("better-start")};
  for (uint32_t ward : s.Wards()) areas.push_back(ward);
  return ComparisonJson(s.site, s.results, s.Indicator("gld"), areas, s.Area(kHome), "bars");
}

json KursaalPosition() {
  const auto& s = Site();
  return PositionJson(s.site, s.results, s.Indicator("gld"), s.Area(kKursaal), s.Wards(),
                      "position");
}

std::vector<std::string> Labels(const json& axis) {
  std::vector<std::string> labels;
  for (const auto& label : axis["labels"]) labels.push_back(label.get<std::string>());
  return labels;
}

// WCAG relative luminance and contrast with white.
double Contrast(const std::string& hex) {
  REQUIRE(hex.size() == 7);
  auto channel = [&](size_t pos) {
    double c = std::stoi(hex.substr(pos, 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  double luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

// Every value under keys that draw something ("color", "stroke", "stripe").
void CollectColours(const json& node, std::vector<std::string>& colours) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if ((key == "color" || key == "stroke" || key == "stripe") && value.is_string())
        colours.push_back(value.get<std::string>());
      CollectColours(value, colours);
    }
  } else if (node.is_array()) {
    for (const auto& item : node) CollectColours(item, colours);
  }
}

void CheckFinite(const json& node) {
  if (node.is_number_float()) CHECK(std::isfinite(node.get<double>()));
  if (node.is_structured())
    for (const auto& item : node) CheckFinite(item);
}

TEST_CASE("trend: the time line runs over every period, the target's extends it") {
  json spec = KursaalTrend();
  REQUIRE(spec.is_object());
  CHECK(spec["type"] == "trend");
  CHECK(spec["id"] == "kursaal-trend");
  CHECK(Labels(spec["x"]) ==
        std::vector<std::string>{"2015/16", "2016/17", "2017/18", "2018/19", "2019/20"});
  // Nobody has 2017/18 for visits: it is on the axis, a gap in every line.
  const auto& s = Site();
  json visits = TrendJson(s.site, s.results, s.Indicator("visits"),
                          {s.Area(kHome), s.Area(kEngland)}, "visits");
  CHECK(Labels(visits["x"]) ==
        std::vector<std::string>{"2015/16", "2016/17", "2017/18", "2018/19"});
  for (const auto& series : visits["series"]) {
    const json& point = series["points"][2];
    CHECK(point["gap"] == true);
    CHECK(point["marker"] == "[x]");
    CHECK_FALSE(point.contains("value"));
  }
}

TEST_CASE("trend: a suppressed period is a gap with its marker and a note, never a value") {
  json spec = KursaalTrend();
  const json& subject = spec["series"][0];
  CHECK(subject["name"] == "Kursaal");
  CHECK(subject["role"] == "subject");
  CHECK(subject["band"] == true);
  REQUIRE(subject["points"].size() == 4);
  const json& gap = subject["points"][1];
  CHECK(gap["x"] == 1);
  CHECK(gap["gap"] == true);
  CHECK(gap["marker"] == "[c]");
  CHECK_FALSE(gap.contains("value"));
  CHECK_FALSE(gap.contains("lower"));
  CHECK(spec["gap_columns"] == json::array({{{"x", 1}, {"marker", "[c]"}}}));
  CHECK(spec["notes"] == json::array({"No figure for Kursaal in 2016/17 [c] (suppressed to "
                                      "protect small numbers)."}));
  CHECK(subject["latest"] == json({{"x", 3}, {"value", 68.2}, {"label", "68.2%"}}));
  // Comparators have no band.
  CHECK(spec["series"][1]["band"] == false);
  CHECK(spec["series"][1]["role"] == "comparator");
}

TEST_CASE("trend: areas with no figure at all are left out, named in one note") {
  const auto& s = Site();
  json spec = TrendJson(s.site, s.results, s.Indicator("visits"),
                        {s.Area(kHome), s.Area(kKursaal), s.Area(kMilton)}, "visits");
  CHECK(spec["series"].size() == 1);
  CHECK(spec["notes"].back() == "There is no published figure for Kursaal or Milton.");
}

TEST_CASE("trend: the desc says what the chart shows, in words") {
  CHECK(KursaalTrend()["desc"] ==
        "Line chart of Good level of development (% of children) from 2015/16 to 2018/19. "
        "Kursaal rose from 62.5% to 68.2%; Southend-on-Sea rose from 62.5% to 75.0%; England "
        "rose from 69.3% to 71.8%; the path to target runs from 72.0% in 2017/18 to 75.0% by "
        "2019/20; in 2018/19 the path is at 73.5%. The shaded band is the 95% confidence "
        "interval for Kursaal. No figure for Kursaal in 2016/17 [c] (suppressed to protect "
        "small numbers).");
}

TEST_CASE("trend: the value axis covers every point, interval and target value") {
  const auto& s = Site();
  for (const json& spec :
       {KursaalTrend(), TrendJson(s.site, s.results, s.Indicator("visits"),
                                  {s.Area(kHome), s.Area(kEngland)}, "visits")}) {
    const json& y = spec["y"];
    double min = y["min"];
    double max = y["max"];
    CAPTURE(spec["title"]);
    for (const auto& series : spec["series"])
      for (const auto& point : series["points"]) {
        if (point.contains("gap")) continue;
        CHECK(point["value"].get<double>() >= min);
        CHECK(point["value"].get<double>() <= max);
        if (point.contains("lower")) {
          CHECK(point["lower"].get<double>() >= min);
          CHECK(point["upper"].get<double>() <= max);
        }
      }
    for (const auto& point : spec["target"]["points"]) {
      CHECK(point["value"].get<double>() >= min);
      CHECK(point["value"].get<double>() <= max);
    }
    // Ticks run from min to max, ascending.
    const json& ticks = y["ticks"];
    REQUIRE(ticks.size() >= 2);
    CHECK(ticks.front()["value"] == min);
    CHECK(ticks.back()["value"] == max);
    for (size_t idx = 1; idx < ticks.size(); ++idx)
      CHECK(ticks[idx]["value"].get<double>() > ticks[idx - 1]["value"].get<double>());
  }
  json y = KursaalTrend()["y"];
  CHECK(y["title"] == "% of children");
  CHECK(y["ticks"][0]["label"] == "50%");
}

TEST_CASE("trend: the target is the trajectory's path to the target, or a level") {
  json target = KursaalTrend()["target"];
  CHECK(target["level"] == false);
  // The latest period, 2018/19, is a step of the path: the legend and a label say so.
  CHECK(target["label"] == "Path to target: 73.5% in 2018/19, on the way to 75.0% by 2019/20");
  CHECK(target["step"] == json({{"x", 3}, {"value", 73.5}, {"label", "Path: 73.5%"}}));
  CHECK(target["end_label"] == "Target: 75.0%");
  CHECK(target["ends_at_target"] == true);
  CHECK(target["points"] == json::array({{{"x", 2}, {"value", 72.0}, {"label", "72.0%"}},
                                         {{"x", 3}, {"value", 73.5}, {"label", "73.5%"}},
                                         {{"x", 4}, {"value", 75.0}, {"label", "75.0%"}}}));
  const auto& s = Site();
  json visits = TrendJson(s.site, s.results, s.Indicator("visits"),
                          {s.Area(kHome), s.Area(kEngland)}, "visits");
  CHECK(visits["target"]["level"] == true);
  CHECK(visits["target"]["label"] == "Target: 40.0 per 1,000 by 2018/19");
  CHECK_FALSE(visits["target"].contains("step"));
  // No baseline and no trajectory: the target is drawn at its own period only.
  CHECK(visits["target"]["points"] ==
        json::array({{{"x", 3}, {"value", 40.0}, {"label", "40.0"}}}));
  CHECK(visits["target"]["from_before"] == false);
  // Rates print the number alone on the chart; the axis title names the unit.
  CHECK(visits["y"]["title"] == "Rate per 1,000 families");
  CHECK(visits["series"][0]["latest"]["label"] == "41.0");
  CHECK_FALSE(visits.contains("band_label"));
}

TEST_CASE("trend: the target runs from the baseline to the target's period, never before") {
  svg_test::SmallSite s = MakeSmallSite();
  auto financial = [](const char* text) {
    return *model::ParsePeriod(text, model::PeriodType::kFinancialYear, nullptr);
  };
  model::Indicator& visits = s.site.indicators[s.Indicator("visits")];
  auto target_xs = [&]() {
    json spec = TrendJson(s.site, s.results, s.Indicator("visits"), {s.Area(kHome)}, "v");
    std::vector<int> xs;
    for (const auto& point : spec["target"]["points"]) xs.push_back(point["x"].get<int>());
    return std::make_pair(xs, spec);
  };
  // A level from the baseline, 2016/17 (x = 1), to the target's 2018/19 (x = 3).
  visits.baseline = financial("2016/17");
  auto [from_baseline, spec] = target_xs();
  CHECK(from_baseline == std::vector<int>{1, 2, 3});
  CHECK(spec["target"]["from_before"] == false);
  CHECK(spec["desc"].get<std::string>().find(
            "the target is 40.0 per 1,000 by 2018/19, from the 2016/17 baseline") !=
        std::string::npos);
  // A baseline before the chart's first period: the level comes in from the left edge.
  visits.baseline = financial("2013/14");
  auto [from_before, earlier] = target_xs();
  CHECK(from_before == std::vector<int>{0, 1, 2, 3});
  CHECK(earlier["target"]["from_before"] == true);
  // A target before the last period: the level stops at it.
  visits.baseline = financial("2015/16");
  visits.target->period = financial("2016/17");
  auto [to_target, early] = target_xs();
  CHECK(to_target == std::vector<int>{0, 1});
  CHECK(early["target"]["ends_at_target"] == true);
  // A trajectory is never drawn before the baseline.
  model::Indicator& gld = s.site.indicators[s.Indicator("gld")];
  gld.baseline = svg_test::Academic("2018/19");
  json path = TrendJson(s.site, s.results, s.Indicator("gld"), {s.Area(kKursaal)}, "g");
  CHECK(path["target"]["points"] == json::array({{{"x", 3}, {"value", 73.5}, {"label", "73.5%"}},
                                                 {{"x", 4}, {"value", 75.0}, {"label", "75.0%"}}}));
  CHECK(path["desc"].get<std::string>().find(
            "the path to target runs from 73.5% in 2018/19 to 75.0% by 2019/20") !=
        std::string::npos);
}

TEST_CASE("comparison: bars highest first, the benchmark as a line, target areas striped") {
  json spec = WardBars();
  REQUIRE(spec.is_object());
  CHECK(spec["period"] == "2018/19");
  std::vector<std::string> names;
  for (const auto& bar : spec["bars"]) names.push_back(bar["name"].get<std::string>());
  CHECK(names == std::vector<std::string>{"Leigh", "Kursaal", "Better Start wards", "Milton",
                                          svg_test::kHostileName});
  for (size_t idx = 1; idx < spec["bars"].size(); ++idx)
    CHECK(spec["bars"][idx]["value"].get<double>() <= spec["bars"][idx - 1]["value"].get<double>());
  CHECK(spec["bars"][0]["style"] == "other");
  CHECK(spec["bars"][1]["style"] == "target");
  CHECK(spec["bars"][2]["style"] == "target");
  CHECK(spec["bars"][3]["style"] == "target");
  // A line for the benchmark and for every other comparator with a figure, each in the look
  // it has on the trend charts.
  REQUIRE(spec["benchmarks"].size() == 2);
  CHECK(spec["benchmarks"][0]["name"] == "Southend-on-Sea");
  CHECK(spec["benchmarks"][0]["value"] == 75.0);
  CHECK(spec["benchmarks"][1]["name"] == "England");
  CHECK(spec["benchmarks"][1]["value"] == 71.8);
  json trend = KursaalTrend();
  for (size_t idx = 0; idx < 2; ++idx)
    for (const char* key : {"color", "dash"})
      CHECK(spec["benchmarks"][idx][key] == trend["series"][idx + 1][key]);
  CHECK(spec["missing"] == json::array({{{"name", "Victoria"},
                                         {"marker", "[x]"},
                                         {"reason", "not available"}}}));
  // Bars start at zero and the axis reaches every whisker and the benchmark.
  CHECK(spec["x"]["min"] == 0.0);
  for (const auto& bar : spec["bars"])
    CHECK(bar["upper"].get<double>() <= spec["x"]["max"].get<double>());
  CHECK(spec["x"]["max"] == 100.0);
  CHECK(spec["legend"][0] ==
        json({{"label", "Better Start wards (striped)"}, {"style", "target"}}));
  CHECK(spec["desc"] ==
        std::string("Bar chart of Good level of development (% of children) in 2018/19 for 5 "
                    "areas, highest first. The highest is Leigh at 76.1% and the lowest ") +
            svg_test::kHostileName +
            " at 60.0%. The lines are Southend-on-Sea at 75.0% and England at 71.8%. Compared "
            "with Southend-on-Sea, "
            "taking the 95% confidence intervals into account: 3 similar and 2 worse. Bars for "
            "Better Start wards are striped. No figure for Victoria in 2018/19 [x] (not "
            "available).");
}

TEST_CASE("position: where a ward sits among the wards, with its rank in words") {
  json spec = KursaalPosition();
  REQUIRE(spec.is_object());
  CHECK(spec["period"] == "2018/19");
  std::vector<double> values;
  for (const auto& dot : spec["dots"]) values.push_back(dot["value"].get<double>());
  CHECK(std::is_sorted(values.begin(), values.end()));
  CHECK(values.size() == 4);  // Victoria has no 2018/19 figure
  CHECK(spec["focus"]["rank_text"] == "2nd highest of 4");
  CHECK(spec["focus"]["lower"] == 57.7);
  CHECK(spec["focus"]["upper"] == 77.2);
  CHECK(spec["reference"]["value"] == 75.0);
  CHECK(spec["others_legend"] == "Other wards of Southend-on-Sea");
  CHECK(spec["x"]["min"].get<double>() <= 57.7);
  CHECK(spec["x"]["max"].get<double>() >= 77.2);
  CHECK(spec["title"] ==
        "Good level of development: Kursaal among the wards of Southend-on-Sea, 2018/19");
  // Counted from the bottom when nearer it; the lowest is named as such.
  const auto& s = Site();
  json milton = PositionJson(s.site, s.results, s.Indicator("gld"), s.Area(kMilton),
                             s.Wards(), "milton");
  CHECK(milton["focus"]["rank_text"] == "2nd lowest of 4");
  json leigh = PositionJson(s.site, s.results, s.Indicator("gld"), s.Area(kLeigh),
                            s.Wards(), "leigh");
  CHECK(leigh["focus"]["rank_text"] == "highest of 4");
  // No published figure: nothing to draw.
  CHECK(PositionJson(s.site, s.results, s.Indicator("visits"), s.Area(kKursaal), s.Wards(),
                     "none")
            .is_null());
}

TEST_CASE("sparkline: the area's line with its gaps; null without a figure") {
  const auto& s = Site();
  json spec = SparklineJson(s.site, s.results, s.Indicator("gld"), s.Area(kKursaal), "spark");
  CHECK(spec["type"] == "sparkline");
  CHECK(spec["x"]["count"] == 4);
  CHECK(spec["points"][1]["gap"] == true);
  CHECK_FALSE(spec["points"][1].contains("value"));
  CHECK(spec["y"]["min"] == 62.5);
  CHECK(spec["y"]["max"] == 68.2);
  CHECK(spec["title"] == "Good level of development in Kursaal over time");
  CHECK(spec["desc"] ==
        "Rose from 62.5% in 2015/16 to 68.2% in 2018/19. No figure in 2016/17 [c] (suppressed "
        "to protect small numbers).");
  CHECK(SparklineJson(s.site, s.results, s.Indicator("visits"), s.Area(kKursaal), "x").is_null());
  // One point: an axis around it rather than a zero-height one.
  json victoria = SparklineJson(s.site, s.results, s.Indicator("gld"), s.Area(kVictoria), "v");
  CHECK(victoria["y"]["min"].get<double>() < victoria["y"]["max"].get<double>());
}

TEST_CASE("id prefixes are made safe for ids and selectors") {
  const auto& s = Site();
  struct Case {
    const char* wanted;
    const char* id;
  };
  for (const Case& c : {Case{"kursaal-trend", "kursaal-trend"}, Case{"Trend 1", "trend-1"},
                        Case{"1 Bad id!", "chart-1-bad-id"}, Case{"\"><x", "x"},
                        Case{"", "page"}}) {
    CAPTURE(c.wanted);
    CHECK(SparklineJson(s.site, s.results, 0, s.Area(kKursaal), c.wanted)["id"] == c.id);
  }
}

TEST_CASE("every colour a chart draws has 3:1 contrast with white") {
  std::vector<std::string> colours;
  for (const json& spec : {KursaalTrend(), WardBars(), KursaalPosition()})
    CollectColours(spec, colours);
  // Six series so every comparator style is used.
  const auto& s = Site();
  std::vector<uint32_t> many{s.Area(kHome), s.Area(kEngland), s.Area(kKursaal), s.Area(kMilton),
                             s.Area(kLeigh), s.Area("better-start"), s.Area(kVictoria)};
  CollectColours(TrendJson(s.site, s.results, 0, many, "many"), colours);
  REQUIRE(colours.size() > 10);
  for (const auto& colour : colours) {
    CAPTURE(colour);
    CHECK(Contrast(colour) >= 3.0);
  }
  // Series differ by dash and marker too, not by colour alone.
  json trend = TrendJson(s.site, s.results, 0, many, "many");
  CHECK(trend["series"].size() == many.size());
  std::set<std::string> looks;
  for (const auto& series : trend["series"])
    looks.insert(series["dash"].get<std::string>() + "/" + series["marker"].get<std::string>());
  CHECK(looks.size() == trend["series"].size());
}

TEST_CASE("no hidden figure and no NaN reaches a spec") {
  // Kursaal's suppressed 2016/17 would be 5.0% (3 of 60).
  auto check = [](const json& spec) {
    CheckFinite(spec);
    std::vector<const json*> stack{&spec};
    while (!stack.empty()) {
      const json* node = stack.back();
      stack.pop_back();
      if (node->is_object())
        for (const char* key : {"value", "lower", "upper"})
          if (node->contains(key)) CHECK((*node)[key].get<double>() != 5.0);
      if (node->is_structured())
        for (const auto& item : *node) stack.push_back(&item);
    }
  };
  const auto& s = Site();
  check(KursaalTrend());
  check(WardBars());
  check(KursaalPosition());
  check(SparklineJson(s.site, s.results, 0, s.Area(kKursaal), "s"));
  std::string dumped = KursaalTrend().dump();
  CHECK(dumped.find("\"5.0%\"") == std::string::npos);
}

TEST_CASE("specs are deterministic") {
  svg_test::SmallSite again = MakeSmallSite();
  json other = TrendJson(again.site, again.results, 0,
                         {again.Area(kKursaal), again.Area(kHome), again.Area(kEngland)},
                         "kursaal-trend");
  CHECK(other.dump() == KursaalTrend().dump());
}

}  // namespace
}  // namespace outcomes::view
