// Computing a site's results: intervals, area-group aggregates, disclosure control, comparison
// with benchmarks, progress against target, trend, the gap between area groups and
// plain-English sentences (DESIGN §3).
//
// Compute() takes a validated Site and returns Results holding ONLY published figures:
// suppressed cells carry no value, count, denominator or interval, and everything derived
// (comparisons, statuses, trends, gaps, sentences) is derived from published cells alone.
// Writers and views read Results, never the raw observations.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace outcomes::compute {

inline constexpr size_t kMaxComparators = 6;

// Why a cell carries no published value.
enum class Hidden : uint8_t {
  kNo,                  // published
  kMissing,             // no value in the data (blank, or "x"/".." not available)
  kSourceSuppressed,    // suppressed by the data's publisher ("*"/"c")
  kPrimary,             // count within the site's suppression range
  kSecondary,           // would let a suppressed count be worked out by subtraction
  kGroupIncomplete,     // a group aggregate that could not be formed from counts
};

// Benchmark comparison, Fingertips style: the benchmark value against the area's 95% interval.
enum class Comparison : uint8_t {
  kNotCompared,  // no interval, no benchmark value, or the area is the benchmark
  kBetter,
  kSimilar,
  kWorse,
  kHigher,  // neutral polarity
  kLower,   // neutral polarity
};

// Why a comparison could not be made (shown beside "not compared").
enum class NotComparedReason : uint8_t {
  kNone,
  kSameArea,
  kNoInterval,
  kNoBenchmarkValue,
  kNoValue,
  kNotARate,  // a count (or money, or a number): only rates and proportions are compared
};

// Progress against target, judged on the figure as published: met (meets or beats the
// reference), close (short of it by no more than the tolerance) or not met. Whether chance could
// explain the result is a separate qualifier (Cell::target_uncertain), never a status.
enum class TargetStatus : uint8_t {
  kNoTarget,  // no target, the area is not the council's, or the period is before the baseline
  kNoValue,
  kMet,
  kClose,
  kNotMet,
};

// What a cell's status was judged against.
enum class TargetReference : uint8_t {
  kNone,
  kTarget,          // the target, due in this period or later
  kTrajectoryStep,  // the trajectory's value for this period: a step on the path to the target
  kPassedTarget,    // the target, whose period has passed (this cell is later than it)
};

enum class TrendKind : uint8_t {
  kIncreasing,            // significant (chi-squared test for trend)
  kDecreasing,            // significant
  kNoSignificantChange,   // tested, not significant
  kDirectionOnly,         // too few points or no counts: direction of travel only
  kCannotCalculate,       // fewer than two published points
};

enum class Direction : uint8_t { kUnknown, kUp, kDown, kNoChange };

// One indicator × area × period × breakdown, after disclosure control. NaN = not published.
struct Cell {
  model::Period period;
  Hidden hidden = Hidden::kNo;
  uint8_t flags = 0;  // model::kFlag*
  TargetStatus target_status = TargetStatus::kNoTarget;
  uint32_t note = 0;  // index into Site::notes
  double value = NAN;
  double count = NAN;        // rounded to base 5 when the site asks
  double denominator = NAN;  // rounded to base 5 when the site asks
  double lower95 = NAN, upper95 = NAN;
  double lower998 = NAN, upper998 = NAN;
  double target_reference = NAN;  // the target or trajectory value this cell was judged against
  TargetReference target_reference_kind = TargetReference::kNone;
  // The reference lies inside the 95% interval: the status could be chance (small numbers).
  bool target_uncertain = false;
  std::array<Comparison, kMaxComparators> comparisons{};  // one per site comparator
  std::array<NotComparedReason, kMaxComparators> not_compared{};

  bool Published() const { return hidden == Hidden::kNo && model::Has(value); }
};

struct Trend {
  TrendKind kind = TrendKind::kCannotCalculate;
  int points = 0;            // points used
  double p_value = NAN;      // for the chi-squared test
  Direction short_term = Direction::kUnknown;  // latest against the previous published point
  Direction long_term = Direction::kUnknown;   // latest against the baseline
  model::Period short_term_from;
  model::Period long_term_from;
  model::Period latest;  // the latest published point's period
  // The latest change is stated before the long run: it is larger than chance would explain
  // (the two 95% intervals do not overlap; without intervals, a change of kLargeChangeShare of
  // the earlier value or more), or it goes against the long-run direction.
  bool latest_change_first = false;
  bool latest_change_beyond_chance = false;  // with intervals: they do not overlap
  bool latest_change_has_intervals = false;
  // The long run's direction as the reader is told it: the tested trend's, else the direction
  // since the baseline; kUnknown when neither is known.
  Direction long_run = Direction::kUnknown;
};

// Without intervals, a latest change counts as large at this share of the earlier value.
inline constexpr double kLargeChangeShare = 0.2;

// The trend test (chi-squared for trend) runs only on non-overlapping annual periods, as
// Fingertips does: calendar, financial and academic years. Quarters, months and rolling
// ranges of years get the direction of travel only.
bool TrendTestable(model::PeriodType type);

// An area of the results: every model area (same index) followed by the area groups.
struct ResultArea {
  std::string code;  // ONS code, or the group id for groups
  std::string name;
  std::string type;  // "group" for groups
  bool is_group = false;
  std::vector<uint32_t> members;  // model area indices, for groups
};

struct Series {
  uint32_t indicator = 0;
  uint32_t area = 0;  // index into Results::areas
  uint16_t breakdown = 0;
  std::vector<Cell> cells;  // ordered by period
  Trend trend;
  std::vector<std::string> sentences;  // plain English about the latest published cell

  // The latest published cell, or nullptr.
  const Cell* Latest() const;
};

struct GapPoint {
  model::Period period;
  double target_value = NAN;
  double rest_value = NAN;
  double gap = NAN;  // target group minus rest
  bool significant = false;  // the two 95% intervals do not overlap
};

enum class GapChange : uint8_t { kUnknown, kNarrowed, kWidened, kUnchanged };

struct Gap {
  uint32_t indicator = 0;
  std::vector<GapPoint> points;  // periods where both groups are published
  GapChange change = GapChange::kUnknown;  // latest against the first point
};

struct SuppressionRecord {
  uint32_t indicator = 0;
  uint32_t area = 0;  // index into Results::areas
  uint16_t breakdown = 0;
  model::Period period;
  Hidden reason = Hidden::kPrimary;
  std::string rule;  // e.g. "count between 1 and 4", "secondary: Kursaal + Better Start wards"
};

struct Results {
  std::vector<ResultArea> areas;
  std::vector<Series> series;  // ordered by indicator, area, breakdown
  std::vector<Gap> gaps;       // one per indicator when the site defines a gap
  std::vector<SuppressionRecord> suppressed;
  std::vector<uint32_t> comparator_areas;  // indices into areas, site.config.comparators order
  uint32_t home_area = 0;
  size_t breakdown_slots = 1;  // 1 + the most breakdowns any indicator has
  std::vector<int32_t> series_index;  // dense (indicator, area, breakdown) -> series, -1 none

  // The series for indicator × area × breakdown, or nullptr.
  const Series* Find(uint32_t indicator, uint32_t area, uint16_t breakdown = 0) const;
  // The cell of that series for `period`, or nullptr.
  const Cell* CellAt(uint32_t indicator, uint32_t area, const model::Period& period,
                     uint16_t breakdown = 0) const;
  // Index of the result area with `code` (area code or group id), or -1.
  int32_t FindArea(const std::string& code) const;
};

// Computes every result for a site that loaded without errors.
Results Compute(const model::Site& site);

// The comparison of `cell` with `benchmark` (the same indicator and period in the benchmark
// area), Fingertips style: the benchmark's value against the cell's 95% interval — inside:
// similar; outside: better or worse by polarity (higher or lower when neutral). Only rates and
// proportions are compared; otherwise, or without a value, a benchmark value or an interval,
// kNotCompared with `reason` set. The one home of this rule: every output calls it.
Comparison CompareWithBenchmark(const model::Indicator& indicator, const Cell& cell,
                                const Cell* benchmark, NotComparedReason& reason);
// Whether figures of different areas may be set against each other at all: rates and
// proportions only. A count (or money, or a number) of a ward against another's or against a
// larger area's total says how big the areas are; outputs never compare them, in words,
// colours, rankings, shared axes or reference lines.
bool ComparesAreas(const model::Indicator& indicator);

// What a figure for `period` is judged against (the one home of this rule; every output calls
// it): the trajectory's value for that period when there is one (kTrajectoryStep), else the
// target (kTarget, or kPassedTarget when the target's period is earlier). False, with `value`
// and `kind` untouched, when the indicator has no target or `period` is before its baseline.
bool TargetReferenceFor(const model::Indicator& indicator, const model::Period& period,
                        double& value, TargetReference& kind);

// Whether two published figures differ by more than chance would explain: both have 95%
// intervals and they do not overlap (the one home of this rule for two areas, or two groups).
inline bool IntervalsApart(const Cell& a, const Cell& b) {
  return model::Has(a.lower95) && model::Has(b.lower95) && model::Has(a.upper95) &&
         model::Has(b.upper95) && (a.upper95 < b.lower95 || b.upper95 < a.lower95);
}

// What data/spending.csv records as spent on `outcome_id` for the area (or group) `area_code` in
// the latest financial year it has any row for, over every row or, when `categories` is not
// empty, over rows of those service categories only. Nullopt when there is none.
struct SpendTotal {
  model::Period period;
  double amount = 0;
};
std::optional<SpendTotal> LatestSpend(const model::Site& site, const std::string& area_code,
                                      const std::string& outcome_id,
                                      const std::vector<std::string>& categories = {});

// Spend per head on an outcome in one financial year (outcomes.yaml spend_per_head), for the
// site's gap groups: the target group against the rest.
struct SpendPerHeadYear {
  model::Period period;
  double target_spend = 0;
  double rest_spend = 0;
  double target_people = 0;  // the population indicator's published denominators
  double rest_people = 0;
  // No spending is recorded for the rest group itself: it is the home area's total less the
  // target group's.
  bool rest_derived = false;

  double TargetPerHead() const { return target_spend / target_people; }
  double RestPerHead() const { return rest_spend / rest_people; }
};

// Every financial year with spending recorded on `outcome` for the gap's target group and for
// the rest group (or, for the rest, the home area's total, when it is at least the target
// group's), and a published figure of the population indicator with a denominator above zero
// for both groups in the same year. Oldest first; empty when the outcome has no
// spend_per_head, the site no gap, or no year has all four. Only published figures are read,
// so nothing suppressed is used.
std::vector<SpendPerHeadYear> SpendPerHeadFor(const model::Site& site, const Results& results,
                                              const model::Outcome& outcome);

std::string_view HiddenName(Hidden hidden);
std::string_view ComparisonName(Comparison comparison);
std::string_view NotComparedReasonText(NotComparedReason reason);
std::string_view TargetStatusName(TargetStatus status);
std::string_view TargetReferenceName(TargetReference reference);
std::string_view TrendKindName(TrendKind kind);
std::string_view DirectionName(Direction direction);
std::string_view GapChangeName(GapChange change);

}  // namespace outcomes::compute
