#include "model/period.h"

#include <array>

namespace outcomes::model {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;
constexpr int kMinRollingSpan = 2;
constexpr int kMaxRollingSpan = 10;

struct TypeInfo {
  PeriodType type;
  std::string_view name;
  std::string_view expected;  // completes "expected ..." in error messages
};

constexpr std::array<TypeInfo, 7> kTypes = {{
    {PeriodType::kCalendarYear, "calendar-year", "a calendar year such as 2023"},
    {PeriodType::kFinancialYear, "financial-year", "a financial year such as 2014/15"},
    {PeriodType::kAcademicYear, "academic-year", "an academic year such as 2014/15"},
    {PeriodType::kQuarter, "quarter", "a quarter such as 2014 Q2"},
    {PeriodType::kFinancialQuarter, "financial-quarter", "a financial quarter such as 2014/15 Q2"},
    {PeriodType::kMonth, "month", "a month such as 2024-03"},
    {PeriodType::kRollingYears, "rolling-years", "a range of years such as 2020-22"},
}};

const TypeInfo& Info(PeriodType type) { return kTypes[static_cast<size_t>(type)]; }

// Floor division and modulo, so that Shifted works for any step count.
int32_t FloorDiv(int32_t a, int32_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int32_t FloorMod(int32_t a, int32_t b) { return a - FloorDiv(a, b) * b; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Parses exactly `text` as an unsigned decimal number of `digits` digits; -1 otherwise.
int ParseDigits(std::string_view text, size_t digits) {
  if (text.size() != digits) return -1;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string TwoDigits(int value) {
  value = FloorMod(value, 100);
  return {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

// Why a text that has a period's shape was still rejected ("" when it has the wrong shape).
struct Failure {
  std::string detail;
};

std::optional<int> ParseYear(std::string_view text, Failure& failure) {
  const int year = ParseDigits(text, 4);
  if (year < 0) return std::nullopt;
  if (year < kMinYear || year > kMaxYear) {
    failure.detail = "years must be between 1900 and 2199";
    return std::nullopt;
  }
  return year;
}

// The year after `first`, written as the two-digit or four-digit `second`; nullopt otherwise.
// A two-digit year names the first year after `first` that ends in those digits (2099-00 ends in
// 2100); a four-digit year must be written in full.
std::optional<int> ParseEndYear(int first, std::string_view second) {
  if (second.size() == 2) {
    const int digits = ParseDigits(second, 2);
    if (digits < 0) return std::nullopt;
    int gap = FloorMod(digits - first, 100);
    if (gap == 0) gap = 100;  // "2020-20" would mean a 101-year range: reject via the span check
    return first + gap;
  }
  if (second.size() == 4) {
    const int year = ParseDigits(second, 4);
    if (year < 0) return std::nullopt;
    return year;
  }
  return std::nullopt;
}

// Whether the last year of a range written with a two-digit end (2195-05 ends in 2205) or a
// four-digit one is in the years a period may have; sets `failure` when not. (Otherwise its
// label, which every output writes, would not read back.)
bool LastYearInRange(int last, Failure& failure) {
  if (last <= kMaxYear) return true;
  failure.detail = "years must be between 1900 and 2199";
  return false;
}

// "2014/15", "2014-15" or "2014/2015": returns the first year.
std::optional<int> ParseSplitYear(std::string_view text, Failure& failure) {
  if (text.size() != 7 && text.size() != 9) return std::nullopt;
  if (text[4] != '/' && text[4] != '-') return std::nullopt;
  // 2014-2015 is not one of the documented forms (it reads as a two-year rolling range).
  if (text.size() == 9 && text[4] != '/') return std::nullopt;
  const int first = ParseDigits(text.substr(0, 4), 4);
  const std::optional<int> second = ParseEndYear(first, text.substr(5));
  if (first < 0 || !second) return std::nullopt;
  if (!ParseYear(text.substr(0, 4), failure)) return std::nullopt;
  if (*second != first + 1) {
    failure.detail = "the second year must be the year after the first";
    return std::nullopt;
  }
  return first;
}

// " Q2" after a year: returns the quarter.
std::optional<int> ParseQuarterSuffix(std::string_view text, Failure& failure) {
  if (text.size() != 3 || text[0] != ' ' || text[1] != 'Q') return std::nullopt;
  const int quarter = ParseDigits(text.substr(2), 1);
  if (quarter < 0) return std::nullopt;
  if (quarter < 1 || quarter > 4) {
    failure.detail = "quarters are Q1 to Q4";
    return std::nullopt;
  }
  return quarter;
}

std::optional<Period> ParseAs(std::string_view text, PeriodType type, Failure& failure, bool);

// Splits a pooled period "A to B", "A - B" or "A-B" (for split years only "A to B", "A - B"
// and "A-B" where A and B are split years) into its first and last parts.
bool SplitPooled(std::string_view text, bool split_years, std::string_view& first,
                 std::string_view& last) {
  for (std::string_view separator : {std::string_view(" to "), std::string_view(" - ")}) {
    const size_t at = text.find(separator);
    if (at != std::string_view::npos) {
      first = Trim(text.substr(0, at));
      last = Trim(text.substr(at + separator.size()));
      return true;
    }
  }
  if (split_years) {
    // 2017/18-2019/20: the dash between two split years.
    if (text.size() >= 15 && text[4] == '/') {
      const size_t dash = text.find('-', 5);
      if (dash == std::string_view::npos) return false;
      first = text.substr(0, dash);
      last = text.substr(dash + 1);
      return true;
    }
    return false;
  }
  if ((text.size() == 7 || text.size() == 9) && text[4] == '-') {
    first = text.substr(0, 4);
    last = text.substr(5);
    return true;
  }
  return false;
}

// A pooled period of calendar, financial or academic years: "2015 to 2017", "2015-17",
// "2015 - 19", "2017/18 to 2019/20". nullopt (with `failure` set when the text had the shape)
// otherwise.
std::optional<Period> ParsePooled(std::string_view text, PeriodType type, Failure& failure) {
  const bool split_years = type != PeriodType::kCalendarYear;
  std::string_view first_text;
  std::string_view last_text;
  if (!SplitPooled(text, split_years, first_text, last_text)) return std::nullopt;
  int first = 0;
  int last = 0;
  if (split_years) {
    const std::optional<int> start = ParseSplitYear(first_text, failure);
    if (!start) return std::nullopt;
    std::optional<int> end = ParseSplitYear(last_text, failure);
    if (!end) return std::nullopt;
    first = *start;
    last = *end;
  } else {
    const std::optional<int> start = ParseYear(first_text, failure);
    if (!start) return std::nullopt;
    first = *start;
    if (last_text.size() == 2) {
      const std::optional<int> end = ParseEndYear(first, last_text);
      if (!end || !LastYearInRange(*end, failure)) return std::nullopt;
      last = *end;
    } else {
      const std::optional<int> end = ParseYear(last_text, failure);
      if (!end) return std::nullopt;
      last = *end;
    }
  }
  const int span = last - first + 1;
  if (span < kMinRollingSpan || span > kMaxRollingSpan) {
    failure.detail = "a pooled period spans 2 to 10 years, with the later year second";
    return std::nullopt;
  }
  Period period;
  period.type = type;
  period.start_year = static_cast<int16_t>(first);
  period.span = static_cast<uint8_t>(span);
  return period;
}

std::optional<Period> ParseAs(std::string_view text, PeriodType type, Failure& failure) {
  Period period;
  period.type = type;
  if (type == PeriodType::kCalendarYear || type == PeriodType::kFinancialYear ||
      type == PeriodType::kAcademicYear) {
    // A single split year "2014-15" is not a pooled period: try the single forms first.
    Failure single_failure;
    if (std::optional<Period> single = ParseAs(text, type, single_failure, true)) return single;
    Failure pooled_failure;
    if (std::optional<Period> pooled = ParsePooled(text, type, pooled_failure)) return pooled;
    failure = !single_failure.detail.empty() ? single_failure : pooled_failure;
    return std::nullopt;
  }
  return ParseAs(text, type, failure, true);
}

std::optional<Period> ParseAs(std::string_view text, PeriodType type, Failure& failure, bool) {
  Period period;
  period.type = type;
  switch (type) {
    case PeriodType::kCalendarYear: {
      const std::optional<int> year = ParseYear(text, failure);
      if (!year) return std::nullopt;
      period.start_year = static_cast<int16_t>(*year);
      return period;
    }
    case PeriodType::kFinancialYear:
    case PeriodType::kAcademicYear: {
      const std::optional<int> year = ParseSplitYear(text, failure);
      if (!year) return std::nullopt;
      period.start_year = static_cast<int16_t>(*year);
      return period;
    }
    case PeriodType::kQuarter: {
      if (text.size() < 4) return std::nullopt;
      const std::optional<int> year = ParseYear(text.substr(0, 4), failure);
      if (!year) return std::nullopt;
      const std::optional<int> quarter = ParseQuarterSuffix(text.substr(4), failure);
      if (!quarter) return std::nullopt;
      period.start_year = static_cast<int16_t>(*year);
      period.part = static_cast<uint8_t>(*quarter);
      return period;
    }
    case PeriodType::kFinancialQuarter: {
      const size_t space = text.find(' ');
      if (space == std::string_view::npos) return std::nullopt;
      const std::optional<int> year = ParseSplitYear(text.substr(0, space), failure);
      if (!year) return std::nullopt;
      const std::optional<int> quarter = ParseQuarterSuffix(text.substr(space), failure);
      if (!quarter) return std::nullopt;
      period.start_year = static_cast<int16_t>(*year);
      period.part = static_cast<uint8_t>(*quarter);
      return period;
    }
    case PeriodType::kMonth: {
      if (text.size() != 7 || text[4] != '-') return std::nullopt;
      const int month = ParseDigits(text.substr(5), 2);
      if (month < 0) return std::nullopt;
      const std::optional<int> year = ParseYear(text.substr(0, 4), failure);
      if (!year) return std::nullopt;
      if (month < 1 || month > 12) {
        failure.detail = "months are 01 to 12";
        return std::nullopt;
      }
      period.start_year = static_cast<int16_t>(*year);
      period.part = static_cast<uint8_t>(month);
      return period;
    }
    case PeriodType::kRollingYears: {
      if ((text.size() != 7 && text.size() != 9) || text[4] != '-') return std::nullopt;
      const int first = ParseDigits(text.substr(0, 4), 4);
      const std::optional<int> last = ParseEndYear(first, text.substr(5));
      if (first < 0 || !last) return std::nullopt;
      if (!ParseYear(text.substr(0, 4), failure)) return std::nullopt;
      if (!LastYearInRange(*last, failure)) return std::nullopt;
      const int span = *last - first + 1;
      if (span < kMinRollingSpan || span > kMaxRollingSpan) {
        failure.detail = "a range must span 2 to 10 years, with the later year second";
        return std::nullopt;
      }
      period.start_year = static_cast<int16_t>(first);
      period.span = static_cast<uint8_t>(span);
      return period;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<PeriodType> ParsePeriodType(std::string_view name) {
  for (const TypeInfo& info : kTypes) {
    if (info.name == name) return info.type;
  }
  return std::nullopt;
}

std::string_view PeriodTypeName(PeriodType type) { return Info(type).name; }

std::string_view PeriodTypeNames() {
  return "calendar-year, financial-year, academic-year, quarter, financial-quarter, month, "
         "rolling-years";
}

int32_t Period::Ordinal() const {
  switch (type) {
    case PeriodType::kQuarter:
    case PeriodType::kFinancialQuarter:
      return int32_t{start_year} * 4 + (part - 1);
    case PeriodType::kMonth:
      return int32_t{start_year} * 12 + (part - 1);
    case PeriodType::kCalendarYear:
    case PeriodType::kFinancialYear:
    case PeriodType::kAcademicYear:
    case PeriodType::kRollingYears:
      break;
  }
  return start_year;
}

int32_t Period::EndOrdinal() const {
  switch (type) {
    case PeriodType::kCalendarYear:
    case PeriodType::kFinancialYear:
    case PeriodType::kAcademicYear:
    case PeriodType::kRollingYears:
      return Ordinal() + span - 1;
    case PeriodType::kQuarter:
    case PeriodType::kFinancialQuarter:
    case PeriodType::kMonth:
      break;
  }
  return Ordinal();
}

bool Period::Pooled() const {
  return span > 1 && (type == PeriodType::kCalendarYear || type == PeriodType::kFinancialYear ||
                      type == PeriodType::kAcademicYear);
}

std::string Period::Label() const {
  const std::string year = std::to_string(start_year);
  if (Pooled()) {
    Period last = *this;
    last.span = 1;
    last.start_year = static_cast<int16_t>(start_year + span - 1);
    Period first = *this;
    first.span = 1;
    return first.Label() + " to " + last.Label();
  }
  switch (type) {
    case PeriodType::kCalendarYear:
      return year;
    case PeriodType::kFinancialYear:
    case PeriodType::kAcademicYear:
      return year + '/' + TwoDigits(start_year + 1);
    case PeriodType::kQuarter:
      return year + " Q" + std::to_string(part);
    case PeriodType::kFinancialQuarter:
      return year + '/' + TwoDigits(start_year + 1) + " Q" + std::to_string(part);
    case PeriodType::kMonth:
      return year + '-' + TwoDigits(part);
    case PeriodType::kRollingYears:
      return year + '-' + TwoDigits(start_year + span - 1);
  }
  return year;
}

std::string Period::Phrase() const {
  if (!Pooled()) return Label();
  std::string label = Label();
  const size_t to = label.find(" to ");
  return label.substr(0, to) + "\u2013" + label.substr(to + 4);
}

Period Period::Shifted(int32_t steps) const {
  Period shifted = *this;
  const int32_t ordinal = Ordinal() + steps;
  switch (type) {
    case PeriodType::kQuarter:
    case PeriodType::kFinancialQuarter:
      shifted.start_year = static_cast<int16_t>(FloorDiv(ordinal, 4));
      shifted.part = static_cast<uint8_t>(FloorMod(ordinal, 4) + 1);
      break;
    case PeriodType::kMonth:
      shifted.start_year = static_cast<int16_t>(FloorDiv(ordinal, 12));
      shifted.part = static_cast<uint8_t>(FloorMod(ordinal, 12) + 1);
      break;
    case PeriodType::kCalendarYear:
    case PeriodType::kFinancialYear:
    case PeriodType::kAcademicYear:
    case PeriodType::kRollingYears:
      shifted.start_year = static_cast<int16_t>(ordinal);
      break;
  }
  return shifted;
}

std::optional<Period> ParsePeriod(std::string_view text, PeriodType type, std::string* error) {
  const std::string_view trimmed = Trim(text);
  Failure failure;
  if (std::optional<Period> period = ParseAs(trimmed, type, failure)) return period;
  if (error != nullptr) {
    *error = "expected ";
    *error += Info(type).expected;
    if (trimmed.empty()) {
      *error += ", got an empty value";
    } else {
      *error += ", got '";
      *error += trimmed;
      *error += '\'';
    }
    if (!failure.detail.empty()) {
      *error += ": ";
      *error += failure.detail;
    }
  }
  return std::nullopt;
}

}  // namespace outcomes::model
