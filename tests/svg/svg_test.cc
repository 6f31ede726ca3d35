// Tests for the SVG chart writer (render/svg/svg.h, chart.h) on specs from the small site of
// tests/svg/small_site.h: each chart is well-formed XML and an accessible image (role, <title>,
// <desc> with the view's words), ids are prefixed, unique and resolve, hostile text is escaped,
// a suppressed period is a gap and never a zero, text stays readable at 320 px, and the same
// spec gives the same bytes.
#include "render/svg/svg.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "render/svg/chart.h"
#include "render/svg/internal/markup.h"
#include "render/svg/map.h"
#include "chart_geometry.h"
#include "small_site.h"
#include "svg_xml.h"
#include "view/chart_view.h"

namespace outcomes::render {
namespace {

using nlohmann::json;
using svg_test::kEngland;
using svg_test::kHome;
using svg_test::kKursaal;
using svg_test::All;
using svg_test::Element;
using svg_test::Parse;
using svg_test::WithClass;

// --- Specs ------------------------------------------------------------------------------------

const svg_test::SmallSite& Site() {
  static const svg_test::SmallSite site = svg_test::MakeSmallSite();
  return site;
}

view::Chart Trend() {
  const auto& s = Site();
  return view::TrendChartSpec(s.site, s.results, s.Indicator("gld"),
                              {s.Area(kKursaal), s.Area(kHome), s.Area(kEngland)}, "trend");
}
view::Chart Bars() {
  const auto& s = Site();
  std::vector<uint32_t> areas{s.Area(kHome), s.Area("better-start")};
  for (uint32_t ward : s.Wards()) areas.push_back(ward);
  return view::ComparisonChartSpec(s.site, s.results, s.Indicator("gld"), areas, s.Area(kHome),
                                   "bars");
}
view::Chart Position() {
  const auto& s = Site();
  return view::PositionChartSpec(s.site, s.results, s.Indicator("gld"), s.Area(kKursaal),
                                 s.Wards(), "position");
}
view::Chart Spark() {
  const auto& s = Site();
  return view::SparklineSpec(s.site, s.results, s.Indicator("gld"), s.Area(kKursaal), "spark");
}
std::vector<view::Chart> AllSpecs() { return {Trend(), Bars(), Position(), Spark()}; }

// --- Tests ------------------------------------------------------------------------------------

TEST_CASE("every chart is well-formed and an image with a title and a description") {
  for (const view::Chart& chart : AllSpecs()) {
    const json spec = view::ChartJson(chart);
    CAPTURE(spec["type"]);
    std::string svg = RenderSvg(chart);
    std::vector<Element> doc = Parse(svg);
    const Element& root = doc[0];
    const std::string id = spec["id"];
    CHECK(root.name == "svg");
    CHECK(root.attributes.at("xmlns") == "http://www.w3.org/2000/svg");
    CHECK(root.attributes.at("role") == "img");
    CHECK(root.attributes.at("aria-labelledby") == id + "-title");
    CHECK(root.attributes.at("aria-describedby") == id + "-desc");
    CHECK(root.attributes.at("class") == "chart chart--" + spec["type"].get<std::string>());
    REQUIRE(root.children.size() >= 2);
    const Element& title = doc[static_cast<size_t>(root.children[0])];
    const Element& desc = doc[static_cast<size_t>(root.children[1])];
    CHECK(title.name == "title");
    CHECK(title.attributes.at("id") == id + "-title");
    CHECK(title.text == spec["title"]);
    CHECK(desc.name == "desc");
    CHECK(desc.attributes.at("id") == id + "-desc");
    CHECK(desc.text == spec["desc"]);
  }
  std::vector<Element> trend = Parse(RenderSvg(Trend()));
  CHECK(trend[2].text.rfind("Line chart of Good level of development (% of children) from "
                            "2015/16 to 2018/19. Kursaal rose from 62.5% to 68.2%;",
                            0) == 0);
}

TEST_CASE("ids start with the spec's prefix, are unique on the page and every reference resolves") {
  std::set<std::string> page_ids;
  for (const view::Chart& chart : AllSpecs()) {
    std::string svg = RenderSvg(chart);
    std::vector<Element> doc = Parse(svg);
    const std::string prefix = view::ChartJson(chart)["id"].get<std::string>() + "-";
    std::set<std::string> ids;
    for (const auto& element : doc) {
      auto it = element.attributes.find("id");
      if (it == element.attributes.end()) continue;
      CHECK(it->second.rfind(prefix, 0) == 0);
      CHECK(ids.insert(it->second).second);
      CHECK(page_ids.insert(it->second).second);  // four charts, one page
    }
    // url(#…) and aria references point at ids of this chart.
    std::regex url("url\\(#([^)]+)\\)");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), url); it != std::sregex_iterator();
         ++it)
      CHECK(ids.count((*it)[1].str()) == 1);
    CHECK(ids.count(doc[0].attributes.at("aria-labelledby")) == 1);
    CHECK(ids.count(doc[0].attributes.at("aria-describedby")) == 1);
  }
  // The stripes of target-area bars are a pattern with the prefix.
  std::vector<Element> bars = Parse(RenderSvg(Bars()));
  REQUIRE(All(bars, "pattern").size() == 1);
  CHECK(All(bars, "pattern")[0]->attributes.at("id") == "bars-stripes");
}

TEST_CASE("a hostile area name is escaped everywhere") {
  for (const view::Chart& spec : {Bars(), Position()}) {
    std::string svg = RenderSvg(spec);
    CAPTURE(view::ChartJson(spec)["type"]);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    std::vector<Element> doc = Parse(svg);
    CHECK(All(doc, "script").empty());
    CHECK(doc[2].text.find(svg_test::kHostileName) != std::string::npos);  // the desc, read back
  }
  // Names shown on the bars are the same text, read back.
  std::vector<Element> bars = Parse(RenderSvg(Bars()));
  bool shown = false;
  for (const Element* text : All(bars, "text")) shown |= text->text == svg_test::kHostileName;
  CHECK(shown);
  // A hostile id prefix and title cannot break out of attributes either.
  view::SparklineChart spec = std::get<view::SparklineChart>(Spark());
  spec.id = "a\"b<c";
  spec.title = "</title><script>x</script>";
  std::string svg = RenderSvg(spec);
  CHECK(svg.find("<script") == std::string::npos);
  std::vector<Element> doc = Parse(svg);
  CHECK(doc[1].text == "</title><script>x</script>");
  CHECK(doc[1].attributes.at("id") == "a\"b<c-title");
}

TEST_CASE("a suppressed period is a gap in the line, never a point at zero") {
  std::vector<Element> doc = Parse(RenderSvg(Trend()));
  const Element* subject = WithClass(doc, "chart-series--subject");
  REQUIRE(subject != nullptr);
  // Three published points: three markers; 2016/17 has none, and the line is drawn only
  // between 2017/18 and 2018/19 (the 2015/16 point stands alone). Besides them the group holds
  // the latest point (a circle of radius 7) and its label.
  std::vector<double> markers_x;
  std::vector<std::string> lines;
  for (int child : subject->children) {
    const Element& element = doc[static_cast<size_t>(child)];
    if (element.name == "circle" && element.attributes.at("r") != "7")
      markers_x.push_back(std::stod(element.attributes.at("cx")));
    if (element.name != "path") continue;
    if (element.attributes.count("fill") && element.attributes.at("fill") == "none") {
      lines.push_back(element.attributes.at("d"));
    } else {  // a marker drawn as a path: its middle
      double lo = INFINITY;
      double hi = -INFINITY;
      for (const auto& run : svg_test::PathRuns(element.attributes.at("d"), 0, 0))
        for (const auto& [x, y] : run) {
          lo = std::min(lo, x);
          hi = std::max(hi, x);
        }
      markers_x.push_back((lo + hi) / 2);
    }
  }
  CHECK(markers_x.size() == 3);
  REQUIRE(lines.size() == 1);
  CHECK(std::count(lines[0].begin(), lines[0].end(), 'L') == 1);
  // The gap column, with its marker, sits where the missing point would be.
  const Element* gaps = WithClass(doc, "chart-gaps");
  REQUIRE(gaps != nullptr);
  const Element& column = doc[static_cast<size_t>(gaps->children[0])];
  const Element& marker = doc[static_cast<size_t>(gaps->children[1])];
  CHECK(column.name == "rect");
  CHECK(marker.text == "[c]");
  const std::string gap_x = marker.attributes.at("x");
  for (double x : markers_x) CHECK(std::fabs(x - std::stod(gap_x)) > 1);
  CHECK(lines[0].find("M" + gap_x + " ") == std::string::npos);
  CHECK(lines[0].find("L" + gap_x + " ") == std::string::npos);
  // The note says why, under the chart.
  const Element* notes = WithClass(doc, "chart-notes");
  REQUIRE(notes != nullptr);
  std::string note_text;
  for (int child : notes->children) note_text += doc[static_cast<size_t>(child)].text + " ";
  CHECK(note_text.find("No figure for Kursaal in 2016/17 [c]") != std::string::npos);

  // A sparkline leaves the same gap: its one line does not reach the missing period; the lone
  // 2015/16 point and the latest point are markers.
  std::vector<Element> spark = Parse(RenderSvg(Spark()));
  std::vector<std::string> spark_lines;
  size_t spark_markers = 0;
  for (const Element* path : All(spark, "path")) {
    if (path->attributes.at("fill") == "none") {
      spark_lines.push_back(path->attributes.at("d"));
    } else {
      ++spark_markers;
    }
  }
  REQUIRE(spark_lines.size() == 1);
  CHECK(std::count(spark_lines[0].begin(), spark_lines[0].end(), 'L') == 1);
  CHECK(spark_markers + All(spark, "circle").size() == 2);
}

// Whether `element` is inside an element with a transform or inside <defs> (local coordinates).
bool LocalCoordinates(const std::vector<Element>& doc, const Element& element) {
  for (int idx = element.parent; idx >= 0; idx = doc[static_cast<size_t>(idx)].parent) {
    const Element& ancestor = doc[static_cast<size_t>(idx)];
    if (ancestor.attributes.count("transform") || ancestor.name == "defs") return true;
  }
  return false;
}

TEST_CASE("every shape is drawn inside the chart's viewBox") {
  for (const view::Chart& spec : AllSpecs()) {
    CAPTURE(view::ChartJson(spec)["type"]);
    std::vector<Element> doc = Parse(RenderSvg(spec));
    std::istringstream view_box(doc[0].attributes.at("viewBox"));
    double min_x = 0, min_y = 0, width = 0, height = 0;
    view_box >> min_x >> min_y >> width >> height;
    auto check_x = [&](double x) { CHECK((x >= -1 && x <= width + 1)); };
    auto check_y = [&](double y) { CHECK((y >= -1 && y <= height + 1)); };
    size_t checked = 0;
    for (const auto& element : doc) {
      if (LocalCoordinates(doc, element)) continue;
      for (const char* key : {"x", "cx"})
        if (element.attributes.count(key)) check_x(std::stod(element.attributes.at(key)));
      for (const char* key : {"y", "cy"})
        if (element.attributes.count(key)) check_y(std::stod(element.attributes.at(key)));
      if (element.name != "path") continue;
      // M and L take x y pairs, H an x, V a y.
      const std::string& d = element.attributes.at("d");
      char command = 0;
      std::vector<double> numbers;
      auto flush = [&]() {
        if (command == 'M' || command == 'L')
          for (size_t idx = 0; idx + 1 < numbers.size(); idx += 2) {
            check_x(numbers[idx]);
            check_y(numbers[idx + 1]);
          }
        if (command == 'H')
          for (double x : numbers) check_x(x);
        if (command == 'V')
          for (double y : numbers) check_y(y);
        checked += numbers.size();
        numbers.clear();
      };
      for (size_t pos = 0; pos < d.size();) {
        if (std::isalpha(static_cast<unsigned char>(d[pos]))) {
          flush();
          command = d[pos++];
        } else if (d[pos] == ' ') {
          ++pos;
        } else {
          size_t used = 0;
          numbers.push_back(std::stod(d.substr(pos), &used));
          pos += used;
        }
      }
      flush();
    }
    CHECK(checked >= 4);
  }
}

TEST_CASE("areas without a figure are listed as such, not drawn as zero bars") {
  view::Chart spec = Bars();
  std::vector<Element> doc = Parse(RenderSvg(spec));
  const Element* bars = WithClass(doc, "chart-bars");
  REQUIRE(bars != nullptr);
  CHECK(bars->children.size() == std::get<view::ComparisonChart>(spec).bars.size());
  std::vector<std::string> texts;
  for (const Element* text : All(doc, "text")) texts.push_back(text->text);
  CHECK(std::find(texts.begin(), texts.end(), "Victoria") != texts.end());
  CHECK(std::find(texts.begin(), texts.end(), "No figure [x]") != texts.end());
  // Bars start at zero: every bar's left edge is the axis's zero.
  std::set<std::string> left_edges;
  for (int child : bars->children)
    left_edges.insert(doc[static_cast<size_t>(child)].attributes.at("x"));
  CHECK(left_edges.size() == 1);
  // Target-area bars are striped as well as coloured.
  size_t striped = 0;
  for (int child : bars->children)
    striped += doc[static_cast<size_t>(child)].attributes.at("fill") == "url(#bars-stripes)";
  CHECK(striped == 3);
}

TEST_CASE("text stays at least 12 px when a chart is 280 px wide (a 320 px screen)") {
  for (const view::Chart& spec : {Trend(), Bars(), Position()}) {
    CAPTURE(view::ChartJson(spec)["type"]);
    std::vector<Element> doc = Parse(RenderSvg(spec));
    const std::string& view_box = doc[0].attributes.at("viewBox");
    double width = std::stod(view_box.substr(view_box.find(' ', view_box.find(' ') + 1)));
    CHECK(doc[0].attributes.at("width") == "100%");
    for (const auto& element : doc) {
      auto it = element.attributes.find("font-size");
      if (it != element.attributes.end()) CHECK(std::stod(it->second) * 280 / width >= 12.0);
    }
    CHECK(doc[0].attributes.count("font-size") == 1);
    CHECK_FALSE(All(doc, "text").empty());
  }
}

TEST_CASE("period labels are thinned so they do not overlap, the latest always shown") {
  const auto& s = Site();
  view::TrendChart spec = std::get<view::TrendChart>(
      view::TrendChartSpec(s.site, s.results, s.Indicator("gld"), {s.Area(kHome)}, "t"));
  // Ten periods on the axis: too many labels for 400 units.
  spec.x_labels = {"2010/11", "2011/12", "2012/13", "2013/14", "2014/15",
                   "2015/16", "2016/17", "2017/18", "2018/19", "2019/20"};
  spec.series[0].latest.x = 8;
  std::vector<Element> doc = Parse(RenderSvg(spec));
  const Element* axis = WithClass(doc, "chart-axis");
  REQUIRE(axis != nullptr);
  std::vector<std::pair<double, std::string>> labels;
  for (int child : axis->children) {
    const Element& element = doc[static_cast<size_t>(child)];
    if (element.name == "text" && element.attributes.count("text-anchor") &&
        element.attributes.at("text-anchor") == "middle")
      labels.push_back({std::stod(element.attributes.at("x")), element.text});
  }
  REQUIRE(labels.size() >= 2);
  CHECK(labels.size() < 10);
  auto is_latest = [](const auto& label) { return label.second == "2018/19"; };
  CHECK(std::find_if(labels.begin(), labels.end(), is_latest) != labels.end());
  for (size_t idx = 1; idx < labels.size(); ++idx) {
    double gap = labels[idx].first - labels[idx - 1].first;
    CHECK(gap > svg_internal::TextWidth(labels[idx].second, svg_internal::kFontSize));
  }
}

TEST_CASE("the same spec gives the same bytes") {
  for (const view::Chart& spec : AllSpecs()) CHECK(RenderSvg(spec) == RenderSvg(spec));
  svg_test::SmallSite again = svg_test::MakeSmallSite();
  view::Chart other = view::TrendChartSpec(again.site, again.results, again.Indicator("gld"),
                                    {again.Area(kKursaal), again.Area(kHome), again.Area(kEngland)},
                                    "trend");
  CHECK(RenderSvg(other) == RenderSvg(Trend()));
}

TEST_CASE("RenderSvg dispatches on the kind and draws nothing for an empty chart") {
  CHECK(RenderSvg(view::Chart()).empty());
  CHECK(RenderStandaloneSvg(view::Chart()).empty());
  CHECK(RenderSvg(Trend()) == RenderTrendSvg(std::get<view::TrendChart>(Trend())));
  CHECK(RenderSvg(Bars()) == RenderComparisonSvg(std::get<view::ComparisonChart>(Bars())));
  CHECK(RenderSvg(Position()) == RenderPositionSvg(std::get<view::PositionChart>(Position())));
  CHECK(RenderSvg(Spark()) == RenderSparklineSvg(std::get<view::SparklineChart>(Spark())));
  view::ChoroplethMap map;
  map.id = "m";
  map.title = "Map";
  map.desc = "A map.";
  CHECK(RenderSvg(map) == RenderChoroplethSvg(map));
  view::LocatorMap locator;
  locator.id = "m";
  locator.title = "Map";
  locator.desc = "A map.";
  CHECK(RenderSvg(locator) == RenderLocatorSvg(locator));
}

TEST_CASE("markup helpers: escaping and fixed numbers") {
  using svg_internal::Escape;
  using svg_internal::Num;
  CHECK(Escape("a&b<c>\"d'e") == "a&amp;b&lt;c&gt;&quot;d&#39;e");
  CHECK(Escape(std::string("x\x01y\tz", 5)) == "xy\tz");
  CHECK(Escape("Café – £5") == "Café – £5");
  CHECK(Num(0) == "0");
  CHECK(Num(-0.04) == "0");
  CHECK(Num(12) == "12");
  CHECK(Num(12.34) == "12.3");
  CHECK(Num(-3.25) == "-3.3");
  CHECK(Num(1234567.5) == "1234567.5");
  CHECK(Num(NAN) == "0");
  CHECK(svg_internal::Truncate("Shoeburyness", 60, 18) == "Sho…");
  CHECK(svg_internal::Truncate("Leigh", 400, 18) == "Leigh");
  // The estimate errs wide: DejaVu Sans Bold sets "74.0%" 62.5 units wide at 18, "Westborough"
  // 136.4 (measured in Chromium).
  CHECK(svg_internal::TextWidth("74.0%", 18) >= 62.5);
  CHECK(svg_internal::TextWidth("Westborough", 18) >= 136.4);
  svg_internal::Box box = svg_internal::TextBox(100, 50, "74.0%", "end", 18);
  CHECK(box.right == 100);
  CHECK(box.left == doctest::Approx(100 - svg_internal::TextWidth("74.0%", 18)));
  CHECK(box.top <= 50 - 0.76 * 18);
  CHECK(box.bottom >= 50 + 0.24 * 18);
  box = svg_internal::TextBox(100, 50, "74.0%", "middle", 18);
  CHECK((box.left + box.right) / 2 == doctest::Approx(100));
  CHECK(svg_internal::Wrap("one two three", 70, 18) ==
        std::vector<std::string>{"one", "two", "three"});
}

}  // namespace
}  // namespace outcomes::render
