// Comparison with benchmarks, progress against target, trend and the gap between groups.
// Every function here reads published cells only (disclosure control has already run).
#include <algorithm>
#include <cmath>
#include <span>

#include "base/format.h"
#include "compute/internal/steps.h"
#include "stats/stats.h"

namespace outcomes::compute::internal {

namespace {


// Judged on the figure as published (rounded to the indicator's decimals), whatever its
// interval; whether chance could explain the result is the separate `uncertain` qualifier.
TargetStatus JudgeTarget(const model::Indicator& indicator, double tolerance, const Cell& cell,
                         double reference) {
  if (!cell.Published()) return TargetStatus::kNoValue;
  double value = base::RoundTo(cell.value, indicator.decimals);
  double shortfall = 0;  // how far the value falls short of the reference; <= 0 means met
  switch (indicator.polarity) {
    case model::Polarity::kHigherIsBetter: shortfall = reference - value; break;
    case model::Polarity::kLowerIsBetter: shortfall = value - reference; break;
    case model::Polarity::kNeutral:
      return std::fabs(value - reference) <= tolerance + 1e-9 ? TargetStatus::kMet
                                                              : TargetStatus::kNotMet;
  }
  if (shortfall <= 1e-9) return TargetStatus::kMet;
  if (shortfall <= tolerance + 1e-9) return TargetStatus::kClose;
  return TargetStatus::kNotMet;
}

Direction DirectionBetween(const model::Indicator& indicator, double from, double to) {
  double a = base::RoundTo(from, indicator.decimals);
  double b = base::RoundTo(to, indicator.decimals);
  if (a == b) return Direction::kNoChange;
  return b > a ? Direction::kUp : Direction::kDown;
}

Trend ComputeTrend(const model::Indicator& indicator, const Series& series, int trend_points) {
  Trend trend;
  std::vector<const Cell*> published;
  for (const auto& cell : series.cells)
    if (cell.Published()) published.push_back(&cell);
  if (published.size() < 2) return trend;
  const Cell& latest = *published.back();
  const Cell& previous = *published[published.size() - 2];
  trend.short_term = DirectionBetween(indicator, previous.value, latest.value);
  trend.short_term_from = previous.period;
  trend.latest = latest.period;
  if (indicator.baseline) {
    for (const Cell* cell : published) {
      if (cell->period == *indicator.baseline && cell != &latest) {
        trend.long_term = DirectionBetween(indicator, cell->value, latest.value);
        trend.long_term_from = cell->period;
      }
    }
  }
  // The recent-trend test: the last `trend_points` consecutive published points with counts.
  trend.kind = TrendKind::kDirectionOnly;
  trend.points = 2;
  if (indicator.unit != model::Unit::kPercent || !TrendTestable(latest.period.type) ||
      latest.period.span != 1)
    return trend;
  std::vector<double> counts;
  std::vector<double> denominators;
  for (size_t back = 0; back < published.size() && counts.size() < size_t(trend_points); ++back) {
    const Cell* cell = published[published.size() - 1 - back];
    if (back > 0) {
      const Cell* later = published[published.size() - back];
      // Single periods a step apart: a pooled period is several years, never one point of a
      // yearly trend.
      if (later->period.Ordinal() - cell->period.Ordinal() != 1 || cell->period.span != 1) break;
    }
    if (!model::Has(cell->count) || !model::Has(cell->denominator)) break;
    counts.insert(counts.begin(), cell->count);
    denominators.insert(denominators.begin(), cell->denominator);
  }
  if (counts.size() < size_t(trend_points)) return trend;
  auto result = stats::ChiSquaredTrend(std::span<const double>(counts),
                                       std::span<const double>(denominators));
  if (!result) return trend;
  trend.points = trend_points;
  trend.p_value = result->p_value;
  // Fingertips calls a trend only when it is significant and survives leaving out any point.
  if (result->significant && result->same_direction_without_any_one_point)
    trend.kind = result->direction > 0 ? TrendKind::kIncreasing : TrendKind::kDecreasing;
  else
    trend.kind = TrendKind::kNoSignificantChange;
  return trend;
}

// Whether the latest change goes first (see Trend::latest_change_first).
void MarkLatestChange(const Series& series, Trend& trend) {
  trend.long_run = trend.kind == TrendKind::kIncreasing   ? Direction::kUp
                   : trend.kind == TrendKind::kDecreasing ? Direction::kDown
                   : trend.kind == TrendKind::kDirectionOnly ? trend.long_term
                                                             : Direction::kUnknown;
  const Cell* latest = series.Latest();
  if (!latest || trend.short_term == Direction::kUnknown ||
      trend.short_term == Direction::kNoChange)
    return;
  const Cell* previous = CellAt(series, trend.short_term_from);
  if (!previous || !previous->Published()) return;
  trend.latest_change_has_intervals = model::Has(latest->lower95) &&
                                      model::Has(latest->upper95) &&
                                      model::Has(previous->lower95) &&
                                      model::Has(previous->upper95);
  bool large = false;
  if (trend.latest_change_has_intervals) {
    large = latest->lower95 > previous->upper95 || latest->upper95 < previous->lower95;
    trend.latest_change_beyond_chance = large;
  } else {
    large = previous->value != 0 && std::fabs(latest->value - previous->value) >=
                                        kLargeChangeShare * std::fabs(previous->value);
  }
  const bool against = (trend.long_run == Direction::kUp || trend.long_run == Direction::kDown) &&
                       trend.long_run != trend.short_term;
  trend.latest_change_first = large || against;
}

}  // namespace

// Targets are the council's: they apply to its own area, the areas within it and its groups,
// not to the benchmarks (England is not judged against Southend's target).
std::vector<bool> TargetedAreas(const model::Site& site, const Results& results) {
  std::vector<bool> targeted(results.areas.size(), false);
  for (size_t area_idx = 0; area_idx < results.areas.size(); ++area_idx) {
    if (results.areas[area_idx].is_group) {
      targeted[area_idx] = true;
      continue;
    }
    const model::Area* walker = &site.areas[area_idx];
    for (size_t steps = 0; walker && steps <= site.areas.size(); ++steps) {
      if (walker->code == site.config.home_area) {
        targeted[area_idx] = true;
        break;
      }
      walker = walker->parent.empty() ? nullptr : site.FindArea(walker->parent);
    }
  }
  return targeted;
}

void ComputeStatuses(const model::Site& site, Results& results) {
  const std::vector<bool> targeted = TargetedAreas(site, results);
  for (auto& series : results.series) {
    const auto& indicator = site.indicators[series.indicator];
    double tolerance = site.config.close_tolerance;
    if (indicator.target && indicator.target->tolerance) tolerance = *indicator.target->tolerance;
    for (auto& cell : series.cells) {
      for (size_t comparator_idx = 0; comparator_idx < results.comparator_areas.size() &&
                                      comparator_idx < kMaxComparators;
           ++comparator_idx) {
        uint32_t benchmark_area = results.comparator_areas[comparator_idx];
        if (benchmark_area == series.area) {
          cell.comparisons[comparator_idx] = Comparison::kNotCompared;
          cell.not_compared[comparator_idx] = NotComparedReason::kSameArea;
          continue;
        }
        const Series* benchmark = results.Find(series.indicator, benchmark_area, series.breakdown);
        const Cell* benchmark_cell = benchmark ? CellAt(*benchmark, cell.period) : nullptr;
        cell.comparisons[comparator_idx] =
            compute::CompareWithBenchmark(indicator, cell, benchmark_cell, cell.not_compared[comparator_idx]);
      }
      if (!indicator.target || !targeted[series.area]) {
        cell.target_status = TargetStatus::kNoTarget;
        continue;
      }
      if (!TargetReferenceFor(indicator, cell.period, cell.target_reference,
                              cell.target_reference_kind)) {
        cell.target_status = TargetStatus::kNoTarget;
        continue;
      }
      cell.target_status = JudgeTarget(indicator, tolerance, cell, cell.target_reference);
      cell.target_uncertain = cell.Published() && model::Has(cell.lower95) &&
                              model::Has(cell.upper95) &&
                              cell.target_reference >= cell.lower95 &&
                              cell.target_reference <= cell.upper95;
    }
    series.trend = ComputeTrend(indicator, series, site.config.trend_points);
    MarkLatestChange(series, series.trend);
  }
}

void ComputeGaps(const model::Site& site, Results& results) {
  if (site.config.gap_target.empty() || site.config.gap_rest.empty()) return;
  int32_t target_area = results.FindArea(site.config.gap_target);
  int32_t rest_area = results.FindArea(site.config.gap_rest);
  if (target_area < 0 || rest_area < 0) return;
  for (uint32_t indicator_idx = 0; indicator_idx < site.indicators.size(); ++indicator_idx) {
    const auto& indicator = site.indicators[indicator_idx];
    // A gap between two groups' totals means nothing for counts: only for rates and shares.
    if (indicator.unit == model::Unit::kCount) continue;
    Gap gap;
    gap.indicator = indicator_idx;
    const Series* target = results.Find(indicator_idx, static_cast<uint32_t>(target_area));
    const Series* rest = results.Find(indicator_idx, static_cast<uint32_t>(rest_area));
    if (!target || !rest) continue;
    for (const auto& cell : target->cells) {
      const Cell* other = CellAt(*rest, cell.period);
      if (!cell.Published() || !other || !other->Published()) continue;
      GapPoint point;
      point.period = cell.period;
      point.target_value = cell.value;
      point.rest_value = other->value;
      point.gap = cell.value - other->value;
      point.significant = IntervalsApart(cell, *other);
      gap.points.push_back(point);
    }
    if (gap.points.size() >= 2) {
      double first = std::fabs(base::RoundTo(gap.points.front().gap, indicator.decimals));
      double last = std::fabs(base::RoundTo(gap.points.back().gap, indicator.decimals));
      gap.change = last < first   ? GapChange::kNarrowed
                   : last > first ? GapChange::kWidened
                                  : GapChange::kUnchanged;
    }
    results.gaps.push_back(std::move(gap));
  }
}

}  // namespace outcomes::compute::internal

namespace outcomes::compute {

// Periods before the baseline have no reference: the target had not been set.
bool TargetReferenceFor(const model::Indicator& indicator, const model::Period& period,
                        double& value, TargetReference& kind) {
  if (!indicator.target) return false;
  const model::Target& target = *indicator.target;
  if (indicator.baseline && indicator.baseline->type == period.type && period < *indicator.baseline)
    return false;
  for (const auto& point : target.trajectory) {
    if (point.period == period && !(point.period == target.period)) {
      value = point.value;
      kind = TargetReference::kTrajectoryStep;
      return true;
    }
  }
  value = target.value;
  kind = target.period.type == period.type && target.period < period
             ? TargetReference::kPassedTarget
             : TargetReference::kTarget;
  return true;
}

bool TrendTestable(model::PeriodType type) {
  switch (type) {
    case model::PeriodType::kCalendarYear:
    case model::PeriodType::kFinancialYear:
    case model::PeriodType::kAcademicYear: return true;
    case model::PeriodType::kQuarter:
    case model::PeriodType::kFinancialQuarter:
    case model::PeriodType::kMonth:
    case model::PeriodType::kRollingYears: return false;
  }
  return false;
}

}  // namespace outcomes::compute
