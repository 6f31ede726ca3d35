// The tables beside the charts: in every data table of the built example site, a column whose
// cells are numbers (class "num", right-aligned) has its heading right-aligned too, so the
// heading stands over its numbers; and no other heading is.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "../site/e2e_util.h"

namespace outcomes::svg_test {
namespace {

namespace fs = std::filesystem;

// The classes of the cells of each row of `html` (a <table>): "num", or "" for none, with "th"
// for row headers.
std::vector<std::vector<std::string>> CellClasses(const std::string& html) {
  std::vector<std::vector<std::string>> rows;
  static const std::regex row("<tr>([\\s\\S]*?)</tr>");
  static const std::regex cell("<(th|td)( scope=\"(?:col|row)\")?( class=\"([^\"]*)\")?>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator();
       ++it) {
    const std::string inside = (*it)[1].str();
    std::vector<std::string> classes;
    for (auto c = std::sregex_iterator(inside.begin(), inside.end(), cell);
         c != std::sregex_iterator(); ++c) {
      std::string kind = (*c)[1].str();
      bool row_header = kind == "th" && (*c)[2].str() == " scope=\"row\"";
      classes.push_back(row_header ? "th" : (*c)[4].str());
    }
    rows.push_back(classes);
  }
  return rows;
}

TEST_CASE("numeric column headings are aligned with their numbers in every data table") {
  fs::path out = e2e::FreshFolder("chart-tables");
  e2e::Run run = e2e::RunOutcomes("build --site " + std::string(OUTCOMES_SOURCE_DIR) +
                                  " --out " + (out / "site").string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  // The stylesheet right-aligns numeric headings as it does numeric cells.
  const std::string css = e2e::ReadAll(out / "site" / "assets" / "site.css");
  CHECK(std::regex_search(css, std::regex("table\\.data th\\.num \\{[^}]*text-align: right")));
  CHECK(std::regex_search(css, std::regex("table\\.data td\\.num \\{[^}]*text-align: right")));

  static const std::regex table("<table class=\"data\">([\\s\\S]*?)</table>");
  size_t tables = 0;
  size_t numeric_headings = 0;
  for (const auto& [path, text] : e2e::Tree(out / "site")) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), table);
         it != std::sregex_iterator(); ++it) {
      std::vector<std::vector<std::string>> rows = CellClasses((*it)[1].str());
      REQUIRE(!rows.empty());
      ++tables;
      const std::vector<std::string>& headings = rows[0];
      for (size_t col = 0; col < headings.size(); ++col) {
        bool all_numbers = rows.size() > 1;
        for (size_t row = 1; row < rows.size(); ++row)
          all_numbers = all_numbers && col < rows[row].size() && rows[row][col] == "num";
        CAPTURE(path);
        CAPTURE(col);
        CHECK((headings[col] == "num") == all_numbers);
        numeric_headings += headings[col] == "num";
      }
    }
  }
  CHECK(tables > 100);
  CHECK(numeric_headings > 100);
  fs::remove_all(out);
}

}  // namespace
}  // namespace outcomes::svg_test
