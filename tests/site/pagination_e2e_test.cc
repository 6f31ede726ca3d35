// Long lists of content are split into pages: list pages hold 50 items with links between
// them, and outcome, area and library lists show the newest 10 with a link to the whole list.
#include <doctest/doctest.h>

#include <cstdio>
#include <regex>
#include <set>
#include <string>

#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

// The titles of the list items of a list page, in order.
std::vector<std::string> ListedTitles(const std::string& html) {
  std::vector<std::string> titles;
  const std::regex item("<h2><a href=\"[^\"]*\">(Update [0-9]+)</a></h2>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), item);
       it != std::sregex_iterator(); ++it)
    titles.push_back((*it)[1]);
  return titles;
}

TEST_CASE("long lists are split into pages, and outcome and area pages link to the whole list") {
  const fs::path site = CopyExample("pagination");
  // 120 news items about one outcome and one ward, a day apart: Update 120 is the newest.
  for (int number = 1; number <= 120; ++number) {
    char date[16];
    std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + (number - 1) / 28,
                  1 + (number - 1) % 28);
    WriteAll(site / "content" / "news" / ("update-" + std::to_string(number) + ".md"),
             "---\ntitle: \"Update " + std::to_string(number) + "\"\nsummary: News item " +
                 std::to_string(number) + ".\ndate: " + date +
                 "\ntype: news\noutcomes: [best-start]\nareas: [E05002216]\n---\n\nText.\n");
  }
  const fs::path out = FreshFolder("pagination-out");
  const Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);

  // news/: pages of 50, 50 and 20, newest first, every item once.
  std::vector<std::string> seen;
  const std::string pages[] = {"news/index.html", "news/page/2/index.html",
                               "news/page/3/index.html"};
  const size_t sizes[] = {50, 50, 20};
  for (size_t page = 0; page < 3; ++page) {
    CAPTURE(pages[page]);
    const std::string html = ReadAll(out / pages[page]);
    const std::vector<std::string> titles = ListedTitles(html);
    CHECK(titles.size() == sizes[page]);
    seen.insert(seen.end(), titles.begin(), titles.end());
    CHECK(html.find("Page " + std::to_string(page + 1) + " of 3") != std::string::npos);
    CHECK(html.find("<span aria-current=\"page\">" + std::to_string(page + 1) + "</span>") !=
          std::string::npos);
    CHECK((html.find("rel=\"prev\"") != std::string::npos) == (page > 0));
    CHECK((html.find("rel=\"next\"") != std::string::npos) == (page < 2));
  }
  REQUIRE(seen.size() == 120);
  for (size_t idx = 0; idx < seen.size(); ++idx)
    CHECK(seen[idx] == "Update " + std::to_string(120 - idx));
  CHECK_FALSE(fs::exists(out / "news/page/4"));
  const std::string second = ReadAll(out / "news/page/2/index.html");
  CHECK(second.find("<title>News (page 2 of 3) – ") != std::string::npos);
  CHECK(second.find("href=\"../../../news/index.html\" rel=\"prev\"") != std::string::npos);
  CHECK(second.find("href=\"../../../news/page/3/index.html\" rel=\"next\"") != std::string::npos);

  // The outcome page: the newest 10, and a link to all of them.
  const std::string outcome = ReadAll(out / "outcomes/best-start/index.html");
  CHECK(outcome.find(">Update 120</a>") != std::string::npos);
  CHECK(outcome.find(">Update 111</a>") != std::string::npos);
  CHECK(outcome.find(">Update 110</a>") == std::string::npos);
  CHECK(outcome.find("See all") != std::string::npos);
  CHECK(outcome.find("href=\"../../library/outcomes/best-start/index.html\"") !=
        std::string::npos);
  REQUIRE(fs::exists(out / "library/outcomes/best-start/index.html"));
  // The whole list also has the example's own case studies about the outcome.
  CHECK(ListedTitles(ReadAll(out / "library/outcomes/best-start/index.html")).size() == 50);
  CHECK(fs::exists(out / "library/outcomes/best-start/page/3/index.html"));

  // The ward page and the library: the same, for Kursaal.
  const std::string ward = ReadAll(out / "areas/kursaal/index.html");
  CHECK(ward.find(">Update 111</a>") != std::string::npos);
  CHECK(ward.find(">Update 110</a>") == std::string::npos);
  CHECK(ward.find("href=\"../../library/areas/kursaal/index.html\"") != std::string::npos);
  CHECK(fs::exists(out / "library/areas/kursaal/index.html"));
  const std::string library = ReadAll(out / "library/index.html");
  CHECK(library.find("library/outcomes/best-start/index.html\">See all 12") != std::string::npos);
  CHECK(library.find("library/areas/kursaal/index.html\">See all 12") != std::string::npos);
  CHECK(library.find(">Update 110</a>") == std::string::npos);

  // Every link on the new pages leads to a page that was written.
  const std::regex href("href=\"([^\"#]+\\.html)\"");
  for (const char* path : {"news/page/2/index.html", "library/outcomes/best-start/index.html",
                           "library/areas/kursaal/page/2/index.html", "library/index.html"}) {
    CAPTURE(path);
    const std::string html = ReadAll(out / path);
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href);
         it != std::sregex_iterator(); ++it) {
      const fs::path target = (out / path).parent_path() / std::string((*it)[1]);
      CAPTURE(target);
      CHECK(fs::exists(target));
    }
  }
  fs::remove_all(site);
  fs::remove_all(out);
}

TEST_CASE("evidence lists show the newest 10 and link to the whole list") {
  const fs::path site = CopyExample("evidence-pages");
  // 12 surveys that speak to one indicator; the indicator's outcome lists them too.
  for (int number = 1; number <= 12; ++number)
    WriteAll(site / "content" / "news" / ("survey-" + std::to_string(number) + ".md"),
             "---\ntitle: \"Update " + std::to_string(number) + "\"\nsummary: Survey " +
                 std::to_string(number) + ".\ndate: 2024-01-" + (number < 10 ? "0" : "") +
                 std::to_string(number) +
                 "\ntype: news\nevidence_for: [gld]\nevidence: survey\n---\n\nText.\n");
  const fs::path out = FreshFolder("evidence-pages-out");
  const Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  const std::regex item("<h3><a href=\"[^\"]*\">(Update [0-9]+)</a></h3>");
  for (const char* page : {"indicators/gld/index.html", "outcomes/best-start/index.html"}) {
    CAPTURE(page);
    const std::string html = ReadAll(out / page);
    const size_t section = html.find("id=\"page-evidence\"");
    REQUIRE(section != std::string::npos);
    const std::string rest = html.substr(section, html.find("</section>", section) - section);
    std::vector<std::string> titles;
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), item);
         it != std::sregex_iterator(); ++it)
      titles.push_back((*it)[1]);
    REQUIRE(titles.size() == 10);
    CHECK(titles.front() == "Update 12");
    CHECK(titles.back() == "Update 3");
    // The outcome's whole list also holds the example's own evidence for it.
    CHECK(rest.find("See all ") != std::string::npos);
  }
  const std::string indicator = ReadAll(out / "indicators/gld/index.html");
  CHECK(indicator.find("<a href=\"../../library/evidence/indicators/gld/index.html\">See all 12 "
                       "in the library</a>") != std::string::npos);
  const std::string all = ReadAll(out / "library/evidence/indicators/gld/index.html");
  CHECK(ListedTitles(all).size() == 12);
  // The outcome's list holds the surveys and the example's own evidence for best-start.
  CHECK(ListedTitles(ReadAll(out / "library/evidence/outcomes/best-start/index.html")).size() ==
        12);
}

}  // namespace
}  // namespace outcomes::e2e
