// The built-in theme end to end: a site with no templates/ builds; a site's own templates/
// overrides it file by file, and check names what it leaves to the built-in theme; an exported
// theme builds the same site; commands that do not exist are named.
#include <doctest/doctest.h>

#include <string>

#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("a site without templates/ builds with the built-in theme") {
  fs::path site = CopyExample("theme-none");
  REQUIRE_FALSE(fs::exists(site / "templates"));
  Run check = RunOutcomes("check --site " + site.string());
  INFO(check.output);
  CHECK(check.exit_code == 0);
  CHECK_FALSE(Contains(check.output, "warning"));
  Run build = RunOutcomes("build --site " + site.string());
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  CHECK(fs::exists(site / "site-output/index.html"));
  CHECK(fs::exists(site / "site-output/assets/site.css"));
  CHECK(ReadAll(site / "site-output/assets/site.css") ==
        ReadAll(fs::path(OUTCOMES_SOURCE_DIR) / "theme/templates/assets/site.css"));
}

TEST_CASE("a site's templates/ overrides the built-in theme file by file") {
  fs::path site = CopyExample("theme-override");
  WriteAll(site / "templates/partials/status.mustache", "OWN-STATUS-PARTIAL");
  WriteAll(site / "templates/assets/site.css", "/* own stylesheet */\n");
  WriteAll(site / "templates/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");

  Run check = RunOutcomes("check --site " + site.string());
  INFO(check.output);
  CHECK(check.exit_code == 0);
  // Says which built-in files it uses for the site, and how to see them.
  CHECK(Contains(check.output, "templates: warning: templates/ has no "));
  CHECK(Contains(check.output, "the built-in ones are used"));
  CHECK(Contains(check.output, "outcomes theme export"));

  Run build = RunOutcomes("build --site " + site.string());
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  const fs::path out = site / "site-output";
  CHECK(ReadAll(out / "assets/site.css") == "/* own stylesheet */\n");
  CHECK(fs::exists(out / "assets/logo.svg"));
  // The override reaches the pages that include it; the built-in layout is still around it.
  const std::string home = ReadAll(out / "index.html");
  CHECK(Contains(ReadAll(out / "dashboard/index.html") + home, "OWN-STATUS-PARTIAL"));
  CHECK(Contains(home, "<!DOCTYPE html>"));
}

TEST_CASE("an exported theme builds the site exactly as the built-in one does") {
  fs::path site = CopyExample("theme-export");
  Run built_in = RunOutcomes("build --site " + site.string() + " --out " +
                             (site.parent_path() / "theme-export-built-in").string());
  REQUIRE(built_in.exit_code == 0);
  Run exported = RunOutcomes("theme export " + site.string());
  INFO(exported.output);
  REQUIRE(exported.exit_code == 0);
  CHECK(fs::exists(site / "templates/layouts/base.mustache"));
  Run again = RunOutcomes("theme export " + site.string());
  CHECK(again.exit_code == 1);
  CHECK(Contains(again.output, "already exists"));

  Run check = RunOutcomes("check --site " + site.string());
  INFO(check.output);
  CHECK(check.exit_code == 0);
  CHECK_FALSE(Contains(check.output, "warning"));  // the copy is complete
  const fs::path out = site.parent_path() / "theme-export-own";
  Run build = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  auto own = Tree(out);
  auto theirs = Tree(site.parent_path() / "theme-export-built-in");
  CHECK(own.size() == theirs.size());
  for (const auto& [path, bytes] : theirs) {
    // Excel packs carry the time they were written; every other file is the same.
    if (path.ends_with(".xlsx")) continue;
    CHECK_MESSAGE(own[path] == bytes, path);
  }
}

TEST_CASE("a missing or unknown command is named, with the commands there are") {
  Run none = RunOutcomes("");
  CHECK(none.exit_code == 2);
  CHECK(Contains(none.output, "no command given"));
  CHECK(Contains(none.output, "build, check"));
  Run init = RunOutcomes("init my-site");
  CHECK(init.exit_code == 2);
  CHECK(Contains(init.output, "unknown command 'init'"));
  CHECK(Contains(init.output, "the commands are "));
  CHECK(Contains(init.output, "theme"));
  Run sub = RunOutcomes("theme exprot");
  CHECK(sub.exit_code == 2);
  CHECK(Contains(sub.output, "unknown `theme` command 'exprot'"));
  CHECK(Contains(sub.output, "export"));
}

}  // namespace
}  // namespace outcomes::e2e
