#include "compute/compute.h"

#include "stats/stats.h"

#include <algorithm>

#include "compute/internal/steps.h"

namespace outcomes::compute {

const Cell* Series::Latest() const {
  for (auto it = cells.rbegin(); it != cells.rend(); ++it)
    if (it->Published()) return &*it;
  return nullptr;
}

const Series* Results::Find(uint32_t indicator, uint32_t area, uint16_t breakdown) const {
  if (breakdown >= breakdown_slots || area >= areas.size()) return nullptr;
  size_t slot = (static_cast<size_t>(indicator) * areas.size() + area) * breakdown_slots + breakdown;
  if (slot >= series_index.size() || series_index[slot] < 0) return nullptr;
  return &series[static_cast<size_t>(series_index[slot])];
}

const Cell* Results::CellAt(uint32_t indicator, uint32_t area, const model::Period& period,
                            uint16_t breakdown) const {
  const Series* series = Find(indicator, area, breakdown);
  return series ? internal::CellAt(*series, period) : nullptr;
}

int32_t Results::FindArea(const std::string& code) const {
  for (size_t area_idx = 0; area_idx < areas.size(); ++area_idx)
    if (areas[area_idx].code == code) return static_cast<int32_t>(area_idx);
  return -1;
}

Results Compute(const model::Site& site) {
  Results results;
  internal::BuildAreas(site, results);
  internal::BuildSeries(site, results);
  internal::AggregateGroups(site, results);
  internal::SortSeries(results);
  internal::ComputeIntervals(site, results);
  // Everything after this line sees only published figures.
  internal::ApplyDisclosureControl(site, results);
  internal::ComputeStatuses(site, results);
  internal::ComputeGaps(site, results);
  internal::WriteSentences(site, results);
  return results;
}

bool ComparesAreas(const model::Indicator& indicator) {
  return indicator.unit == model::Unit::kPercent || indicator.unit == model::Unit::kRate;
}

Comparison CompareWithBenchmark(const model::Indicator& indicator, const Cell& cell,
                                const Cell* benchmark, NotComparedReason& reason) {
  if (!cell.Published()) {
    reason = NotComparedReason::kNoValue;
    return Comparison::kNotCompared;
  }
  // Only rates and proportions: a ward's count against a larger area's (or another ward's)
  // says how big the areas are, not how children in them are doing.
  if (!ComparesAreas(indicator)) {
    reason = NotComparedReason::kNotARate;
    return Comparison::kNotCompared;
  }
  if (!benchmark || !benchmark->Published()) {
    reason = NotComparedReason::kNoBenchmarkValue;
    return Comparison::kNotCompared;
  }
  if (!model::Has(cell.lower95) || !model::Has(cell.upper95)) {
    reason = NotComparedReason::kNoInterval;
    return Comparison::kNotCompared;
  }
  reason = NotComparedReason::kNone;
  stats::Difference difference =
      stats::CompareWithBenchmark({cell.lower95, cell.upper95}, benchmark->value);
  if (difference == stats::Difference::kSimilar) return Comparison::kSimilar;
  bool higher = difference == stats::Difference::kHigher;
  switch (indicator.polarity) {
    case model::Polarity::kHigherIsBetter: return higher ? Comparison::kBetter : Comparison::kWorse;
    case model::Polarity::kLowerIsBetter: return higher ? Comparison::kWorse : Comparison::kBetter;
    case model::Polarity::kNeutral: return higher ? Comparison::kHigher : Comparison::kLower;
  }
  return Comparison::kNotCompared;
}

std::string_view HiddenName(Hidden hidden) {
  switch (hidden) {
    case Hidden::kNo: return "published";
    case Hidden::kMissing: return "missing";
    case Hidden::kSourceSuppressed: return "suppressed-at-source";
    case Hidden::kPrimary: return "suppressed";
    case Hidden::kSecondary: return "suppressed-secondary";
    case Hidden::kGroupIncomplete: return "group-incomplete";
  }
  return "missing";
}

std::string_view ComparisonName(Comparison comparison) {
  switch (comparison) {
    case Comparison::kNotCompared: return "not-compared";
    case Comparison::kBetter: return "better";
    case Comparison::kSimilar: return "similar";
    case Comparison::kWorse: return "worse";
    case Comparison::kHigher: return "higher";
    case Comparison::kLower: return "lower";
  }
  return "not-compared";
}

std::string_view NotComparedReasonText(NotComparedReason reason) {
  switch (reason) {
    case NotComparedReason::kNone: return "";
    case NotComparedReason::kSameArea: return "this is the benchmark area";
    case NotComparedReason::kNoInterval: return "no confidence interval for this figure";
    case NotComparedReason::kNoBenchmarkValue: return "no benchmark value for this period";
    case NotComparedReason::kNoValue: return "no published value";
    case NotComparedReason::kNotARate: return "counts are not compared: the areas differ in size";
  }
  return "";
}

std::string_view TargetStatusName(TargetStatus status) {
  switch (status) {
    case TargetStatus::kNoTarget: return "no-target";
    case TargetStatus::kNoValue: return "no-value";
    case TargetStatus::kMet: return "target-met";
    case TargetStatus::kClose: return "close-to-target";
    case TargetStatus::kNotMet: return "target-not-met";
  }
  return "no-target";
}

std::string_view TargetReferenceName(TargetReference reference) {
  switch (reference) {
    case TargetReference::kNone: return "none";
    case TargetReference::kTarget: return "target";
    case TargetReference::kTrajectoryStep: return "trajectory-step";
    case TargetReference::kPassedTarget: return "passed-target";
  }
  return "none";
}

std::string_view TrendKindName(TrendKind kind) {
  switch (kind) {
    case TrendKind::kIncreasing: return "increasing";
    case TrendKind::kDecreasing: return "decreasing";
    case TrendKind::kNoSignificantChange: return "no-significant-change";
    case TrendKind::kDirectionOnly: return "direction-only";
    case TrendKind::kCannotCalculate: return "cannot-calculate";
  }
  return "cannot-calculate";
}

std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kUnknown: return "unknown";
    case Direction::kUp: return "up";
    case Direction::kDown: return "down";
    case Direction::kNoChange: return "no-change";
  }
  return "unknown";
}

std::string_view GapChangeName(GapChange change) {
  switch (change) {
    case GapChange::kUnknown: return "unknown";
    case GapChange::kNarrowed: return "narrowed";
    case GapChange::kWidened: return "widened";
    case GapChange::kUnchanged: return "unchanged";
  }
  return "unknown";
}

}  // namespace outcomes::compute
