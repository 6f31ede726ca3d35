// Plain-language sentences for parents (words from the interface text catalogue) (DESIGN §3). Percentages become natural frequencies
// ("61 in every 100 children"), and the wording follows the significance result so the text
// never claims a difference or a trend the statistics do not support.
#include <cctype>
#include <cmath>

#include "base/format.h"
#include "compute/internal/steps.h"
#include "i18n/i18n.h"

namespace outcomes::compute::internal {

namespace {

std::string Frequency(const i18n::Catalogue& t, const model::Indicator& indicator, double value,
                      bool with_population) {
  std::string population = with_population ? " " + indicator.population : "";
  auto in_every = [&](const std::string& count, const std::string& per) {
    return t("sentence_in_every", {{"count", count}, {"per", per}}) + population;
  };
  switch (indicator.unit) {
    case model::Unit::kPercent: {
      double per_hundred = base::RoundTo(value, 0);
      if (per_hundred >= 1 || value == 0) return in_every(base::FormatNumber(per_hundred, 0), "100");
      return in_every(base::FormatNumber(value * 10, 0), "1,000");
    }
    case model::Unit::kRate: {
      // Whole people: "246 in every 10,000"; a rate below 1 is said per ten times as many.
      double per = indicator.per;
      while (base::RoundTo(value, 0) < 1 && value > 0 && per < 1e9) {
        value *= 10;
        per *= 10;
      }
      return in_every(base::FormatNumber(base::RoundTo(value, 0), 0), base::FormatNumber(per, 0));
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
std::string Figure(const i18n::Catalogue& t, const model::Indicator& indicator, double value) {
  std::string number = base::FormatNumber(value, indicator.decimals);
  switch (indicator.unit) {
    case model::Unit::kPercent: return number + "%";
    case model::Unit::kRate:
      return t("value_rate", {{"value", number}, {"per", base::FormatNumber(indicator.per, 0)}});
    case model::Unit::kCurrency: return "£" + number;
    case model::Unit::kCount:
    case model::Unit::kNumber: return number;
  }
  return number;
}

std::string Opening(const i18n::Catalogue& t, const model::Indicator& indicator,
                    const std::string& area_name, const Cell& cell) {
  const std::string period = cell.period.Label();
  switch (indicator.unit) {
    case model::Unit::kPercent:
    case model::Unit::kRate:
    case model::Unit::kCount:
      return t("sentence_opening", {{"frequency", Frequency(t, indicator, cell.value, true)},
                                    {"area", area_name},
                                    {"phrase", indicator.phrase},
                                    {"period", period}});
    default:
      return t("sentence_opening_value", {{"period", period},
                                          {"indicator", indicator.short_title},
                                          {"area", area_name},
                                          {"value", Frequency(t, indicator, cell.value, false)}});
  }
}

std::string ComparisonSentence(const i18n::Catalogue& t, const model::Indicator& indicator,
                               const Cell& cell, const Cell& benchmark, Comparison comparison,
                               NotComparedReason reason, const std::string& benchmark_name) {
  const std::string figure = Frequency(t, indicator, benchmark.value, false);
  const i18n::Args args = {{"benchmark", benchmark_name}, {"figure", figure}};
  const bool people = indicator.unit == model::Unit::kPercent;
  const bool above = cell.value > benchmark.value;
  switch (comparison) {
    case Comparison::kBetter:
    case Comparison::kWorse:
    case Comparison::kHigher:
    case Comparison::kLower:
      return t(people ? (above ? "sentence_more_than" : "sentence_fewer_than")
                      : (above ? "sentence_higher_than" : "sentence_lower_than"),
               args);
    case Comparison::kSimilar: return t("sentence_similar", args);
    case Comparison::kNotCompared:
      if (reason == NotComparedReason::kNoInterval) return t("sentence_no_interval", args);
      return {};
  }
  return {};
}

// The latest change, when Trend::latest_change_first says it goes first: "In 2019/20 it rose
// from 142 in every 10,000 in 2018/19 to 246 in every 10,000, a bigger change than chance would
// explain." Empty otherwise.
std::string LatestChangeSentence(const i18n::Catalogue& t, const model::Indicator& indicator,
                                 const Trend& trend, const Series& series) {
  if (!trend.latest_change_first) return {};
  const Cell* latest = series.Latest();
  const Cell* previous = CellAt(series, trend.short_term_from);
  if (!latest || !previous) return {};
  std::string why;
  if (trend.latest_change_has_intervals)
    why = t(trend.latest_change_beyond_chance ? "sentence_change_beyond_chance"
                                              : "sentence_change_chance");
  else
    why = std::fabs(latest->value - previous->value) >=
                  kLargeChangeShare * std::fabs(previous->value)
              ? t("sentence_change_fifth")
              : t("sentence_change_plain");
  const bool rising = latest->value > previous->value;
  std::string from = Frequency(t, indicator, previous->value, false);
  std::string to = Frequency(t, indicator, latest->value, false);
  // Whole people can hide a change (28.6% and 29.4% are both "29 in every 100"): then the
  // figures as published.
  if (from == to) {
    from = Figure(t, indicator, previous->value);
    to = Figure(t, indicator, latest->value);
  }
  return t(rising ? "sentence_rose" : "sentence_fell",
           {{"period", latest->period.Phrase()},
            {"from", from},
            {"previous", previous->period.Phrase()},
            {"to", to},
            {"why", why}});
}

std::string TrendSentence(const i18n::Catalogue& t, const model::Indicator& indicator,
                          const Trend& trend, const Series& series) {
  // A large latest change comes first, so that a sharp rise is never followed by a bare "it
  // has gone down since ..." (true of the long run, wrong as a summary).
  std::string change = LatestChangeSentence(t, indicator, trend, series);
  // When the long run starts at the previous point, it is the same change: say it once.
  const Cell* last = series.Latest();
  model::Period long_run_from =
      trend.kind == TrendKind::kDirectionOnly
          ? (trend.long_term != Direction::kUnknown ? trend.long_term_from : trend.short_term_from)
          : (last ? last->period.Shifted(1 - trend.points) : trend.short_term_from);
  if (trend.kind != TrendKind::kCannotCalculate && long_run_from == trend.short_term_from &&
      !(trend.kind == TrendKind::kDirectionOnly && trend.long_term == Direction::kUnknown))
    change.clear();
  // Each long-run sentence has a twin ("_mid") for after "Over the longer run, ".
  auto join = [&](const std::string& key, const i18n::Args& args) {
    if (change.empty()) return t(key, args);
    return t("sentence_then_long_run", {{"change", change}, {"long_run", t(key + "_mid", args)}});
  };
  switch (trend.kind) {
    case TrendKind::kIncreasing:
    case TrendKind::kDecreasing: {
      const Cell* latest = series.Latest();
      std::string from = latest ? latest->period.Shifted(1 - trend.points).Phrase() : "";
      return join(trend.kind == TrendKind::kIncreasing ? "sentence_up_steadily"
                                                       : "sentence_down_steadily",
                  {{"period", from}});
    }
    case TrendKind::kNoSignificantChange: {
      const Cell* latest = series.Latest();
      std::string from = latest ? latest->period.Shifted(1 - trend.points).Phrase() : "";
      return join("sentence_no_clear_change", {{"period", from}});
    }
    case TrendKind::kDirectionOnly: {
      bool long_term = trend.long_term != Direction::kUnknown;
      // With only the latest change known, the change sentence says it all.
      if (!long_term && !change.empty()) return change;
      Direction direction = long_term ? trend.long_term : trend.short_term;
      std::string since = (long_term ? trend.long_term_from : trend.short_term_from).Phrase();
      switch (direction) {
        case Direction::kUp: return join("sentence_up_since", {{"period", since}});
        case Direction::kDown: return join("sentence_down_since", {{"period", since}});
        case Direction::kNoChange: return join("sentence_same_as", {{"period", since}});
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
    const i18n::Catalogue& t = site.text;
    series.sentences.push_back(Opening(t, indicator, area.name, *latest));
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
            t, indicator, *latest, *benchmark_cell, latest->comparisons[chosen],
            latest->not_compared[chosen], results.areas[benchmark_area].name);
        if (!sentence.empty()) series.sentences.push_back(std::move(sentence));
      }
    }
    std::string trend = TrendSentence(t, indicator, series.trend, series);
    if (!trend.empty()) series.sentences.push_back(std::move(trend));
  }
}

}  // namespace outcomes::compute::internal
