// End-to-end: every path and URL made from input is safe and unique — content file names,
// ward names, pack ids — in pages, feed.xml and sitemap.xml.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

const std::string kFrontMatter =
    "---\ntitle: A page\nsummary: A summary.\ndate: 2026-01-01\ntype: news\n---\n\nText.\n";

// Every href, src and <loc>/<link href> value in the output.
std::vector<std::pair<std::string, std::string>> Urls(const fs::path& out) {
  std::vector<std::pair<std::string, std::string>> urls;
  std::regex attribute(R"((?:href|src)=\"([^\"]*)\"|<loc>([^<]*)</loc>)");
  for (const auto& [path, bytes] : Tree(out)) {
    if (path.size() < 4 || (path.substr(path.size() - 4) != "html" && path.substr(path.size() - 3) != "xml"))
      continue;
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), attribute);
         it != std::sregex_iterator(); ++it)
      urls.emplace_back(path, (*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
  }
  return urls;
}

}  // namespace

TEST_CASE("a content file name never becomes a script link or an unescaped URL") {
  fs::path site = CopyExample("paths-names");
  WriteAll(site / "content" / "news" / "javascript:alert(1337).md", kFrontMatter);
  WriteAll(site / "content" / "news" / "Our Plan & You.md", kFrontMatter);
  // With a base_url, so the sitemap and the feed carry absolute URLs.
  WriteAll(site / "site.yaml", ReadAll(site / "site.yaml") + "base_url: https://example.org/x/\n");
  fs::path out = FreshFolder("paths-names-out") / "site";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(fs::exists(out / "news" / "javascript-alert-1337" / "index.html"));
  CHECK(fs::exists(out / "news" / "our-plan-you" / "index.html"));
  size_t checked = 0;
  for (const auto& [file, url] : Urls(out)) {
    INFO(file << ": " << url);
    ++checked;
    // No URL made by the tool starts with a scheme other than the site's own https.
    std::string lower = url;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(lower.rfind("javascript:", 0) == std::string::npos);
    CHECK(lower.find("alert(") == std::string::npos);
    CHECK(url.find(' ') == std::string::npos);
  }
  CHECK(checked > 100);
  const std::string sitemap = ReadAll(out / "sitemap.xml");
  CHECK(sitemap.find("<loc>https://example.org/x/news/javascript-alert-1337/</loc>") !=
        std::string::npos);
  CHECK(ReadAll(out / "feed.xml").find("https://example.org/x/news/our-plan-you/index.html") !=
        std::string::npos);
}

TEST_CASE("a file name that is not UTF-8 is an error at its folder, in check as in build") {
  fs::path site = CopyExample("paths-latin1");
  WriteAll(site / "content" / "news" / "caf\xE9.md", kFrontMatter);
  for (const char* command : {"check", "build"}) {
    const std::string out = std::string(command) == "build"
                                ? " --out " + (FreshFolder("paths-latin1-out") / "site").string()
                                : "";
    Run run = RunOutcomes(std::string(command) + " --site " + site.string() + out);
    INFO(run.output);
    CHECK(run.exit_code == 1);
    CHECK(run.output.find("content/news: error: the name `caf\\xE9.md` is not valid UTF-8") !=
          std::string::npos);
  }
}

TEST_CASE("--format json stays valid JSON when a path on the command line is not UTF-8") {
  Run run = RunOutcomes("check --format json --site '/nonexistent/x\xFFy' 2>/dev/null");
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("the site folder does not exist") != std::string::npos);
  CHECK(run.output.find("json.exception") == std::string::npos);
}

TEST_CASE("without a base_url there is no sitemap (its URLs must be absolute)") {
  fs::path site = CopyExample("paths-no-base");
  fs::path out = FreshFolder("paths-no-base-out") / "site";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK_FALSE(fs::exists(out / "sitemap.xml"));
  CHECK(ReadAll(out / "robots.txt").find("Sitemap") == std::string::npos);
}

TEST_CASE("ward slugs are unique, short and safe whatever the names") {
  fs::path site = CopyExample("paths-wards");
  std::string areas = ReadAll(site / "data" / "areas.csv");
  const std::string long_name(150, 'w');  // the longest name allowed
  areas += "E05900001,Zed E05900001,ward,E06000033,\n";
  areas += "E05900002,Zed,ward,E06000033,\n";
  areas += "E05900003,Zed,ward,E06000033,\n";
  areas += "E05900004,Zed E05900001,ward,E06000033,\n";
  areas += "E05900005," + long_name + ",ward,E06000033,\n";
  areas += "E05900006,\"../../etc, passwd\",ward,E06000033,\n";
  WriteAll(site / "data" / "areas.csv", areas);
  fs::path out = FreshFolder("paths-wards-out") / "site";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  std::set<std::string> area_pages;
  for (const auto& entry : fs::directory_iterator(out / "areas"))
    if (entry.is_directory()) area_pages.insert(entry.path().filename().string());
  for (const char* slug : {"zed-e05900001", "zed", "zed-e05900003", "zed-e05900001-e05900004",
                           "etc-passwd"})
    CHECK(area_pages.count(slug) == 1);
  for (const auto& slug : area_pages) {
    INFO(slug);
    CHECK(slug.size() <= 64);
    CHECK(std::regex_match(slug, std::regex("[a-z0-9]+(-[a-z0-9]+)*")));
  }
  // The 150-character name: a short slug, and its ward pack is written.
  CHECK(area_pages.count(std::string(60, 'w')) == 1);
  CHECK(fs::exists(out / "downloads" / "packs" / ("ward-" + std::string(60, 'w') + ".xlsx")));
}

TEST_CASE("check refuses a note too long for a spreadsheet cell, as build would") {
  fs::path site = CopyExample("paths-long-note");
  fs::path csv = site / "data" / "observations" / "example-wards.csv";
  std::string text = ReadAll(csv);
  const std::string row = "gld,E05002216,2018/19,,65.8,104,158,,,example";
  REQUIRE(text.find(row) != std::string::npos);
  text.replace(text.find(row), row.size(),
               "gld,E05002216,2018/19,,65.8,104,158,,,\"" + std::string(32768, 'n') + "\"");
  WriteAll(csv, text);
  Run run = RunOutcomes("check --site " + site.string());
  CHECK(run.exit_code == 1);
  CHECK(std::regex_search(run.output,
                          std::regex("data/observations/example-wards\\.csv:[0-9]+:39: error: note is "
                                     "32768 characters long; the most is 32767")));
}

TEST_CASE("a content page on a generated page's address is an error at the content file") {
  fs::path site = CopyExample("paths-clash");
  WriteAll(site / "content" / "dashboard.md",
           "---\ntitle: Mine\nsummary: A summary.\ndate: 2026-01-01\ntype: page\n---\n\nText.\n");
  Run run = RunOutcomes("check --site " + site.string());
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("content/dashboard.md:1:1: error: this page would be written to "
                        "dashboard/index.html, where the site already writes a page of its own") !=
        std::string::npos);
  // Two files with one address.
  fs::path other = CopyExample("paths-clash-two");
  WriteAll(other / "content" / "news" / "our-plan.md", kFrontMatter);
  WriteAll(other / "content" / "news" / "Our Plan.md", kFrontMatter);
  run = RunOutcomes("check --site " + other.string());
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK(run.output.find(": error: this page would be written to news/our-plan/index.html, like "
                        "content/news/") != std::string::npos);
}

}  // namespace outcomes::e2e
