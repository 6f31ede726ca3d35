// End-to-end: a council with more wards than a ward page compares one by one (60 here, the
// limit is 50) gets ward pages whose size does not grow with the council: the ward's rank and
// its neighbours in the ranking instead of every ward, and a locator of the ward alone.
#include <doctest/doctest.h>

#include <regex>

#include "e2e_util.h"

namespace outcomes::e2e {

TEST_CASE("ward pages of a large council show the ward's rank and neighbours, not every ward") {
  fs::path site = CopyExample("large-council");
  std::string areas = ReadAll(site / "data" / "areas.csv");
  std::string rows = "indicator,area,period,breakdown,value,count,denominator,lower_ci,upper_ci,note\n";
  constexpr int kWards = 60;
  for (int idx = 0; idx < kWards; ++idx) {
    const std::string code = "E0590" + std::to_string(1000 + idx);
    areas += code + ",Extra " + std::to_string(idx) + ",ward,E06000033,\n";
    // Ward idx has 40 + idx of 100: Extra 59 is the highest of the new wards.
    rows += "gld," + code + ",2018/19,," + std::to_string(40 + idx) + "," + std::to_string(40 + idx) +
            ",100,,,example\n";
  }
  WriteAll(site / "data" / "areas.csv", areas);
  WriteAll(site / "data" / "observations" / "extra.csv", rows);
  fs::path out = FreshFolder("large-council-out") / "site";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const std::string page = ReadAll(out / "areas" / "extra-30" / "index.html");
  REQUIRE_FALSE(page.empty());
  // 77 wards in all (17 + 60) have a 2018/19 figure; the table names its rank ...
  CHECK(std::regex_search(page, std::regex("Extra 30 is the [0-9]+(st|nd|rd|th) highest of 77")));
  // ... the wards either side of it, and not the far-away ones.
  CHECK(page.find("Extra 31") != std::string::npos);
  CHECK(page.find("Extra 29") != std::string::npos);
  CHECK(page.find("Extra 10<") == std::string::npos);
  CHECK(page.find("Extra 50<") == std::string::npos);
  // The highest ward is named (as the top of the ranking).
  CHECK(page.find("Extra 59") != std::string::npos);
  // No dot chart of every ward.
  CHECK(page.find("chart-dot") == std::string::npos);
}

}  // namespace outcomes::e2e
