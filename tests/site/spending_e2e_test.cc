// An outcome's resource envelope (issue 12): what data/spending.csv records for the home area,
// by year, with the change since the first year, and the latest year by partner and category.
#include <doctest/doctest.h>

#include <string>

#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("an outcome page shows what is spent on it, by year, partner and category") {
  const fs::path site = CopyExample("spending");
  // Down from £1,000,000 to £900,000; the latest year partly by partner; a ward's row is not
  // part of the council-wide totals.
  WriteAll(site / "data" / "spending.csv",
           "outcome,area,period,amount,note,partner,category\n"
           "diet-nutrition,E06000033,2017/18,\"1,000,000\",,,\n"
           "diet-nutrition,E06000033,2018/19,600000,,council,Healthy eating\n"
           "diet-nutrition,E06000033,2018/19,200000.50,,nhs,Health visiting\n"
           "diet-nutrition,E06000033,2018/19,99999.50,,,\n"
           "diet-nutrition,E05002216,2018/19,5000,,council,Healthy eating\n");
  const fs::path out = FreshFolder("spending-out");
  const Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  const std::string page = ReadAll(out / "outcomes/diet-nutrition/index.html");
  CHECK(Has(page, "<h2 id=\"outcome-spending\">What is spent on it</h2>"));
  CHECK(Has(page, "From £1,000,000 in 2017/18 to £900,000 in 2018/19: down 10%."));
  CHECK(Has(page, "<tr><th scope=\"row\">2018/19</th><td class=\"num\">£900,000</td></tr>"));
  // By partner: largest first, what no partner is given for last.
  const size_t council = page.find(">Southend-on-Sea City Council</th><td class=\"num\">£600,000");
  const size_t nhs = page.find(">NHS health visiting and maternity services</th><td class=\"num\">£200,000.50");
  const size_t unknown = page.find(">Not recorded</th><td class=\"num\">£99,999.50</td><td class=\"num\">11%");
  CHECK(council != std::string::npos);
  CHECK(nhs != std::string::npos);
  CHECK(unknown != std::string::npos);
  CHECK(council < nhs);
  CHECK(nhs < unknown);
  CHECK(Has(page, "<caption>What it was spent on, 2018/19</caption>"));
  // No example note: none of these rows says example.
  CHECK_FALSE(Has(page, "made-up examples"));
  // The home page: the latest year's total for the home area across the outcomes.
  CHECK(Has(ReadAll(out / "index.html"),
            "In 2018/19, £900,000 was spent on these outcomes for Southend-on-Sea as a whole"));
  // The ward's page: what is recorded for the ward itself, linking to the outcome.
  const std::string ward = ReadAll(out / "areas/kursaal/index.html");
  CHECK(Has(ward, "<h2 id=\"area-spending\">What is spent here</h2>"));
  CHECK(Has(ward, "<a href=\"../../outcomes/diet-nutrition/index.html\">"));
  CHECK(Has(ward, "<td>2018/19</td><td class=\"num\">£5,000</td>"));
  CHECK_FALSE(Has(ReadAll(out / "areas/milton/index.html"), "area-spending"));
  // An outcome with no spending recorded has no such section.
  WriteAll(site / "data" / "spending.csv",
           "outcome,area,period,amount,note\nbest-start,E06000033,2018/19,100,\n");
  const Run second = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE(second.exit_code == 0);
  CHECK_FALSE(Has(ReadAll(out / "outcomes/diet-nutrition/index.html"), "outcome-spending"));
  const std::string best = ReadAll(out / "outcomes/best-start/index.html");
  CHECK(Has(best, "outcome-spending"));
  CHECK_FALSE(Has(best, "Who spent it"));  // no partner given: no partner table
  // Figures and voices side by side: each success statement with what outcomes.yaml links to it.
  CHECK(Has(best, "<h2 id=\"outcome-balance\">Figures and voices side by side</h2>"));
  CHECK(Has(best, "This outcome has both figures and the voices of families and practitioners. "
                  "Spent on it for Southend-on-Sea in 2018/19: £100."));
  const size_t parents = best.find("<th scope=\"row\">Parents support one another where they live");
  REQUIRE(parents != std::string::npos);
  const std::string row = best.substr(parents, best.find("</tr>", parents) - parents);
  CHECK(Has(row, "case-studies/bradford/index.html"));
  CHECK(Has(row, "<td data-label=\"In short\">Voices, no figures yet</td>"));
  // The statement's spending categories are not in this file: a warning, and no spending.
  CHECK(Has(second.output, "data/outcomes.yaml:29:24: warning: no row of data/spending.csv for "
                        "outcome 'best-start' has the service category 'Family support'"));
  CHECK(Has(row, "<td data-label=\"Spending behind it\">None linked yet</td>"));
  const size_t ready = best.find("<th scope=\"row\">Children are confident, cope with setbacks");
  REQUIRE(ready != std::string::npos);
  CHECK(Has(best.substr(ready, best.find("</tr>", ready) - ready),
            "<td data-label=\"In short\">Figures, no voices yet</td>"));
  fs::remove_all(site);
  fs::remove_all(out);
}

TEST_CASE("spend per head sets the target wards against the rest, beside the gap in outcomes") {
  const fs::path site = CopyExample("spend-per-head");
  // The example's best-start outcome counts children aged under 5 by cin-under-5's
  // denominators: in 2019/20 the six Better Start wards have 5,033 and the other eleven 6,347
  // (data/observations/example-wards.csv). No rest row: the rest is the council's total less the
  // target wards'. 2020/21 has spending but no population figure, so no row.
  WriteAll(site / "data" / "spending.csv",
           "outcome,area,period,amount,note\n"
           "best-start,E06000033,2019/20,\"1,000,000\",\n"
           "best-start,target-wards,2019/20,600000,\n"
           "best-start,E06000033,2020/21,900000,\n"
           "best-start,target-wards,2020/21,500000,\n");
  const fs::path out = FreshFolder("spend-per-head-out");
  const Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  std::string page = ReadAll(out / "outcomes/best-start/index.html");
  CHECK(Has(page, "<h3 id=\"outcome-per-head\">Did resources follow need?</h3>"));
  // 600,000 / 5,033 = 119.21; 400,000 / 6,347 = 63.02; 1.89 times.
  CHECK(Has(page, "In 2019/20, £119 was spent per child aged under 5 living in Better Start "
                  "wards, and £63 per child aged under 5 in Rest of Southend. That is 1.9 times "
                  "as much per head in Better Start wards."));
  CHECK(Has(page, "<td class=\"num\">£600,000</td><td class=\"num\">5,033</td><td "
                  "class=\"num\">£119</td>"));
  CHECK(Has(page, "<td class=\"num\">£400,000</td><td class=\"num\">6,347</td><td "
                  "class=\"num\">£63</td>"));
  CHECK(Has(page, "No spending is recorded for Rest of Southend itself"));
  CHECK_FALSE(Has(page, "<th scope=\"row\">2020/21</th><td>Better Start wards</td>"));
  // The gap in outcomes beside it, with whether chance could explain it.
  CHECK(Has(page, "Beside it, the gap in outcomes between Better Start wards and Rest of Southend"));
  CHECK(Has(page, "2018/19: 68.0% in Better Start wards against 78.6% in Rest of Southend, a gap "
                  "larger than chance would explain."));
  // Spending recorded for the rest itself is used as it is: 760,000 / 6,347 = 119.74, so about
  // the same per head.
  WriteAll(site / "data" / "spending.csv",
           "outcome,area,period,amount,note\n"
           "best-start,target-wards,2019/20,600000,\n"
           "best-start,rest-of-borough,2019/20,760000,\n");
  REQUIRE(RunOutcomes("build --site " + site.string() + " --out " + out.string()).exit_code == 0);
  page = ReadAll(out / "outcomes/best-start/index.html");
  CHECK(Has(page, "and £120 per child aged under 5 in Rest of Southend. That is about the same "
                  "per head in both."));
  CHECK_FALSE(Has(page, "No spending is recorded for Rest of Southend itself"));
  // Without spending for the target wards there is nothing to set side by side.
  WriteAll(site / "data" / "spending.csv",
           "outcome,area,period,amount,note\nbest-start,E06000033,2019/20,1000000,\n");
  REQUIRE(RunOutcomes("build --site " + site.string() + " --out " + out.string()).exit_code == 0);
  CHECK_FALSE(Has(ReadAll(out / "outcomes/best-start/index.html"), "outcome-per-head"));
}

}  // namespace
}  // namespace outcomes::e2e
