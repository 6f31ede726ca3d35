#include "model/period.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace outcomes::model {
namespace {

using T = PeriodType;

Period Parse(std::string_view text, PeriodType type) {
  std::string error;
  const std::optional<Period> period = ParsePeriod(text, type, &error);
  INFO(error);
  REQUIRE(period.has_value());
  CHECK(error.empty());
  return *period;
}

TEST_CASE("ParsePeriodType and PeriodTypeName round-trip every type") {
  const PeriodType kAll[] = {T::kCalendarYear,     T::kFinancialYear, T::kAcademicYear, T::kQuarter,
                             T::kFinancialQuarter, T::kMonth,         T::kRollingYears};
  for (PeriodType type : kAll) {
    const std::string_view name = PeriodTypeName(type);
    CAPTURE(name);
    CHECK(ParsePeriodType(name) == type);
    CHECK(PeriodTypeNames().find(name) != std::string_view::npos);
  }
  CHECK(ParsePeriodType("financial-year") == T::kFinancialYear);
  CHECK_FALSE(ParsePeriodType("financial_year").has_value());
  CHECK_FALSE(ParsePeriodType("Financial-Year").has_value());
  CHECK_FALSE(ParsePeriodType("").has_value());
  CHECK(PeriodTypeNames() ==
        "calendar-year, financial-year, academic-year, quarter, financial-quarter, month, "
        "rolling-years");
}

TEST_CASE("ParsePeriod accepts every documented form and labels it canonically") {
  struct Case {
    std::string_view text;
    PeriodType type;
    std::string_view label;
    int start_year;
    int part;
    int span;
  };
  const Case kCases[] = {
      {"2023", T::kCalendarYear, "2023", 2023, 0, 1},
      {"  2023\t", T::kCalendarYear, "2023", 2023, 0, 1},
      {"1900", T::kCalendarYear, "1900", 1900, 0, 1},
      {"2199", T::kCalendarYear, "2199", 2199, 0, 1},
      {"2014/15", T::kFinancialYear, "2014/15", 2014, 0, 1},
      {"2014-15", T::kFinancialYear, "2014/15", 2014, 0, 1},
      {"2014/2015", T::kFinancialYear, "2014/15", 2014, 0, 1},
      {"1999/00", T::kFinancialYear, "1999/00", 1999, 0, 1},
      {"1999/2000", T::kFinancialYear, "1999/00", 1999, 0, 1},
      {"2012/13", T::kAcademicYear, "2012/13", 2012, 0, 1},
      {"2012-13", T::kAcademicYear, "2012/13", 2012, 0, 1},
      {"2012/2013", T::kAcademicYear, "2012/13", 2012, 0, 1},
      {"2014 Q2", T::kQuarter, "2014 Q2", 2014, 2, 1},
      {"2014 Q4", T::kQuarter, "2014 Q4", 2014, 4, 1},
      {"2014/15 Q2", T::kFinancialQuarter, "2014/15 Q2", 2014, 2, 1},
      {"2014/15 Q4", T::kFinancialQuarter, "2014/15 Q4", 2014, 4, 1},
      {"2014-15 Q1", T::kFinancialQuarter, "2014/15 Q1", 2014, 1, 1},
      {"2014/2015 Q3", T::kFinancialQuarter, "2014/15 Q3", 2014, 3, 1},
      {"2024-03", T::kMonth, "2024-03", 2024, 3, 1},
      {"2024-12", T::kMonth, "2024-12", 2024, 12, 1},
      {"2020-22", T::kRollingYears, "2020-22", 2020, 0, 3},
      {"2020-2022", T::kRollingYears, "2020-22", 2020, 0, 3},
      {"2014-15", T::kRollingYears, "2014-15", 2014, 0, 2},
      {"2016-2025", T::kRollingYears, "2016-25", 2016, 0, 10},
      {"1998-00", T::kRollingYears, "1998-00", 1998, 0, 3},
      {"1998-2000", T::kRollingYears, "1998-00", 1998, 0, 3},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.text);
    CAPTURE(PeriodTypeName(test.type));
    const Period period = Parse(test.text, test.type);
    CHECK(period.type == test.type);
    CHECK(period.start_year == test.start_year);
    CHECK(period.part == test.part);
    CHECK(period.span == test.span);
    CHECK(period.Label() == test.label);
    // The label is itself accepted and means the same period.
    CHECK(Parse(period.Label(), test.type) == period);
  }
}

TEST_CASE("ParsePeriod rejects other text with a message saying what was expected") {
  struct Case {
    std::string_view text;
    PeriodType type;
    std::string_view error;
  };
  const Case kCases[] = {
      {"2014", T::kFinancialYear, "expected a financial year such as 2014/15, got '2014'"},
      {"2014/16", T::kFinancialYear,
       "expected a financial year such as 2014/15, got '2014/16': the second year must be the "
       "year after the first"},
      {"2014/2016", T::kFinancialYear,
       "expected a financial year such as 2014/15, got '2014/2016': the second year must be the "
       "year after the first"},
      {"2014/14", T::kFinancialYear,
       "expected a financial year such as 2014/15, got '2014/14': the second year must be the "
       "year after the first"},
      {"2014-2015", T::kFinancialYear,
       "expected a financial year such as 2014/15, got '2014-2015'"},
      {"2014/5", T::kFinancialYear, "expected a financial year such as 2014/15, got '2014/5'"},
      {"14/15", T::kFinancialYear, "expected a financial year such as 2014/15, got '14/15'"},
      {"2014 /15", T::kFinancialYear, "expected a financial year such as 2014/15, got '2014 /15'"},
      {"1850/51", T::kFinancialYear,
       "expected a financial year such as 2014/15, got '1850/51': years must be between 1900 and "
       "2199"},
      {"2014", T::kAcademicYear, "expected an academic year such as 2014/15, got '2014'"},
      {"2020-19", T::kCalendarYear,
       "expected a calendar year such as 2023, got '2020-19': a pooled period spans 2 to 10 "
       "years, with the later year second"},
      {"2017/18 to 2019/21", T::kFinancialYear,
       "expected a financial year such as 2014/15, got '2017/18 to 2019/21': the second year "
       "must be the year after the first"},
      {"2017/18 to 2017/18", T::kAcademicYear,
       "expected an academic year such as 2014/15, got '2017/18 to 2017/18': a pooled period "
       "spans 2 to 10 years, with the later year second"},
      {"2015 to", T::kCalendarYear, "expected a calendar year such as 2023, got '2015 to'"},
      {"1850", T::kCalendarYear,
       "expected a calendar year such as 2023, got '1850': years must be between 1900 and 2199"},
      {"2200", T::kCalendarYear,
       "expected a calendar year such as 2023, got '2200': years must be between 1900 and 2199"},
      // Found by fuzzing (tests/fuzz/regressions/period/): a range ending past 2199 was read,
      // and its label then did not read back.
      {"2192-00", T::kCalendarYear,
       "expected a calendar year such as 2023, got '2192-00': years must be between 1900 and "
       "2199"},
      {"2195-05", T::kRollingYears,
       "expected a range of years such as 2020-22, got '2195-05': years must be between 1900 "
       "and 2199"},
      {"2195-2201", T::kRollingYears,
       "expected a range of years such as 2020-22, got '2195-2201': years must be between 1900 "
       "and 2199"},
      {"20230", T::kCalendarYear, "expected a calendar year such as 2023, got '20230'"},
      {"２０２３", T::kCalendarYear, "expected a calendar year such as 2023, got '２０２３'"},
      {"", T::kCalendarYear, "expected a calendar year such as 2023, got an empty value"},
      {"   ", T::kFinancialYear, "expected a financial year such as 2014/15, got an empty value"},
      {"2014 Q5", T::kQuarter,
       "expected a quarter such as 2014 Q2, got '2014 Q5': quarters are Q1 to Q4"},
      {"2014 Q0", T::kQuarter,
       "expected a quarter such as 2014 Q2, got '2014 Q0': quarters are Q1 to Q4"},
      {"2014Q2", T::kQuarter, "expected a quarter such as 2014 Q2, got '2014Q2'"},
      {"2014 q2", T::kQuarter, "expected a quarter such as 2014 Q2, got '2014 q2'"},
      {"2014/15 Q2", T::kQuarter, "expected a quarter such as 2014 Q2, got '2014/15 Q2'"},
      {"2014 Q2", T::kFinancialQuarter,
       "expected a financial quarter such as 2014/15 Q2, got '2014 Q2'"},
      {"2014/16 Q2", T::kFinancialQuarter,
       "expected a financial quarter such as 2014/15 Q2, got '2014/16 Q2': the second year "
       "must be the year after the first"},
      {"2014/15 Q5", T::kFinancialQuarter,
       "expected a financial quarter such as 2014/15 Q2, got '2014/15 Q5': quarters are Q1 to Q4"},
      {"2024-13", T::kMonth,
       "expected a month such as 2024-03, got '2024-13': months are 01 to 12"},
      {"2024-00", T::kMonth,
       "expected a month such as 2024-03, got '2024-00': months are 01 to 12"},
      {"2024-3", T::kMonth, "expected a month such as 2024-03, got '2024-3'"},
      {"2024/03", T::kMonth, "expected a month such as 2024-03, got '2024/03'"},
      {"2020/22", T::kRollingYears, "expected a range of years such as 2020-22, got '2020/22'"},
      {"2020", T::kRollingYears, "expected a range of years such as 2020-22, got '2020'"},
      {"2020-20", T::kRollingYears,
       "expected a range of years such as 2020-22, got '2020-20': a range must span 2 to 10 "
       "years, with the later year second"},
      {"2022-2020", T::kRollingYears,
       "expected a range of years such as 2020-22, got '2022-2020': a range must span 2 to 10 "
       "years, with the later year second"},
      {"2010-2020", T::kRollingYears,
       "expected a range of years such as 2020-22, got '2010-2020': a range must span 2 to 10 "
       "years, with the later year second"},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.text);
    CAPTURE(PeriodTypeName(test.type));
    std::string error;
    CHECK_FALSE(ParsePeriod(test.text, test.type, &error).has_value());
    CHECK(error == test.error);
  }
  // A null error pointer is allowed.
  CHECK_FALSE(ParsePeriod("2014", T::kFinancialYear, nullptr).has_value());
}

TEST_CASE("Periods order by time and consecutive periods have consecutive ordinals") {
  struct Case {
    PeriodType type;
    std::vector<std::string_view> in_order;  // each the period after the one before
  };
  const Case kCases[] = {
      {T::kCalendarYear, {"1999", "2000", "2001"}},
      {T::kFinancialYear, {"1999/00", "2000/01", "2001/02"}},
      {T::kAcademicYear, {"2018/19", "2019/20", "2020/21"}},
      {T::kQuarter, {"2014 Q3", "2014 Q4", "2015 Q1", "2015 Q2"}},
      {T::kFinancialQuarter, {"2014/15 Q3", "2014/15 Q4", "2015/16 Q1", "2015/16 Q2"}},
      {T::kMonth, {"2023-11", "2023-12", "2024-01", "2024-02"}},
      {T::kRollingYears, {"2018-20", "2019-21", "2020-22"}},
  };
  for (const Case& test : kCases) {
    CAPTURE(PeriodTypeName(test.type));
    for (size_t idx = 1; idx < test.in_order.size(); ++idx) {
      CAPTURE(test.in_order[idx]);
      const Period before = Parse(test.in_order[idx - 1], test.type);
      const Period after = Parse(test.in_order[idx], test.type);
      CHECK(before < after);
      CHECK(after.Ordinal() - before.Ordinal() == 1);
      CHECK(before.Shifted(1) == after);
      CHECK(after.Shifted(-1) == before);
      CHECK(before.Shifted(1).Label() == test.in_order[idx]);
    }
    const Period first = Parse(test.in_order.front(), test.type);
    const Period last = Parse(test.in_order.back(), test.type);
    const auto steps = static_cast<int32_t>(test.in_order.size() - 1);
    CHECK(first.Shifted(steps) == last);
    CHECK(last.Shifted(-steps) == first);
    CHECK(first.Shifted(0) == first);
  }
}

TEST_CASE("Period shifting and ordering details") {
  CHECK(Parse("2014 Q1", T::kQuarter).Shifted(-1).Label() == "2013 Q4");
  CHECK(Parse("2014 Q1", T::kQuarter).Shifted(9).Label() == "2016 Q2");
  CHECK(Parse("2014 Q1", T::kQuarter).Shifted(-9).Label() == "2011 Q4");
  CHECK(Parse("2024-01", T::kMonth).Shifted(-13).Label() == "2022-12");
  CHECK(Parse("2024-01", T::kMonth).Shifted(23).Label() == "2025-12");
  CHECK(Parse("2014/15 Q1", T::kFinancialQuarter).Shifted(-1).Label() == "2013/14 Q4");
  CHECK(Parse("2020-22", T::kRollingYears).Shifted(-3).Label() == "2017-19");
  CHECK(Parse("2019/20", T::kFinancialYear).Shifted(10).Label() == "2029/30");

  // Same first year: a rolling range orders by span after its first year.
  CHECK(Parse("2020-21", T::kRollingYears) < Parse("2020-22", T::kRollingYears));
  CHECK(Parse("2020-22", T::kRollingYears).Ordinal() ==
        Parse("2020-21", T::kRollingYears).Ordinal());
  // Different types never compare equal, even when they share a label.
  CHECK(Parse("2014/15", T::kFinancialYear) != Parse("2014/15", T::kAcademicYear));
  CHECK(Parse("2014-15", T::kFinancialYear) == Parse("2014/2015", T::kFinancialYear));
  CHECK(Parse("2020-22", T::kRollingYears) == Parse("2020-2022", T::kRollingYears));
  CHECK(Parse("2023", T::kCalendarYear) < Parse("2024", T::kCalendarYear));
  CHECK(Parse("2024", T::kCalendarYear) > Parse("2023", T::kCalendarYear));
}

}  // namespace
}  // namespace outcomes::model

using outcomes::model::ParsePeriod;
using outcomes::model::PeriodType;

TEST_CASE("Pooled periods: several calendar, financial or academic years taken together") {
  using T = PeriodType;
  struct Case {
    const char* text;
    T type;
    const char* label;
    int start;
    int span;
  };
  const Case kCases[] = {
      {"2015-17", T::kCalendarYear, "2015 to 2017", 2015, 3},
      {"2015 - 19", T::kCalendarYear, "2015 to 2019", 2015, 5},
      {"2015-2017", T::kCalendarYear, "2015 to 2017", 2015, 3},
      {"2015 to 2017", T::kCalendarYear, "2015 to 2017", 2015, 3},
      {"2017/18 to 2019/20", T::kFinancialYear, "2017/18 to 2019/20", 2017, 3},
      {"2017/18 - 2019/20", T::kAcademicYear, "2017/18 to 2019/20", 2017, 3},
      {"2017/18-2019/20", T::kAcademicYear, "2017/18 to 2019/20", 2017, 3},
      {"2017-18 to 2018-19", T::kFinancialYear, "2017/18 to 2018/19", 2017, 2},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.text);
    std::string error;
    auto period = ParsePeriod(test.text, test.type, &error);
    REQUIRE_MESSAGE(period.has_value(), error);
    CHECK(period->Label() == test.label);
    CHECK(period->start_year == test.start);
    CHECK(period->span == test.span);
    CHECK(period->Pooled());
    // The label reads back as the same period.
    CHECK(ParsePeriod(period->Label(), test.type, nullptr) == period);
  }
  // A split year is one year, not a pool.
  CHECK_FALSE(ParsePeriod("2014-15", T::kFinancialYear, nullptr)->Pooled());
  CHECK_FALSE(ParsePeriod("2020-22", T::kRollingYears, nullptr)->Pooled());
  // A pool sorts by its last year, then its first: 2016, 2015 to 2017, 2017, 2016 to 2018.
  auto calendar = [](const char* text) { return *ParsePeriod(text, T::kCalendarYear, nullptr); };
  CHECK(calendar("2016") < calendar("2015-17"));
  CHECK(calendar("2015-17") < calendar("2017"));
  CHECK(calendar("2017") < calendar("2016-18"));
  CHECK(calendar("2014-17") < calendar("2015-17"));
  CHECK(calendar("2015-17").EndOrdinal() == 2017);
  // In running text the ends are joined by an en dash; single periods read as their label.
  CHECK(calendar("2015-17").Phrase() == "2015\u20132017");
  CHECK(ParsePeriod("2017/18 to 2019/20", T::kFinancialYear, nullptr)->Phrase() ==
        "2017/18\u20132019/20");
  CHECK(calendar("2016").Phrase() == "2016");
}
