// Periods: the time an observation refers to, parsed according to an indicator's period type.
//
// A Period is a small value; periods of the same type order by Ordinal(), and two periods are
// consecutive when their ordinals differ by one. Label() gives the one canonical spelling used
// in every output, whichever accepted form the input used.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace outcomes::model {

enum class PeriodType : uint8_t {
  kCalendarYear,      // 2023
  kFinancialYear,     // 2014/15, 2014-15, 2014/2015 (April to March)
  kAcademicYear,      // 2014/15, 2014-15, 2014/2015 (September to August)
  kQuarter,           // 2014 Q2 (calendar quarter)
  kFinancialQuarter,  // 2014/15 Q2 (Q1 = April to June 2014)
  kMonth,             // 2024-03
  kRollingYears,      // 2020-22, 2020-2022 (a range of calendar years)
};

// Returns the type named by `name` (`calendar-year`, `financial-year`, `academic-year`,
// `quarter`, `financial-quarter`, `month`, `rolling-years`), or nullopt.
std::optional<PeriodType> ParsePeriodType(std::string_view name);
// The name ParsePeriodType accepts, e.g. "financial-year".
std::string_view PeriodTypeName(PeriodType type);
// A comma-separated list of every accepted type name, for error hints.
std::string_view PeriodTypeNames();

struct Period {
  PeriodType type = PeriodType::kCalendarYear;
  int16_t start_year = 0;  // the first (or only) calendar year the period touches
  uint8_t part = 0;        // quarter 1-4 or month 1-12; 0 for year types
  uint8_t span = 1;        // number of years in a rolling range or a pooled period; 1 otherwise

  // Position of the first (or only) year, quarter or month on a time line of this type:
  // consecutive single periods differ by 1.
  int32_t Ordinal() const;
  // Position of the last year of a rolling range or pooled period (Ordinal() otherwise).
  int32_t EndOrdinal() const;
  // Whether this is a pooled period: several calendar, financial or academic years taken
  // together (2015 to 2017, 2017/18 to 2019/20). Rolling ranges are a type of their own.
  bool Pooled() const;
  // Canonical label: "2023", "2014/15", "2014 Q2", "2014/15 Q2", "2024-03", "2020-22"; a pooled
  // period "2015 to 2017" or "2017/18 to 2019/20".
  std::string Label() const;
  // The label for running text: Label(), except that a pooled period joins its ends with an
  // en dash ("2015–2017", "2017/18–2019/20"), so "from 14.7% in 2006–2008 to 12.1% in
  // 2012–2014" reads right where "2006 to 2008" would not.
  std::string Phrase() const;
  // The period `steps` positions later (earlier when negative) on the same time line, with the
  // same span.
  Period Shifted(int32_t steps) const;

  friend bool operator==(const Period&, const Period&) = default;
  // Periods sort by type, then by their last year, then by their first: 2016, 2015 to 2017,
  // 2017, 2016 to 2018.
  friend std::strong_ordering operator<=>(const Period& a, const Period& b) {
    if (auto c = a.type <=> b.type; c != 0) return c;
    if (auto c = a.EndOrdinal() <=> b.EndOrdinal(); c != 0) return c;
    if (auto c = a.Ordinal() <=> b.Ordinal(); c != 0) return c;
    return a.span <=> b.span;
  }
};

// Parses `text` (surrounding spaces ignored) as a period of `type`. On failure returns nullopt
// and, when `error` is not null, sets it to a message saying what was expected, e.g.
// "expected a financial year such as 2014/15, got '2014'". Years must be 1900-2199 (at both
// ends of a range); the second year of a 2014/15 form must follow the first; quarters are
// Q1-Q4, months 01-12; a rolling range spans 2 to 10 years. Calendar, financial and academic
// years may also be pooled periods of 2 to 10 years: "2015-17", "2015 - 19", "2015-2017",
// "2015 to 2017" (calendar), and "2017/18 to 2019/20", "2017/18 - 2019/20", "2017/18-2019/20"
// (financial and academic); a split-year form such as 2014-15 is one financial or academic year.
std::optional<Period> ParsePeriod(std::string_view text, PeriodType type, std::string* error);

}  // namespace outcomes::model
