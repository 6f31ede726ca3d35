// Statistics: confidence intervals, benchmark comparison and trend tests, as pure numbers.
//
// The methods are the ones OHID Fingertips and the PHEindicatormethods R package use, so a
// council analyst gets the same answer from us as from them:
//   * proportions: Wilson score interval;
//   * counts and crude rates: exact Poisson limits for counts below 10 and Byar's
//     approximation from 10 up (PHEindicatormethods `phe_rate`; Fingertips Public Health
//     Technical Guidance, "Rates": "Counts of 10 or greater ... Byar's approximation",
//     "Counts of less than 10 ... the chi-squared exact method");
//   * comparison with a benchmark: is the benchmark VALUE inside the area's interval;
//   * recent trend: chi-squared test for trend in proportions on the last 5 points,
//     significant at the 99.8% level (p < 0.002).
//
// Nothing here reads files, allocates beyond its arguments or throws: a calculation that is not
// possible for the data given returns std::nullopt (or, where documented, a neutral value), so
// callers can say "not computable" and why.
#pragma once

#include <optional>
#include <span>

namespace outcomes::stats {

// The two confidence levels public-health publications use.
enum class Level { k95, k998 };  // 95% and 99.8% (two-sided)

// The two-sided standard normal quantile for `level`: 1.959963984540054 for 95% and
// 3.090232306167813 for 99.8% (that is, qnorm(0.975) and qnorm(0.999)).
double ZScore(Level level);

// The confidence as a fraction: 0.95 or 0.998.
double Confidence(Level level);

// A confidence interval. For WilsonInterval the bounds are proportions in [0, 1]; for the
// Poisson intervals they are counts (scale them for a rate). Lower never exceeds upper.
struct Interval {
  double lower = 0;
  double upper = 0;
};

// True when both bounds are finite numbers and lower <= upper.
bool IsUsableInterval(const Interval& interval);

// ---------------------------------------------------------------------------------------------
// Proportions

// The Wilson score interval (Wilson 1927, without continuity correction, as in Newcombe 1998 and
// PHEindicatormethods `wilson_lower`/`wilson_upper`) for the proportion count/denominator, with
// bounds as proportions in [0, 1]. Counts and denominators need not be whole numbers.
// Returns nullopt when an argument is not finite, denominator <= 0, count < 0 or
// count > denominator. Count 0 gives lower 0; count == denominator gives upper 1.
std::optional<Interval> WilsonInterval(double count, double denominator, Level level);

// ---------------------------------------------------------------------------------------------
// Counts and rates

// Counts at or above this use Byar's approximation; below it the exact Poisson limits
// (PHEindicatormethods `phe_rate`: `if_else(x < 10, qchisq(...)/2, byars_lower(...))`).
inline constexpr double kByarMinimumCount = 10;

// The confidence interval for an observed Poisson COUNT, the way Fingertips and
// PHEindicatormethods compute it for crude rates: Byar's approximation (Breslow & Day 1987)
//   lower = O (1 - 1/(9 O) - z/(3 sqrt(O)))^3
//   upper = (O+1) (1 - 1/(9 (O+1)) + z/(3 sqrt(O+1)))^3
// when count >= kByarMinimumCount, and ExactPoissonInterval below that (Byar's method is
// inaccurate for small counts). Count 0 therefore gives lower 0 and the exact upper limit
// (3.689 at 95%, 6.908 at 99.8%). Callers scale by per/denominator for a rate (or use
// RateInterval). Returns nullopt when count is negative or not finite.
std::optional<Interval> ByarInterval(double count, Level level);

// The exact ("chi-squared exact", Garwood 1936) Poisson interval for an observed count:
//   lower = qchisq(alpha/2, 2 O) / 2  (0 when O = 0),  upper = qchisq(1 - alpha/2, 2 O + 2) / 2,
// computed by inverting the regularized incomplete gamma function. Non-integer counts are
// accepted (as R's qchisq does). Returns nullopt when count is negative or not finite.
std::optional<Interval> ExactPoissonInterval(double count, Level level);

// The interval for the crude rate count/denominator*per, i.e. ByarInterval(count) scaled by
// per/denominator. Returns nullopt when ByarInterval would, or when denominator <= 0, per <= 0
// or either is not finite.
std::optional<Interval> RateInterval(double count, double denominator, double per, Level level);

// ---------------------------------------------------------------------------------------------
// Comparison with a benchmark

// How an area compares with a benchmark (England, the region, the borough ...).
enum class Difference {
  kLower,    // the area is significantly lower than the benchmark
  kSimilar,  // not significantly different
  kHigher,   // the area is significantly higher than the benchmark
};

// Fingertips' comparison: the benchmark VALUE is tested against the AREA's interval (not two
// intervals for overlap). Returns kHigher when benchmark_value < lower, kLower when
// benchmark_value > upper, and kSimilar when the benchmark lies inside the interval INCLUDING
// either bound (a value exactly on a bound is not significant; fingertips-open
// SingleOverlappingCIsForOneCILevelComparer tests `val <= UpperCI95 && val >= LowerCI95`).
// Polarity (better/worse) is the caller's. Bad input is not an error but can never show a
// difference: when the interval is not usable (see IsUsableInterval) or the benchmark is not
// finite it returns kSimilar; callers that must say "not compared" check IsUsableInterval first.
Difference CompareWithBenchmark(const Interval& area_interval, double benchmark_value);

// ---------------------------------------------------------------------------------------------
// Trend

// Fingertips' recent trend uses the most recent this many points (fingertips-open
// TrendMarkerCalculator.PointsToUse; PHEindicatormethods `assign_trend_markers`).
inline constexpr int kTrendPoints = 5;

// The significance level at which Fingertips calls a recent trend increasing or decreasing:
// p < 0.002, i.e. the 99.8% level. Sources: fingertips-open
// PholioVisualisationWS/Analysis/TrendMarkers/TrendMarkerCalculator.cs
// (`ChiSquareConfidence = 9.54953570608324`, the chi-squared 1-d.f. value with upper tail
// 0.002), and PHEindicatormethods `assign_trend_markers` (`if (test_statistic > 9.5495)`),
// which cites OHID "Fingertips trend markers", Public Health Technical Guidance (2025).
inline constexpr double kTrendSignificance = 0.002;
// The same threshold as a chi-squared statistic: a trend is significant when
// chi_squared > kTrendChiSquaredCritical (== ZScore(Level::k998) squared).
inline constexpr double kTrendChiSquaredCritical = 9.54953570608324;

struct TrendResult {
  double chi_squared = 0;  // the test statistic, 1 degree of freedom
  double p_value = 1;      // ChiSquaredUpperTail1(chi_squared)
  int direction = 0;       // +1 proportions rise over time, -1 fall, 0 flat (no difference)
  // p_value < kTrendSignificance (equivalently chi_squared > kTrendChiSquaredCritical).
  bool significant = false;
  // Fingertips also requires the trend's direction to survive leaving out any one point (its
  // "outlier" check), judged by the unweighted least-squares slope of the log-odds
  // ln(r / (n - r)) on the periods' positions: true when there are at least 3 points and the
  // slope over every point and over each leave-one-out subset (keeping the points' positions)
  // all have the sign of `direction`. Where a point is 0% or 100% its log-odds is undefined, so
  // the empirical log-odds ln((r + 0.5) / (n - r + 0.5)) stands in for every point.
  bool same_direction_without_any_one_point = false;
};

// The chi-squared test for trend in proportions (Cochran 1954; Armitage 1955), with scores
// 1..n for n consecutive periods given in time order as counts[i] out of denominators[i]:
//   chi2 = N (N Σ r_i t_i - R Σ n_i t_i)^2 / (R (N - R) (N Σ n_i t_i^2 - (Σ n_i t_i)^2)),
// the statistic of R's prop.trend.test and fingertips-open's
// IsSignificantForProportions (no (N-1)/N factor). Pass only the points to test (Fingertips
// uses the last kTrendPoints and needs at least that many; this function needs 2).
// When every proportion is the same (including all 0% or all 100%) the result is
// chi_squared 0, p_value 1, direction 0. Differences within floating-point rounding count as
// none. Returns nullopt when the spans differ in length, have fewer than 2 points, or any point
// has a non-finite value, denominator <= 0, count < 0 or count > denominator.
std::optional<TrendResult> ChiSquaredTrend(std::span<const double> counts,
                                           std::span<const double> denominators);

// The unweighted least-squares slope of the log-odds of counts[i] / denominators[i] on the
// positions 1..n, leaving out the point at `skip` (none when skip >= n), as Fingertips' outlier
// check computes it. `empirical` uses ln((r + 0.5) / (n - r + 0.5)). Inputs as validated by
// ChiSquaredTrend; NaN with fewer than 2 points left.
double LogOddsSlope(std::span<const double> counts, std::span<const double> denominators,
                    std::size_t skip, bool empirical);

// The probability that a chi-squared variable with 1 degree of freedom exceeds `statistic`
// (erfc(sqrt(statistic / 2))). Returns 1 for statistic <= 0 or NaN, and 0 for +infinity.
double ChiSquaredUpperTail1(double statistic);

}  // namespace outcomes::stats
