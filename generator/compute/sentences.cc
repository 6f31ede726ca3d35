// Plain-English sentences for parents (DESIGN §3). Percentages become natural frequencies
// ("61 in every 100 children"), and the wording follows the significance result so the text
// never claims a difference or a trend the statistics do not support.
#include <cctype>
#include <cmath>

#include "base/format.h"
#include "compute/internal/steps.h"

namespace outcomes::compute::internal {

namespace {

std::string Frequency(const model::Indicator& indicator, double value, bool with_population) {
  std::string population = with_population ? " " + indicator.population : "";
  switch (indicator.unit) {
    case model::Unit::kPercent: {
      double per_hundred = base::RoundTo(value, 0);
      if (per_hundred >= 1 || value == 0)
        return base::FormatNumber(per_hundred, 0) + " in every 100" + population;
      return base::FormatNumber(value * 10, 0) + " in every 1,000" + population;
    }
    case model::Unit::kRate: {
      // Whole people: "246 in every 10,000"; a rate below 1 is said per ten times as many.
      double per = indicator.per;
      while (base::RoundTo(value, 0) < 1 && value > 0 && per < 1e9) {
        value *= 10;
        per *= 10;
      }
      return base::FormatNumber(base::RoundTo(value, 0), 0) + " in every " +
             base::FormatNumber(per, 0) + population;
    }
    case model::Unit::kCount:
      return base::FormatNumber(value, 0) + population;
    case model::Unit::kCurrency:
      return "£" + base::FormatNumber(value, indicator.decimals);
    case model::Unit::kNumber:
      return base::FormatNumber(value, indicator.decimals);
  }
  return base::FormatNumber(value, indicator.decimals);
}

// The figure as published, with its unit: "28.6%", "245.8 per 10,000".
std::string Figure(const model::Indicator& indicator, double value) {
  std::string number = base::FormatNumber(value, indicator.decimals);
  switch (indicator.unit) {
    case model::Unit::kPercent: return number + "%";
    case model::Unit::kRate: return number + " per " + base::FormatNumber(indicator.per, 0);
    case model::Unit::kCurrency: return "£" + number;
    case model::Unit::kCount:
    case model::Unit::kNumber: return number;
  }
  return number;
}

std::string Opening(const model::Indicator& indicator, const std::string& area_name,
                    const Cell& cell) {
  const std::string period = cell.period.Label();
  switch (indicator.unit) {
    case model::Unit::kPercent:
    case model::Unit::kRate:
    case model::Unit::kCount:
      return Frequency(indicator, cell.value, true) + " in " + area_name + " " +
             indicator.phrase + " in " + period + ".";
    default:
      return "In " + period + ", " + indicator.short_title + " in " + area_name + " was " +
             Frequency(indicator, cell.value, false) + ".";
  }
}

std::string ComparisonSentence(const model::Indicator& indicator, const Cell& cell,
                               const Cell& benchmark, Comparison comparison,
                               NotComparedReason reason, const std::string& benchmark_name) {
  const std::string figure = Frequency(indicator, benchmark.value, false);
  const bool people = indicator.unit == model::Unit::kPercent;
  const bool above = cell.value > benchmark.value;
  switch (comparison) {
    case Comparison::kBetter:
    case Comparison::kWorse:
    case Comparison::kHigher:
    case Comparison::kLower:
      return "That is " +
             std::string(people ? (above ? "more" : "fewer") : (above ? "higher" : "lower")) +
             " than across " + benchmark_name + " (" + figure +
             "), a difference too large to be down to chance.";
    case Comparison::kSimilar:
      return "That is about the same as across " + benchmark_name + " (" + figure +
             "): the difference is small enough to be down to chance.";
    case Comparison::kNotCompared:
      if (reason == NotComparedReason::kNoInterval)
        return "Across " + benchmark_name + " the figure was " + figure +
               "; we cannot say whether the difference is real because this figure has no "
               "confidence interval.";
      return {};
  }
  return {};
}

// The latest change, when Trend::latest_change_first says it goes first: "In 2019/20 it rose
// from 142 in every 10,000 in 2018/19 to 246 in every 10,000, a bigger change than chance would
// explain." Empty otherwise.
std::string LatestChangeSentence(const model::Indicator& indicator, const Trend& trend,
                                 const Series& series) {
  if (!trend.latest_change_first) return {};
  const Cell* latest = series.Latest();
  const Cell* previous = CellAt(series, trend.short_term_from);
  if (!latest || !previous) return {};
  std::string why;
  if (trend.latest_change_has_intervals)
    why = trend.latest_change_beyond_chance ? ", a bigger change than chance would explain."
                                            : ", a change that could be down to chance.";
  else
    why = std::fabs(latest->value - previous->value) >=
                  kLargeChangeShare * std::fabs(previous->value)
              ? ", a change of a fifth or more."
              : ".";
  const bool rising = latest->value > previous->value;
  std::string from = Frequency(indicator, previous->value, false);
  std::string to = Frequency(indicator, latest->value, false);
  // Whole people can hide a change (28.6% and 29.4% are both "29 in every 100"): then the
  // figures as published.
  if (from == to) {
    from = Figure(indicator, previous->value);
    to = Figure(indicator, latest->value);
  }
  return "In " + latest->period.Phrase() + " it " + (rising ? "rose" : "fell") + " from " + from +
         " in " + previous->period.Phrase() + " to " + to + why;
}

std::string TrendSentence(const model::Indicator& indicator, const Trend& trend,
                          const Series& series) {
  // A large latest change comes first, so that a sharp rise is never followed by a bare "it
  // has gone down since ..." (true of the long run, wrong as a summary).
  std::string change = LatestChangeSentence(indicator, trend, series);
  // When the long run starts at the previous point, it is the same change: say it once.
  const Cell* last = series.Latest();
  model::Period long_run_from =
      trend.kind == TrendKind::kDirectionOnly
          ? (trend.long_term != Direction::kUnknown ? trend.long_term_from : trend.short_term_from)
          : (last ? last->period.Shifted(1 - trend.points) : trend.short_term_from);
  if (trend.kind != TrendKind::kCannotCalculate && long_run_from == trend.short_term_from &&
      !(trend.kind == TrendKind::kDirectionOnly && trend.long_term == Direction::kUnknown))
    change.clear();
  const std::string before = change.empty() ? "" : " Over the longer run, ";
  auto join = [&](const std::string& long_run) {
    if (change.empty()) return long_run;
    if (long_run.empty()) return change;
    // "It has gone down since ..." -> "Over the longer run, it has gone down since ...".
    std::string lowered = long_run;
    lowered[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowered[0])));
    return change + before + lowered;
  };
  switch (trend.kind) {
    case TrendKind::kIncreasing:
    case TrendKind::kDecreasing: {
      const Cell* latest = series.Latest();
      std::string from = latest ? latest->period.Shifted(1 - trend.points).Phrase() : "";
      return join(std::string(trend.kind == TrendKind::kIncreasing ? "It has gone up"
                                                                   : "It has gone down") +
                  " steadily since " + from + ", by more than chance would explain.");
    }
    case TrendKind::kNoSignificantChange: {
      const Cell* latest = series.Latest();
      std::string from = latest ? latest->period.Shifted(1 - trend.points).Phrase() : "";
      return join("There has been no clear change since " + from + ".");
    }
    case TrendKind::kDirectionOnly: {
      bool long_term = trend.long_term != Direction::kUnknown;
      // With only the latest change known, the change sentence says it all.
      if (!long_term && !change.empty()) return change;
      Direction direction = long_term ? trend.long_term : trend.short_term;
      std::string since = (long_term ? trend.long_term_from : trend.short_term_from).Phrase();
      switch (direction) {
        case Direction::kUp: return join("It has gone up since " + since + ".");
        case Direction::kDown: return join("It has gone down since " + since + ".");
        case Direction::kNoChange: return join("It is the same as in " + since + ".");
        case Direction::kUnknown: return change;
      }
      return change;
    }
    case TrendKind::kCannotCalculate: return {};
  }
  return {};
}

}  // namespace

void WriteSentences(const model::Site& site, Results& results) {
  for (auto& series : results.series) {
    if (series.breakdown != 0) continue;
    const Cell* latest = series.Latest();
    if (!latest) continue;
    const auto& indicator = site.indicators[series.indicator];
    const auto& area = results.areas[series.area];
    series.sentences.push_back(Opening(indicator, area.name, *latest));
    // The benchmark a reader of this area expects: the home area for its wards and groups, the
    // widest comparator (usually England) for the home area itself.
    size_t chosen = kMaxComparators;
    for (size_t idx = 0; idx < results.comparator_areas.size() && idx < kMaxComparators; ++idx) {
      if (results.comparator_areas[idx] == series.area) continue;
      if (series.area == results.home_area || chosen == kMaxComparators) chosen = idx;
    }
    // Counts of different-sized areas cannot be compared; shares, rates and values can.
    if (chosen != kMaxComparators && indicator.unit != model::Unit::kCount) {
      uint32_t benchmark_area = results.comparator_areas[chosen];
      const Series* benchmark = results.Find(series.indicator, benchmark_area, 0);
      const Cell* benchmark_cell = benchmark ? CellAt(*benchmark, latest->period) : nullptr;
      if (benchmark_cell && benchmark_cell->Published()) {
        std::string sentence = ComparisonSentence(
            indicator, *latest, *benchmark_cell, latest->comparisons[chosen],
            latest->not_compared[chosen], results.areas[benchmark_area].name);
        if (!sentence.empty()) series.sentences.push_back(std::move(sentence));
      }
    }
    std::string trend = TrendSentence(indicator, series.trend, series);
    if (!trend.empty()) series.sentences.push_back(std::move(trend));
  }
}

}  // namespace outcomes::compute::internal
