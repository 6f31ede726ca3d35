// Take it away, end to end on the example site: under every chart and map the two download
// links lead to files written beside the page; each SVG is a standalone XML file (the SVG
// namespace, its own <title>) and each CSV is the figure's table as the page shows it, cell for
// cell (formula-like text guarded with a leading '): the table is the first after the links. And on every area page the spine chart's
// marks lie where the table's figures fall on each row's scale.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../svg/svg_xml.h"
#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string Unentity(std::string text) {
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"},
      {"&#x2F;", "/"}, {"&#x3D;", "="}, {"&#96;", "`"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1))
      text.replace(at, std::string(from).size(), to);
  return text;
}

// A cell's words as a reader sees them: no status shape, no words for screen readers only.
std::string CellText(std::string html) {
  static const std::regex shape("<span class=\"status__shape\"[^>]*>[^<]*</span>");
  static const std::regex hidden("<span class=\"visually-hidden\">[^<]*</span>");
  static const std::regex tag("<[^>]*>");
  static const std::regex space("\\s+");
  html = std::regex_replace(html, shape, "");
  html = std::regex_replace(html, hidden, "");
  html = std::regex_replace(html, tag, "");
  html = std::regex_replace(Unentity(html), space, " ");
  const size_t first = html.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return html.substr(first, html.find_last_not_of(' ') - first + 1);
}

// The rows (header row first) of the first table (<figure class="figure">) at or after `from`:
// the one a chart's download links stand over.
Rows TableAfter(const std::string& html, size_t from) {
  Rows rows;
  const size_t start = html.find("<figure class=\"figure\">", from);
  if (start == std::string::npos) return rows;
  const std::string figure = html.substr(start, html.find("</figure>", start) - start);
  static const std::regex row("<tr>([\\s\\S]*?)</tr>");
  static const std::regex cell("<(th|td)[^>]*>([\\s\\S]*?)</(th|td)>");
  for (auto it = std::sregex_iterator(figure.begin(), figure.end(), row);
       it != std::sregex_iterator(); ++it) {
    const std::string inside = (*it)[1].str();
    std::vector<std::string> cells;
    for (auto c = std::sregex_iterator(inside.begin(), inside.end(), cell);
         c != std::sregex_iterator(); ++c)
      cells.push_back(CellText((*c)[2].str()));
    rows.push_back(cells);
  }
  return rows;
}

// RFC 4180: CRLF lines, quoted fields with doubled quotes.
Rows ParseCsv(const std::string& text) {
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    const char c = text[idx];
    if (quoted) {
      if (c == '"' && idx + 1 < text.size() && text[idx + 1] == '"') {
        field += '"';
        ++idx;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && idx + 1 < text.size() && text[idx + 1] == '\n') {
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
      ++idx;
    } else {
      field += c;
    }
  }
  const bool ended = field.empty() && row.empty();
  REQUIRE_MESSAGE(ended, "the CSV's last line has no CRLF");
  return rows;
}

// The table's words as the CSV must hold them: a cell a spreadsheet would run as a formula
// gets a leading ' (as the open data).
std::string Guarded(const std::string& text) {
  if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos)
    return "'" + text;
  return text;
}

std::string Folder(const std::string& page) { return page.substr(0, page.rfind('/') + 1); }

// The first number in "61.2%", "1,234", "£5.50", "-3.1".
double NumberIn(const std::string& text) {
  std::string digits;
  bool started = false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || (c == '-' && !started)) {
      digits += c;
      started = started || c != '-';
    } else if (c == ',' && started) {
      continue;
    } else if (started) {
      break;
    }
  }
  return digits.empty() ? NAN : std::stod(digits);
}

struct Built {
  fs::path root;
  std::map<std::string, std::string> files;
};

const Built& Site() {
  static const Built built = [] {
    Built b;
    fs::path out = FreshFolder("downloads");
    Run run = RunOutcomes("build --site " + std::string(OUTCOMES_SOURCE_DIR) + " --out " +
                          (out / "site").string());
    REQUIRE_MESSAGE(run.exit_code == 0, run.output);
    b.root = out / "site";
    b.files = Tree(b.root);
    return b;
  }();
  return built;
}

TEST_CASE("every chart and map offers its SVG and CSV, and the CSV is the figure's table") {
  const Built& site = Site();
  static const std::regex links(
      "<p class=\"figure-downloads\"><a href=\"([^\"]+)\" download>[^<]+</a> "
      "<a href=\"([^\"]+)\" download>[^<]+</a></p>");
  size_t figures = 0;
  size_t maps = 0;
  size_t spines = 0;
  for (const auto& [path, html] : site.files) {
    if (!path.ends_with(".html")) continue;
    // Every inline chart or map has its links, but for sparklines (word-sized summaries beside
    // their tables) and the ward page's locator (no figures).
    size_t links_on_page = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), links);
         it != std::sregex_iterator(); ++it) {
      ++links_on_page;
      const std::string svg_path = Folder(path) + (*it)[1].str();
      const std::string csv_path = Folder(path) + (*it)[2].str();
      CAPTURE(path);
      CAPTURE(svg_path);
      REQUIRE(site.files.count(svg_path));
      REQUIRE(site.files.count(csv_path));
      std::string svg = site.files.at(svg_path);
      const std::string declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
      REQUIRE(svg.rfind(declaration, 0) == 0);
      svg = svg.substr(declaration.size());
      const auto doc = svg_test::Parse(svg);  // fails the test if it is not well-formed
      CHECK(doc[0].attributes.at("xmlns") == "http://www.w3.org/2000/svg");
      CHECK(doc[0].attributes.count("font-family"));
      CHECK(doc[0].attributes.count("width"));
      const auto titles = svg_test::All(doc, "title");
      REQUIRE_FALSE(titles.empty());
      CHECK(titles[0]->parent == 0);
      CHECK_FALSE(titles[0]->text.empty());
      CHECK(svg.find("<a ") == std::string::npos);  // no links that lead nowhere
      maps += doc[0].attributes.at("class") == "map";
      spines += svg.find("chart--spine") != std::string::npos;

      const Rows table = TableAfter(html, static_cast<size_t>(it->position(0)));
      REQUIRE_MESSAGE(table.size() >= 2, "no table after the links");
      const Rows csv = ParseCsv(site.files.at(csv_path));
      REQUIRE(csv.size() == table.size());
      for (size_t row = 0; row < table.size(); ++row) {
        REQUIRE(csv[row].size() == table[row].size());
        for (size_t col = 0; col < table[row].size(); ++col)
          CHECK(csv[row][col] == Guarded(table[row][col]));
      }
      ++figures;
    }
    // As many link lists as charts and maps on the page.
    {
      static const std::regex chart(
          "<div class=\"chart map-figure\">|<div class=\"chart\"><svg[^>]* class=\"chart "
          "chart--(?!sparkline)");
      const auto charts = std::distance(std::sregex_iterator(html.begin(), html.end(), chart),
                                        std::sregex_iterator());
      CAPTURE(path);
      CHECK(links_on_page == static_cast<size_t>(charts));
    }
  }
  CHECK(figures > 50);
  CHECK(maps > 0);
  CHECK(spines > 5);
}

TEST_CASE("the spine chart's marks lie where the table's figures are on each row's scale") {
  const Built& site = Site();
  static const std::regex spine_svg("<svg[^>]*chart--spine[\\s\\S]*?</svg>");
  size_t rows_checked = 0;
  size_t pages = 0;
  for (const auto& [path, html] : site.files) {
    if (!path.starts_with("areas/") || !path.ends_with("/index.html")) continue;
    std::smatch match;
    if (!std::regex_search(html, match, spine_svg)) continue;
    ++pages;
    CAPTURE(path);
    const auto doc = svg_test::Parse(match.str());
    const Rows table = TableAfter(html, static_cast<size_t>(match.position(0)));
    REQUIRE(table.size() >= 2);
    const auto& headers = table[0];
    // Measure, Period, the area, [the benchmark], Lowest, 25th, 75th, Highest, Compared.
    const bool has_benchmark = headers.size() == 9;
    const size_t low_col = has_benchmark ? 4 : 3;
    std::vector<const svg_test::Element*> rows;
    for (const auto& element : doc)
      if (element.attributes.count("class") && element.attributes.at("class") == "spine-row")
        rows.push_back(&element);
    REQUIRE(rows.size() <= table.size() - 1);
    for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
      const auto& cells = table[row_idx + 1];
      CAPTURE(cells[0]);
      double range_left = NAN, range_right = NAN, middle_left = NAN, middle_right = NAN;
      double bench = NAN, marker = NAN;
      for (int child : rows[row_idx]->children) {
        const auto& element = doc[static_cast<size_t>(child)];
        const std::string css =
            element.attributes.count("class") ? element.attributes.at("class") : "";
        auto num = [&](const char* key) { return std::stod(element.attributes.at(key)); };
        if (css == "spine-range") range_left = num("x"), range_right = num("x") + num("width");
        if (css == "spine-middle") middle_left = num("x"), middle_right = num("x") + num("width");
        if (css == "spine-benchmark") bench = num("x") + num("width") / 2;
        if (css == "spine-area") {
          std::istringstream in(element.attributes.at("transform").substr(10));
          in >> marker;
        }
      }
      const double low = NumberIn(cells[low_col]);
      const double q1 = NumberIn(cells[low_col + 1]);
      const double q3 = NumberIn(cells[low_col + 2]);
      const double high = NumberIn(cells[low_col + 3]);
      const double value = NumberIn(cells[2]);
      REQUIRE(std::isfinite(range_left));
      REQUIRE(std::isfinite(marker));
      // The row's scale runs through the range's two ends: (lowest, highest) or, reversed
      // where lower is better, (highest, lowest). Every other mark lies on that same scale.
      auto line = [&](double x_low, double x_high) {
        return [=](double v) {
          return high == low ? x_low : x_low + (v - low) / (high - low) * (x_high - x_low);
        };
      };
      auto fits = [&](auto x_of) {
        const double tolerance = 0.3;  // coordinates are written to 0.1 unit
        bool ok = std::fabs(std::min(x_of(q1), x_of(q3)) - middle_left) < tolerance &&
                  std::fabs(std::max(x_of(q1), x_of(q3)) - middle_right) < tolerance &&
                  std::fabs(x_of(value) - marker) < tolerance;
        if (has_benchmark && cells[3] != "–")
          ok = ok && std::isfinite(bench) && std::fabs(x_of(NumberIn(cells[3])) - bench) < tolerance;
        return ok;
      };
      CHECK((fits(line(range_left, range_right)) || fits(line(range_right, range_left))));
      // Better is on the right: a "better" marker is right of the benchmark, "worse" left.
      const std::string& comparison = cells.back();
      if (comparison.starts_with("Better")) CHECK(marker > bench);
      if (comparison.starts_with("Worse")) CHECK(marker < bench);
      ++rows_checked;
    }
  }
  CHECK(pages > 5);
  CHECK(rows_checked > 20);
}

}  // namespace
}  // namespace outcomes::e2e
