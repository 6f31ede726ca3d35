#include "stats/stats.h"

#include <array>

#include <cmath>
#include <cstddef>
#include <optional>

#include "stats/internal/gamma.h"

namespace outcomes::stats {
namespace {

bool Finite(double value) { return std::isfinite(value); }

// 1 - confidence: the two tails together.
double Alpha(Level level) { return 1.0 - Confidence(level); }

// Byar's approximation (Breslow & Day 1987, vol. II, p. 69; the formulae in PHEindicatormethods
// byars_lower/byars_upper). Only called for count >= kByarMinimumCount, where the bracket in
// the lower limit stays positive at both levels.
Interval ByarApproximation(double count, double z) {
  const double lower_base = 1.0 - 1.0 / (9.0 * count) - z / (3.0 * std::sqrt(count));
  const double next = count + 1.0;
  const double upper_base = 1.0 - 1.0 / (9.0 * next) + z / (3.0 * std::sqrt(next));
  return {.lower = count * lower_base * lower_base * lower_base,
          .upper = next * upper_base * upper_base * upper_base};
}

// The parts of the trend statistic for the points other than `skip` (pass counts.size() to
// keep all). Scores are the original 1-based positions even when a point is skipped, as in
// fingertips-open NoOutliersCheckForProportion.
struct TrendParts {
  double chi_squared = 0;
  int direction = 0;
};

TrendParts ComputeTrend(std::span<const double> counts, std::span<const double> denominators,
                        std::size_t skip) {
  double total_n = 0;  // N
  double total_r = 0;  // R
  double sum_nt = 0;   // Σ n_i t_i
  for (std::size_t point_idx = 0; point_idx < counts.size(); ++point_idx) {
    if (point_idx == skip) continue;
    const double score = static_cast<double>(point_idx + 1);
    total_n += denominators[point_idx];
    total_r += counts[point_idx];
    sum_nt += denominators[point_idx] * score;
  }
  // All 0% or all 100%: every proportion is the same, so there is no trend. (The formula
  // would be 0/0.)
  if (total_r <= 0 || total_r >= total_n) return {};
  const double mean_score = sum_nt / total_n;

  // Centred sums (two passes) rather than N Σ r t - R Σ n t, which cancels badly when the
  // denominators are national populations.
  double numerator = 0;      // A = Σ r_i (t_i - t̄)
  double numerator_abs = 0;  // Σ |r_i (t_i - t̄)|, the scale of A's rounding error
  double spread = 0;         // V = Σ n_i (t_i - t̄)^2
  for (std::size_t point_idx = 0; point_idx < counts.size(); ++point_idx) {
    if (point_idx == skip) continue;
    const double centred = static_cast<double>(point_idx + 1) - mean_score;
    numerator += counts[point_idx] * centred;
    numerator_abs += std::fabs(counts[point_idx] * centred);
    spread += denominators[point_idx] * centred * centred;
  }
  // Equal proportions make A zero in exact arithmetic; what is left is rounding.
  if (std::fabs(numerator) <= 1e-12 * numerator_abs || spread <= 0) return {};

  const double p_bar = total_r / total_n;
  const double q_bar = (total_n - total_r) / total_n;
  // chi2 = A^2 / (p̄ q̄ V) == N (N Σrt - R Σnt)^2 / (R (N - R) (N Σnt^2 - (Σnt)^2)).
  return {.chi_squared = numerator * numerator / (p_bar * q_bar * spread),
          .direction = numerator > 0 ? 1 : -1};
}

}  // namespace

double ZScore(Level level) {
  switch (level) {
    case Level::k95:
      return 1.959963984540054;
    case Level::k998:
      return 3.090232306167813;
  }
  return 1.959963984540054;  // unreachable: every Level is handled above
}

double Confidence(Level level) {
  switch (level) {
    case Level::k95:
      return 0.95;
    case Level::k998:
      return 0.998;
  }
  return 0.95;  // unreachable: every Level is handled above
}

bool IsUsableInterval(const Interval& interval) {
  return Finite(interval.lower) && Finite(interval.upper) && interval.lower <= interval.upper;
}

std::optional<Interval> WilsonInterval(double count, double denominator, Level level) {
  if (!Finite(count) || !Finite(denominator)) return std::nullopt;
  if (denominator <= 0 || count < 0 || count > denominator) return std::nullopt;
  const double z = ZScore(level);
  const double z2 = z * z;
  // (2x + z^2 ± z sqrt(z^2 + 4x(1 - x/n))) / (2 (n + z^2)), as PHEindicatormethods writes it.
  const double root = z * std::sqrt(z2 + 4.0 * count * (1.0 - count / denominator));
  const double scale = 2.0 * (denominator + z2);
  double lower = (2.0 * count + z2 - root) / scale;
  double upper = (2.0 * count + z2 + root) / scale;
  // At count 0 and count == denominator the formula gives 0 and 1 exactly in real arithmetic;
  // pin them so rounding cannot leave 1e-17 or 1.0000000000000002.
  if (count == 0 || lower < 0) lower = 0;
  if (count == denominator || upper > 1) upper = 1;
  return Interval{.lower = lower, .upper = upper};
}

std::optional<Interval> ExactPoissonInterval(double count, Level level) {
  if (!Finite(count) || count < 0) return std::nullopt;
  const double half_alpha = Alpha(level) / 2.0;
  // Lower: Pr(X >= O | mu) = alpha/2, i.e. P(O, mu) = alpha/2 = qchisq(alpha/2, 2 O) / 2.
  const double lower = count == 0 ? 0.0 : internal::InverseRegularizedGammaP(count, half_alpha);
  // Upper: Pr(X <= O | mu) = alpha/2, i.e. P(O + 1, mu) = 1 - alpha/2.
  const double upper = internal::InverseRegularizedGammaP(count + 1.0, 1.0 - half_alpha);
  const Interval interval{.lower = lower, .upper = upper};
  if (!IsUsableInterval(interval)) return std::nullopt;  // only for counts near DBL_MAX
  return interval;
}

std::optional<Interval> ByarInterval(double count, Level level) {
  if (!Finite(count) || count < 0) return std::nullopt;
  if (count < kByarMinimumCount) {
    // Whole counts below 10 are most of a ward-level dataset's small cells; their exact limits
    // are computed once (inverting the incomplete gamma function is slow).
    static const auto kTable = [] {
      std::array<std::array<Interval, 2>, static_cast<size_t>(kByarMinimumCount)> table{};
      for (size_t whole = 0; whole < table.size(); ++whole) {
        table[whole][0] = *ExactPoissonInterval(static_cast<double>(whole), Level::k95);
        table[whole][1] = *ExactPoissonInterval(static_cast<double>(whole), Level::k998);
      }
      return table;
    }();
    if (count == std::floor(count))
      return kTable[static_cast<size_t>(count)][level == Level::k95 ? 0 : 1];
    return ExactPoissonInterval(count, level);
  }
  return ByarApproximation(count, ZScore(level));
}

std::optional<Interval> RateInterval(double count, double denominator, double per, Level level) {
  if (!Finite(denominator) || !Finite(per) || denominator <= 0 || per <= 0) return std::nullopt;
  const std::optional<Interval> count_interval = ByarInterval(count, level);
  if (!count_interval) return std::nullopt;
  const double factor = per / denominator;
  const Interval rate{.lower = count_interval->lower * factor,
                      .upper = count_interval->upper * factor};
  if (!IsUsableInterval(rate)) return std::nullopt;  // overflow for absurd per/denominator
  return rate;
}

Difference CompareWithBenchmark(const Interval& area_interval, double benchmark_value) {
  // Not usable: claim nothing (see the header).
  if (!IsUsableInterval(area_interval) || !Finite(benchmark_value)) return Difference::kSimilar;
  if (benchmark_value < area_interval.lower) return Difference::kHigher;
  if (benchmark_value > area_interval.upper) return Difference::kLower;
  return Difference::kSimilar;  // inside, bounds included
}

std::optional<TrendResult> ChiSquaredTrend(std::span<const double> counts,
                                           std::span<const double> denominators) {
  if (counts.size() != denominators.size() || counts.size() < 2) return std::nullopt;
  for (std::size_t point_idx = 0; point_idx < counts.size(); ++point_idx) {
    const double count = counts[point_idx];
    const double denominator = denominators[point_idx];
    if (!Finite(count) || !Finite(denominator)) return std::nullopt;
    if (denominator <= 0 || count < 0 || count > denominator) return std::nullopt;
  }

  const TrendParts all = ComputeTrend(counts, denominators, counts.size());
  TrendResult result;
  result.chi_squared = all.chi_squared;
  result.p_value = ChiSquaredUpperTail1(all.chi_squared);
  result.direction = all.direction;
  result.significant = result.p_value < kTrendSignificance;

  if (all.direction != 0 && counts.size() >= 3) {
    bool empirical = false;
    for (std::size_t point_idx = 0; point_idx < counts.size(); ++point_idx)
      empirical |= counts[point_idx] <= 0 || counts[point_idx] >= denominators[point_idx];
    auto sign = [](double slope) { return slope > 0 ? 1 : slope < 0 ? -1 : 0; };
    bool same = sign(LogOddsSlope(counts, denominators, counts.size(), empirical)) == all.direction;
    for (std::size_t skip_idx = 0; skip_idx < counts.size() && same; ++skip_idx)
      same = sign(LogOddsSlope(counts, denominators, skip_idx, empirical)) == all.direction;
    result.same_direction_without_any_one_point = same;
  }
  return result;
}

double LogOddsSlope(std::span<const double> counts, std::span<const double> denominators,
                    std::size_t skip, bool empirical) {
  const double half = empirical ? 0.5 : 0.0;
  double points = 0, sum_t = 0, sum_y = 0, sum_ty = 0, sum_tt = 0;
  for (std::size_t point_idx = 0; point_idx < counts.size(); ++point_idx) {
    if (point_idx == skip) continue;
    const double t = static_cast<double>(point_idx + 1);
    const double y = std::log((counts[point_idx] + half) /
                              (denominators[point_idx] - counts[point_idx] + half));
    points += 1;
    sum_t += t;
    sum_y += y;
    sum_ty += t * y;
    sum_tt += t * t;
  }
  const double spread = points * sum_tt - sum_t * sum_t;
  if (points < 2 || spread <= 0) return std::nan("");
  return (points * sum_ty - sum_t * sum_y) / spread;
}

double ChiSquaredUpperTail1(double statistic) {
  if (!(statistic > 0)) return 1.0;  // also NaN
  // A chi-squared variable with 1 d.f. is Z^2, so Pr(Z^2 > s) = Pr(|Z| > sqrt(s))
  // = erfc(sqrt(s / 2)). erfc(inf) is 0.
  return std::erfc(std::sqrt(statistic / 2.0));
}

}  // namespace outcomes::stats
