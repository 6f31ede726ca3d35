// End-to-end, with the real binary: the example site with its data as councils have it. The
// ward figures for gld come as a measure-layout CSV with titles above the header and periods
// written 201819; the ward figures for low-income come pooled over three years (2006 - 08 ...)
// in a wide .xlsx workbook written by libxlsxwriter, one column per pooled period. The site
// must check and build, and the pooled periods must read as spans.
#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_util.h"

namespace {

namespace fs = std::filesystem;
using outcomes::e2e::CopyExample;
using outcomes::e2e::ReadAll;
using outcomes::e2e::Run;
using outcomes::e2e::RunOutcomes;
using outcomes::e2e::SplitCsvLine;
using outcomes::e2e::WriteAll;

// Splits the example's ward file: gld rows to a measure layout, low-income ward rows pooled.
void RewriteWardData(const fs::path& site) {
  const fs::path wards = site / "data/observations/example-wards.csv";
  std::istringstream in(ReadAll(wards));
  std::string header;
  std::getline(in, header);
  std::string kept = header + "\n";
  std::string measure = "Early years foundation stage profile by ward\n"
                        "Ward,Year,Sex,Measure,Figure,Note\n";
  // ward -> pool index -> {count, denominator}
  std::map<std::string, std::map<int, std::pair<double, double>>> pools;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> f = SplitCsvLine(line);
    // indicator,area,period,breakdown,value,count,denominator,lower_ci,upper_ci,note
    if (f[0] == "gld") {
      std::string year = f[2];
      year.erase(4, 1);  // 2018/19 -> 201819
      const std::string sex = f[3].empty() ? "Total" : f[3];
      const char* names[3] = {"Percent", "Count", "Cohort"};
      for (int idx = 0; idx < 3; ++idx) {
        const std::string& figure = f[static_cast<size_t>(4 + idx)];
        measure += f[1] + "," + year + "," + sex + "," + names[idx] + "," +
                   (figure.empty() ? "NA" : "\"" + figure + "\"") + ",\"" + f[9] + "\"\n";
      }
      continue;
    }
    if (f[0] == "low-income" && f[1].rfind("E05", 0) == 0) {
      const int year = std::stoi(f[2]);
      if (year >= 2006 && year <= 2014 && !f[5].empty() && !f[6].empty()) {
        auto& pool = pools[f[1]][(year - 2006) / 3];
        pool.first += std::stod(f[5]);
        pool.second += std::stod(f[6]);
      }
      continue;
    }
    kept += line + "\n";
  }
  WriteAll(wards, kept);
  WriteAll(site / "data/observations/gld-wards.csv", measure);
  WriteAll(site / "data/observations/gld-wards.yaml",
           "header_row: 2\n"
           "columns: {area: Ward, period: Year, breakdown: Sex, value: Figure, note: Note}\n"
           "constants: {indicator: gld}\n"
           "breakdown_total: [Total]\n"
           "measure: {column: Measure, value: Percent, count: Count, denominator: Cohort}\n"
           "missing: [NA]\n"
           "period_pattern: {match: '^(\\d{4})(\\d{2})$', replace: '$1/$2'}\n");

  const fs::path book = site / "data/observations/low-income-wards.xlsx";
  lxw_workbook* workbook = workbook_new(book.string().c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Pooled");
  const char* headings[5] = {"Ward", "Measure", "2006 - 08", "2009 - 11", "2012 - 14"};
  for (lxw_col_t col = 0; col < 5; ++col) worksheet_write_string(sheet, 0, col, headings[col], nullptr);
  lxw_row_t row = 1;
  for (const auto& [ward, by_pool] : pools) {
    for (int which = 0; which < 2; ++which, ++row) {
      worksheet_write_string(sheet, row, 0, ward.c_str(), nullptr);
      worksheet_write_string(sheet, row, 1, which == 0 ? "Count" : "Children", nullptr);
      for (const auto& [pool, figures] : by_pool)
        worksheet_write_number(sheet, row, static_cast<lxw_col_t>(2 + pool),
                               which == 0 ? figures.first : figures.second, nullptr);
    }
  }
  REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
  WriteAll(site / "data/observations/low-income-wards.yaml",
           "sheet: Pooled\n"
           "columns: {area: Ward}\n"
           "constants: {indicator: low-income}\n"
           "measure: {column: Measure, count: Count, denominator: Children}\n"
           "wide: {by: period}\n");
}

}  // namespace

TEST_CASE("the example with its ward data in a measure CSV and a pooled wide .xlsx builds") {
  const fs::path site = CopyExample("mapped-site");
  RewriteWardData(site);
  const Run check = RunOutcomes("check --site " + site.string());
  INFO(check.output);
  REQUIRE(check.exit_code == 0);
  CHECK(check.output.find("warning") == std::string::npos);
  const fs::path out = site.parent_path() / (site.filename().string() + "-out");
  fs::remove_all(out);
  const Run build = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  // The pooled periods are charted and tabled under their labels, and read as spans in text.
  bool labelled = false;
  bool phrased = false;
  for (const auto& entry : fs::directory_iterator(out / "areas")) {
    const std::string page = ReadAll(entry.path() / "index.html");
    labelled = labelled || page.find("2006 to 2008") != std::string::npos;
    phrased = phrased || page.find("in 2006\xE2\x80\x93" "2008 to") != std::string::npos;
  }
  CHECK(labelled);
  CHECK(phrased);
  const std::string open_data = ReadAll(out / "downloads/low-income.csv");
  CHECK(open_data.find("2012 to 2014") != std::string::npos);
  fs::remove_all(out);
  fs::remove_all(site);
}
